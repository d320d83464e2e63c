/**
 * A store for @fastify/rate-limit that counts in the database (storage.hitRateLimit), so that API instances
 * sharing one PostgreSQL database limit a client together: a client limited by one is limited by all. The plugin
 * keeps its own logic (headers, 429, ban); only the counting moves. A database that cannot be reached lets the
 * request through (skipOnError), as a limiter must not turn an outage into a refusal of everything.
 */
import type { Storage } from './storage/storage.ts';

type Done = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** The class the plugin instantiates (`store` option), bound to the storage. */
export function sharedRateLimitStore(storage: Storage) {
  return class SharedRateLimitStore {
    incr(key: string, done: Done, timeWindow: number): void {
      const t = Date.now();
      storage.hitRateLimit(key, timeWindow, t).then(
        (r) => done(null, { current: r.hits, ttl: Math.max(0, r.resetAtMs - t) }),
        (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
      );
    }

    child(): SharedRateLimitStore {
      return this;
    }
  };
}
