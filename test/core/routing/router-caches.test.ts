/**
 * What the router and the itinerary builder keep between queries must never change an answer:
 * - the edge cuts, rebuilt only when a query's constraints differ from the last one's (query.ts edgeCutKey):
 *   one router asked a random sequence of queries answers each as a fresh router does;
 * - the legs shared by the itineraries of one answer (leg-memo.ts): route() equals the itineraries built one by
 *   one without a memo;
 * - the per-edge facts kept beside a compiled graph (edge-facts.ts): the same graph asked with another network
 *   (a renamed node) reads the new network, not the facts cached for the old one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { RISK_FRONT_TOLERANCE } from '../../../src/core/routing/front-tolerance.ts';
import { buildItinerary } from '../../../src/core/routing/itinerary.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import type { SearchQuery } from '../../../src/core/routing/query.ts';
import { loadContext } from '../../../src/io/index.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const { graph: g, network, engine } = loadContext();
const usable = network.nodes.map((_, i) => i).filter((i) => (g.nodeOff[i + 1] ?? 0) > (g.nodeOff[i] ?? 0));
const YEAR_2026_H = Date.UTC(2026, 0, 1) / 3_600_000;

const query = fc.record({
  origin: fc.constantFrom(...usable),
  destination: fc.constantFrom(...usable),
  departH: fc.double({ min: YEAR_2026_H, max: YEAR_2026_H + 365 * 24, noNaN: true }),
  cargo: fc.oneof(
    fc.record({ kind: fc.constant('containers' as const), teu: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constantFrom('bulk' as const, 'liquid' as const), tonnes: fc.integer({ min: 1, max: 900 }) }),
  ),
  avoidCountries: fc.subarray(['RU', 'IR', 'KZ', 'AZ', 'GE', 'TR'], { maxLength: 2 }),
  avoidModes: fc.subarray(['road' as const, 'sea' as const, 'ferry' as const], { maxLength: 1 }),
  includePlannedUpTo: fc.option(fc.constantFrom(2027, 2035), { nil: undefined }),
  useRisk: fc.boolean(),
}) satisfies fc.Arbitrary<SearchQuery>;

describe('caches of the router and of the itineraries', () => {
  it('one router over a sequence of queries answers as a fresh router per query', () => {
    const kept = new ParetoRouter(g);
    fc.assert(
      fc.property(fc.array(query, { minLength: 2, maxLength: 6 }), (qs) => {
        for (const q of qs) expect(kept.search(q)).toEqual(new ParetoRouter(g).search(q));
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('route() shares legs between itineraries without changing one of them', () => {
    // the engine's router: an epsilon-front when risk is a criterion (front-tolerance.ts)
    const router = new ParetoRouter(g, { riskTolerance: RISK_FRONT_TOLERANCE });
    const ids = (i: number) => network.nodes[i]?.id ?? '';
    fc.assert(
      fc.property(query, (q) => {
        const req = {
          from: ids(q.origin),
          to: ids(q.destination),
          depart: q.departH,
          cargo: q.cargo,
          avoidCountries: q.avoidCountries,
          useRisk: q.useRisk,
        };
        const routed = engine.route(req).itineraries;
        const one = engine.toQuery(req);
        const alone = router.search(one).map((p) => buildItinerary(network, g, p, one.departH, one.cargo));
        expect(routed).toEqual(alone);
      }),
      { numRuns: 80, seed: 8 },
    );
  });

  it('reads the network it is given, not the edge facts cached for another one', () => {
    const records = (name: string) => ({
      nodes: [node('a', 'KZ', { name: 'A' }), node('b', 'KZ', { name })],
      links: [
        {
          id: 'ab',
          from: 'a',
          to: 'b',
          mode: 'rail',
          gauge: 1520,
          status: 'operational',
          distanceKm: fig(500),
          duration: fixedH(10),
          tariff: { usdPerTeu: fig(300) },
        },
      ],
    });
    const before = networkFrom(records('Before'));
    const after = networkFrom(records('After'));
    const graph = compileNetwork(before);
    const [path] = new ParetoRouter(graph).search({
      origin: 0,
      destination: 1,
      departH: YEAR_2026_H,
      cargo: { kind: 'containers', teu: 1 },
    });
    if (path === undefined) throw new Error('no route a -> b');
    const cargo = { kind: 'containers', teu: 1 } as const;
    expect(buildItinerary(before, graph, path, YEAR_2026_H, cargo).legs[0]?.toName).toBe('Before');
    expect(buildItinerary(after, graph, path, YEAR_2026_H, cargo).legs[0]?.toName).toBe('After');
    expect(buildItinerary(before, graph, path, YEAR_2026_H, cargo).legs[0]?.toName).toBe('Before');
  });
});
