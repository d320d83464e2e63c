/**
 * Booking the itinerary the user chose (issue 17, item 1), on the shipped dataset: the Middle Corridor itinerary
 * Xi'an → Duisburg avoiding Russia, Belarus and Iran, booked by its key, is stored with exactly its legs; a key
 * the search no longer offers answers 409 itinerary_gone saying what changed and listing what it offers.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
let clock = NOW;
const query = {
  from: "Xi'an",
  to: 'Duisburg',
  depart: '2026-12-07T08:00:00Z',
  avoidCountries: ['RU', 'BY', 'IR'],
};
const deadline = '2027-02-01T00:00:00Z';
let shipped: ShippedApp;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  shipped = await shippedApp({ now: () => clock });
  app = shipped.app;
  token = (await shipped.storage.createToken('ops')).token;
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });
const book = (extra: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/shipments', headers: auth(), payload: { ...query, deadline, ...extra } });
interface Answer {
  itineraries: Array<{ key: string; corridor: string; legs: Array<{ linkId: string; depart: string }> }>;
}

describe('booking a pinned itinerary', () => {
  it('stores exactly the legs of the itinerary named by its key, not the first of a new search', async () => {
    const r = await app.inject({ method: 'POST', url: '/routes', payload: query });
    expect(r.statusCode).toBe(200);
    const a = r.json() as Answer;
    expect(new Set(a.itineraries.map((it) => it.key)).size).toBe(a.itineraries.length);
    // The last Middle Corridor itinerary of the answer, not the first one, so that an index-0 booking (what the
    // page used to send) could not pass by chance.
    const chosen = a.itineraries.filter((it) => it.corridor === 'Middle').at(-1);
    expect(chosen).toBeDefined();
    expect(a.itineraries.indexOf(chosen as (typeof a.itineraries)[number])).toBeGreaterThan(0);
    const s = await book({ itineraryKey: chosen?.key });
    expect(s.statusCode).toBe(201);
    const stored = s.json().itinerary;
    expect(stored.key).toBe(chosen?.key);
    expect(stored.legs.map((l: { linkId: string }) => l.linkId)).toEqual(chosen?.legs.map((l) => l.linkId));
    expect(stored.countries).not.toContain('RU');
  });

  it("predicts a booked shipment's arrival, before it leaves, as POST /reliability gives its itinerary", async () => {
    // One question, one answer: the same timeline (with its calibrated journey factor), samples and seed.
    const opts = { samples: 3000, seed: 11 };
    const rel = await app.inject({ method: 'POST', url: '/reliability', payload: { ...query, deadline, ...opts } });
    expect(rel.statusCode).toBe(200);
    const chosen = rel
      .json()
      .itineraries.filter((it: { corridor: string }) => it.corridor === 'Middle')
      .at(-1);
    const s = await book({ itineraryKey: chosen.key });
    expect(s.statusCode).toBe(201);
    const eta = await app.inject({ url: `/shipments/${s.json().id}/eta?samples=3000&seed=11`, headers: auth() });
    expect(eta.statusCode).toBe(200);
    const e = eta.json();
    expect(e.conditioning.elapsedH).toBe(0);
    for (const q of ['p5', 'p10', 'p50', 'p90', 'p95', 'mean']) expect(e.remainingH[q]).toBe(chosen.transitH[q]);
    expect(e.onTimeProbability).toBe(chosen.onTimeProbability);
    // The calibrated band: a journey of weeks, not the few hours that independent steps alone would give.
    expect(e.remainingH.p90 - e.remainingH.p10).toBeGreaterThan(48);
  });

  it('predicts a shipment running late to keep running late: the steps done tell its pace', async () => {
    const rel = (await app.inject({ method: 'POST', url: '/routes', payload: query })).json() as Answer;
    const chosen = rel.itineraries.find((it) => it.corridor === 'Middle');
    const legs = (chosen as unknown as { legs: Array<{ to: string; arrive: string }> }).legs;
    const mid = legs[Math.floor(legs.length / 2)];
    expect(mid).toBeDefined();
    const etaAfter = async (lateH: number) => {
      const s = await book({ itineraryKey: chosen?.key });
      expect(s.statusCode).toBe(201);
      const id = s.json().id as string;
      const at = new Date(Date.parse(mid?.arrive ?? '') + lateH * 3_600_000).toISOString();
      clock = new Date(Date.parse(at) + 3_600_000);
      const ev = { type: 'arrived', node: mid?.to, at };
      const e = await app.inject({ method: 'POST', url: `/shipments/${id}/events`, headers: auth(), payload: ev });
      expect(e.statusCode).toBe(201);
      const r = await app.inject({ url: `/shipments/${id}/eta?samples=4000&seed=3`, headers: auth() });
      clock = NOW;
      expect(r.statusCode).toBe(200);
      return r.json();
    };
    const onPlan = await etaAfter(0);
    const late = await etaAfter(96);
    expect(onPlan.pace).toMatchObject({ factorP50: expect.any(Number), effectiveSamples: expect.any(Number) });
    expect(late.pace.factorP50).toBeGreaterThan(onPlan.pace.factorP50);
    // Four days late at mid-route: the arrival moves by more than the four days, since the rest is slowed too.
    const shiftH = (Date.parse(late.eta.p50) - Date.parse(onPlan.eta.p50)) / 3_600_000;
    expect(shiftH).toBeGreaterThan(96);
  });

  it('answers 409 itinerary_gone, naming a change of times, when only the departures moved', async () => {
    const a = (await app.inject({ method: 'POST', url: '/routes', payload: query })).json() as Answer;
    const key = a.itineraries[0]?.key ?? '';
    // The same request a week later: the same legs, other departures.
    const s = await book({ itineraryKey: key, depart: '2026-12-14T08:00:00Z' });
    expect(s.statusCode).toBe(409);
    const b = s.json();
    expect(b).toMatchObject({ error: 'itinerary_gone', field: 'itineraryKey', value: key });
    expect(b.message).toMatch(/same legs now depart at other times/);
    expect(b.offered.length).toBeGreaterThan(0);
  });

  it('answers 409 naming other legs when no itinerary takes the key’s legs, and 400 for a malformed key', async () => {
    const gone = await book({ itineraryKey: '000000000000.000000000000' });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().message).toMatch(/no itinerary of this search takes its legs/);
    const bad = await book({ itineraryKey: 'middle-corridor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/itineraryKey/);
  });
});
