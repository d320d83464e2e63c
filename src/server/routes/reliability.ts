/**
 * Reliability: the arrival-time distribution of each itinerary of a route search by Monte Carlo, with the
 * probability of meeting a deadline (core/answers/reliability.ts), computed in the work pool. Seeded: the same
 * request gives the same numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { cancelOnClose } from '../heavy.ts';
import { isStoredScenarioId, routeScenarioOf } from '../scenario-ids.ts';
import { ReliabilityRequestSchema } from '../schemas.ts';

export function reliabilityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/reliability',
      {
        schema: {
          tags: ['reliability'],
          summary: 'Arrival-time distribution and on-time probability of each itinerary',
          description:
            'Computed off the event loop within a time budget (504 past it; 429/503 when busy). `scenario`: as in ' +
            'POST /routes (a stored one needs your token).',
          body: ReliabilityRequestSchema,
        },
      },
      async (req, reply) => {
        const id = req.body.scenario;
        if (req.badToken !== undefined && isStoredScenarioId(deps, id)) return refuseBadToken(req, reply);
        // The scenario is resolved (and a stored one re-checked) here; the worker applies the document it is sent.
        const scenario = await routeScenarioOf(deps, 'body.scenario', id, req.owner);
        return deps.work.run(
          { kind: 'reliability', request: req.body, nowMs: deps.now().getTime(), scenario },
          { client: clientOf(req), signal: cancelOnClose(reply) },
        );
      },
    );
  };
}
