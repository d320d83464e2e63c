/** The API on the shipped dataset (network, emissions, scenario library) and an in-memory database. */
import type { FastifyInstance } from 'fastify';
import { loadContext, loadScenarioLibrary } from '../../../src/io/index.ts';
import { type AppOptions, buildApp, SqliteStorage } from '../../../src/server/index.ts';

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
