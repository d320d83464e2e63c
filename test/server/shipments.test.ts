import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

let dir: string;
let t: TestApp;
let token: string;
let id: string;

// Plan (see support/fixture-app.ts): depart Mon 2 March 00:00; at Papa port Thu 5 March ~21:20 (mean rail time);
// the weekly ferry leaves Monday 9 March 12:00, arrival at Charlie Wed 11 March about 07:20. Deadline: 12 March.
const DEADLINE = '2026-03-12T00:00:00Z';

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keruen-ship-'));
  t = await fixtureApp({ dbFile: join(dir, 'k.db') });
  token = (await t.storage.createToken('ops')).token;
  const r = await post('/shipments', {
    name: 'Box 1',
    from: 'Alpha',
    to: 'Charlie',
    depart: DEPART,
    deadline: DEADLINE,
  });
  expect(r.statusCode).toBe(201);
  id = r.json().id;
});
afterAll(async () => {
  await t.app.close();
  await t.storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shipment tracking', () => {
  it('predicts from the plan before any event', async () => {
    const r = await get(`/shipments/${id}/eta?samples=4000&seed=3`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.position).toMatchObject({ node: 'cn-a', basedOn: 'plan', delivered: false });
    // Everything before the Monday 9 March sailing fits in a week (max 4+50+6+45+30 = 135 h < 180 h), so every
    // sample sails on 9 March and lands by 10 March 16:00 + 5 h + 15 h: always on time for 12 March.
    expect(b.onTimeProbability).toBe(1);
    expect(b.eta.p50 >= '2026-03-10T00:00:00Z' && b.eta.p50 <= '2026-03-11T12:00:00Z').toBe(true);
  });

  it('records events, with warnings for odd ones, and rejects impossible ones with a reason', async () => {
    const ok = await post(`/shipments/${id}/events`, { type: 'departed', node: 'cn-a', at: '2026-03-02T04:00:00Z' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ seq: 1, warnings: [] });
    const off = await post(`/shipments/${id}/events`, { type: 'arrived', node: 'X-ray', at: '2026-03-03T00:00:00Z' });
    expect(off.statusCode).toBe(201);
    expect(off.json().node).toBe('ge-x');
    expect(off.json().warnings.map((w: { code: string }) => w.code)).toEqual(['off_itinerary']);
    const future = await post(`/shipments/${id}/events`, { type: 'arrived', node: 'kz-b', at: '2026-04-01T00:00:00Z' });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ error: 'event_rejected', reason: 'in_future', field: 'at' });
    const unknown = await post(`/shipments/${id}/events`, {
      type: 'arrived',
      node: 'Atlantis',
      at: '2026-03-03T00:00:00Z',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'KERUEN_UNKNOWN_NODE', field: 'node', value: 'Atlantis' });
    const badType = await post(`/shipments/${id}/events`, {
      type: 'teleported',
      node: 'kz-b',
      at: '2026-03-03T00:00:00Z',
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ field: 'body.type', value: 'teleported' });
    const events = (await get(`/shipments/${id}/events`)).json().events;
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
  });

  it('re-predicts from the last known position: a late arrival at the port misses the ferry', async () => {
    // At Papa port on Monday 9 March 14:00, two hours after the weekly sailing: dwell (5-30 h) then the next
    // ferry on Monday 16 March 12:00, so the cargo cannot make the 12 March deadline.
    const late = await post(`/shipments/${id}/events`, { type: 'arrived', node: 'kz-p', at: '2026-03-09T14:00:00Z' });
    expect(late.statusCode).toBe(201);
    const eta = (await get(`/shipments/${id}/eta?samples=4000&seed=3`)).json();
    expect(eta.position).toMatchObject({ node: 'kz-p', basedOn: late.json().id });
    expect(eta.onTimeProbability).toBe(0);
    // Ferry 16 March 12:00 + 20..28 h + 5 h + 15 h: 18 March 04:00 at the earliest.
    expect(eta.eta.p5 >= '2026-03-18T04:00:00Z').toBe(true);
  });

  it('warns about an event out of order and keeps it', async () => {
    const r = await post(`/shipments/${id}/events`, {
      type: 'border_crossed',
      node: 'kz-b',
      at: '2026-03-04T20:00:00Z',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().warnings.map((w: { code: string }) => w.code)).toContain('out_of_order');
    // The position stays with the latest event in time.
    expect((await get(`/shipments/${id}`)).json().position.node).toBe('kz-p');
  });

  it('is delivered with certainty once it arrived', async () => {
    await post(`/shipments/${id}/events`, { type: 'arrived', node: 'ge-c', at: '2026-03-18T09:00:00Z' });
    const eta = (await get(`/shipments/${id}/eta`)).json();
    expect(eta.position.delivered).toBe(true);
    expect(eta.eta.p50).toBe('2026-03-18T09:00:00.000Z');
    expect(eta.onTimeProbability).toBe(0);
  });

  it('keeps shipments and events across a restart', async () => {
    await t.app.close();
    await t.storage.close();
    t = await fixtureApp({ dbFile: join(dir, 'k.db') });
    const s = (await get(`/shipments/${id}`)).json();
    expect(s.name).toBe('Box 1');
    expect(s.events).toHaveLength(5);
    expect(s.position.delivered).toBe(true);
  });

  it('refuses an itinerary index the search did not return', async () => {
    const r = await post('/shipments', { from: 'cn-a', to: 'ge-c', depart: DEPART, deadline: DEADLINE, itinerary: 3 });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ field: 'itinerary', value: 3 });
  });
});
