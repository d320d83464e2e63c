/**
 * The gradient-projection solver against the plain method of successive averages: on random networks of
 * parallel routes (sections in series, random tariffs, times and capacities) and two commodities with different
 * values of time, both reach the same total generalised cost and served volumes, and both conserve demand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDemand } from '../../../src/core/scenarios/demand.ts';
import { computeKpis } from '../../../src/core/scenarios/kpis.ts';
import { fig } from '../../support/synthetic-network.ts';
import { assign, type Leg, legsNetwork } from './helpers.ts';

const section = fc.record({
  usdPerTeu: fc.integer({ min: 10, max: 300 }),
  hours: fc.integer({ min: 0, max: 100 }),
  teuPerYear: fc.option(fc.integer({ min: 20000, max: 300000 }), { nil: undefined }),
});

describe('gradient projection and MSA', () => {
  it('reach the same equilibrium (cost and served volumes) on random parallel-route networks with two classes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(section, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 10000, max: 300000 }),
        fc.integer({ min: 100000, max: 2000000 }),
        (rs, teu, tonnes) => {
          const nodes = ['a', 'b'];
          const legs: Leg[] = [];
          rs.forEach((secs, i) => {
            let prev = 'a';
            secs.forEach((s, j) => {
              const next = j === secs.length - 1 ? 'b' : `m${i}-${j}`;
              if (next !== 'b') nodes.push(next);
              legs.push({ id: `r${i}-${j}`, from: prev, to: next, ...s });
              prev = next;
            });
          });
          const net = legsNetwork(nodes, legs);
          const demand = parseDemand({
            id: 'two',
            name: 'two classes',
            description: 'containers and grain',
            year: 2025,
            sources: ['T1'],
            commodities: [
              { id: 'containers', name: 'Containers', kind: 'containers', valueOfTimeUsdPerUnitH: fig(2) },
              { id: 'grain', name: 'Grain', kind: 'general', valueOfTimeUsdPerUnitH: fig(0.05) },
            ],
            flows: [
              { from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(teu) },
              { from: 'a', to: 'b', commodity: 'grain', volumePerYear: fig(tonnes) },
            ],
          }).demand!;
          const gp = assign(net, demand, { relativeGap: 1e-6, maxIterations: 500 });
          const msa = assign(net, demand, { method: 'msa', relativeGap: 1e-6, maxIterations: 20000 });
          const a = computeKpis(gp, { samples: 0 });
          const b = computeKpis(msa, { samples: 0 });
          for (const k of [a, b]) for (const c of k.commodities) expect(c.served + c.unserved).toBeCloseTo(c.demand, 3);
          // The relative gap bounds the distance to equilibrium only loosely, so the check is on outcomes.
          expect(Math.abs(a.totals.generalisedCostUsd - b.totals.generalisedCostUsd)).toBeLessThanOrEqual(
            1e-3 * b.totals.generalisedCostUsd + 1e-6,
          );
          a.commodities.forEach((c, i) => {
            // MSA's 1/k steps leave up to about 1% of a class's volume unsettled after 20,000 iterations when a
            // capacity binds and the cheap class (tonnes priced per box of 28 t) sits at the margin.
            expect(Math.abs(c.served - b.commodities[i]!.served)).toBeLessThanOrEqual(1e-2 * c.demand);
          });
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });
});
