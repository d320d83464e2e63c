/**
 * Starts the Keruen API: loads and compiles the dataset, opens the database (the embedded SQLite file, created on
 * first use, or PostgreSQL for a postgres:// URL: storage/open-storage.ts), builds the app and listens. Closes the database on SIGINT/SIGTERM; a SIGKILL loses nothing acknowledged
 * because every write is committed (WAL, synchronous=FULL) before its answer is sent.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createEmissionsModel, KeruenError } from '../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadExportsDataset, loadScenarioLibrary } from '../io/index.ts';
import { buildApp } from './app.ts';
import type { JobQueue } from './job-runner.ts';
import { BOSS_DEFAULTS, BossJobs, type BossSettings, openBoss } from './pg-boss-jobs.ts';
import { chosenDb, DEFAULT_DB_FILE, openStorage } from './storage/open-storage.ts';
import { isPostgresUrl } from './storage/postgres-storage.ts';
import type { Storage } from './storage/storage.ts';
import type { WorkPoolOptions } from './work-pool.ts';

export const DEFAULT_PORT = 8080;
export { DEFAULT_DB_FILE };
/** The built web page (Vite output), relative to the package root. */
export const DEFAULT_WEB_DIR = resolve(DEFAULT_DATA_DIR, '../dist/web');

export interface ServeOptions {
  port?: number | undefined;
  host?: string | undefined;
  /** SQLite file, or a postgres:// URL; default KERUEN_DATABASE_URL, then .keruen/keruen.db. */
  dbFile?: string | undefined;
  dataDir?: string | undefined;
  webDir?: string | undefined;
  rateLimitPerMinute?: number | undefined;
  logger?: boolean | undefined;
  /** Heavy-work threads, queue, per-client quota, time budget (work-pool.ts). */
  workPool?: Partial<WorkPoolOptions> | undefined;
  /**
   * Where simulation jobs run: this process's work pool (default), or the pg-boss queue on the PostgreSQL
   * database, taken by `keruen worker` processes (pg-boss-jobs.ts).
   */
  jobQueue?: 'in-process' | 'pg-boss' | undefined;
  /** pg-boss settings (tests shorten the expiry). */
  boss?: Partial<BossSettings> | undefined;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions = {}): Promise<RunningServer> {
  const dataDir = o.dataDir ?? DEFAULT_DATA_DIR;
  const ctx = loadContext(dataDir);
  const db = chosenDb(o.dbFile);
  const storage = await openStorage(db);
  const jobs = o.jobQueue === 'pg-boss' ? await sharedJobs(db, storage, o.boss) : undefined;
  // Jobs a previous process left running are failed now, with the reason, rather than shown as running forever
  // (a shared queue keeps them: its workers carry on). Under --workers the primary does this once.
  if (cluster.isPrimary && jobs === undefined) await storage.failInterruptedJobs();
  const app = await buildApp({
    network: ctx.network,
    engine: ctx.engine,
    storage,
    emissions: createEmissionsModel(ctx.factors),
    emissionFactors: ctx.factors,
    library: loadScenarioLibrary(ctx.network, dataDir),
    exports: loadExportsDataset(dataDir),
    workPool: o.workPool,
    jobs,
    webDir: o.webDir ?? DEFAULT_WEB_DIR,
    logger: o.logger,
    rateLimitPerMinute: o.rateLimitPerMinute,
    // Instances on one PostgreSQL database, or --workers processes on one SQLite file, count each client together.
    sharedRateLimits: isPostgresUrl(db) || cluster.isWorker,
  });
  const host = o.host ?? '127.0.0.1';
  await app.listen({ port: o.port ?? DEFAULT_PORT, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : (o.port ?? DEFAULT_PORT);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await jobs?.close?.();
    await storage.close();
  };
  return { app, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}

/** The pg-boss queue on the server's PostgreSQL database; refused, naming --db, on SQLite. */
async function sharedJobs(db: string, storage: Storage, boss: Partial<BossSettings> | undefined): Promise<JobQueue> {
  if (!isPostgresUrl(db)) {
    await storage.close();
    throw new KeruenError('KERUEN_INVALID_INPUT', `job queue pg-boss needs a postgres:// database, not ${db}`, [], {
      field: 'db',
      value: db,
    });
  }
  const settings = { ...BOSS_DEFAULTS, ...boss };
  return new BossJobs(storage, await openBoss(db, settings), settings);
}

/** Closes the server and the database on SIGINT and SIGTERM. */
export function closeOnSignals(s: RunningServer): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void s.close().then(() => process.exit(0));
    });
  }
}

export interface ServerWorkers {
  url: string;
  port: number;
  /** Process ids of the workers (for measuring them). */
  pids: number[];
  close(): Promise<void>;
}

/**
 * `keruen serve --workers N`: this process (the cluster primary) forks N workers that each load the dataset and
 * run startServer on the same port; the primary hands connections to them in turn. Each worker has its own
 * response cache, rate-limit counters and simulation jobs (a job started on one worker is not seen by the
 * others), so this is for read-heavy deployments. The workers share the database file: the primary opens it
 * once first so that migrations run once, not concurrently. A worker that dies is replaced.
 *
 * Must be called from the primary; the workers run the same entry point and, seeing cluster.isWorker, call
 * startServer (serve.ts does this).
 */
export async function startWorkers(n: number, o: ServeOptions = {}): Promise<ServerWorkers> {
  if (!cluster.isPrimary) throw new Error('startWorkers runs in the cluster primary');
  const dbFile = chosenDb(o.dbFile);
  if (dbFile === ':memory:') throw new Error('--workers needs a database file: each worker would get its own :memory:');
  const first = await openStorage(dbFile);
  await first.failInterruptedJobs();
  await first.close();
  let closing = false;
  const fork = () => cluster.fork();
  const listening = new Promise<number>((resolveListening, reject) => {
    let up = 0;
    cluster.on('listening', (_w, address) => {
      if (++up === n) resolveListening(address.port);
    });
    cluster.on('exit', (w, code, signal) => {
      if (closing) return;
      if (up < n) reject(new Error(`worker ${w.process.pid} exited with ${code ?? signal} before listening`));
      else fork();
    });
  });
  for (let i = 0; i < n; i++) fork();
  const port = await listening;
  const host = o.host ?? '127.0.0.1';
  const close = async () => {
    closing = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((done) => {
            w.once('exit', () => done());
            w.kill('SIGTERM');
          }),
      ),
    );
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    pids: Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid === undefined ? [] : [w.process.pid])),
    close,
  };
}
