/**
 * A sweep of many origin-destination pairs (one-to-many.ts, RoutingEngine.paretoSets) must give, pair for pair,
 * the paths of the searches one by one, while computing each destination's bounds once.
 */
import { describe, expect, it } from 'vitest';
import { sweepPareto } from '../../../src/core/routing/one-to-many.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import type { SearchQuery } from '../../../src/core/routing/query.ts';
import { loadContext } from '../../../src/io/index.ts';

const { graph: g, network, engine } = loadContext();
const usable = network.nodes.map((_, i) => i).filter((i) => (g.nodeOff[i + 1] ?? 0) > (g.nodeOff[i] ?? 0));
const DEPART_H = Date.UTC(2026, 2, 3, 8) / 3_600_000;

/** Every 7th usable node as an origin, every 11th as a destination: an OD matrix without diagonal. */
function matrix(extra: Partial<SearchQuery> = {}): SearchQuery[] {
  const origins = usable.filter((_, i) => i % 7 === 0);
  const destinations = usable.filter((_, i) => i % 11 === 3);
  return origins.flatMap((origin) =>
    destinations
      .filter((d) => d !== origin)
      .map((destination) => ({
        origin,
        destination,
        departH: DEPART_H,
        cargo: { kind: 'containers', teu: 2 } as const,
        ...extra,
      })),
  );
}

describe('sweepPareto', () => {
  it.each([
    ['three criteria', {}],
    ['risk and a transfer limit, Russia avoided', { useRisk: true, maxTransfers: 3, avoidCountries: ['RU'] }],
  ])('gives the pair-by-pair paths, %s', (_, extra) => {
    const qs = matrix(extra);
    expect(qs.length).toBeGreaterThan(50);
    const one = new ParetoRouter(g);
    const pairByPair = qs.map((q) => one.search(q));
    const reference = new ParetoRouter(g, { bounded: false });
    const sweep = sweepPareto(new ParetoRouter(g), qs);
    expect(sweep.sets).toEqual(pairByPair);
    // and the unbounded search finds the same sets
    expect(sweep.sets).toEqual(qs.map((q) => reference.search(q)));
    // one bound computation per destination, not per pair
    expect(sweep.boundSetsComputed).toBe(new Set(qs.map((q) => q.destination)).size);
  });

  it('answers an empty sweep with no sets', () => {
    expect(sweepPareto(new ParetoRouter(g), [])).toEqual({ sets: [], labelsPopped: 0, boundSetsComputed: 0 });
  });
});

describe('RoutingEngine.paretoSets', () => {
  it('gives the Pareto set route() finds for each request, multi-terminal places included', () => {
    const base = { depart: '2026-03-03T08:00:00Z', cargo: { kind: 'containers', teu: 1 } } as const;
    const reqs = [
      { ...base, from: 'cn-xian', to: 'de-duisburg' },
      { ...base, from: 'kz-aktau', to: ['tr-istanbul-ayrilikcesme', 'tr-istanbul-halkali'] },
      { ...base, from: 'cn-xian', to: 'de-duisburg', maxTransfers: 0 },
    ];
    const sets = engine.paretoSets(reqs);
    expect(sets).toHaveLength(3);
    reqs.forEach((r, i) => {
      // route() builds its itineraries from the same merged set: same count, same durations, same transfers
      const routed = engine.route(r, { timelines: false });
      const departH = Date.parse(base.depart) / 3_600_000;
      expect(sets[i]?.map((p) => [p.arriveH - departH, p.transfers])).toEqual(
        routed.itineraries.map((it) => [it.totals.durationH, it.totals.transfers]),
      );
    });
    expect(sets[0]?.length).toBeGreaterThan(0);
    expect(sets[2]).toEqual([]);
  });

  it('refuses a bad request in a sweep with the error of route()', () => {
    const bad = {
      from: 'cn-xian',
      to: 'nowhere',
      depart: '2026-03-03T08:00:00Z',
      cargo: { kind: 'containers', teu: 1 },
    };
    expect(() => engine.paretoSets([bad as never])).toThrow(/nowhere/);
  });
});
