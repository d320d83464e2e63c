/**
 * Heavy work off the event loop: Monte Carlo reliability, scenario flows and comparisons, ETAs and port
 * simulations run in worker threads (piscina), so /health and cached routes keep answering while they compute.
 * Each task has a time budget (then its thread is stopped and the caller gets 504), the queue is bounded (then
 * 503), each client has a concurrency quota (then 429), all with Retry-After; a caller that goes away cancels its
 * task. Threads have a heap limit, so a task that would exhaust memory kills its thread, not the server.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { KeruenError } from '../core/index.ts';
import { runTask, unwrap, type WorkContext, type WorkData, type WorkTask } from './work-tasks.ts';

export interface WorkPoolOptions {
  /** Worker threads; 0 runs tasks in the calling thread (no isolation: tests and tiny deployments). */
  threads: number;
  /** Tasks waiting for a thread, beyond which new ones are refused with 503. */
  maxQueue: number;
  /** Tasks one client may have queued or running at once. */
  perClient: number;
  /** Time budget of a request's task, ms. */
  timeoutMs: number;
  /** Heap of one thread, MB. */
  maxHeapMb: number;
}

export const DEFAULT_WORK_POOL: WorkPoolOptions = {
  threads: 1,
  maxQueue: 32,
  perClient: 2,
  timeoutMs: 30_000,
  maxHeapMb: 512,
};

/** Why a task was not answered: the HTTP status, the error code and when to retry. */
export class WorkRefused extends Error {
  constructor(
    readonly statusCode: 429 | 503 | 504,
    readonly code: 'quota_exceeded' | 'overloaded' | 'timeout' | 'cancelled',
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
  }
}

export interface RunOptions {
  /** Who asks (token id, or ip:address): their quota. */
  client: string;
  timeoutMs?: number | undefined;
  /** Aborts the task (the caller went away, or a job was cancelled). */
  signal?: AbortSignal | undefined;
  /** Share done, 0..1, for tasks that report it (port simulations). */
  onProgress?: ((f: number) => void) | undefined;
}

export class WorkPool {
  private readonly pool: Piscina | undefined;
  private readonly inline: WorkContext | undefined;
  private readonly active = new Map<string, number>();
  /** Tasks queued or running, all clients. */
  private inFlight = 0;
  readonly options: WorkPoolOptions;

  constructor(data: WorkData, opts: Partial<WorkPoolOptions> = {}, inlineContext?: () => WorkContext) {
    this.options = { ...DEFAULT_WORK_POOL, ...opts };
    const o = this.options;
    if (o.threads > 0) {
      this.pool = new Piscina({
        filename: new URL('./work-worker.mjs', import.meta.url).href,
        workerData: data,
        minThreads: 0,
        maxThreads: o.threads,
        maxQueue: o.maxQueue,
        idleTimeout: 60_000,
        resourceLimits: { maxOldGenerationSizeMb: o.maxHeapMb },
      });
    } else this.inline = inlineContext?.();
  }

  /** Tasks queued or running for a client. */
  activeFor(client: string): number {
    return this.active.get(client) ?? 0;
  }

  async run(task: WorkTask, o: RunOptions): Promise<unknown> {
    const n = this.activeFor(o.client);
    if (n >= this.options.perClient)
      throw new WorkRefused(
        429,
        'quota_exceeded',
        `at most ${this.options.perClient} heavy requests at once per client`,
        2,
      );
    const capacity = Math.max(1, this.options.threads) + this.options.maxQueue;
    if (this.inFlight >= capacity)
      throw new WorkRefused(
        503,
        'overloaded',
        `the server is busy (${this.options.maxQueue} heavy requests waiting)`,
        5,
      );
    this.active.set(o.client, n + 1);
    this.inFlight++;
    try {
      return unwrap(await this.execute(task, o));
    } finally {
      this.inFlight--;
      const left = this.activeFor(o.client) - 1;
      if (left <= 0) this.active.delete(o.client);
      else this.active.set(o.client, left);
    }
  }

  private async execute(task: WorkTask, o: RunOptions): Promise<unknown> {
    if (this.pool === undefined) {
      if (this.inline === undefined) throw new Error('work pool without threads needs an inline context');
      return runTask(this.inline, task);
    }
    const timeoutMs = o.timeoutMs ?? this.options.timeoutMs;
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort('timeout'), timeoutMs);
    const onAbort = () => ac.abort('cancelled');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    let channel: MessageChannel | undefined;
    let sent: WorkTask = task;
    if ((task.kind === 'port' || task.kind === 'appraisal') && o.onProgress !== undefined) {
      channel = new MessageChannel();
      const progress = o.onProgress;
      channel.port1.on('message', (f: number) => progress(f));
      sent = { ...task, progress: channel.port2 };
    }
    try {
      return await this.pool.run(sent, {
        signal: ac.signal,
        transferList: channel === undefined ? [] : [channel.port2],
      });
    } catch (e) {
      throw this.refusal(e, ac.signal, timeoutMs);
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      channel?.port1.close();
    }
  }

  private refusal(e: unknown, signal: AbortSignal, timeoutMs: number): unknown {
    if (signal.aborted && signal.reason === 'timeout')
      return new WorkRefused(504, 'timeout', `the answer took longer than its budget of ${timeoutMs / 1000} s`, 30);
    if (signal.aborted) return new WorkRefused(503, 'cancelled', 'the request was cancelled', 1);
    if (e instanceof Error && /queue is at limit/i.test(e.message))
      return new WorkRefused(
        503,
        'overloaded',
        `the server is busy (${this.options.maxQueue} heavy requests waiting)`,
        5,
      );
    if (e instanceof KeruenError) return e;
    // A thread that died (out of memory) is replaced by the pool; the request fails alone.
    return e;
  }

  get queued(): number {
    return this.pool?.queueSize ?? 0;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
