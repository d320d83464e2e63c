/**
 * The bounded Pareto search against the unbounded one on the benchmark's synthetic 10x network (10 copies of data/):
 * a sample of the benchmark's own queries (bench/routing/multi-criteria.ts, seed 42): 80 on three criteria, 40 on four.
 * The criteria of every route must be equal to the last bit. The edges too, except between twins: routes whose
 * criteria are equal within the search's dominance tolerance (EPS, 1e-9), which the copies of the network have,
 * bitwise equal or apart in the last bit (the same sums added in another order). Of two twins the search keeps
 * the one it finds first, and the bounded and unbounded searches pop in different orders; the route returned must
 * then replay to exactly its own criteria.
 */
import { describe, expect, it } from 'vitest';
import { randomRequests } from '../../../bench/routing/multi-criteria.ts';
import { replicate, toNetwork } from '../../../bench/support/synthetic-corridors.ts';
import { createEmissionsModel, parseDatasetFiles } from '../../../src/core/index.ts';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { EPS } from '../../../src/core/routing/destination-front.ts';
import { arrivalH, unitCo2e, unitCost } from '../../../src/core/routing/edge-cost.ts';
import { type ParetoPath, ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { RoutingEngine } from '../../../src/core/routing/plan.ts';
import { loadEmissionFactorsDir, readDatasetFiles } from '../../../src/io/index.ts';

const K = 10;
const net = toNetwork(replicate(parseDatasetFiles(readDatasetFiles()).raw, { copies: K, seed: 42 + K }), 'x10');
const g = compileNetwork(net, { emissions: createEmissionsModel(loadEmissionFactorsDir()) });
const engine = new RoutingEngine(net, g);
const fast = new ParetoRouter(g);
const slow = new ParetoRouter(g, { bounded: false });
const criteria = (p: ParetoPath) => [p.arriveH, p.costUsd, p.co2eKg, p.riskLog, p.transfers];

describe('bounded Pareto search on the synthetic 10x network', () => {
  it.each([false, true])('finds the Pareto set of the unbounded search (risk %s)', (useRisk) => {
    let twins = 0;
    for (const req of randomRequests(net, g, useRisk ? 40 : 80, 42)) {
      const q = { ...engine.toQuery(req), useRisk };
      const a = fast.search(q);
      const b = slow.search(q);
      expect(a.length).toBe(b.length);
      a.forEach((p, i) => {
        const other = b[i];
        if (JSON.stringify(p.edges) === JSON.stringify(other?.edges)) {
          expect(criteria(p)).toEqual(other && criteria(other));
          return;
        }
        twins++;
        const gap = criteria(p).map((x, k) => Math.abs(x - (other ? (criteria(other)[k] ?? 0) : Number.NaN)));
        expect(Math.max(...gap)).toBeLessThanOrEqual(EPS);
        // a twin: the same criteria by other edges, which must add up to them
        let t = q.departH;
        let cost = 0;
        let co2e = 0;
        for (const e of p.edges) {
          t = arrivalH(g, e, t);
          cost += unitCost(g, e, true) * 2;
          co2e += unitCo2e(g, e, true) * 2;
        }
        expect([t, cost, co2e]).toEqual([p.arriveH, p.costUsd, p.co2eKg]);
      });
    }
    // twins are the exception: most routes come back edge for edge
    expect(twins).toBeLessThan(10);
  });
});
