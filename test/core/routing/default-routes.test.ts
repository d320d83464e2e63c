/**
 * The default routes of `keruen network stats` on the shipped data: the figures they use are below 10 % missing
 * (issue 15, item 4), and the cases route.
 */
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/core/network/stats.ts';
import {
  type DefaultRouteCase,
  defaultRouteUses,
  VALIDATION_ROUTE_CASES,
} from '../../../src/core/routing/default-routes.ts';
import { loadContext, loadDemand } from '../../../src/io/index.ts';

const ctx = loadContext();
const demand = loadDemand();
const kindOf = new Map(demand.commodities.map((c) => [c.id, c.kind]));
const cases: DefaultRouteCase[] = [
  ...demand.flows.map((f): DefaultRouteCase => {
    const kind = kindOf.get(f.commodity) ?? 'containers';
    return { from: f.from, to: f.to, cargo: kind === 'containers' ? { kind, teu: 1 } : { kind, tonnes: 1000 } };
  }),
  ...VALIDATION_ROUTE_CASES,
];

describe('default routes', () => {
  const { uses, unrouted } = defaultRouteUses(ctx.engine, cases);
  const s = computeStats(ctx.network, uses);

  it('every case routes, and each gives one to three best itineraries', () => {
    expect(unrouted).toEqual([]);
    expect(uses.length).toBeGreaterThanOrEqual(cases.length);
    expect(uses.length).toBeLessThanOrEqual(3 * cases.length);
  });

  it('less than 10 % of the figures the default routes use are missing', () => {
    const d = s.defaultRoutes;
    expect(d?.total).toBeGreaterThan(100);
    expect(d?.missingShare, JSON.stringify(d?.missingByField)).toBeLessThan(0.1);
  });

  it('every link and hub the default routes use has a capacity', () => {
    const d = s.defaultRoutes;
    const noCapacity = (d?.missingList ?? []).filter((x) => x.endsWith(' capacity') || x.endsWith('.capacity'));
    expect(noCapacity).toEqual([]);
  });
});
