/**
 * POST /emissions/itinerary (issue 17, item 7): the itinerary the user chose, named by its key, comes back as an
 * iLEAP footprint whose TCEs add up to the itinerary's CO2e in the route answer; under a library scenario too.
 * Attacked: a malformed key, a key the search does not offer, a missing key, an unknown field or scenario, a
 * body past the size limit: each a 4xx naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const query = { from: "Xi'an", to: 'Duisburg', depart: '2026-12-07T08:00:00Z', avoidCountries: ['RU', 'BY', 'IR'] };
let shipped: ShippedApp;
let app: FastifyInstance;
beforeAll(async () => {
  shipped = await shippedApp({ now: () => NOW, workPool: { threads: 0 } });
  app = shipped.app;
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

interface Answer {
  itineraries: Array<{ key: string; corridor: string; totals: { co2eKg: number } }>;
}
interface Ileap {
  shipmentFootprint: { shipmentId: string; numberOfItems?: string; tces: Array<{ co2eWTW: string }> };
  notes: string[];
}
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const tceSum = (x: Ileap) => x.shipmentFootprint.tces.reduce((s, t) => s + Number(t.co2eWTW), 0);

describe('POST /emissions/itinerary', () => {
  it('exports every itinerary of a search with the CO2e the route answer gives it', async () => {
    const q = { ...query, cargo: { kind: 'containers', teu: 2 } };
    const a = (await post('/routes', q)).json() as Answer;
    expect(a.itineraries.length).toBeGreaterThan(1);
    for (const it of a.itineraries) {
      const r = await post('/emissions/itinerary', { ...q, itineraryKey: it.key });
      expect(r.statusCode, r.body).toBe(200);
      const x = r.json() as Ileap;
      expect(x.shipmentFootprint.shipmentId).toBe(it.key);
      expect(x.shipmentFootprint.numberOfItems).toBe('2');
      // TCE figures are decimal strings of 6 places: their sum is the route's CO2e to 1e-6 kg per TCE.
      expect(Math.abs(tceSum(x) - it.totals.co2eKg)).toBeLessThan(1e-6 * x.shipmentFootprint.tces.length);
    }
  });

  it('exports an itinerary of a route under a library scenario, and a bulk tonnage', async () => {
    const q = { from: 'Shanghai', to: 'Rotterdam', depart: '2026-12-07', scenario: 'red-sea-closed' };
    const it = ((await post('/routes', q)).json() as Answer).itineraries[0];
    const r = await post('/emissions/itinerary', { ...q, itineraryKey: it?.key });
    expect(r.statusCode, r.body).toBe(200);
    expect(tceSum(r.json())).toBeCloseTo(it?.totals.co2eKg ?? Number.NaN, 3);
    const b = { from: 'Almaty', to: 'Yerevan', depart: '2026-12-07', cargo: { kind: 'liquid', tonnes: 800 } };
    const bit = ((await post('/routes', b)).json() as Answer).itineraries[0];
    const rb = await post('/emissions/itinerary', { ...b, itineraryKey: bit?.key });
    expect(rb.statusCode, rb.body).toBe(200);
    expect(tceSum(rb.json())).toBeCloseTo(bit?.totals.co2eKg ?? Number.NaN, 3);
    expect((rb.json() as Ileap).notes.join('\n')).toMatch(/liquid charged with bulk factors/);
  });

  it('answers 409 itinerary_gone, listing what the search offers, for a key it does not offer', async () => {
    const r = await post('/emissions/itinerary', { ...query, itineraryKey: '0123456789ab.cdef01234567' });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'itinerary_gone', field: 'body.itineraryKey' });
    expect(r.json().offered.length).toBeGreaterThan(0);
  });

  it('refuses a malformed or missing key, an unknown field or scenario, and an oversized body', async () => {
    const bad = await post('/emissions/itinerary', { ...query, itineraryKey: 'x'.repeat(40) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('body.itineraryKey');
    expect(bad.json().message).toMatch(/12 hex digits/);
    const missing = await post('/emissions/itinerary', query);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('body.itineraryKey');
    const extra = await post('/emissions/itinerary', { ...query, itineraryKey: '0123456789ab.cdef01234567', x: 1 });
    expect(extra.statusCode).toBe(400);
    const scenario = await post('/emissions/itinerary', {
      ...query,
      scenario: 'atlantis-open',
      itineraryKey: '0123456789ab.cdef01234567',
    });
    expect(scenario.statusCode).toBe(400);
    expect(scenario.json().field).toBe('body.scenario');
    const big = await app.inject({
      method: 'POST',
      url: '/emissions/itinerary',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...query, itineraryKey: '0123456789ab.cdef01234567', from: 'x'.repeat(300_000) }),
    });
    expect(big.statusCode).toBe(413);
  });
});
