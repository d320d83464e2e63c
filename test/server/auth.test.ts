import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

let t: TestApp;
let alice: string;
let bob: string;

const scenario = (id: string) => ({
  id,
  name: `Close the ferry (${id})`,
  description: 'What if the Caspian ferry stops running?',
  sources: ['T1'],
  changes: [{ kind: 'close', target: 'link', id: 'p-q' }],
});
const shipment = { from: 'cn-a', to: 'ge-c', depart: DEPART, deadline: '2026-03-14T00:00:00Z' };

beforeAll(async () => {
  t = await fixtureApp();
  alice = (await t.storage.createToken('alice')).token;
  bob = (await t.storage.createToken('bob')).token;
});
afterAll(async () => {
  await t.app.close();
});

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });

describe('tokens', () => {
  it('writes need a token; a bad or revoked one is refused', async () => {
    expect((await req('POST', '/scenarios', undefined, scenario('s0'))).statusCode).toBe(401);
    expect((await req('POST', '/shipments', undefined, shipment)).statusCode).toBe(401);
    expect(
      (await req('GET', '/scenarios', 'krn_000000000000_not-a-real-secret-not-a-real-secret-000000')).statusCode,
    ).toBe(401);
    const forged = `${alice.slice(0, -1)}${alice.endsWith('A') ? 'B' : 'A'}`;
    expect((await req('GET', '/scenarios', forged)).statusCode).toBe(401);
    const { token, info } = await t.storage.createToken('temp');
    expect((await req('GET', '/scenarios', token)).statusCode).toBe(200);
    await t.storage.revokeToken(info.id);
    expect((await req('GET', '/scenarios', token)).statusCode).toBe(401);
  });

  it('stores only a salted hash of the secret', async () => {
    const list = await t.storage.listTokens();
    // The secret is everything after krn_<id>_ (base64url may itself hold '_', so no split on it).
    const secret = alice.slice(alice.indexOf('_', 4) + 1);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(JSON.stringify(list)).not.toContain(secret);
  });
});

describe('one token cannot read or change another token’s data', () => {
  it('scenarios', async () => {
    const created = await req('POST', '/scenarios', alice, scenario('ferry-closed'));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await req('GET', `/scenarios/${id}`, alice)).statusCode).toBe(200);
    expect((await req('GET', `/scenarios/${id}`, bob)).statusCode).toBe(404);
    expect((await req('GET', '/scenarios', bob)).json().scenarios).toEqual([]);
    expect((await req('PUT', `/scenarios/${id}`, bob, scenario('hijacked'))).statusCode).toBe(404);
    expect((await req('DELETE', `/scenarios/${id}`, bob)).statusCode).toBe(404);
    const compare = { from: 'cn-a', to: 'ge-c', depart: DEPART, scenarios: [id] };
    expect((await req('POST', '/scenarios/compare', bob, compare)).statusCode).toBe(404);
    // Alice's scenario is unchanged and still hers.
    const still = await req('GET', `/scenarios/${id}`, alice);
    expect(still.json().scenario.id).toBe('ferry-closed');
    const cmp = await req('POST', '/scenarios/compare', alice, compare);
    expect(cmp.statusCode).toBe(200);
    expect(cmp.json().baseline.itineraries).toBe(1);
    expect(cmp.json().scenarios[0].itineraries).toBe(0);
    expect((await req('DELETE', `/scenarios/${id}`, alice)).statusCode).toBe(204);
    expect((await req('GET', `/scenarios/${id}`, alice)).statusCode).toBe(404);
  });

  it('shipments and their events', async () => {
    const created = await req('POST', '/shipments', alice, shipment);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const event = { type: 'departed', node: 'cn-a', at: '2026-03-02T04:00:00Z' };
    expect((await req('GET', `/shipments/${id}`, bob)).statusCode).toBe(404);
    expect((await req('GET', `/shipments/${id}/eta`, bob)).statusCode).toBe(404);
    expect((await req('GET', `/shipments/${id}/events`, bob)).statusCode).toBe(404);
    expect((await req('POST', `/shipments/${id}/events`, bob, event)).statusCode).toBe(404);
    expect((await req('DELETE', `/shipments/${id}`, bob)).statusCode).toBe(404);
    expect((await req('GET', '/shipments', bob)).json().shipments).toEqual([]);
    expect((await req('GET', `/shipments/${id}/events`, alice)).json().events).toEqual([]);
    expect((await req('POST', `/shipments/${id}/events`, alice, event)).statusCode).toBe(201);
    expect((await req('GET', '/shipments', alice)).json().shipments).toHaveLength(1);
  });

  it('rejects a scenario that does not apply to the network, naming the problem', async () => {
    const bad = { ...scenario('bad'), changes: [{ kind: 'close', target: 'link', id: 'no-such-link' }] };
    const r = await req('POST', '/scenarios', alice, bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('KERUEN_INVALID_SCENARIO');
    expect(r.json().value).toBe('no-such-link');
  });
});
