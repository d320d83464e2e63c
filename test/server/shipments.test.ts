import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEPART, fixtureApp, NOW, type TestApp } from './support/fixture-app.ts';

let dir: string;
let t: TestApp;
let token: string;
let id: string;
/** The server clock of the app under test; NOW (20 March 12:00) unless a test sets another "as of" time. */
let clock = NOW;
const hoursOf = (iso: string) => Date.parse(iso) / 3_600_000;

// Plan (see support/fixture-app.ts): depart Mon 2 March 00:00; at Papa port Thu 5 March ~21:20 (mean rail time);
// the weekly ferry leaves Monday 9 March 12:00, arrival at Charlie Wed 11 March about 07:20. Deadline: 12 March.
const DEADLINE = '2026-03-12T00:00:00Z';

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keruen-ship-'));
  t = await fixtureApp({ dbFile: join(dir, 'k.db'), now: () => clock });
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
    // As of the planned departure: nothing has elapsed, so the answer is the plain Monte Carlo of the plan.
    clock = new Date(DEPART);
    const r = await get(`/shipments/${id}/eta?samples=4000&seed=3`);
    clock = NOW;
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.position).toMatchObject({ node: 'cn-a', basedOn: 'plan', delivered: false });
    expect(b.asOf).toBe('2026-03-02T00:00:00.000Z');
    expect(b.conditioning).toEqual({ elapsedH: 0, conditionedSamples: 0, fallbackSamples: 0, maxAttempts: 200 });
    expect(b.remainingH).toMatchObject({ seed: 3, samples: 4000 });
    // Everything before the Monday 9 March sailing fits in a week (max 4+50+6+45+30 = 135 h < 180 h), so every
    // sample sails on 9 March and lands by 10 March 16:00 + 5 h + 15 h: always on time for 12 March.
    expect(b.onTimeProbability).toBe(1);
    expect(b.eta.p50 >= '2026-03-10T00:00:00Z' && b.eta.p50 <= '2026-03-11T12:00:00Z').toBe(true);
  });

  it('says when the events are overdue: the plan long past its first step', async () => {
    // As of 20 March 12:00 with no event, 444 h after the planned departure: the first step (4 h at the origin
    // border) cannot still be running, so every sample falls back to "it ends now"; the rest then starts on
    // Friday 20 March and waits for the Monday 23 March sailing, too late for 12 March.
    const b = (await get(`/shipments/${id}/eta?samples=1000&seed=3`)).json();
    expect(b.asOf).toBe('2026-03-20T12:00:00.000Z');
    expect(b.conditioning).toMatchObject({ elapsedH: 444, conditionedSamples: 0, fallbackSamples: 1000 });
    expect(b.onTimeProbability).toBe(0);
    expect(b.eta.p5 >= '2026-03-23T12:00:00Z').toBe(true);
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
    // As of 20:00 that day: the dwell (triangular 5-10-30 h) has lasted 6 h and is drawn conditioned on more.
    clock = new Date('2026-03-09T20:00:00Z');
    const eta = (await get(`/shipments/${id}/eta?samples=4000&seed=3`)).json();
    clock = NOW;
    expect(eta.conditioning).toMatchObject({ elapsedH: 6, conditionedSamples: 4000, fallbackSamples: 0 });
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
    t = await fixtureApp({ dbFile: join(dir, 'k.db'), now: () => clock });
    const s = (await get(`/shipments/${id}`)).json();
    expect(s.name).toBe('Box 1');
    expect(s.events).toHaveLength(5);
    expect(s.position.delivered).toBe(true);
  });

  it('conditions the crossing in progress on the time already spent on it', async () => {
    // A second shipment reported leaving Papa port on 19 March 14:00, 22 h before the clock (20 March 12:00).
    // The crossing X is triangular 20-22-28 h; given X > 22 h the rest R = X - 22 has density (6 - r) / 18 on
    // [0, 6] h, so P(R <= r) = 1 - (1 - r/6)^2: median 6 (1 - 1/sqrt 2) = 1.757 h, P95 6 (1 - sqrt 0.05) = 4.658 h.
    // Then 5 h at Quebec port and 15 h by rail: ETA = clock + R + 20 h. The deadline 21 March 10:00 (clock + 22 h)
    // is met when R <= 2 h: 1 - (2/3)^2 = 5/9. Standard errors with 20,000 samples: 0.015 h, 0.021 h and 0.0035;
    // the tolerances are over 4 of them. Unconditioned (a full crossing from now), the median would be 22.5 h.
    const c = await post('/shipments', {
      name: 'Box 2',
      from: 'Alpha',
      to: 'Charlie',
      depart: DEPART,
      deadline: '2026-03-21T10:00:00Z',
    });
    const id2 = c.json().id;
    const dep = await post(`/shipments/${id2}/events`, { type: 'departed', node: 'kz-p', at: '2026-03-19T14:00:00Z' });
    expect(dep.statusCode).toBe(201);
    const b = (await get(`/shipments/${id2}/eta?samples=20000&seed=5`)).json();
    expect(b.asOf).toBe('2026-03-20T12:00:00.000Z');
    expect(b.position).toMatchObject({ node: 'kz-p', at: '2026-03-19T14:00:00.000Z' });
    expect(b.conditioning).toEqual({ elapsedH: 22, conditionedSamples: 20000, fallbackSamples: 0, maxAttempts: 200 });
    expect(b.remainingH).toMatchObject({ seed: 5, samples: 20000 });
    const fromNow = (iso: string) => hoursOf(iso) - hoursOf('2026-03-20T12:00:00Z') - 20;
    expect(Math.abs(fromNow(b.eta.p50) - 6 * (1 - Math.SQRT1_2))).toBeLessThan(0.08);
    expect(Math.abs(fromNow(b.eta.p95) - 6 * (1 - Math.sqrt(0.05)))).toBeLessThan(0.1);
    expect(fromNow(b.eta.p5)).toBeGreaterThan(0);
    expect(Math.abs(b.onTimeProbability - 5 / 9)).toBeLessThan(0.02);
  });

  it('refuses an itinerary index the search did not return', async () => {
    const r = await post('/shipments', { from: 'cn-a', to: 'ge-c', depart: DEPART, deadline: DEADLINE, itinerary: 3 });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ field: 'itinerary', value: 3 });
  });
});
