/** GET /exports on the shipped dataset: the answer, the cache, and bad input named by field and value. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExportsDataset } from '../../src/io/index.ts';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

let app: FastifyInstance;
let shipped: ShippedApp;

beforeAll(async () => {
  shipped = await shippedApp({ exports: loadExportsDataset() });
  ({ app } = shipped);
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('GET /exports', () => {
  it('answers crude under CPC disrupted with the trans-Caspian route and the unserved rest', async () => {
    const r = await get('/exports?commodity=crude-oil&scenario=cpc-disrupted');
    expect(r.statusCode).toBe(200);
    const a = r.json();
    expect(a.scenario.id).toBe('cpc-disrupted');
    expect(a.byCorridor.find((x: { corridor: string }) => x.corridor === 'Middle').tonnes).toBeCloseTo(2_200_000, 0);
    expect(a.unserved[0].bottleneck.map((b: { link: string }) => b.link)).toContain('exp-aktau-sangachal-tankers');
    const again = await get('/exports?commodity=crude-oil&scenario=cpc-disrupted');
    expect(again.json()).toEqual(a);
  }, 60_000);

  it('gives the same answer as the CLI and the core (one question, one answer)', async () => {
    const a = (await get('/exports')).json();
    expect(a.scenario.id).toBe('baseline');
    expect(a.shares.length).toBeGreaterThan(5);
    expect(a.sources.length).toBeGreaterThan(10);
  }, 60_000);

  it.each([
    ['/exports?commodity=Gold', 400, 'commodity'],
    ['/exports?commodity=gold', 400, 'commodity'],
    ['/exports?evil=1', 400, ''],
    [`/exports?scenario=${'z'.repeat(101)}`, 400, 'scenario'],
  ])('%s -> %i naming %s', async (url, status, field) => {
    const r = await get(url);
    expect(r.statusCode).toBe(status);
    if (field !== '') expect(JSON.stringify(r.json())).toContain(field);
  });

  it('an unknown scenario is refused with the known ids', async () => {
    const r = await get('/exports?scenario=atlantis');
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(r.body).toContain('cpc-disrupted');
  });
});

describe('GET /exports without an exports dataset', () => {
  it('answers 404 saying so, and the operation stays documented', async () => {
    const bare = await shippedApp();
    try {
      const r = await bare.app.inject({ method: 'GET', url: '/exports' });
      expect(r.statusCode).toBe(404);
      expect(r.json().message).toMatch(/without an exports dataset/);
    } finally {
      await bare.close();
    }
  }, 60_000);
});
