/**
 * The cost model on the shipped dataset: the Almaty → Yerevan grain example of issue 15 (USD 285 per tonne before,
 * with a CAREC all-in cost taken as a tariff) and the evidence every leg and stop carries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legCostParts, stopCostParts } from '../../../src/core/costs/evidence.ts';
import { getNode } from '../../../src/core/network/network.ts';
import { loadContext } from '../../../src/io/index.ts';

const { engine, network } = loadContext();
const grain = engine.route(
  {
    from: 'kz-almaty',
    to: 'am-yerevan',
    depart: '2025-06-01T00:00:00Z',
    cargo: { kind: 'bulk', tonnes: 1000, commodity: 'grain' },
  },
  { timelines: false },
);

describe('Almaty → Yerevan, 1000 t of grain', () => {
  const it0 = grain.itineraries[0];
  it('routes, in USD of the price year', () => {
    expect(it0).toBeDefined();
    expect(it0?.totals.priceYear).toBe(2025);
  });
  it('costs a tariff-level price per tonne, not the all-in USD 285', () => {
    const perTonne = (it0?.totals.costUsd ?? 0) / 1000;
    // Kazakh grain tariff 12 USD/t per 2,100 km, ferry, Caspian handling and Caucasus rail: tens of dollars
    expect(perTonne).toBeGreaterThan(20);
    expect(perTonne).toBeLessThan(150);
  });
  it('moves the grain in 1520 mm wagons on rail legs: 1000 t / 69.5 t = 15 wagons', () => {
    const rail = it0?.legs.filter((l) => l.mode === 'rail') ?? [];
    expect(rail.length).toBeGreaterThan(0);
    for (const l of rail) expect(l.units).toEqual({ count: 15, unit: 'wagon1520' });
  });
  it('gives every leg and stop its parts with a provenance, and totals that add them up', () => {
    const t = it0?.totals;
    let sum = 0;
    for (const l of it0?.legs ?? []) {
      expect(l.costParts.length).toBeGreaterThan(0);
      expect(l.timeParts.map((p) => p.kind)).toContain('travel');
      for (const p of [...l.costParts, ...l.timeParts])
        expect(['sourced', 'estimated', 'missing']).toContain(p.provenance);
      sum += l.costUsd ?? 0;
    }
    for (const s of it0?.stops ?? []) sum += s.costUsd;
    expect(t?.costUsd).toBeCloseTo(sum, 6);
    expect(t?.costSourcedShare).toBeGreaterThan(0);
    expect(t?.costSourcedShare).toBeLessThanOrEqual(1);
    expect(t?.timeSourcedShare).toBeGreaterThan(0);
  });
  it('prices the Kazakh rail legs on the sourced KTZ grain tariff', () => {
    const kz = it0?.legs.find((l) => l.linkId === 'kz-shu-arys');
    expect(kz?.costParts[0]).toMatchObject({
      kind: 'line_haul',
      provenance: 'sourced',
      sources: ['C-KTZ-GRAIN', 'C-KTZ-2025'],
    });
  });
});

describe('cost by tonnage', () => {
  const legs = grain.itineraries[0]?.legs ?? [];
  const stops = grain.itineraries[0]?.stops ?? [];
  const costOf = (tonnes: number): number => {
    let c = 0;
    for (const l of legs) {
      const link = network.links[network.linkIndex.get(l.linkId) ?? -1];
      if (link === undefined) continue;
      const parts = legCostParts(network, link, getNode(network, l.from), getNode(network, l.to), 0, {
        kind: 'tonnage',
        tonnes,
      });
      for (const p of parts) c += p.usd ?? 0;
    }
    for (const s of stops)
      for (const p of stopCostParts(network, getNode(network, s.node), s.kind === 'gauge_change', {
        kind: 'tonnage',
        tonnes,
      }))
        c += p.usd ?? 0;
    return c;
  };
  it('never decreases when the tonnes rise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5e4, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (t, d) => {
          expect(costOf(t + d)).toBeGreaterThanOrEqual(costOf(t) - 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
