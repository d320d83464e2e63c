/**
 * The bounded Pareto search (lower bounds, A* order, reachability pruning) against the plain label-setting
 * search it speeds up (`{ bounded: false }`): on the shipped network the two must return the same paths, edge for
 * edge, under random constraints; and the bounds must be lower bounds of every Pareto route's remaining
 * criteria. The 10x synthetic network is compared in test/bench/routing/bounded-synthetic.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalH, unitCo2e, unitCost } from '../../../src/core/routing/edge-cost.ts';
import { LowerBounds } from '../../../src/core/routing/lower-bounds.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { buildEdgeCuts, type SearchQuery } from '../../../src/core/routing/query.ts';
import { loadContext } from '../../../src/io/index.ts';

const { graph: g, network } = loadContext();
const fast = new ParetoRouter(g);
const slow = new ParetoRouter(g, { bounded: false });

/** Nodes with at least one platform: the others are no query. */
const usable = network.nodes.map((_, i) => i).filter((i) => (g.nodeOff[i + 1] ?? 0) > (g.nodeOff[i] ?? 0));
const COUNTRIES = ['RU', 'BY', 'IR', 'KZ', 'AZ', 'GE', 'TR', 'UZ', 'CN', 'PL'];
const YEAR_2026_H = Date.UTC(2026, 0, 1) / 3_600_000;

const query = fc.record({
  origin: fc.constantFrom(...usable),
  destination: fc.constantFrom(...usable),
  departH: fc.double({ min: YEAR_2026_H, max: YEAR_2026_H + 365 * 24, noNaN: true }),
  cargo: fc.oneof(
    fc.record({ kind: fc.constant('containers' as const), teu: fc.integer({ min: 1, max: 80 }) }),
    fc.record({ kind: fc.constantFrom('bulk' as const, 'liquid' as const), tonnes: fc.integer({ min: 1, max: 5000 }) }),
  ),
  avoidCountries: fc.subarray(COUNTRIES, { maxLength: 3 }),
  maxTransfers: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  useRisk: fc.boolean(),
  includePlannedUpTo: fc.option(fc.constantFrom(2027, 2030, 2035), { nil: undefined }),
}) satisfies fc.Arbitrary<SearchQuery>;

describe('bounded Pareto search on the shipped network', () => {
  it('returns exactly the paths of the unbounded search, under random constraints', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(fast.search(q)).toEqual(slow.search(q));
      }),
      { numRuns: 600, seed: 21 },
    );
  });

  it('pops fewer labels than the unbounded search on long routes', () => {
    // Xi'an to Duisburg: the whole corridor; the bounds must cut the labels popped, not only the time
    const q = (id: string) => network.nodes.findIndex((n) => n.id === id);
    const sq: SearchQuery = {
      origin: q('cn-xian'),
      destination: q('de-duisburg'),
      departH: YEAR_2026_H + 1000,
      cargo: { kind: 'containers', teu: 2 },
    };
    expect(sq.origin).toBeGreaterThanOrEqual(0);
    expect(sq.destination).toBeGreaterThanOrEqual(0);
    const paths = fast.search(sq);
    const popped = fast.stats.labelsPopped;
    expect(paths).toEqual(slow.search(sq));
    expect(paths.length).toBeGreaterThan(0);
    expect(popped).toBeLessThan(slow.stats.labelsPopped);
  });

  it('answers a query with no route without popping a label', () => {
    // every country of the corridors avoided but the origin's and destination's: nothing is left to ride on
    const q = (id: string) => network.nodes.findIndex((n) => n.id === id);
    const sq: SearchQuery = {
      origin: q('cn-xian'),
      destination: q('de-duisburg'),
      departH: YEAR_2026_H,
      cargo: { kind: 'containers', teu: 1 },
      avoidCountries: ['KZ', 'RU', 'MN', 'KG', 'PK', 'VN', 'LA', 'MM', 'IN', 'NP'],
      avoidModes: ['sea'],
    };
    expect(slow.search(sq)).toEqual([]);
    expect(fast.search(sq)).toEqual([]);
    expect(fast.stats.labelsPopped).toBe(0);
  });
});

describe('bound cache', () => {
  it('reuses the bounds of a destination only under the same cuts, cargo and criteria', () => {
    const r = new ParetoRouter(g);
    const at = (id: string) => network.nodes.findIndex((n) => n.id === id);
    const q: SearchQuery = {
      origin: at('cn-xian'),
      destination: at('de-duisburg'),
      departH: YEAR_2026_H,
      cargo: { kind: 'containers', teu: 2 },
    };
    r.search(q);
    r.search({ ...q, origin: at('kz-aktau'), departH: YEAR_2026_H + 500 }); // another origin and date: reused
    expect(r.boundSetsComputed).toBe(1);
    r.search({ ...q, avoidCountries: ['RU'] }); // other cuts
    r.search({ ...q, cargo: { kind: 'containers', teu: 3 } }); // other cost per unit
    r.search({ ...q, useRisk: true }); // another criterion
    expect(r.boundSetsComputed).toBe(4);
    // and each answer is the unbounded one
    expect(r.search({ ...q, avoidCountries: ['RU'] })).toEqual(slow.search({ ...q, avoidCountries: ['RU'] }));
    expect(r.boundSetsComputed).toBe(4);
  });
});

describe('lower bounds', () => {
  const bounds = new LowerBounds(g);
  const cut = new Uint8Array(g.edgeCount);

  it('never exceed what a Pareto route still has to travel from any vertex on it', () => {
    fc.assert(
      fc.property(query, (q) => {
        const paths = slow.search(q);
        buildEdgeCuts(g, q, cut);
        const perTeu = q.cargo.kind === 'containers';
        const units = q.cargo.kind === 'containers' ? q.cargo.teu : q.cargo.tonnes;
        bounds.compute(q.destination, cut, { perTeu, units, useRisk: true, useTransfers: true });
        const lb = bounds.current;
        for (const p of paths) {
          // walk the route backwards, summing what is left after each vertex
          let time = 0;
          let cost = 0;
          let co2e = 0;
          let transfers = 0;
          for (let i = p.edges.length - 1; i >= 0; i--) {
            const e = p.edges[i] ?? 0;
            time += g.timeH[e] ?? 0;
            cost += unitCost(g, e, perTeu) * units;
            co2e += unitCo2e(g, e, perTeu) * units;
            transfers += g.kind[e] === 0 ? 0 : 1;
            const v = g.source[e] ?? 0;
            const slack = (x: number) => 1e-9 * (1 + x);
            expect(lb.timeH[v]).toBeLessThanOrEqual(time + slack(time));
            expect(lb.costUsd[v]).toBeLessThanOrEqual(cost + slack(cost));
            expect(lb.co2eKg[v]).toBeLessThanOrEqual(co2e + slack(co2e));
            expect(lb.transfers[v]).toBeLessThanOrEqual(transfers);
          }
          // and the time bound holds for the timed route too: waits only add
          let t = q.departH;
          for (const e of p.edges) t = arrivalH(g, e, t);
          expect(t).toBe(p.arriveH);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
