/**
 * The no-route diagnosis asks "is there any route?" of a reachability pass instead of a search: both must agree
 * for every constraint lifted in turn, with and without a transfer limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { buildEdgeCuts, CUT_NAMES } from '../../../src/core/routing/query.ts';
import { Reachability } from '../../../src/core/routing/reachability.ts';
import { loadContext } from '../../../src/io/index.ts';

const { graph: g, network, engine } = loadContext();
const search = new ParetoRouter(g, { bounded: false });
const reach = new Reachability(g);
const usable = network.nodes.map((_, i) => i).filter((i) => (g.nodeOff[i + 1] ?? 0) > (g.nodeOff[i] ?? 0));
const IGNORE = [0, ...Object.keys(CUT_NAMES).map(Number), 0xff];

describe('Reachability', () => {
  it('says a route exists exactly when the search finds one, for every lifted constraint', () => {
    const cut = new Uint8Array(g.edgeCount);
    fc.assert(
      fc.property(
        fc.constantFrom(...usable),
        fc.constantFrom(...usable),
        fc.subarray(['RU', 'KZ', 'AZ', 'IR', 'TR', 'GE', 'CN', 'UZ'], { maxLength: 4 }),
        fc.subarray(['sea', 'ferry', 'road'] as const, { maxLength: 2 }),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.constantFrom('containers' as const, 'liquid' as const),
        (origin, destination, avoidCountries, avoidModes, maxTransfers, kind) => {
          const cargo = kind === 'containers' ? { kind, teu: 1 } : { kind, tonnes: 100 };
          const q = { origin, destination, departH: 495_000, cargo, avoidCountries, avoidModes: [...avoidModes] };
          buildEdgeCuts(g, q, cut);
          for (const ignore of IGNORE) {
            for (const limit of [maxTransfers, undefined]) {
              const found = search.search({ ...q, maxTransfers: limit }, ignore).length > 0;
              expect(reach.reaches(origin, destination, cut, ignore, limit)).toBe(found);
            }
          }
        },
      ),
      { numRuns: 150, seed: 3 },
    );
  });

  it('is no route from a node to itself, as in the search', () => {
    const cut = new Uint8Array(g.edgeCount);
    const n = usable[0] ?? 0;
    expect(reach.reaches(n, n, cut, 0)).toBe(false);
  });

  it('names the constraints that cut every route in a route answer', () => {
    // Xi'an to Duisburg changes gauge at least once (1435 -> 1520 -> 1435 mm), and without Kazakhstan, Russia,
    // Mongolia and Kyrgyzstan only the sea is left: lifting either constraint lets a route through
    const base = { from: 'cn-xian', to: 'de-duisburg', depart: '2026-03-03T08:00:00Z' } as const;
    const cargo = { kind: 'containers', teu: 1 } as const;
    const direct = engine.route({ ...base, cargo, maxTransfers: 0 });
    expect(direct.itineraries).toEqual([]);
    expect(direct.noRoute?.cutBy).toEqual(['at most 0 transfers']);
    const cut = engine.route({ ...base, cargo, avoidCountries: ['KZ', 'RU', 'MN', 'KG'], avoidModes: ['sea'] });
    expect(cut.itineraries).toEqual([]);
    expect(cut.noRoute?.cutBy).toEqual(['avoided modes', 'avoided countries']);
  });
});
