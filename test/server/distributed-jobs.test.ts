/**
 * Simulation jobs on the shared queue (issue 20, items 2 and 4), with real processes: the API sends the job to
 * pg-boss on PostgreSQL, a `keruen worker` process takes it and is killed (SIGKILL) mid-job; after the job's
 * expiry pg-boss hands it to a second worker, which finishes it. The job ends done with its result written once,
 * and a second job queued meanwhile is done too. Runs when KERUEN_TEST_DATABASE_URL names a server.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BossJobs, DEAD_QUEUE, openBoss, PORT_QUEUE, SWEEP_QUEUE } from '../../src/server/pg-boss-jobs.ts';
import { PostgresStorage } from '../../src/server/storage/postgres-storage.ts';
import { startKeruenWorker } from './support/keruen-worker.ts';
import { shippedApp } from './support/shipped-app.ts';

const URL_ = process.env.KERUEN_TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(URL_ === undefined)('jobs on the shared queue, with workers that die', () => {
  const schema = `keruen_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const bossSchema = `${schema}_boss`;
  const url = `${URL_}${URL_?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = {
    ...process.env,
    KERUEN_JOB_SCHEMA: bossSchema,
    KERUEN_JOB_EXPIRE_S: '4',
    KERUEN_JOB_MAINTENANCE_S: '1',
  };
  let admin: pg.Client;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let token: string;
  let boss: PgBoss;
  let storage: PostgresStorage;
  const workers: ChildProcess[] = [];

  /** A `keruen worker` process; resolves once it says it is taking jobs. */
  const startWorker = () => startKeruenWorker(url, env, workers);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    storage = await PostgresStorage.open(url);
    boss = await openBoss(url, {
      schema: bossSchema,
      retryLimit: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 4,
      maintenanceIntervalSeconds: 1,
    });
    const jobs = new BossJobs(storage, boss);
    const s = await shippedApp({ storage, jobs });
    app = s.app;
    close = async () => {
      await s.app.close();
      await jobs.close();
      await storage.close();
    };
    token = (await storage.createToken('ops')).token;
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await close?.();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    await admin.end();
  });

  const auth = () => ({ authorization: `Bearer ${token}` });
  const submit = async (teuPerWeek: number, weeks: number) => {
    const r = await app.inject({
      method: 'POST',
      url: '/simulations/port',
      headers: auth(),
      payload: { node: 'kz-aktau', teuPerWeek, weeks, seed: 7 },
    });
    expect(r.statusCode).toBe(202);
    return r.json().id as string;
  };
  const job = async (id: string) => (await app.inject({ url: `/simulations/${id}`, headers: auth() })).json();
  const waitFor = async (id: string, ok: (j: { status: string; progress: number }) => boolean, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
      const j = await job(id);
      if (ok(j)) return j;
    }
    throw new Error(`job ${id} is still ${JSON.stringify(await job(id)).slice(0, 200)} after ${ms} ms`);
  };

  it('finishes a job whose worker was killed mid-run on another worker, once, and the job queued behind it', async () => {
    const first = await startWorker();
    const long = await submit(38_000, 520);
    await waitFor(long, (j) => j.status === 'running' && j.progress > 0 && j.progress < 1, 30_000);
    first.kill('SIGKILL');
    const short = await submit(200, 52);
    await startWorker();
    const done = await waitFor(long, (j) => j.status === 'done', 90_000);
    expect(done.result).toMatchObject({ weeks: 520, seed: 7 });
    expect(done.result.arrivedTeu).toBeGreaterThan(19_000_000);
    expect((await waitFor(short, (j) => j.status === 'done', 30_000)).result).toBeDefined();
    // The queue's record: the killed attempt was retried; each job completes once. Under load an attempt may
    // outlive the test's 4 s expiry and be handed out again; that attempt finds the row done and completes.
    const queueJobs = async () => {
      const q = await admin.query(`SELECT data->>'jobId' AS id, state, retry_count FROM ${bossSchema}.job`);
      return new Map(q.rows.map((r) => [r.id as string, r]));
    };
    let byId = await queueJobs();
    for (const end = Date.now() + 60_000; Date.now() < end; await sleep(250)) {
      byId = await queueJobs();
      if (byId.get(long)?.state === 'completed' && byId.get(short)?.state === 'completed') break;
    }
    expect(byId.get(long)).toMatchObject({ state: 'completed' });
    expect(Number(byId.get(long)?.retry_count)).toBeGreaterThanOrEqual(1);
    expect(byId.get(short)).toMatchObject({ state: 'completed' });
    expect((await job(long)).result).toEqual(done.result);
    const copies = await admin.query(`SELECT count(*)::int AS n FROM ${bossSchema}.job WHERE data->>'jobId' = $1`, [
      long,
    ]);
    expect(copies.rows[0].n).toBe(1);
  }, 180_000);

  it('fails the row of a job the queue gave up on, after its worker died on every attempt', async () => {
    for (const w of workers) w.kill('SIGKILL');
    const owner = (await storage.createToken('dead')).info.id;
    const row = await storage.createJob(owner, 'port', { node: 'kz-aktau', teuPerWeek: 200, weeks: 52, seed: 7 });
    await boss.send(PORT_QUEUE, { jobId: row.id }, { retryLimit: 0, expireInSeconds: 1 });
    // The test takes the job as a worker would, and dies: it never completes it, so it expires with no attempt left.
    let taken: unknown[] = [];
    for (const end = Date.now() + 10_000; taken.length === 0 && Date.now() < end; await sleep(100))
      taken = await boss.fetch(PORT_QUEUE);
    expect(taken).toHaveLength(1);
    await startWorker();
    let got = await storage.getJob(row.id);
    for (const end = Date.now() + 60_000; Date.now() < end && got?.status !== 'failed'; await sleep(250))
      got = await storage.getJob(row.id);
    expect(got).toMatchObject({ status: 'failed' });
    expect(got?.error).toMatch(/gave up after its attempts: job failed by timeout/);
    const dead = await admin.query(`SELECT state FROM ${bossSchema}.job WHERE name = $1 AND data->>'jobId' = $2`, [
      DEAD_QUEUE,
      row.id,
    ]);
    expect(dead.rows).toEqual([{ state: 'completed' }]);
  }, 120_000);

  it('fails a sweep naming the variant that failed on every attempt', async () => {
    await startWorker();
    const owner = (await storage.createToken('dead-sweep')).info.id;
    // A stored request no spec check accepts: each attempt of its variant throws.
    const row = await storage.createJob(owner, 'sweep', { spec: { name: 'broken' }, variants: 1 });
    await boss.send(SWEEP_QUEUE, { jobId: row.id, index: 0 }, { retryLimit: 1, retryDelay: 1, expireInSeconds: 30 });
    let got = await storage.getJob(row.id);
    for (const end = Date.now() + 60_000; Date.now() < end && got?.status !== 'failed'; await sleep(250))
      got = await storage.getJob(row.id);
    expect(got).toMatchObject({ status: 'failed' });
    expect(got?.error).toMatch(/^variant 0 gave up after its attempts: /);
  }, 120_000);
});
