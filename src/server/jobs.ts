/**
 * Long simulations run as jobs in worker threads, so the API keeps answering while a port queue is simulated for
 * years of weeks. Jobs live in memory: they are recomputable from their request and seed, unlike the user's
 * scenarios and shipments, which the database keeps. At most MAX_RUNNING run at once.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export const MAX_RUNNING = 2;
/** Finished jobs kept for reading, oldest dropped first. */
const MAX_KEPT = 200;

export interface Job {
  id: string;
  owner: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  createdAt: string;
  finishedAt?: string | undefined;
  request: unknown;
  result?: unknown;
  error?: string | undefined;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private running = 0;

  get busy(): boolean {
    return this.running >= MAX_RUNNING;
  }

  /** Starts `workerFile` with `data`; undefined when MAX_RUNNING jobs are already running. */
  start(owner: string, kind: string, request: unknown, workerFile: URL, data: unknown): Job | undefined {
    if (this.busy) return undefined;
    const job: Job = {
      id: randomUUID(),
      owner,
      kind,
      status: 'running',
      progress: 0,
      createdAt: new Date().toISOString(),
      request,
    };
    this.jobs.set(job.id, job);
    this.running++;
    const w = new Worker(workerFile, { workerData: data });
    const finish = (status: 'done' | 'failed', patch: Partial<Job>) => {
      if (job.status !== 'running') return;
      Object.assign(job, patch, { status, finishedAt: new Date().toISOString() });
      this.running--;
      this.prune();
    };
    w.on('message', (m: { progress?: number; result?: unknown; error?: string }) => {
      if (m.progress !== undefined) job.progress = m.progress;
      if (m.result !== undefined) finish('done', { result: m.result, progress: 1 });
      if (m.error !== undefined) finish('failed', { error: m.error });
    });
    w.on('error', (e) => finish('failed', { error: e.message }));
    w.on('exit', (code) => finish('failed', { error: `worker exited with code ${code}` }));
    w.unref();
    return job;
  }

  find(owner: string, id: string): Job | undefined {
    const j = this.jobs.get(id);
    return j !== undefined && j.owner === owner ? j : undefined;
  }

  private prune(): void {
    const done = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const j of done.slice(0, Math.max(0, done.length - MAX_KEPT))) this.jobs.delete(j.id);
  }
}
