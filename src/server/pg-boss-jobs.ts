/**
 * Simulation jobs on a queue shared by worker processes on any machine that reaches the database: pg-boss on
 * PostgreSQL (a kept job engine, not a home-made one). The API stores the job row (storage) and sends its id to
 * the queue; a `keruen worker` takes it, runs it and writes progress and result to the row. pg-boss retries a
 * failed job with back-off and, when a worker dies mid-job (SIGKILL), expires the job after its time limit and
 * hands it to another worker. A finished row refuses further writes (storage.updateJob), so a job's result is
 * written once even when it ran twice. Progress streams (SSE) follow the row from any API instance.
 */
import PgBoss from 'pg-boss';
import type { PortModel } from '../core/index.ts';
import { JOB_TIMEOUT_MS, type JobListener, type JobQueue } from './job-runner.ts';
import type { JobRecord, Storage } from './storage/storage.ts';
import { sweepRequestOf } from './sweep-job.ts';

export const PORT_QUEUE = 'keruen-port-simulation';
/** Reliability runs and scenario flows stored as tasks: {jobId}. */
export const TASK_QUEUE = 'keruen-task';
/** One job per variant of a sweep: {jobId, index}. */
export const SWEEP_QUEUE = 'keruen-sweep-variant';
/**
 * Where pg-boss moves a job that ran out of attempts (failed, or expired because its worker died each time): the
 * worker fails the job's row with the reason, so no row waits forever on a job the queue has given up.
 */
export const DEAD_QUEUE = 'keruen-dead';
/** Variants sent to the queue in one insert. */
const INSERT_BATCH = 500;

export interface BossSettings {
  /** pg-boss's own tables live in this schema. */
  schema: string;
  /** Attempts after the first, with exponential back-off from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  expireInSeconds: number;
  /** How often pg-boss looks for expired jobs. */
  maintenanceIntervalSeconds: number;
}

export const BOSS_DEFAULTS: BossSettings = {
  schema: 'pgboss',
  retryLimit: 2,
  retryDelaySeconds: 5,
  expireInSeconds: JOB_TIMEOUT_MS / 1000 + 60,
  maintenanceIntervalSeconds: 30,
};

/** How often a progress stream re-reads the job's row, ms. */
const POLL_MS = 400;

/** Starts pg-boss on the database and makes sure the queue exists with its retry and expiry policy. */
export async function openBoss(url: string, s: BossSettings): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: s.schema,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds,
    monitorStateIntervalSeconds: Math.max(1, s.maintenanceIntervalSeconds),
    max: 4,
  });
  // A lost connection must not crash the process; pg-boss reconnects and the next call reports the failure.
  boss.on('error', () => {});
  await boss.start();
  const policy = {
    retryLimit: s.retryLimit,
    retryDelay: s.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: s.expireInSeconds,
  };
  const queues = [
    { name: DEAD_QUEUE, ...policy },
    ...[PORT_QUEUE, SWEEP_QUEUE, TASK_QUEUE].map((name) => ({ name, ...policy, deadLetter: DEAD_QUEUE })),
  ];
  for (const q of queues) {
    if ((await boss.getQueue(q.name)) === null) await boss.createQueue(q.name, q);
    else await boss.updateQueue(q.name, q);
  }
  return boss;
}

export class BossJobs implements JobQueue {
  constructor(
    private readonly storage: Storage,
    private readonly boss: PgBoss,
    private readonly settings: BossSettings = BOSS_DEFAULTS,
  ) {}

  start(job: JobRecord, _model: PortModel): void {
    // The worker rebuilds the model from the stored request (port-job.ts); only the id travels.
    this.boss.send(PORT_QUEUE, { jobId: job.id }).catch((e: unknown) => {
      const error = `could not queue the job: ${e instanceof Error ? e.message : String(e)}`;
      return this.storage.updateJob(job.id, { status: 'failed', error });
    });
  }

  startTask(job: JobRecord): void {
    this.boss.send(TASK_QUEUE, { jobId: job.id }).catch((e: unknown) => {
      const error = `could not queue the job: ${e instanceof Error ? e.message : String(e)}`;
      return this.storage.updateJob(job.id, { status: 'failed', error });
    });
  }

  /** Sends one queue job per variant; workers on any machine take them (job-worker.ts). */
  startSweep(job: JobRecord): void {
    const { variants } = sweepRequestOf(job);
    const s = this.settings;
    const policy = { retryLimit: s.retryLimit, retryDelay: s.retryDelaySeconds, retryBackoff: true };
    const send = async () => {
      for (let from = 0; from < variants; from += INSERT_BATCH) {
        const batch = Array.from({ length: Math.min(INSERT_BATCH, variants - from) }, (_, i) => ({
          name: SWEEP_QUEUE,
          data: { jobId: job.id, index: from + i },
          expireInSeconds: s.expireInSeconds,
          ...policy,
        }));
        await this.boss.insert(batch);
      }
    };
    send().catch((e: unknown) => {
      const error = `could not queue the sweep: ${e instanceof Error ? e.message : String(e)}`;
      return this.storage.updateJob(job.id, { status: 'failed', error });
    });
  }

  /** Marks the job cancelled; the worker running it sees that and stops its thread. */
  async cancel(id: string): Promise<JobRecord | undefined> {
    return this.storage.updateJob(id, { status: 'cancelled', error: 'cancelled by its owner' });
  }

  isRunning(_id: string): boolean {
    return true;
  }

  listen(id: string, listener: JobListener): () => void {
    let last = '';
    const timer = setInterval(() => {
      void this.storage.getJob(id).then((j) => {
        if (j === undefined) return stop();
        const seen = `${j.status}|${j.progress}|${j.updatedAt}`;
        if (seen !== last) {
          last = seen;
          listener(j);
        }
        if (j.status !== 'queued' && j.status !== 'running') stop();
      });
    }, POLL_MS);
    const stop = () => clearInterval(timer);
    return stop;
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }
}
