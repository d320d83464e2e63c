/**
 * Stochastic user equilibrium (logit corridor choice solved by successive averages): demand is conserved, a large
 * dispersion reproduces the deterministic equilibrium, and adding capacity never raises the total generalised
 * cost on networks of parallel corridors. Each parallel route runs through a different country group, so that
 * each is the cheapest route of its own corridor (corridor-choice.ts) and the choice set is every route.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestedLogitExpectedCost } from '../../../src/core/scenarios/corridor-logit.ts';
import { computeKpis } from '../../../src/core/scenarios/kpis.ts';
import { logitExpectedCost, logitShares } from '../../../src/core/scenarios/logit.ts';
import { networkFrom, node } from '../../support/synthetic-network.ts';
import { assign, containerDemand, type Leg, linkFlows, railLink } from './helpers.ts';

/** Countries of the parallel routes: Northern, Middle, Southern, Trans-Afghan corridors, then within the region. */
const ROUTE_COUNTRIES = ['RU', 'AZ', 'IR', 'AF', 'KZ'];

function corridorsNetwork(routes: Array<Array<Omit<Leg, 'id' | 'from' | 'to'>>>) {
  const nodes = [node('a', 'KZ'), node('b', 'KZ')];
  const links: Array<Record<string, unknown>> = [];
  routes.forEach((secs, i) => {
    let prev = 'a';
    secs.forEach((s, j) => {
      const next = j === secs.length - 1 ? 'b' : `m${i}-${j}`;
      if (next !== 'b') nodes.push(node(next, ROUTE_COUNTRIES[i]!));
      links.push(railLink({ ...s, id: `r${i}-${j}`, from: prev, to: next }));
      prev = next;
    });
  });
  return networkFrom({ nodes, links });
}

const section = fc.record({
  usdPerTeu: fc.integer({ min: 10, max: 300 }),
  hours: fc.integer({ min: 0, max: 100 }),
  teuPerYear: fc.option(fc.integer({ min: 20000, max: 300000 }), { nil: undefined }),
});
/** Route 5 (within the region) needs an intermediate node in a neutral country: at most 4 routes with bends. */
const routes = fc.array(fc.array(section, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

describe('logit shares', () => {
  it('are the textbook probabilities and shift-invariant', () => {
    const p = logitShares([100, 110, Number.POSITIVE_INFINITY], 0.1, new Float64Array(3));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
    const q = logitShares([1e6 + 100, 1e6 + 110], 0.1, new Float64Array(2));
    expect(q[0]).toBeCloseTo(p[0]!, 12);
    // The expected perceived cost is below the cheapest, and tends to it as theta grows.
    expect(logitExpectedCost([100, 110], 0.1)).toBeLessThan(100);
    expect(logitExpectedCost([100, 110], 100)).toBeCloseTo(100, 6);
  });

  it("nested: the shippers' expected cost never falls when a route goes away at the same costs", () => {
    const costs = fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(costs, fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.nat(), (c, theta, drop) => {
        const all = c.map((_, i) => i);
        const nests = [all.filter((i) => i % 2 === 0), all.filter((i) => i % 2 === 1)];
        const full = nestedLogitExpectedCost(c, nests, 2e4, theta);
        const gone = drop % c.length;
        const fewer = nests.map((js) => js.filter((j) => j !== gone)).filter((js) => js.length > 0);
        expect(nestedLogitExpectedCost(c, fewer, 2e4, theta)).toBeGreaterThanOrEqual(
          full - 1e-9 * (1 + Math.abs(full)),
        );
        expect(full).toBeLessThanOrEqual(Math.min(...c) * (1 + 1e-12));
      }),
    );
  });
});

describe('stochastic user equilibrium', () => {
  it('conserves demand: served + unserved = demand', () => {
    fc.assert(
      fc.property(
        routes,
        fc.integer({ min: 10000, max: 400000 }),
        fc.double({ min: 1e-4, max: 0.2 }),
        (rs, teu, theta) => {
          const r = assign(corridorsNetwork(rs), containerDemand([{ from: 'a', to: 'b', teu }]), {
            model: 'sue',
            logitDispersionPerUsd: { containers: theta },
            maxIterations: 300,
            relativeGap: 1e-4,
          });
          const od = r.ods[0]!;
          const served = od.routes.reduce((s, x) => s + x.flow, 0);
          expect(served + od.unserved).toBeCloseTo(teu, 4);
          for (const x of od.routes) expect(x.flow).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40, seed: 20251127 },
    );
  });

  it('splits uncongested corridors by the logit formula', () => {
    // Northern USD 100, Middle USD 120 per TEU, no capacities, value of time 1, travel time 0; unserved penalty
    // 3 x 100 (its share is exp(-0.05 * 200) relative to the Northern one).
    const net = corridorsNetwork([
      [{ usdPerTeu: 50 }, { usdPerTeu: 50 }],
      [{ usdPerTeu: 60 }, { usdPerTeu: 60 }],
    ]);
    const r = assign(net, containerDemand([{ from: 'a', to: 'b', teu: 100000 }]), {
      model: 'sue',
      logitDispersionPerUsd: { containers: 0.05 },
      unservedCostFactor: 3,
    });
    const f = linkFlows(r);
    const w = [1, Math.exp(-0.05 * 20), Math.exp(-0.05 * 200)];
    const sum = w[0]! + w[1]! + w[2]!;
    expect(f.get('r0-0')!).toBeCloseTo((100000 * w[0]!) / sum, 1);
    expect(f.get('r1-0')!).toBeCloseTo((100000 * w[1]!) / sum, 1);
    expect(r.ods[0]!.unserved).toBeCloseTo((100000 * w[2]!) / sum, 1);
  });

  it('approaches the deterministic equilibrium as theta grows (within 1 % of demand per route)', () => {
    // Northern: USD 50/TEU with 98,550 TEU/yr (h = 10 h); Middle: USD 100/TEU, no limit. The deterministic
    // equilibrium loads the Northern line to rho = 100/110 (assignment.test.ts): 89,591 TEU.
    const net = corridorsNetwork([
      [{ usdPerTeu: 25, teuPerYear: 98550 }, { usdPerTeu: 25 }],
      [{ usdPerTeu: 50 }, { usdPerTeu: 50 }],
    ]);
    const demand = containerDemand([{ from: 'a', to: 'b', teu: 200000 }]);
    const ue = linkFlows(assign(net, demand, { model: 'ue', unservedCostFactor: 3 }));
    expect(ue.get('r0-0')!).toBeCloseTo((98550 * 10) / 11, -2);
    let prev = Number.POSITIVE_INFINITY;
    for (const theta of [0.01, 0.1, 1, 10]) {
      const r = assign(net, demand, {
        model: 'sue',
        logitDispersionPerUsd: { containers: theta },
        unservedCostFactor: 3,
        maxIterations: 3000,
        relativeGap: 1e-6,
      });
      const diff = Math.abs(linkFlows(r).get('r0-0')! - ue.get('r0-0')!);
      expect(diff).toBeLessThanOrEqual(prev + 1);
      prev = diff;
    }
    expect(prev).toBeLessThan(0.01 * 200000);
  });

  it('never raises the total generalised cost when capacity is added, on parallel corridors', () => {
    fc.assert(
      fc.property(
        routes,
        fc.integer({ min: 10000, max: 400000 }),
        fc.nat(),
        fc.double({ min: 1.05, max: 5, noNaN: true }),
        (rs, teu, pick, factor) => {
          const capped = rs.flatMap((secs, i) => secs.map((s, j) => ({ s, i, j }))).filter((x) => x.s.teuPerYear);
          if (capped.length === 0) return;
          const t = capped[pick % capped.length]!;
          const more = rs.map((secs, i) =>
            secs.map((s, j) => (i === t.i && j === t.j ? { ...s, teuPerYear: s.teuPerYear! * factor } : s)),
          );
          const demand = containerDemand([{ from: 'a', to: 'b', teu }]);
          const opts = {
            model: 'sue' as const,
            logitDispersionPerUsd: { containers: 0.05 },
            relativeGap: 1e-6,
            maxIterations: 3000,
          };
          const rb = assign(corridorsNetwork(rs), demand, opts);
          const ra = assign(corridorsNetwork(more), demand, opts);
          const before = computeKpis(rb, { samples: 0 }).totals.generalisedCostUsd;
          const after = computeKpis(ra, { samples: 0 }).totals.generalisedCostUsd;
          expect(after).toBeLessThanOrEqual(before * (1 + 1e-3) + 1e-6);
        },
      ),
      { numRuns: 40, seed: 20251128 },
    );
  });
});
