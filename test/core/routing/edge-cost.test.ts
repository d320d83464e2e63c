/**
 * The search's cost of a container cargo with a 20' box (edge-cost.ts boxUnits, edgeCost) is what the itinerary
 * charges for the same parts (costs/box-prices.ts boxesUsd): otherwise the search keeps routes that the itinerary
 * report shows dominated, as it did for one TEU through the Caspian ports once their handling was priced per box.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesUsd } from '../../../src/core/costs/box-prices.ts';
import type { Itinerary } from '../../../src/core/index.ts';
import { boxUnits } from '../../../src/core/routing/edge-cost.ts';
import { loadContext } from '../../../src/io/index.ts';

describe('boxUnits', () => {
  it('prices TEU as 40-foot and 20-foot boxes exactly as boxesUsd does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (teu, usdPerTeu, ratio) => {
          const { in40, in20 } = boxUnits(teu);
          expect(in40 + in20).toBeCloseTo(teu, 9);
          expect(in20).toBeGreaterThanOrEqual(0);
          const perTeu20 = (2 * usdPerTeu) / ratio;
          expect(usdPerTeu * in40 + perTeu20 * in20).toBeCloseTo(boxesUsd(usdPerTeu, teu, ratio), 6);
        },
      ),
    );
  });
  it('gives whole 40-foot boxes no 20-foot share, and one TEU a whole 20-foot box', () => {
    expect(boxUnits(2)).toEqual({ in40: 2, in20: 0 });
    expect(boxUnits(40)).toEqual({ in40: 40, in20: 0 });
    expect(boxUnits(1)).toEqual({ in40: 0, in20: 1 });
    expect(boxUnits(3)).toEqual({ in40: 2, in20: 1 });
  });
});

describe('a one-TEU route through the Caspian ports (per-box handling)', () => {
  const { engine } = loadContext();
  const t = (it: Itinerary) => [Date.parse(it.totals.arrive), it.totals.costUsd, it.totals.co2eKg ?? 0];
  const dominated = (its: Itinerary[]) =>
    its.filter((x) => its.some((y) => y !== x && t(y).every((v, i) => v <= (t(x)[i] ?? 0) + 1e-6)));
  for (const teu of [1, 2, 3]) {
    it(`lists no itinerary that another of its answer beats on arrival, cost and CO2e (${teu} TEU)`, () => {
      const r = engine.route(
        {
          from: 'tr-istanbul-ayrilikcesme',
          to: 'kz-almaty',
          depart: '2026-12-07T08:00:00Z',
          cargo: { kind: 'containers', teu },
        },
        { timelines: false },
      );
      expect(r.itineraries.length).toBeGreaterThan(1);
      expect(dominated(r.itineraries).map((x) => x.key)).toEqual([]);
    });
  }
});
