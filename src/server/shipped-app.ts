/**
 * The app on the shipped dataset (network, emissions, scenario library) with an in-memory database, built
 * in-process without listening: what `npm run gen:api` asks for its OpenAPI document and what the server tests
 * call. `keruen serve` builds its own (its database, work pool and web folder come from its flags).
 */
import type { FastifyInstance } from 'fastify';
import { loadContext, loadScenarioLibrary } from '../io/index.ts';
import { type AppOptions, buildApp } from './app.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';

export interface ShippedApp {
  app: FastifyInstance;
  storage: SqliteStorage;
  close(): Promise<void>;
}

export async function shippedApp(opts: Partial<AppOptions> = {}): Promise<ShippedApp> {
  const ctx = loadContext();
  const storage = new SqliteStorage(':memory:');
  const app = await buildApp({
    network: ctx.network,
    engine: ctx.engine,
    storage,
    emissions: ctx.emissions,
    emissionFactors: ctx.factors,
    library: loadScenarioLibrary(ctx.network),
    rateLimitPerMinute: 0,
    ...opts,
  });
  return {
    app,
    storage,
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}
