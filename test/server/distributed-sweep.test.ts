/**
 * A 200-variant sweep on the shared queue with real processes (issue 20, items 3 and 4): two `keruen worker`
 * processes take its variants from pg-boss; one is killed (SIGKILL) midway, and then every database connection of
 * the deployment is cut again and again for three seconds (what clients see of a database restart). The sweep
 * still ends done with all 200 results, each stored once, and the queue holds one job per variant, all completed.
 * Runs when KERUEN_TEST_DATABASE_URL names a server.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepSpecSchema } from '../../src/core/index.ts';
import { BossJobs, openBoss } from '../../src/server/pg-boss-jobs.ts';
import { PostgresStorage } from '../../src/server/storage/postgres-storage.ts';
import { startKeruenWorker } from './support/keruen-worker.ts';

const URL_ = process.env.KERUEN_TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(URL_ === undefined)('a sweep on the shared queue, through a dead worker and a database restart', () => {
  const tag = randomUUID().replace(/-/g, '').slice(0, 12);
  const schema = `keruen_sweep_${tag}`;
  const bossSchema = `${schema}_boss`;
  const appName = `keruen_sweep_${tag}`;
  const sep = URL_?.includes('?') ? '&' : '?';
  const url = `${URL_}${sep}application_name=${appName}&options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const settings = {
    schema: bossSchema,
    retryLimit: 10,
    retryDelaySeconds: 1,
    expireInSeconds: 6,
    maintenanceIntervalSeconds: 1,
  };
  const env = {
    ...process.env,
    KERUEN_JOB_SCHEMA: bossSchema,
    KERUEN_JOB_EXPIRE_S: '6',
    KERUEN_JOB_MAINTENANCE_S: '1',
  };
  let admin: pg.Client;
  let storage: PostgresStorage;
  let jobs: BossJobs;
  const workers: ChildProcess[] = [];

  const startWorker = () => startKeruenWorker(url, env, workers);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    storage = await PostgresStorage.open(url);
    jobs = new BossJobs(storage, await openBoss(url, settings), settings);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await jobs?.close();
    await storage?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
    await admin.end();
  });

  /** The stored parts, read through the admin connection (it is never cut). */
  const parts = async (id: string) =>
    (await admin.query(`SELECT part FROM ${schema}.job_parts WHERE job_id = $1 ORDER BY part`, [id])).rows.map(
      (r) => r.part as number,
    );
  const waitParts = async (id: string, n: number, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if ((await parts(id)).length >= n) return;
    throw new Error(`fewer than ${n} parts after ${ms} ms`);
  };
  /** Cuts every connection of the deployment (workers, queue, storage) for `ms`, as a restart would. */
  const cutConnections = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(150))
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        appName,
      ]);
  };

  it('ends with 200 results, each once, after a SIGKILL and cut connections', async () => {
    const spec = SweepSpecSchema.parse({
      name: 'faults',
      scenarios: ['baseline', 'red-sea-closed', 'russia-closed', 'bakhty-ayagoz', 'armenia-transit-open'],
      growth: [0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5],
      seeds: [1, 2, 3, 4, 5],
      samplesPerOd: 0,
    });
    const owner = (await storage.createToken('sweeps')).info.id;
    const job = await storage.createJob(owner, 'sweep', { spec, variants: 200 });
    const [first] = await Promise.all([startWorker(), startWorker()]);
    jobs.startSweep(job);
    await waitParts(job.id, 30, 120_000);
    first?.kill('SIGKILL');
    await waitParts(job.id, 60, 120_000);
    await cutConnections(3000);
    await startWorker();
    let row = await storage.getJob(job.id).catch(() => undefined);
    for (const end = Date.now() + 240_000; Date.now() < end && row?.status !== 'done'; await sleep(250))
      row = await storage.getJob(job.id).catch(() => row);
    expect(row?.status).toBe('done');
    expect(row?.result).toMatchObject({ variants: 200, summary: { variants: 200 } });
    expect(await parts(job.id)).toEqual([...Array(200).keys()]);
    const q = await admin.query(
      `SELECT (data->>'index')::int AS i, state FROM ${bossSchema}.job WHERE data->>'jobId' = $1`,
      [job.id],
    );
    expect(q.rows.map((r) => r.i as number).sort((a, b) => a - b)).toEqual([...Array(200).keys()]);
  }, 400_000);
});
