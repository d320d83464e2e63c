/**
 * Fuzz test: thousands of random and malformed requests (bodies, query strings, content types, methods, ids) to
 * every endpoint of the OpenAPI document. The server must answer each with a status below 500 and a JSON body,
 * and still be healthy at the end. Seeded, so a failure reproduces; set FUZZ_RUNS to run more.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4000);

let t: TestApp;
let token: string;
let paths: string[];
const ids: string[] = [];

const validBodies: Record<string, unknown> = {
  '/routes': { from: 'cn-a', to: 'ge-c', depart: DEPART, cargo: { kind: 'containers', teu: 2 } },
  '/reliability': { from: 'cn-a', to: 'ge-c', depart: DEPART, samples: 500, seed: 1 },
  '/scenarios': {
    id: 'fuzz',
    name: 'Fuzz scenario',
    description: 'A scenario the fuzzer mutates.',
    sources: ['T1'],
    changes: [{ kind: 'close', target: 'link', id: 'p-q' }],
  },
  '/scenarios/compare': { from: 'cn-a', to: 'ge-c', depart: DEPART, scenarios: ['x'] },
  '/shipments': { from: 'cn-a', to: 'ge-c', depart: DEPART, deadline: '2026-03-14T00:00:00Z' },
  '/shipments/{id}/events': { type: 'arrived', node: 'kz-b', at: '2026-03-04T00:00:00Z' },
  '/simulations/port': { node: 'kz-p', teuPerWeek: 50, weeks: 2, seed: 1 },
  '/sweeps': { name: 'fuzz', scenarios: ['baseline'], growth: [1, 1.2], seeds: [1], samplesPerOd: 0 },
  '/jobs/reliability': { from: 'cn-a', to: 'ge-c', depart: DEPART, samples: 500, seed: 1 },
  '/jobs/flows': { base: 'baseline', other: 'baseline' },
  '/jobs/appraisal': { budgetEur: 1e9, samples: 100 },
};
const QUERY_KEYS = [
  'from',
  'to',
  'depart',
  'cargo',
  'teu',
  'tonnes',
  'avoidCountries',
  'avoidModes',
  'maxTransfers',
  'samples',
  'seed',
  'q',
  'timeline',
  '__proto__',
  'constructor',
];

beforeAll(async () => {
  t = await fixtureApp();
  token = (await t.storage.createToken('fuzz')).token;
  paths = Object.keys((await t.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths);
  const s = await t.app.inject({
    method: 'POST',
    url: '/shipments',
    headers: bearer(token),
    payload: validBodies['/shipments'] as object,
  });
  ids.push(s.json().id);
  const sc = await t.app.inject({
    method: 'POST',
    url: '/scenarios',
    headers: bearer(token),
    payload: validBodies['/scenarios'] as object,
  });
  ids.push(sc.json().id);
});
afterAll(async () => {
  await t.app.close();
});

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'NaN',
    '-1',
    '1e309',
    '0x10',
    '[]',
    '{}',
    '%00',
    '%',
    '../../etc/passwd',
    'cn-a',
    'Alpha,ge-c',
    'ferry,camel',
    '2026-02-30T00:00:00Z',
  ),
);

/** Replaces one value somewhere inside a valid body with something random. */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object') return replacement;
  const keys = Object.keys(body as object);
  if (keys.length === 0) return replacement;
  const k = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(body)
    ? ([...body] as unknown as Record<string, unknown>)
    : { ...(body as Record<string, unknown>) };
  copy[k] = mutate((body as Record<string, unknown>)[k], path.slice(1), replacement);
  return copy;
}

const requestArb = fc.record({
  pathIndex: fc.nat(),
  id: fc.oneof(fc.constant('real'), weirdString),
  method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH'),
  query: fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.constantFrom(...QUERY_KEYS), weirdString, { maxKeys: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string()), weirdString, { maxKeys: 6 }),
  ),
  body: fc.oneof(
    fc.record({ kind: fc.constant('mutated' as const), at: fc.constant([]), value: fc.constant(undefined) }),
    fc.record({
      kind: fc.constant('mutated' as const),
      at: fc.array(fc.nat(), { maxLength: 4 }),
      value: fc.jsonValue(),
    }),
    fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue() }),
    fc.record({ kind: fc.constant('raw' as const), value: weirdString }),
    fc.record({ kind: fc.constant('none' as const) }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    undefined,
  ),
  auth: fc.constantFrom('token', 'token', 'none', 'garbage'),
});

describe('fuzz', () => {
  it(`answers ${RUNS} random and malformed requests without a 5xx`, async () => {
    let real = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const template = paths[r.pathIndex % paths.length]!;
        const id = r.id === 'real' ? ids[real++ % ids.length]! : r.id;
        const url = template.replace('{id}', encodeURIComponent(id));
        const qs = new URLSearchParams(r.query).toString();
        const b = r.body;
        let payload: string | undefined;
        if (b.kind === 'mutated')
          payload = JSON.stringify(
            b.value === undefined ? (validBodies[template] ?? {}) : mutate(validBodies[template] ?? {}, b.at, b.value),
          );
        else if (b.kind === 'json') payload = JSON.stringify(b.value);
        else if (b.kind === 'raw') payload = b.value;
        const headers: Record<string, string> = {};
        if (r.contentType !== undefined && payload !== undefined) headers['content-type'] = r.contentType;
        if (r.auth === 'token') Object.assign(headers, bearer(token));
        if (r.auth === 'garbage') headers.authorization = 'Bearer krn_zzz';
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: qs === '' ? url : `${url}?${qs}`,
          headers,
          ...(payload !== undefined && r.method !== 'GET' ? { payload } : {}),
        });
        if (res.statusCode >= 500)
          throw new Error(`${res.statusCode} for ${r.method} ${url}?${qs} ${payload}: ${res.body}`);
        if (res.statusCode >= 400) expect(() => res.json()).not.toThrow();
      }),
      { numRuns: RUNS, seed: 20260326 },
    );
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  }, 120_000);
});
