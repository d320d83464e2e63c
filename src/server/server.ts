/**
 * Starts the Keruen API: loads and compiles the dataset, opens the embedded database (created on first use),
 * builds the app and listens. Closes the database on SIGINT/SIGTERM; a SIGKILL loses nothing acknowledged
 * because every write is committed (WAL, synchronous=FULL) before its answer is sent.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createEmissionsModel } from '../core/emissions/routing-model.ts';
import { DEFAULT_DATA_DIR, loadContext } from '../io/index.ts';
import { buildApp } from './app.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';

export const DEFAULT_PORT = 8080;
export const DEFAULT_DB_FILE = '.keruen/keruen.db';
/** The built web page (Vite output), relative to the package root. */
export const DEFAULT_WEB_DIR = resolve(DEFAULT_DATA_DIR, '../dist/web');

export interface ServeOptions {
  port?: number | undefined;
  host?: string | undefined;
  dbFile?: string | undefined;
  dataDir?: string | undefined;
  webDir?: string | undefined;
  rateLimitPerMinute?: number | undefined;
  logger?: boolean | undefined;
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
  const storage = new SqliteStorage(o.dbFile ?? DEFAULT_DB_FILE);
  const app = await buildApp({
    network: ctx.network,
    engine: ctx.engine,
    storage,
    emissions: createEmissionsModel(ctx.factors),
    emissionFactors: ctx.factors,
    webDir: o.webDir ?? DEFAULT_WEB_DIR,
    logger: o.logger,
    rateLimitPerMinute: o.rateLimitPerMinute,
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
    await storage.close();
  };
  return { app, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}

/** Closes the server and the database on SIGINT and SIGTERM. */
export function closeOnSignals(s: RunningServer): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void s.close().then(() => process.exit(0));
    });
  }
}
