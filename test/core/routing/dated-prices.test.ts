/**
 * A past departure is searched at its day's prices: the search ranks routes at the prices the itineraries report.
 */
import { describe, expect, it } from 'vitest';
import { graphPricedAt, lastDatedPriceH } from '../../../src/core/routing/dated-prices.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { loadContext } from '../../../src/io/index.ts';

const { engine } = loadContext();
const net = engine.network;
const H = (iso: string) => Date.parse(iso) / 3.6e6;
const query = (depart: string) => ({
  from: 'cn-shanghai',
  to: 'nl-rotterdam',
  depart,
  cargo: { kind: 'containers', teu: 2 } as const,
});

describe('routing at a past date', () => {
  it('knows when the dated lanes stop changing', () => {
    expect(lastDatedPriceH(net)).toBe(H('2025-07-03T00:00:00Z'));
  });

  it('ranks a July 2021 sailing at the peak price its itinerary reports', () => {
    const depart = '2021-07-08T00:00:00Z';
    const r = engine.route(query(depart), { timelines: false });
    const g = graphPricedAt(net, engine.graph, H(depart));
    const paths = new ParetoRouter(g).search(engine.toQuery(query(depart)));
    const today = new ParetoRouter(engine.graph).search(engine.toQuery(query(depart)));
    expect(r.itineraries.length).toBe(paths.length);
    for (const it of r.itineraries) {
      const p = paths.find((x) => Math.abs(x.arriveH * 3.6e6 - Date.parse(it.totals.arrive)) < 1000);
      expect(p).toBeDefined();
      // the report prices each leg at its own date, weeks later on a falling index: 5-7 % below the day's price
      expect(Math.abs(it.totals.costUsd - (p?.costUsd ?? 0)) / it.totals.costUsd).toBeLessThan(0.1);
    }
    // at today's prices the same sailing ranks several times cheaper: what the search used to rank it at
    const fastest = (ps: typeof paths) => ps.reduce((a, b) => (b.arriveH < a.arriveH ? b : a));
    expect(fastest(paths).costUsd).toBeGreaterThan(2 * fastest(today).costUsd);
  });

  it('searches a departure after the last dated point at today’s prices, on the engine’s own graph', () => {
    const later = engine.route(query('2026-03-02T00:00:00Z'), { timelines: false });
    const paths = new ParetoRouter(engine.graph).search(engine.toQuery(query('2026-03-02T00:00:00Z')));
    expect(later.itineraries.map((i) => Date.parse(i.totals.arrive) / 3.6e6)).toEqual(paths.map((p) => p.arriveH));
  });

  it('answers a sweep of mixed dates as route() answers each request', () => {
    const reqs = ['2021-07-08T00:00:00Z', '2026-03-02T00:00:00Z', '2019-09-19T00:00:00Z'].map(query);
    const sets = engine.paretoSets(reqs);
    reqs.forEach((req, i) => {
      const one = engine.route(req, { timelines: false });
      expect(sets[i]?.map((p) => p.costUsd)).toEqual(
        one.itineraries.map(
          (it) => sets[i]?.find((p) => Math.abs(p.arriveH * 3.6e6 - Date.parse(it.totals.arrive)) < 1000)?.costUsd,
        ),
      );
    });
  });

  it('refuses a graph compiled from another network', () => {
    const other = { ...engine.graph, edgeCount: engine.graph.edgeCount + 1 };
    expect(() => graphPricedAt(net, other, H('2021-07-08T00:00:00Z'))).toThrow(/not compiled from this network/);
  });
});
