/**
 * GET and POST /routes and POST /reliability under a scenario, on the shipped dataset: a library scenario by id
 * (the answer echoes it and avoids what it closes), "baseline" answering as no scenario at all, unknown ids
 * named by field, and a stored scenario reachable with its owner's token only. Reliability runs in a worker
 * thread, which applies the scenario document it is sent.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../src/server/index.ts';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const SUEZ_LEG = 'sea-singapore-port-said';
let app: FastifyInstance;
let storage: SqliteStorage;
let shipped: ShippedApp;

beforeAll(async () => {
  shipped = await shippedApp({ now: () => NOW, workPool: { threads: 1 } });
  ({ app, storage } = shipped);
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

const body = { from: 'Shanghai', to: 'Rotterdam', depart: '2026-12-07T08:00:00Z' };
const auth = (token?: string) => (token === undefined ? {} : { authorization: `Bearer ${token}` });
const post = (url: string, payload: Record<string, unknown>, token?: string) =>
  app.inject({ method: 'POST', url, payload, headers: auth(token) });
interface Answer {
  scenario?: { id: string; name: string; year: number | null };
  itineraries: Array<{ legs?: Array<{ linkId: string }>; keyNodes: string[] }>;
}
const linksOf = (a: Answer) => a.itineraries.flatMap((it) => (it.legs ?? []).map((l) => l.linkId));

describe('routes under a scenario', () => {
  it('answers GET and POST /routes under a library scenario, echoing it', async () => {
    const base = await post('/routes', body);
    expect(base.statusCode).toBe(200);
    expect(base.json()).not.toHaveProperty('scenario');
    expect(linksOf(base.json())).toContain(SUEZ_LEG);
    // "baseline" is the same answer, byte for byte
    expect((await post('/routes', { ...body, scenario: 'baseline' })).body).toBe(base.body);

    const red = await post('/routes', { ...body, scenario: 'red-sea-closed' });
    expect(red.statusCode, red.body).toBe(200);
    const a = red.json() as Answer;
    expect(a.scenario).toMatchObject({ id: 'red-sea-closed', year: null });
    expect(a.itineraries.length).toBeGreaterThan(0);
    expect(linksOf(a)).not.toContain(SUEZ_LEG);

    const q = new URLSearchParams({ ...body, scenario: 'red-sea-closed' });
    const got = await app.inject({ method: 'GET', url: `/routes?${q}` });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.body).toBe(red.body);
    // and the baseline is still the baseline after (separate cache keys)
    expect((await post('/routes', body)).body).toBe(base.body);
  }, 30_000);

  it('refuses an unknown scenario with 400 naming the field and listing the known ids', async () => {
    const r = await post('/routes', { ...body, scenario: 'nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ field: 'body.scenario', value: 'nope' });
    expect(r.json().message).toContain('red-sea-closed');
    const g = await app.inject({ method: 'GET', url: '/routes?from=Shanghai&to=Rotterdam&scenario=nope' });
    expect(g.statusCode).toBe(400);
    expect(g.json()).toMatchObject({ field: 'querystring.scenario', value: 'nope' });
    const rel = await post('/reliability', { ...body, scenario: 'nope', samples: 100 });
    expect(rel.statusCode).toBe(400);
    expect(rel.json()).toMatchObject({ field: 'body.scenario' });
  });

  it('runs POST /reliability under the scenario in the work pool', async () => {
    const r = await post('/reliability', { ...body, scenario: 'red-sea-closed', samples: 200 });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json() as Answer;
    expect(a.scenario).toMatchObject({ id: 'red-sea-closed' });
    expect(a.itineraries.flatMap((it) => it.keyNodes).some((n) => /Suez/.test(n))).toBe(false);
    const base = await post('/reliability', { ...body, samples: 200 });
    expect(base.json()).not.toHaveProperty('scenario');
  }, 30_000);

  it("routes under a caller's stored scenario with its token only", async () => {
    const a = (await storage.createToken('a')).token;
    const b = (await storage.createToken('b')).token;
    const created = await post(
      '/scenarios',
      {
        id: 'my-red-sea',
        name: 'My Red Sea closure',
        description: 'Singapore to Port Said closed.',
        sources: ['S122'],
        changes: [{ kind: 'close', target: 'link', id: SUEZ_LEG }],
      },
      a,
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const own = await post('/routes', { ...body, scenario: id }, a);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().scenario).toMatchObject({ id, name: 'My Red Sea closure' });
    expect(linksOf(own.json())).not.toContain(SUEZ_LEG);
    const rel = await post('/reliability', { ...body, scenario: id, samples: 100 }, a);
    expect(rel.statusCode, rel.body).toBe(200);
    expect(rel.json().scenario).toMatchObject({ id });

    const other = await post('/routes', { ...body, scenario: id }, b);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ field: 'body.scenario', value: id });
    const anonymous = await post('/routes', { ...body, scenario: id });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().message).toContain('need a token');
    const forged = await post('/routes', { ...body, scenario: id }, 'krn_000000000000_nope');
    expect(forged.statusCode).toBe(401);
  }, 30_000);
});
