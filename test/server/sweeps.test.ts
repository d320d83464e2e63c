import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

let s: ShippedApp;
let token: string;
beforeAll(async () => {
  s = await shippedApp();
  token = (await s.storage.createToken('sweeps')).token;
});
afterAll(async () => {
  await s.close();
});
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

describe('sweeps on the embedded job runner', () => {
  it('runs every variant once, summarises them, and gives them as CSV', async () => {
    const spec = { name: 'closures', scenarios: ['baseline', 'red-sea-closed'], growth: [1, 1.2], samplesPerOd: 0 };
    const r = await s.app.inject({ method: 'POST', url: '/sweeps', headers: auth(), payload: spec });
    expect(r.statusCode).toBe(202);
    const id = r.json().id as string;
    let job = r.json();
    for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((res) => setTimeout(res, 50));
      job = (await s.app.inject({ url: `/sweeps/${id}`, headers: auth() })).json();
    }
    expect(job.status).toBe('done');
    expect(job.result.variants).toBe(4);
    expect(job.result.summary.groups.map((g: { scenario: string; growth: number }) => [g.scenario, g.growth])).toEqual([
      ['baseline', 1],
      ['baseline', 1.2],
      ['red-sea-closed', 1],
      ['red-sea-closed', 1.2],
    ]);
    const variants = (await s.app.inject({ url: `/sweeps/${id}/variants`, headers: auth() })).json();
    expect(variants.map((v: { index: number }) => v.index)).toEqual([0, 1, 2, 3]);
    const csv = await s.app.inject({ url: `/sweeps/${id}/variants?format=csv`, headers: auth() });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.trim().split('\n')).toHaveLength(5);
    const other = (await s.storage.createToken('other')).token;
    expect((await s.app.inject({ url: `/sweeps/${id}`, headers: auth(other) })).statusCode).toBe(404);
  });

  it('refuses an unknown scenario, a grid past its bound and a body without a token, naming the field', async () => {
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/sweeps',
      headers: auth(),
      payload: { name: 'x', scenarios: ['atlantis-open'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'scenarios[0]', value: 'atlantis-open' });
    const big = await s.app.inject({
      method: 'POST',
      url: '/sweeps',
      headers: auth(),
      payload: {
        name: 'x',
        scenarios: ['baseline'],
        growth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        seeds: [...Array(1000).keys()],
      },
    });
    expect(big.statusCode).toBe(400);
    expect(JSON.stringify(big.json())).toMatch(/11000 variants/);
    const anon = await s.app.inject({
      method: 'POST',
      url: '/sweeps',
      payload: { name: 'x', scenarios: ['baseline'] },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('cancels a running sweep: it stops and stays cancelled', async () => {
    const spec = {
      name: 'long',
      scenarios: ['baseline'],
      growth: [1, 1.1, 1.2, 1.3],
      seeds: [1, 2, 3, 4, 5],
      samplesPerOd: 0,
    };
    const r = await s.app.inject({ method: 'POST', url: '/sweeps', headers: auth(), payload: spec });
    const id = r.json().id as string;
    const d = await s.app.inject({ method: 'DELETE', url: `/sweeps/${id}`, headers: auth() });
    expect(d.json().status).toBe('cancelled');
    await new Promise((res) => setTimeout(res, 500));
    const after = (await s.app.inject({ url: `/sweeps/${id}`, headers: auth() })).json();
    expect(after.status).toBe('cancelled');
    const parts = (await s.app.inject({ url: `/sweeps/${id}/variants`, headers: auth() })).json();
    expect(parts.length).toBeLessThan(20);
  });
});
