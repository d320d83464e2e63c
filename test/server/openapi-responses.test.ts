/**
 * The document's answers are the server's answers (issue 17, item 9): for every operation with a documented
 * response schema (src/server/openapi.ts RESPONSES, the core's schemas in src/core/responses), a real answer of
 * the shipped app has the documented status and passes its schema unchanged: parsing drops any field a schema
 * does not name, so `parse(answer)` equal to `answer` means no field is missing from the document, and a parse
 * that throws means the document promises a field or a type the server does not give.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadExportsDataset } from '../../src/io/index.ts';
import { RESPONSES } from '../../src/server/openapi.ts';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const query = { from: "Xi'an", to: 'Duisburg', depart: '2026-12-07T08:00:00Z', avoidCountries: ['RU', 'BY', 'IR'] };
const answers = new Map<string, { status: number; body: unknown }>();
let shipped: ShippedApp;
let app: FastifyInstance;
let headers: Record<string, string>;

async function call(key: string, url: string, payload?: object): Promise<Record<string, unknown>> {
  const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'DELETE';
  const r = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  expect(r.statusCode, `${key}: ${r.body.slice(0, 300)}`).toBeLessThan(300);
  answers.set(key, { status: r.statusCode, body: r.json() });
  return r.json();
}

async function finished(url: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const b = (await app.inject({ url, headers })).json();
    if (b.status !== 'queued' && b.status !== 'running') return b;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`${url} did not finish`);
}

/** One real answer of every documented operation, in an order where each call has what it needs. */
async function collect(): Promise<void> {
  await call('GET /health', '/health');
  await call('GET /network', '/network');
  await call('GET /network/geojson', '/network/geojson');
  await call('GET /network/links', '/network/links');
  await call('GET /network/services', '/network/services');
  await call('GET /network/search', '/network/search?q=aktau');
  await call(
    'GET /routes',
    '/routes?from=Shanghai&to=Rotterdam&scenario=red-sea-closed&depart=2026-12-07&useRisk=true',
  );
  const routes = await call('POST /routes', '/routes', query);
  const key = (routes.itineraries as Array<{ key: string }>)[0]?.key;
  await call('POST /reliability', '/reliability', { ...query, samples: 200, deadline: '2027-01-20T00:00:00Z' });
  await call('POST /emissions', '/emissions', {
    shipmentId: 's1',
    cargo: { kind: 'containers', teu: 1 },
    elements: [{ type: 'leg', mode: 'rail', distanceKm: 100, country: 'KZ' }],
  });
  await call('POST /emissions/itinerary', '/emissions/itinerary', { ...query, itineraryKey: key });
  const sim = await call('POST /simulations/port', '/simulations/port', { node: 'Aktau', teuPerWeek: 300, weeks: 2 });
  await finished(`/simulations/${sim.id}`);
  await call('GET /simulations/{id}', `/simulations/${sim.id}`);
  const sweep = { name: 'c', scenarios: ['baseline', 'red-sea-closed'], growth: [1], samplesPerOd: 0 };
  const sw = await call('POST /sweeps', '/sweeps', sweep);
  await finished(`/sweeps/${sw.id}`);
  await call('GET /sweeps/{id}', `/sweeps/${sw.id}`);
  const sw2 = await call('POST /sweeps', '/sweeps', { ...sweep, growth: [1.1] });
  await call('DELETE /sweeps/{id}', `/sweeps/${sw2.id}`);
  const rel = { from: 'Almaty', to: 'Baku', depart: '2027-03-02T08:00:00Z', samples: 200 };
  const job = await call('POST /jobs/reliability', '/jobs/reliability', rel);
  await call('POST /jobs/flows', '/jobs/flows', { base: 'baseline', other: 'russia-closed' });
  await call('POST /jobs/appraisal', '/jobs/appraisal', { budgetEur: 1e9, samples: 20 });
  await finished(`/jobs/${job.id}`);
  await call('GET /jobs/{id}', `/jobs/${job.id}`);
  await call('GET /scenarios/library', '/scenarios/library');
  await call('GET /exports', '/exports');
  await call('POST /scenarios/flows', '/scenarios/flows', { base: 'baseline', other: 'russia-closed' });
  const doc = {
    id: 'kuryk-closed',
    name: 'Kuryk ferry closed',
    description: 'The Kuryk–Alat ferry closed.',
    sources: ['S36'],
    changes: [{ kind: 'close', target: 'link', id: 'caspian-kuryk-alat-ferry' }],
  };
  const sc = await call('POST /scenarios', '/scenarios', doc);
  await call('PUT /scenarios/{id}', `/scenarios/${sc.id}`, { ...doc, name: 'Kuryk ferry shut' });
  await call('GET /scenarios', '/scenarios');
  await call('GET /scenarios/{id}', `/scenarios/${sc.id}`);
  await call('POST /scenarios/compare', '/scenarios/compare', { ...query, scenarios: [sc.id] });
  const deadline = '2027-02-01T00:00:00Z';
  const sh = await call('POST /shipments', '/shipments', { ...query, deadline, itineraryKey: key });
  const at = '2026-11-30T09:00:00Z';
  const leg0 = (sh.itinerary as { legs: Array<{ from: string }> }).legs[0]?.from;
  await call('POST /shipments/{id}/events', `/shipments/${sh.id}/events`, { type: 'departed', node: leg0, at });
  await call('GET /shipments', '/shipments');
  await call('GET /shipments/{id}', `/shipments/${sh.id}`);
  await call('GET /shipments/{id}/events', `/shipments/${sh.id}/events`);
  await call('GET /shipments/{id}/eta', `/shipments/${sh.id}/eta?samples=300`);
  const ap = await call('POST /appraisal', '/appraisal', { budgetEur: 2e9, samples: 20 });
  await finished(`/appraisal/${ap.id}`);
  await call('GET /appraisal/{id}', `/appraisal/${ap.id}`);
}

beforeAll(async () => {
  shipped = await shippedApp({ now: () => NOW, workPool: { threads: 0 }, exports: loadExportsDataset() });
  app = shipped.app;
  headers = { authorization: `Bearer ${(await shipped.storage.createToken('contract')).token}` };
  await collect();
}, 240_000);
afterAll(async () => {
  await shipped.close();
});

describe('documented answers', () => {
  it('has a real answer for every operation with a response schema', () => {
    expect([...answers.keys()].sort()).toEqual(Object.keys(RESPONSES).sort());
  });

  it.each(Object.entries(RESPONSES))('%s: the answer passes its schema unchanged', (key, r) => {
    const a = answers.get(key);
    expect(a, key).toBeDefined();
    // POST /appraisal answers 200 with the finished job when the same request already ran (documented too).
    if (key !== 'POST /appraisal') expect(a?.status).toBe(r.status);
    else expect([200, 202]).toContain(a?.status);
    const parsed = r.schema.safeParse(a?.body);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5), key).toEqual([]);
    expect(parsed.data).toEqual(a?.body);
  });

  it('points every documented answer at a component of the document', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    for (const [key, r] of Object.entries(RESPONSES)) {
      const [method, path] = key.split(' ') as [string, string];
      const content = doc.paths[path]?.[method.toLowerCase()]?.responses?.[r.status]?.content;
      const ref = content?.['application/json']?.schema?.$ref as string;
      expect(ref, key).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').at(-1) as string], key).toBeDefined();
    }
  });
});

describe('the check itself', () => {
  const schema = RESPONSES['POST /routes']?.schema as z.ZodType;
  const body = () => structuredClone(answers.get('POST /routes')?.body) as { itineraries: Array<{ totals: object }> };
  it('catches a field the document does not name', () => {
    const b = body();
    Object.assign(b.itineraries[0]?.totals ?? {}, { undocumentedKg: 1 });
    expect(schema.parse(b)).not.toEqual(b);
  });
  it('catches a documented field the answer lacks or gives with another type', () => {
    const b = body() as unknown as { itineraries: Array<{ totals: Record<string, unknown> }> };
    delete b.itineraries[0]?.totals.costUsd;
    expect(schema.safeParse(b).success).toBe(false);
    const c = body() as unknown as { itineraries: Array<{ totals: Record<string, unknown> }> };
    (c.itineraries[0] as { totals: Record<string, unknown> }).totals.durationH = '10';
    expect(schema.safeParse(c).success).toBe(false);
  });
});
