/**
 * Property: adding capacity to an element never raises the equilibrium's total generalised cost (beyond the
 * solver's tolerance). This holds for a single class on series-parallel networks (Milchtaich, "Network topology
 * and the efficiency of equilibrium", Games and Economic Behavior 57, 2006: Braess's paradox cannot occur there),
 * and need not hold elsewhere, so the generated networks are parallel routes of sections in series between two
 * nodes, with random tariffs, times and capacities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../../src/core/scenarios/kpis.ts';
import { assign, containerDemand, type Leg, legsNetwork } from './helpers.ts';

const section = fc.record({
  usdPerTeu: fc.integer({ min: 10, max: 300 }),
  hours: fc.integer({ min: 0, max: 100 }),
  teuPerYear: fc.option(fc.integer({ min: 20000, max: 300000 }), { nil: undefined }),
});
const routes = fc.array(fc.array(section, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

function build(rs: Array<Array<{ usdPerTeu: number; hours: number; teuPerYear: number | undefined }>>) {
  const nodes = ['a', 'b'];
  const legs: Leg[] = [];
  rs.forEach((secs, i) => {
    let prev = 'a';
    secs.forEach((s, j) => {
      const next = j === secs.length - 1 ? 'b' : `m${i}-${j}`;
      if (next !== 'b') nodes.push(next);
      const leg: Leg = { id: `r${i}-${j}`, from: prev, to: next, usdPerTeu: s.usdPerTeu, hours: s.hours };
      if (s.teuPerYear !== undefined) leg.teuPerYear = s.teuPerYear;
      legs.push(leg);
      prev = next;
    });
  });
  return { nodes, legs };
}

describe('adding capacity', () => {
  it('never increases the total generalised cost of the equilibrium on series-parallel networks', () => {
    fc.assert(
      fc.property(
        routes,
        fc.integer({ min: 10000, max: 400000 }),
        fc.nat(),
        fc.double({ min: 1.05, max: 5, noNaN: true }),
        (rs, teu, pick, factor) => {
          const { nodes, legs } = build(rs);
          const capped = legs.filter((l) => l.teuPerYear !== undefined);
          if (capped.length === 0) return;
          const target = capped[pick % capped.length]!;
          const more = legs.map((l) => (l === target ? { ...l, teuPerYear: l.teuPerYear! * factor } : l));
          const demand = containerDemand([{ from: 'a', to: 'b', teu }]);
          const opts = { relativeGap: 1e-5, maxIterations: 5000 };
          const rb = assign(legsNetwork(nodes, legs), demand, opts);
          const ra = assign(legsNetwork(nodes, more), demand, opts);
          const before = computeKpis(rb, { samples: 0 });
          const after = computeKpis(ra, { samples: 0 });
          // An approximate equilibrium with relative gap g is within about g of the equilibrium's total cost.
          const tolerance = Math.max(1e-4, rb.relativeGap + ra.relativeGap);
          // Demand is conserved in both.
          for (const k of [before, after]) {
            const c = k.commodities[0]!;
            expect(c.served + c.unserved).toBeCloseTo(teu, 4);
          }
          expect(after.totals.generalisedCostUsd).toBeLessThanOrEqual(
            before.totals.generalisedCostUsd * (1 + tolerance) + 1e-6,
          );
        },
      ),
      { numRuns: 60, seed: 20251126 },
    );
  });
});
