/**
 * POST /appraisal and GET /appraisal/:id on the shipped dataset: a job that runs in the work pool, reports
 * progress, and ends with the same answer the CLI prints (portfolio within the budget, solver gap, greedy
 * difference); hostile bodies refused with field and value; the same request reuses its job.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

let app: FastifyInstance;
let shipped: ShippedApp;

beforeAll(async () => {
  shipped = await shippedApp();
  ({ app } = shipped);
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

const post = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/appraisal', payload: payload as Record<string, unknown> });

async function waitDone(id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const r = (await app.inject({ method: 'GET', url: `/appraisal/${id}` })).json() as Record<string, unknown>;
    if (r.status !== 'running') return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('appraisal job did not finish');
}

describe('POST /appraisal', () => {
  it('runs a job to the portfolio answer', async () => {
    const res = await post({ budgetEur: 2e9, samples: 50 });
    expect(res.statusCode).toBe(202);
    const job = res.json() as { id: string; progress: number };
    expect(res.headers.location).toBe(`/appraisal/${job.id}`);
    const done = await waitDone(job.id);
    expect(done.status).toBe('done');
    expect(done.progress).toBe(1);
    const result = done.result as {
      portfolio: { optimal: { capexEur: number; solver: { mipGap: number } }; difference: { enpvEur: number } };
      projects: Array<{ indicators: { enpvEur: number } }>;
    };
    expect(result.portfolio.optimal.capexEur).toBeLessThanOrEqual(2e9);
    expect(result.portfolio.optimal.solver.mipGap).toBe(0);
    expect(result.projects.length).toBeGreaterThanOrEqual(5);
    // the same request: the same job, answered at once
    const again = await post({ budgetEur: 2e9, samples: 50 });
    expect(again.statusCode).toBe(200);
    expect((again.json() as { id: string }).id).toBe(job.id);
  }, 60_000);

  it('refuses hostile bodies with the field and the value', async () => {
    for (const [body, field] of [
      [{ budgetEur: -5 }, 'budgetEur'],
      [{ growth: 'moon' }, 'growth'],
      [{ years: [1800] }, 'years.0'],
      [{ samples: 'many' }, 'samples'],
      [{ seed: -1 }, 'seed'],
      [{ context: 'DROP TABLE;' }, 'context'],
      [{ context: 'no-such-scenario' }, 'context'],
    ] as const) {
      const r = await post(body);
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json())).toContain(field);
    }
  });

  it('answers 404 for an unknown job', async () => {
    expect((await app.inject({ method: 'GET', url: '/appraisal/nope' })).statusCode).toBe(404);
  });
});
