/**
 * Reliability: the arrival-time distribution of each itinerary of a route search by Monte Carlo, with the
 * probability of meeting a deadline (core/answers/reliability.ts), computed in the work pool. Seeded: the same
 * request gives the same numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { cancelOnClose } from '../heavy.ts';
import { ReliabilityRequestSchema } from '../schemas.ts';

export function reliabilityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reliability',
      {
        schema: {
          tags: ['reliability'],
          summary: 'Arrival-time distribution and on-time probability of each itinerary',
          description: 'Computed off the event loop within a time budget (504 past it; 429/503 when busy).',
          body: ReliabilityRequestSchema,
        },
      },
      async (req, reply) =>
        deps.work.run(
          { kind: 'reliability', request: req.body, nowMs: deps.now().getTime() },
          { client: clientOf(req), signal: cancelOnClose(reply) },
        ),
    );
  };
}
