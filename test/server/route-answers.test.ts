/**
 * The optimised route endpoint (remembered node names, bodies kept as UTF-8 bytes, the response cache) answers
 * exactly what the plain path answers: for a set of queries on the shipped dataset, the body of GET and POST
 * /routes is byte for byte JSON.stringify(routeResponse(engine.route(resolveRoute(...)))), with the cache on
 * and off, on the first and on repeated asks.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteRequestBody, resolveRoute } from '../../src/core/requests/index.ts';
import type { Cargo } from '../../src/core/routing/query.ts';
import { loadContext } from '../../src/io/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { routeResponse } from '../../src/server/routes/routes.ts';
import { SqliteStorage } from '../../src/server/storage/sqlite-storage.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const ctx = loadContext();
const storage = new SqliteStorage(':memory:');
let cached: FastifyInstance;
let uncached: FastifyInstance;

beforeAll(async () => {
  const base = { network: ctx.network, engine: ctx.engine, storage, now: () => NOW, rateLimitPerMinute: 0 };
  cached = await buildApp({ ...base, routeCacheEntries: 2000 });
  uncached = await buildApp({ ...base, routeCacheEntries: 0 });
});
afterAll(async () => {
  await cached.close();
  await uncached.close();
  await storage.close();
});

/** The unoptimised answer: resolve names, search, shape, JSON.stringify. */
function reference(input: RouteRequestBody, timeline: boolean): string {
  return JSON.stringify(routeResponse(ctx.engine.route(resolveRoute(ctx.network, input, NOW)), timeline));
}

interface Case {
  query: string;
  input: RouteRequestBody;
  timeline?: boolean;
}

const teu = (n: number): Cargo => ({ kind: 'containers', teu: n, tonnesPerTeu: undefined });
const pairs: [string, string][] = [
  ['cn-xian', 'de-duisburg'],
  ['cn-xian', 'tr-istanbul-halkali'],
  ['cn-urumqi', 'ge-poti'],
  ['kz-dostyk', 'pl-warsaw'],
  ['cn-chongqing', 'de-duisburg'],
  ['cn-yiwu', 'nl-rotterdam'],
  ['kz-almaty', 'az-baku'],
  ['uz-tashkent', 'ge-poti'],
  ['cn-lianyungang', 'hu-budapest'],
  ['kz-aktau', 'ro-constanta'],
];
const departs = ['2026-12-07T08:00:00Z', '2026-12-09T17:35:00Z', '2026-12-13T23:59:00Z'];
const cases: Case[] = [
  ...pairs.flatMap(([from, to]) =>
    departs.map((depart) => ({
      query: `from=${from}&to=${to}&depart=${depart}&teu=1`,
      input: { from, to, depart, cargo: teu(1) },
    })),
  ),
  // Names and aliases instead of ids, no departure (the server clock), options, tonnes, timelines.
  { query: 'from=Aktau&to=Baku', input: { from: 'Aktau', to: 'Baku', cargo: teu(1) } },
  // Cities with several terminals (Istanbul: four, Baku: two), as origin, destination and both.
  {
    query: 'from=Istanbul&to=Almaty&depart=2026-12-08T00:00:00Z',
    input: { from: 'Istanbul', to: 'Almaty', depart: '2026-12-08T00:00:00Z', cargo: teu(1) },
  },
  {
    query: 'from=xian&to=istanbul&depart=2026-12-08T00:00:00Z&avoidCountries=ru',
    input: { from: 'xian', to: 'istanbul', depart: '2026-12-08T00:00:00Z', cargo: teu(1), avoidCountries: ['RU'] },
  },
  {
    query: 'from=Istanbul&to=Baku&depart=2026-12-08T00:00:00Z',
    input: { from: 'Istanbul', to: 'Baku', depart: '2026-12-08T00:00:00Z', cargo: teu(1) },
  },
  {
    query: 'from=Xian&to=Duisburg&depart=2026-12-08T00:00:00Z&teu=40&avoidCountries=RU,BY',
    input: {
      from: 'Xian',
      to: 'Duisburg',
      depart: '2026-12-08T00:00:00Z',
      cargo: teu(40),
      avoidCountries: ['RU', 'BY'],
    },
  },
  {
    query: 'from=cn-xian&to=de-duisburg&depart=2026-12-08T00:00:00Z&avoidModes=ferry&maxTransfers=3&useRisk=true',
    input: {
      from: 'cn-xian',
      to: 'de-duisburg',
      depart: '2026-12-08T00:00:00Z',
      cargo: teu(1),
      avoidModes: ['ferry'],
      maxTransfers: 3,
      useRisk: true,
    },
  },
  {
    query: 'from=kz-aktau&to=az-baku&depart=2026-12-08T00:00:00Z&cargo=bulk&tonnes=500',
    input: { from: 'kz-aktau', to: 'az-baku', depart: '2026-12-08T00:00:00Z', cargo: { kind: 'bulk', tonnes: 500 } },
  },
  {
    query: 'from=kz-aktau&to=az-baku&depart=2026-12-08T00:00:00Z&avoidModes=ferry,rail,road',
    input: {
      from: 'kz-aktau',
      to: 'az-baku',
      depart: '2026-12-08T00:00:00Z',
      cargo: teu(1),
      avoidModes: ['ferry', 'rail', 'road'],
    },
  },
  {
    query: 'from=cn-urumqi&to=ge-poti&depart=2026-12-10T06:00:00Z&timeline=true',
    input: { from: 'cn-urumqi', to: 'ge-poti', depart: '2026-12-10T06:00:00Z', cargo: teu(1) },
    timeline: true,
  },
];

describe('GET /routes answers what the unoptimised path answers', () => {
  it('covers routes found and not found', () => {
    const noRoute = cases.filter((c) => (JSON.parse(reference(c.input, false)) as { noRoute?: unknown }).noRoute);
    expect(noRoute.length).toBeGreaterThan(0);
    expect(noRoute.length).toBeLessThan(cases.length);
  });

  for (const [label, app] of [
    ['cached', () => cached],
    ['uncached', () => uncached],
  ] as const) {
    it(`is byte-identical (${label}), first and repeated ask`, async () => {
      for (let round = 0; round < 2; round++) {
        for (const c of cases) {
          const r = await app().inject(`/routes?${c.query}`);
          expect(r.statusCode, c.query).toBe(200);
          expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
          expect(r.body, c.query).toBe(reference(c.input, c.timeline === true));
          expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
        }
      }
    });
  }

  it('is byte-identical for POST', async () => {
    for (const c of cases.slice(0, 12)) {
      const { cargo, ...rest } = c.input;
      const body = { ...rest, cargo: cargo.kind === 'containers' ? { kind: 'containers', teu: cargo.teu } : cargo };
      const r = await uncached.inject({ method: 'POST', url: '/routes', payload: body });
      expect(r.statusCode, c.query).toBe(200);
      expect(r.body).toBe(reference({ ...c.input, cargo: body.cargo as Cargo }, false));
    }
  });
});

describe('remembered node names', () => {
  it('still reject unknown and ambiguous names with the same error every time', async () => {
    for (const app of [cached, uncached]) {
      const first = await app.inject('/routes?from=Nowhereville&to=de-duisburg');
      const again = await app.inject('/routes?from=Nowhereville&to=de-duisburg');
      expect(first.statusCode).toBeGreaterThanOrEqual(400);
      expect(first.statusCode).toBeLessThan(500);
      expect(again.statusCode).toBe(first.statusCode);
      expect(again.body).toBe(first.body);
      expect(JSON.parse(first.body)).toMatchObject({ field: 'from', value: 'Nowhereville' });
      const asTo = await app.inject('/routes?from=cn-xian&to=Nowhereville');
      expect(JSON.parse(asTo.body)).toMatchObject({ field: 'to', value: 'Nowhereville' });
    }
  });

  it('resolve a name the same way as from and as to', async () => {
    const a = JSON.parse((await uncached.inject('/routes?from=Aktau&to=Baku&depart=2026-12-08T00:00:00Z')).body);
    const b = JSON.parse((await uncached.inject('/routes?from=Baku&to=Aktau&depart=2026-12-08T00:00:00Z')).body);
    expect(a.from).toEqual(b.to);
    expect(a.to).toEqual(b.from);
  });

  it('answer a city with several terminals with the city and its candidates, a station with itself', async () => {
    const r = await uncached.inject('/routes?from=Istanbul&to=Almaty&depart=2026-12-08T00:00:00Z');
    expect(r.statusCode).toBe(200);
    const b = JSON.parse(r.body);
    expect(b.from.name).toBe('Istanbul');
    expect(b.from.candidates.map((c: { id: string }) => c.id)).toEqual([
      'tr-istanbul-ayrilikcesme',
      'tr-istanbul-kazlicesme',
      'tr-istanbul-halkali',
      'tr-ambarli',
    ]);
    expect(b.to).toEqual({ id: 'kz-almaty', name: 'Almaty' });
    for (const it of b.itineraries) expect(it.legs[0].from).toMatch(/^tr-(istanbul-|ambarli)/);
    const one = JSON.parse((await uncached.inject('/routes?from=Halkali&to=Almaty')).body);
    expect(one.from).toEqual({ id: 'tr-istanbul-halkali', name: 'Istanbul Halkalı' });
  });

  it('refuse a name shared by unrelated stations, listing the candidates', async () => {
    for (const app of [cached, uncached]) {
      const r = await app.inject('/routes?from=Sarakhs&to=Almaty');
      expect(r.statusCode).toBe(400);
      const b = JSON.parse(r.body);
      expect(b).toMatchObject({ field: 'from', value: 'Sarakhs' });
      expect(JSON.stringify(b)).toContain('tm-sarakhs');
    }
  });
});
