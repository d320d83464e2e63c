/**
 * Two API instances on one PostgreSQL database (issue 20, item 1): what one instance stores, the other serves —
 * the token, the scenario and the shipment with its events — and events recorded through both instances at once
 * are numbered without gaps. Runs when KERUEN_TEST_DATABASE_URL names a server (.ci/run starts one).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../src/server/storage/postgres-storage.ts';
import { bearer, DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

const URL_ = process.env.KERUEN_TEST_DATABASE_URL;
/** Requests a client may make per minute, across both instances. */
const LIMIT = 40;

describe.skipIf(URL_ === undefined)('two API instances on one PostgreSQL', () => {
  const schema = `keruen_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let admin: pg.Client;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = `${URL_}${URL_?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const shared = { sharedRateLimits: true, rateLimitPerMinute: LIMIT };
    a = await fixtureApp({ storage: await PostgresStorage.open(url), ...shared });
    b = await fixtureApp({ storage: await PostgresStorage.open(url), ...shared });
  });
  afterAll(async () => {
    for (const t of [a, b]) {
      await t?.app.close();
      await t?.storage.close();
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('serves from one instance what the other stored, and numbers concurrent events without gaps', async () => {
    const { token } = await a.storage.createToken('ops');
    const auth = bearer(token);
    const created = await a.app.inject({
      method: 'POST',
      url: '/shipments',
      headers: auth,
      payload: { from: 'Alpha', to: 'Charlie', depart: DEPART, deadline: '2026-03-12T00:00:00Z' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const seen = await b.app.inject({ method: 'GET', url: `/shipments/${id}`, headers: auth });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().itinerary.key).toBe(created.json().itinerary.key);
    const post = (t: TestApp, h: number) =>
      t.app.inject({
        method: 'POST',
        url: `/shipments/${id}/events`,
        headers: auth,
        payload: { type: 'departed', node: 'cn-a', at: `2026-03-02T0${h}:00:00Z` },
      });
    const answers = await Promise.all([post(a, 1), post(b, 2), post(a, 3), post(b, 4), post(a, 5), post(b, 6)]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const events = (await a.app.inject({ method: 'GET', url: `/shipments/${id}/events`, headers: auth })).json();
    expect(events.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('limits a client across both instances: its requests through either count together', async () => {
    const { token } = await a.storage.createToken('limited');
    const get = (t: TestApp) => t.app.inject({ method: 'GET', url: '/health', headers: bearer(token) });
    const codes: number[] = [];
    for (let i = 0; i < LIMIT + 4; i++) codes.push((await get(i % 2 === 0 ? a : b)).statusCode);
    expect(codes.slice(0, LIMIT).every((c) => c === 200)).toBe(true);
    expect(codes.slice(LIMIT)).toEqual([429, 429, 429, 429]);
    const other = (await b.storage.createToken('other')).token;
    expect((await a.app.inject({ method: 'GET', url: '/health', headers: bearer(other) })).statusCode).toBe(200);
  });
});
