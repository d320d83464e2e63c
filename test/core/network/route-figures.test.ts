import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RouteUse, routeFigureCounts } from '../../../src/core/network/route-figures.ts';
import { loadNetwork } from '../../../src/io/index.ts';

const net = loadNetwork(fileURLToPath(new URL('../../fixtures/network/valid', import.meta.url)));

const route: RouteUse = {
  links: [
    { linkId: 'xian-khorgos', from: 'cn-xian', to: 'kz-khorgos', costKnown: true },
    { linkId: 'khorgos-aktau', from: 'kz-khorgos', to: 'kz-aktau', costKnown: false },
    { linkId: 'aktau-alat', from: 'kz-aktau', to: 'az-alat', costKnown: false },
  ],
  transfers: ['kz-aktau'],
  gaugeChanges: ['kz-khorgos'],
};

describe('routeFigureCounts', () => {
  it('counts each figure a route uses once, by provenance', () => {
    // xian-khorgos: distance S, time missing (no duration, speed or rate), cost S (tariff), capacity missing.
    // khorgos-aktau: distance E, time missing, cost missing, capacity S (20 trains/day).
    // aktau-alat: distance S, time S (duration), cost missing, capacity S (its ferry's TEU per departure).
    // kz-aktau transfer: dwell E, capacity S, handling missing. kz-khorgos gauge change: duration S, capacity
    // missing. No border_crossing node is crossed. -> sourced 8, estimated 2, missing 7; the second route
    // repeats xian-khorgos and adds nothing.
    const r = routeFigureCounts(net, [route, { links: route.links.slice(0, 1), transfers: [], gaugeChanges: [] }]);
    expect(r).toMatchObject({ routes: 2, links: 3, nodes: 2, sourced: 8, estimated: 2, missing: 7, total: 17 });
    expect(r.missingShare).toBeCloseTo(7 / 17, 12);
    expect(r.missingByField).toEqual({
      'link.time': 2,
      'link.capacity': 1,
      'link.cost': 2,
      'node.facility.handlingCharge': 1,
      'node.gaugeChange.capacity': 1,
    });
    expect(r.missingList).toContain('kz-khorgos gaugeChange.capacity');
  });

  it('a cost the compiled graph knows from elsewhere (a sea lane) counts as estimated, not missing', () => {
    const known: RouteUse = { ...route, links: route.links.map((l) => ({ ...l, costKnown: true })) };
    const r = routeFigureCounts(net, [known]);
    expect(r.missingByField['link.cost']).toBeUndefined();
    expect(r.estimated).toBe(4);
  });
});
