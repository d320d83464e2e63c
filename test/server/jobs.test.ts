/**
 * Reliability runs and scenario flows as jobs (issue 20, item 2): the job's result is the answer the synchronous
 * route gives for the same body (timings aside), a job is visible only to its token, and bodies are checked as
 * the synchronous routes check them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

let s: ShippedApp;
let token: string;
beforeAll(async () => {
  s = await shippedApp();
  token = (await s.storage.createToken('jobs')).token;
});
afterAll(async () => {
  await s.close();
});
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

/** The answer without what varies from run to run (elapsed times, the cache flag). */
function stable(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stable);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([k]) => k !== 'ms' && k !== 'cached' && k !== 'timingsMs')
      .map(([k, v]) => [k, stable(v)]),
  );
}

async function finish(id: string) {
  let job = (await s.app.inject({ url: `/jobs/${id}`, headers: auth() })).json();
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await s.app.inject({ url: `/jobs/${id}`, headers: auth() })).json();
  }
  return job;
}

describe('questions as jobs', () => {
  it('gives as a flows job the answer of POST /scenarios/flows', async () => {
    const body = { base: 'baseline', other: 'russia-closed' };
    const r = await s.app.inject({ method: 'POST', url: '/jobs/flows', headers: auth(), payload: body });
    expect(r.statusCode).toBe(202);
    expect(r.headers.location).toBe(`/jobs/${r.json().id}`);
    const job = await finish(r.json().id);
    expect(job.status).toBe('done');
    const direct = await s.app.inject({ method: 'POST', url: '/scenarios/flows', payload: body });
    expect(stable(job.result)).toEqual(stable(direct.json()));
  });

  it('gives as a reliability job the answer of POST /reliability, seeded', async () => {
    const body = { from: 'Almaty', to: 'Baku', depart: '2027-03-02T08:00:00Z', samples: 500, seed: 3 };
    const r = await s.app.inject({ method: 'POST', url: '/jobs/reliability', headers: auth(), payload: body });
    const job = await finish(r.json().id);
    expect(job.status).toBe('done');
    const direct = await s.app.inject({ method: 'POST', url: '/reliability', payload: body });
    expect(stable(job.result)).toEqual(stable(direct.json()));
    const other = (await s.storage.createToken('other')).token;
    expect((await s.app.inject({ url: `/jobs/${job.id}`, headers: auth(other) })).statusCode).toBe(404);
  });

  it('gives as an appraisal job the answer of POST /appraisal (the portfolio by HiGHS), kept in the database', async () => {
    const body = { budgetEur: 2e9, samples: 50, years: [2024, 2040] };
    const r = await s.app.inject({ method: 'POST', url: '/jobs/appraisal', headers: auth(), payload: body });
    expect(r.statusCode).toBe(202);
    const job = await finish(r.json().id);
    expect(job.status).toBe('done');
    expect((await s.storage.getJob(job.id))?.kind).toBe('appraisal');
    let direct = (await s.app.inject({ method: 'POST', url: '/appraisal', payload: body })).json();
    for (let i = 0; i < 600 && direct.status === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 100));
      direct = (await s.app.inject({ url: `/appraisal/${direct.id}` })).json();
    }
    expect(stable(job.result)).toEqual(stable(direct.result));
    expect(job.result.portfolio.optimal.capexEur).toBeLessThanOrEqual(2e9);
  }, 120_000);

  it('refuses what the synchronous routes refuse, naming the field, and needs a token', async () => {
    const bad = await s.app.inject({
      method: 'POST',
      url: '/jobs/flows',
      headers: auth(),
      payload: { base: 'baseline', other: 'atlantis' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body.other', value: 'atlantis' });
    const samples = await s.app.inject({
      method: 'POST',
      url: '/jobs/reliability',
      headers: auth(),
      payload: { from: 'Almaty', to: 'Baku', samples: 1e9 },
    });
    expect(samples.statusCode).toBe(400);
    expect(JSON.stringify(samples.json())).toMatch(/samples/);
    const anon = await s.app.inject({
      method: 'POST',
      url: '/jobs/flows',
      payload: { base: 'baseline', other: 'baseline' },
    });
    expect(anon.statusCode).toBe(401);
  });
});
