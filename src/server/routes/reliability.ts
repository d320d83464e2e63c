/**
 * Reliability: the arrival-time distribution of each itinerary of a route search by Monte Carlo, with the
 * probability of meeting a deadline (core/answers/reliability.ts), computed in the work pool. Seeded: the same
 * request gives the same numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReliabilityRequest } from '../../core/index.ts';
import { clientOf, refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { cancelOnClose } from '../heavy.ts';
import { isStoredScenarioId, routeScenarioOf } from '../scenario-ids.ts';
import { ReliabilityRequestSchema } from '../schemas.ts';
import type { WorkTask } from '../work-tasks.ts';

/**
 * The work-pool task of a reliability question: the scenario is resolved (and a stored one re-checked) here, and
 * the worker applies the document it is sent; the clock is read now. POST /jobs/reliability stores the same task.
 */
export async function reliabilityTask(
  deps: AppDeps,
  body: ReliabilityRequest,
  owner: string | undefined,
): Promise<WorkTask & { kind: 'reliability' }> {
  const scenario = await routeScenarioOf(deps, 'body.scenario', body.scenario, owner);
  return { kind: 'reliability', request: body, nowMs: deps.now().getTime(), scenario };
}

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
        const task = await reliabilityTask(deps, req.body, req.owner);
        return deps.work.run(task, { client: clientOf(req), signal: cancelOnClose(reply) });
      },
    );
  };
}
