/**
 * A search from a city with several terminals: the merged Pareto set equals the best of the per-terminal
 * searches, each itinerary says which terminal it uses, and the answer echoes the city with its candidates.
 */
import { describe, expect, it } from 'vitest';
import type { Itinerary } from '../../../src/core/routing/itinerary.ts';
import { mergeParetoSets } from '../../../src/core/routing/pareto-merge.ts';
import type { ParetoPath } from '../../../src/core/routing/pareto-search.ts';
import type { RouteRequest } from '../../../src/core/routing/plan.ts';
import { loadContext } from '../../../src/io/index.ts';

const { engine } = loadContext();
const ISTANBUL = ['tr-istanbul-ayrilikcesme', 'tr-istanbul-kazlicesme', 'tr-istanbul-halkali'];
const BAKU = ['az-alat', 'az-baku'];
const base = { depart: '2026-12-07T08:00:00Z', cargo: { kind: 'containers', teu: 1 } } as const;

const path = (arriveH: number, costUsd: number, co2eKg: number): ParetoPath => ({
  edges: [],
  arriveH,
  costUsd,
  co2eKg,
  riskLog: 0,
  transfers: 0,
});

/** What a reader checks: where it starts and ends, and its totals. */
const key = (it: Itinerary) =>
  `${it.legs[0]?.from}>${it.legs.at(-1)?.to} ${it.totals.arrive} ${it.totals.costUsd} ${it.totals.co2eKg}`;

/** The itineraries that no other one beats on arrival, cost and CO2e (the first of equal ones). */
function best(its: Itinerary[]): Itinerary[] {
  const t = (it: Itinerary) => [Date.parse(it.totals.arrive), it.totals.costUsd, it.totals.co2eKg ?? 0];
  const le = (a: Itinerary, b: Itinerary) => t(a).every((x, i) => x <= (t(b)[i] ?? 0) + 1e-6);
  return its.filter((x, i) => !its.some((y, j) => j !== i && le(y, x) && (j < i || !le(x, y))));
}

describe('mergeParetoSets', () => {
  it('keeps what no other set dominates; of equal paths the earlier set; sorted by arrival, cost, CO2e', () => {
    // A: (10 h, $5, 1 kg) and (20 h, $1, 1 kg). B: (10 h, $6, 1 kg) is dominated by A's first;
    // (15 h, $3, 1 kg) beats neither and is beaten by neither; (20 h, $1, 1 kg) equals A's second: A's is kept.
    const a = [path(10, 5, 1), path(20, 1, 1)];
    const b = [path(10, 6, 1), path(15, 3, 1), path(20, 1, 1)];
    const merged = mergeParetoSets([a, b], {});
    expect(merged).toEqual([a[0], b[1], a[1]]);
    expect(merged[2]).toBe(a[1]);
    expect(mergeParetoSets([b], {})).toEqual(b);
  });
});

describe('route from a city with several terminals', () => {
  for (const [label, from, to] of [
    ['Istanbul -> Almaty', ISTANBUL, ['kz-almaty']],
    ['Almaty -> Istanbul', ['kz-almaty'], ISTANBUL],
    ['Istanbul -> Baku', ISTANBUL, BAKU],
  ] as const) {
    it(`${label}: equals the best of the per-terminal searches`, () => {
      const req: RouteRequest = { ...base, from: from.length === 1 ? (from[0] ?? '') : from, to };
      const r = engine.route(req, { timelines: false });
      const perPair = from.flatMap((f) =>
        to.flatMap((t) => engine.route({ ...base, from: f, to: t }, { timelines: false }).itineraries),
      );
      expect(r.itineraries.length).toBeGreaterThan(0);
      expect(r.itineraries.map(key).sort()).toEqual(best(perPair).map(key).sort());
      // The answer is deterministic: asked twice, the same.
      expect(engine.route(req, { timelines: false })).toEqual(r);
    });
  }

  it('echoes the city and its candidates; a single node as before', () => {
    const r = engine.route({ ...base, from: ISTANBUL, to: 'kz-almaty' }, { timelines: false });
    expect(r.from).toEqual({
      name: 'Istanbul',
      candidates: [
        { id: 'tr-istanbul-ayrilikcesme', name: 'Istanbul Ayrılıkçeşme (Marmaray, Asian side)' },
        { id: 'tr-istanbul-kazlicesme', name: 'Istanbul Kazlıçeşme (Marmaray, European side)' },
        { id: 'tr-istanbul-halkali', name: 'Istanbul Halkalı' },
      ],
    });
    expect(r.to).toEqual({ id: 'kz-almaty', name: 'Almaty' });
    for (const it of r.itineraries) expect(ISTANBUL).toContain(it.legs[0]?.from);
  });

  it('drops avoided terminals, and refuses to avoid them all', () => {
    const avoid = ['tr-istanbul-ayrilikcesme', 'tr-istanbul-kazlicesme'];
    const r = engine.route({ ...base, from: ISTANBUL, to: 'kz-almaty', avoidNodes: avoid }, { timelines: false });
    expect(r.from).toMatchObject({ candidates: [{ id: 'tr-istanbul-halkali' }] });
    for (const it of r.itineraries) expect(it.legs[0]?.from).toBe('tr-istanbul-halkali');
    expect(() => engine.route({ ...base, from: ISTANBUL, to: 'kz-almaty', avoidNodes: ISTANBUL })).toThrow(
      /cannot avoid the origin/,
    );
  });
});
