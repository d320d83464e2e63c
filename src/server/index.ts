/**
 * The server's front door: the app factory (tests build it in-process), the process starters that `keruen serve`
 * calls, the storage the CLI's token commands use, and the work pool's settings.
 */
export { type AppOptions, buildApp } from './app.ts';
export { type JobWorker, type JobWorkerOptions, startJobWorker } from './job-worker.ts';
export { BossJobs, type BossSettings, openBoss } from './pg-boss-jobs.ts';
export { CLI_TOKEN_NAME, type QueuedSweepResult, runQueuedSweep } from './queued-sweep.ts';
export {
  closeOnSignals,
  DEFAULT_DB_FILE,
  DEFAULT_PORT,
  DEFAULT_WEB_DIR,
  type RunningServer,
  type ServeOptions,
  type ServerWorkers,
  startServer,
  startWorkers,
} from './server.ts';
export { type ShippedApp, shippedApp } from './shipped-app.ts';
export { chosenDb, describeDb, openStorage } from './storage/open-storage.ts';
export { PostgresStorage } from './storage/postgres-storage.ts';
export { SqliteStorage } from './storage/sqlite-storage.ts';
export type { JobRecord, ScenarioRecord, ShipmentRecord, Storage, TokenInfo } from './storage/storage.ts';
export { DEFAULT_WORK_POOL, type WorkPoolOptions } from './work-pool.ts';
