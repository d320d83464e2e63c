import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/core/network/stats.ts';
import { loadNetwork } from '../../../src/io/index.ts';

const net = loadNetwork(fileURLToPath(new URL('../../fixtures/network/valid', import.meta.url)));

describe('computeStats on the fixture network', () => {
  const s = computeStats(net);

  it('counts records by kind, mode, country and status', () => {
    expect(s.sources).toBe(2);
    expect(s.nodes.total).toBe(6);
    expect(s.nodes.byKind).toEqual({ sea_port: 3, dry_port: 1, gauge_change: 1, terminal: 1 });
    expect(s.nodes.byCountry).toEqual({ KZ: 2, AZ: 1, CN: 1, PL: 1, RO: 1 });
    expect(s.links.byMode).toEqual({ rail: 2, ferry: 1, road: 1 });
    expect(s.links.byStatus).toEqual({ operational: 3, planned: 1 });
    // xian-khorgos CN+KZ, khorgos-aktau KZ, aktau-alat KZ+AZ, alat-constanta AZ+RO
    expect(s.links.byCountry).toEqual({ KZ: 3, AZ: 2, CN: 1, RO: 1 });
    expect(s.links.totalKm).toBe(3200 + 2900 + 470 + 2300);
    expect(s.services).toEqual({ total: 1, byMode: { ferry: 1 } });
  });

  it('classifies every figure as sourced, estimated or missing', () => {
    // Nodes: aktau coords S, capacity S, dwell E; khorgos coords E, gauge-change duration S, dwell and capacity
    // missing (dry port); xian coords S, capacity S, dwell missing; alat coords S, dwell and capacity missing;
    // constanta coords, dwell, capacity S; malaszewicze coords S, gaugeChange.duration missing (gauge_change);
    // the five ports and terminals have no handling charge; neither gauge-change yard has a capacity.
    //   -> sourced 10, estimated 2, missing 6 + 5 + 2.
    // Links: xian-khorgos distance S, tariff S, capacity missing; khorgos-aktau distance E, capacity S, tariff
    // missing; aktau-alat distance S, duration S, tariff missing, capacity from its service (200 TEU per
    // departure); alat-constanta distance E, tariff and capacity missing.  -> sourced 5, estimated 2, missing 5.
    // Service: departures S, capacity S, cancellationProbability missing. -> sourced 2, missing 1.
    expect(s.figures).toMatchObject({ sourced: 17, estimated: 4, missing: 19, total: 40 });
    expect(s.figures.sourcedShare).toBeCloseTo(17 / 40, 12);
    expect(s.figures.estimatedShare + s.figures.sourcedShare + s.figures.missingShare).toBeCloseTo(1, 12);
    expect(s.missingByField).toEqual({
      'link.capacity': 2,
      'link.tariff': 3,
      'node.facility.dwell': 3,
      'node.facility.capacity': 2,
      'node.facility.handlingCharge': 5,
      'node.gaugeChange.capacity': 2,
      'node.gaugeChange.duration': 1,
      'service.cancellationProbability': 1,
    });
    expect(s.gaps).toEqual({
      linkCapacity: { missing: 2, of: 4 },
      facilityCapacity: { missing: 2, of: 5 },
      gaugeChangeCapacity: { missing: 2, of: 2 },
      handlingCharge: { missing: 5, zero: 0, of: 5 },
    });
  });

  it('counts a zero handling charge as missing, and a facility at any node as needing a capacity', () => {
    const nodes = net.nodes.map((n) => {
      if (n.id === 'kz-aktau')
        return { ...n, facility: { ...n.facility, handlingCostUsdPerTeu: { value: 0, source: ['T1'] } } };
      if (n.id === 'ro-constanta')
        return { ...n, facility: { ...n.facility, handlingCostUsdPerTonne: { value: 4, source: ['T1'] } } };
      if (n.id === 'pl-malaszewicze') return { ...n, facility: { note: 'transshipment yard' } };
      return n;
    });
    const t = computeStats({ ...net, nodes });
    expect(t.gaps.handlingCharge).toEqual({ missing: 4, zero: 1, of: 5 });
    expect(t.gaps.facilityCapacity).toEqual({ missing: 3, of: 6 });
  });

  it("counts a link priced by its start country's rate or by a dated series as priced, and a rate per tonne as a tariff", () => {
    const fig = (value: number) => ({ value, source: ['T1'] });
    const rates = [
      { id: 'kz-rail', country: 'KZ', mode: 'rail' as const, usdPerTeuKm: fig(0.3), file: 'rates.yaml' },
      { id: 'kz-ferry', country: 'KZ', mode: 'ferry' as const, usdPerTonneKm: fig(0.01), file: 'rates.yaml' },
    ];
    const lane = { id: 'lane', kind: 'sea_lane', services: [], links: ['alat-constanta'], points: [] };
    const t = computeStats({ ...net, rates, prices: [lane] } as unknown as typeof net);
    // khorgos-aktau (KZ rail) by the KZ rail rate, aktau-alat (KZ ferry) by the per-tonne ferry rate, alat-constanta
    // by the series that names it: no link lacks a price any more; neither rate lacks a tariff
    expect(t.missingByField['link.tariff']).toBeUndefined();
    expect(t.missingByField['rate.tariff']).toBeUndefined();
    const unpriced = computeStats({
      ...net,
      rates: [{ ...rates[0], usdPerTeuKm: undefined }],
    } as unknown as typeof net);
    expect(unpriced.missingByField['rate.tariff']).toBe(1);
    expect(unpriced.missingByField['link.tariff']).toBe(3);
  });
});
