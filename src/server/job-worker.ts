/**
 * `keruen worker`: a process that takes simulation jobs from the shared queue (pg-boss on PostgreSQL) and runs
 * them in its own work pool, writing progress and the result to the job's row. Start as many as wanted, on any
 * machine that reaches the database; each loads the dataset once. A job found finished is skipped (its result
 * stands), a cancelled one is stopped within a second, and a failure is left to pg-boss to retry until the last
 * attempt, which marks the row failed with the reason.
 */
import type PgBoss from 'pg-boss';
import { KeruenError, type Network, type VariantResult } from '../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadScenarioLibrary } from '../io/index.ts';
import { isFinished, JOB_TIMEOUT_MS, throttledProgress } from './job-runner.ts';
import {
  BOSS_DEFAULTS,
  type BossSettings,
  DEAD_QUEUE,
  openBoss,
  PORT_QUEUE,
  SWEEP_QUEUE,
  TASK_QUEUE,
} from './pg-boss-jobs.ts';
import { type PortJobRequest, portJobModel } from './port-job.ts';
import { isPostgresUrl, PostgresStorage } from './storage/postgres-storage.ts';
import type { Storage } from './storage/storage.ts';
import { type RunVariant, runSweepPart, settleSweep, sweepRequestOf } from './sweep-job.ts';
import { finishTask, taskOf } from './task-job.ts';
import { WorkPool, WorkRefused } from './work-pool.ts';

export interface JobWorkerOptions {
  /** The PostgreSQL database the API instances use. */
  db: string;
  dataDir?: string | undefined;
  /** Jobs run at once (one thread each). */
  concurrency?: number | undefined;
  boss?: Partial<BossSettings> | undefined;
}

export interface JobWorker {
  close(): Promise<void>;
}

interface WorkerDeps {
  storage: Storage;
  work: WorkPool;
  network: Network;
}

const CANCEL_CHECK_MS = 1000;
/** A sweep loop's pause when the queue is empty (or the database out of reach). */
const IDLE_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type VariantData = { jobId: string; index: number };
/** A dead-letter job keeps the data of the job that died: a sweep variant's has its index. */
type DeadData = { jobId: string; index?: number };

export async function startJobWorker(o: JobWorkerOptions): Promise<JobWorker> {
  if (!isPostgresUrl(o.db))
    throw new KeruenError('KERUEN_INVALID_INPUT', 'db: a worker needs the postgres:// database of the API', [], {
      field: 'db',
      value: o.db,
    });
  const n = Math.max(1, o.concurrency ?? 1);
  const storage = await PostgresStorage.open(o.db);
  const ctx = loadContext(o.dataDir ?? DEFAULT_DATA_DIR);
  const library = loadScenarioLibrary(ctx.network, o.dataDir ?? DEFAULT_DATA_DIR);
  const data = { network: ctx.network, emissionFactors: ctx.factors, library };
  // Two queues (port simulations, sweep variants) with n handlers each share the n threads.
  const work = new WorkPool(data, { threads: n, maxQueue: 2 * n, perClient: 2 * n, timeoutMs: JOB_TIMEOUT_MS });
  const boss = await openBoss(o.db, { ...BOSS_DEFAULTS, ...o.boss });
  const deps: WorkerDeps = { storage, work, network: ctx.network };
  const options = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: 0.5 };
  const loops: SweepLoop[] = [];
  for (let i = 0; i < n; i++) {
    await boss.work<{ jobId: string }>(PORT_QUEUE, options, async ([j]) => {
      if (j !== undefined) await runJob(deps, j);
    });
    await boss.work<{ jobId: string }>(TASK_QUEUE, options, async ([j]) => {
      if (j !== undefined) await runTaskJob(deps, j);
    });
    loops.push(sweepLoop(deps, boss));
  }
  await boss.work<DeadData>(DEAD_QUEUE, options, async ([j]) => {
    if (j !== undefined) await buryJob(deps, j);
  });
  return {
    close: async () => {
      await Promise.all(loops.map((l) => l.stop()));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await work.close();
      await storage.close();
    },
  };
}

/** Runs one queued job to its row's end; throws (for pg-boss to retry) on a failure that has attempts left. */
async function runJob(d: WorkerDeps, q: PgBoss.JobWithMetadata<{ jobId: string }>): Promise<void> {
  const id = q.data.jobId;
  const row = await d.storage.getJob(id);
  if (row === undefined || isFinished(row)) return;
  await d.storage.updateJob(id, { status: 'running' });
  const ac = new AbortController();
  const watch = setInterval(() => {
    void d.storage.getJob(id).then((r) => {
      if (r?.status === 'cancelled') ac.abort();
    });
  }, CANCEL_CHECK_MS);
  const onProgress = throttledProgress((progress) => void d.storage.updateJob(id, { progress }));
  try {
    const model = portJobModel(d.network, row.request as PortJobRequest);
    const options = { client: `job:${row.owner}`, timeoutMs: JOB_TIMEOUT_MS, signal: ac.signal, onProgress };
    const result = await d.work.run({ kind: 'port', model }, options);
    await d.storage.updateJob(id, { status: 'done', progress: 1, result });
  } catch (e) {
    if (e instanceof WorkRefused && e.code === 'cancelled') return;
    await failOnLastAttempt(d, q, id, e);
  } finally {
    clearInterval(watch);
  }
}

interface SweepLoop {
  stop(): Promise<void>;
}

/**
 * Takes sweep variants one at a time, each its own queue job, so a job's expiry covers one variant and never
 * waits behind a batch (a batch of eight run in turn outlived a short expiry under load, and its variants were
 * retried with ever longer back-off). A plain fetch loop also skips pg-boss's polling pause after quick work,
 * which with one variant (~0.1 s) per fetch left a worker idle most of the time.
 */
function sweepLoop(d: WorkerDeps, boss: PgBoss): SweepLoop {
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      // fetch answers [] on a lost connection; the pause keeps a database outage from spinning the loop.
      const [j] = await boss.fetch<VariantData>(SWEEP_QUEUE, { batchSize: 1, includeMetadata: true });
      if (j === undefined) await sleep(IDLE_MS);
      else await runVariantJob(d, boss, j);
    }
  };
  const done = loop();
  return {
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/**
 * Runs one variant of a sweep and completes its queue job only once its part is stored. A failure fails the queue
 * job for pg-boss to retry; where even that cannot reach the database, the job stays active and expires into a
 * retry, so no variant is ever completed without its part. Out of attempts, it is buried (buryJob): the sweep
 * fails naming the variant, unless its part was stored after all.
 */
async function runVariantJob(d: WorkerDeps, boss: PgBoss, q: PgBoss.JobWithMetadata<VariantData>): Promise<void> {
  const { jobId, index } = q.data;
  try {
    const row = await d.storage.getJob(jobId);
    if (row !== undefined && !isFinished(row)) {
      const options = { client: `job:${row.owner}`, timeoutMs: JOB_TIMEOUT_MS };
      const run: RunVariant = async (spec, variant) =>
        (await d.work.run({ kind: 'sweep-variant', spec, variant }, options)) as VariantResult;
      await runSweepPart(d.storage, run, jobId, index);
    }
    await boss.complete(SWEEP_QUEUE, q.id);
  } catch (e) {
    // After its last attempt pg-boss moves the job to the dead-letter queue, where buryJob fails the sweep.
    const error = e instanceof Error ? e.message : String(e);
    await boss.fail(SWEEP_QUEUE, q.id, { error }).catch(() => {});
  }
}

/**
 * A queue job that ran out of attempts (pg-boss moves it to the dead-letter queue, whether it failed or its
 * worker died each time): its row fails with the reason, unless the row has ended or, for a sweep, the
 * variant's part was stored after all (the sweep is then settled instead).
 */
async function buryJob(d: WorkerDeps, q: PgBoss.JobWithMetadata<DeadData>): Promise<void> {
  const { jobId, index } = q.data;
  const row = await d.storage.getJob(jobId);
  if (row === undefined || isFinished(row)) return;
  // fail() stores {error}; an expiry stores {value: {message}}.
  const out = (q.output ?? {}) as { error?: string; value?: { message?: string } };
  const why = out.error ?? out.value?.message ?? 'no reason recorded';
  if (index !== undefined) {
    const stored = (await d.storage.listJobParts(jobId)).some((p) => p.part === index);
    if (stored) return void (await settleSweep(d.storage, jobId, sweepRequestOf(row).variants));
  }
  const what = index === undefined ? 'the job' : `variant ${index}`;
  await d.storage.updateJob(jobId, { status: 'failed', error: `${what} gave up after its attempts: ${why}` });
}

/** Runs a stored task (reliability, flows) to its row's end; throws for pg-boss to retry while attempts remain. */
async function runTaskJob(d: WorkerDeps, q: PgBoss.JobWithMetadata<{ jobId: string }>): Promise<void> {
  const row = await d.storage.getJob(q.data.jobId);
  if (row === undefined || isFinished(row)) return;
  await d.storage.updateJob(row.id, { status: 'running' });
  try {
    const options = { client: `job:${row.owner}`, timeoutMs: JOB_TIMEOUT_MS };
    const task = taskOf(row);
    const result = await finishTask(task, await d.work.run(task, options));
    await d.storage.updateJob(row.id, { status: 'done', progress: 1, result });
  } catch (e) {
    await failOnLastAttempt(d, q, row.id, e);
  }
}

/** On the queue job's last attempt, the row fails with the reason; before it, the error goes to pg-boss to retry. */
async function failOnLastAttempt(d: WorkerDeps, q: PgBoss.JobWithMetadata<unknown>, id: string, e: unknown) {
  if (q.retryCount < q.retryLimit) throw e;
  await d.storage.updateJob(id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
}
