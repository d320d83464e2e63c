/** The Fastify instance as route files see it (zod type provider), so a route can be registered by a function. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];
