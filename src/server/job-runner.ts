/**
 * Runs stored jobs (port simulations, sweeps) in the work pool and keeps their rows current: running, progress at most
 * every PROGRESS_EVERY_MS, then done, failed or cancelled. Listeners (the SSE progress stream) hear each change
 * of a job that runs in this process.
 */
import type { PortModel, VariantResult } from '../core/index.ts';
import { FINISHED } from './storage/rows.ts';
import type { JobRecord, Storage } from './storage/storage.ts';
import { type RunVariant, runSweepPart, sweepRequestOf } from './sweep-job.ts';
import { finishTask, taskOf } from './task-job.ts';
import { type WorkPool, WorkRefused } from './work-pool.ts';
import type { WorkTask } from './work-tasks.ts';

/** Time budget of one job, ms: a year of weeks at the demand bound takes a few seconds. */
export const JOB_TIMEOUT_MS = 120_000;
/** Progress is written to the database (and told to listeners) at most this often, ms. */
const PROGRESS_EVERY_MS = 250;

export type JobListener = (job: JobRecord) => void;

/** A progress callback that writes at most every PROGRESS_EVERY_MS (the database sees a few writes a second). */
export function throttledProgress(write: (progress: number) => void): (progress: number) => void {
  let lastWrite = 0;
  return (progress) => {
    const t = Date.now();
    if (t - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = t;
    write(progress);
  };
}

/** Whether a job has ended (done, failed or cancelled): its row then refuses further changes. */
export const isFinished = (j: Pick<JobRecord, 'status'>): boolean => FINISHED.has(j.status);

/**
 * Where the simulation routes send their jobs: this process's work pool (JobRunner, the default) or a job queue
 * shared by worker processes on any machine (BossJobs, pg-boss on PostgreSQL).
 */
export interface JobQueue {
  start(job: JobRecord, model: PortModel): void;
  /** Runs every variant of a sweep job (sweep-job.ts); the job ends when the last is stored. */
  startSweep(job: JobRecord): void;
  /** Runs the work-pool task stored in a task job's request (reliability, flows: task-job.ts). */
  startTask(job: JobRecord): void;
  cancel(id: string): Promise<JobRecord | undefined>;
  /** Whether listen() will hear the job's changes (a job that runs here, or any job of a shared queue). */
  isRunning(id: string): boolean;
  listen(id: string, listener: JobListener): () => void;
  close?(): Promise<void>;
}

/** How a job that threw ends: cancelled when its owner cancelled it, else failed with the reason. */
function endOfFailure(e: unknown): Parameters<Storage['updateJob']>[1] {
  const cancelled = e instanceof WorkRefused && e.code === 'cancelled';
  return { status: cancelled ? 'cancelled' : 'failed', error: e instanceof Error ? e.message : String(e) };
}

export class JobRunner implements JobQueue {
  private readonly running = new Map<string, AbortController>();
  private readonly listeners = new Map<string, Set<JobListener>>();

  constructor(
    private readonly storage: Storage,
    private readonly work: WorkPool,
  ) {}

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Calls `listener` on every change of the job until it finishes; returns the unsubscribe function. */
  listen(id: string, listener: JobListener): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Changes the job's row and tells its listeners; undefined when the job had finished already. */
  private async update(id: string, patch: Parameters<Storage['updateJob']>[1]): Promise<JobRecord | undefined> {
    const job = await this.storage.updateJob(id, patch);
    if (job !== undefined) for (const l of this.listeners.get(id) ?? []) l(job);
    return job;
  }

  start(job: JobRecord, model: PortModel): void {
    this.runToEnd(job, { kind: 'port', model }, true);
  }

  startTask(job: JobRecord): void {
    const task = taskOf(job);
    this.runToEnd(job, task, task.kind === 'appraisal');
  }

  /** Runs one work-pool task for the job and writes its end (done with the result, failed or cancelled). */
  private runToEnd(job: JobRecord, task: WorkTask, withProgress: boolean): void {
    const ac = new AbortController();
    this.running.set(job.id, ac);
    const onProgress = withProgress
      ? throttledProgress((progress) => void this.update(job.id, { status: 'running', progress }))
      : undefined;
    void this.update(job.id, { status: 'running' });
    const options = { client: `job:${job.owner}`, timeoutMs: JOB_TIMEOUT_MS, signal: ac.signal, onProgress };
    this.work
      .run(task, options)
      .then(
        async (output) => this.update(job.id, { status: 'done', progress: 1, result: await finishTask(task, output) }),
        (e: unknown) => this.update(job.id, endOfFailure(e)),
      )
      .catch((e: unknown) => this.update(job.id, endOfFailure(e)))
      .finally(() => this.running.delete(job.id));
  }

  /** Runs the sweep's variants one after another in the pool; a cancel stops it between or within variants. */
  startSweep(job: JobRecord): void {
    const ac = new AbortController();
    this.running.set(job.id, ac);
    const options = { client: `job:${job.owner}`, timeoutMs: JOB_TIMEOUT_MS, signal: ac.signal };
    const run: RunVariant = async (spec, variant) =>
      (await this.work.run({ kind: 'sweep-variant', spec, variant }, options)) as VariantResult;
    const { variants } = sweepRequestOf(job);
    const loop = async () => {
      for (let i = 0; i < variants && !ac.signal.aborted; i++) {
        await runSweepPart(this.storage, run, job.id, i);
        const row = await this.storage.getJob(job.id);
        if (row !== undefined) for (const l of this.listeners.get(job.id) ?? []) l(row);
      }
    };
    loop()
      .catch((e: unknown) => this.update(job.id, endOfFailure(e)))
      .finally(() => this.running.delete(job.id));
  }

  /** Stops the job's thread if it runs here, and marks it cancelled (undefined when it had finished). */
  async cancel(id: string): Promise<JobRecord | undefined> {
    this.running.get(id)?.abort();
    return this.update(id, { status: 'cancelled', error: 'cancelled by its owner' });
  }
}
