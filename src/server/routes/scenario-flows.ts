/**
 * The dataset's own scenarios and demand sets (public), and the capacity engine over HTTP: two runs of the
 * equilibrium assignment on one demand set (core/answers/scenario-flows.ts) in the work pool. Whole answers are
 * kept by request (the pool's threads keep single runs). A caller's stored scenario is reachable with that
 * caller's token only; its key includes the record's update time, so an edited scenario is never answered from
 * a stale run.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BASELINE_ID, BASELINE_NAME, type FlowsRequest, KeruenError } from '../../core/index.ts';
import { clientOf, refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { cancelOnClose } from '../heavy.ts';
import { LruCache } from '../lru-cache.ts';
import { resolveScenarioId } from '../scenario-ids.ts';
import { FlowsRequestSchema } from '../schemas.ts';
import type { WorkTask } from '../work-tasks.ts';
import type { ZodApp } from '../zod-app.ts';

const unknownDemand = (id: string, known: string[]) =>
  new KeruenError('KERUEN_UNKNOWN_ID', `unknown demand set ${JSON.stringify(id)}; known: ${known.join(', ')}`, [], {
    field: 'body.demand',
    value: id,
  });

const tags = ['scenarios'];

/** GET /scenarios/library. */
function libraryRoute(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/scenarios/library',
    { schema: { tags, summary: "The dataset's own scenarios and demand sets (public)" } },
    async () => ({
      baseline: { id: BASELINE_ID, name: BASELINE_NAME },
      scenarios: deps.library.scenarios.map((s) => ({
        id: s.id,
        name: s.name,
        names: s.names ?? null,
        description: s.description,
        tags: s.tags,
        sources: s.sources,
        year: s.year ?? null,
        changes: s.changes.length,
        investment: s.investment
          ? {
              cost: s.investment.cost,
              currency: s.investment.currency,
              comparedWith: s.investment.comparedWith ?? BASELINE_ID,
            }
          : null,
      })),
      demands: deps.library.demands.map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description,
        year: d.year,
        sources: d.sources,
        flows: d.flows.length,
        default: d.id === deps.library.defaultDemand,
      })),
      rejected: deps.library.rejected,
    }),
  );
}

/**
 * The work-pool task of a flows question, its scenarios resolved (a stored one of the owner's read and checked)
 * and its demand set checked; `key` identifies the answer for the cache. POST /jobs/flows stores the same task.
 */
export async function flowsTask(
  deps: AppDeps,
  body: FlowsRequest,
  owner: string | undefined,
): Promise<{ task: WorkTask & { kind: 'flows' }; key: string }> {
  const demandId = body.demand ?? deps.library.defaultDemand;
  if (!deps.library.demands.some((d) => d.id === demandId))
    throw unknownDemand(
      demandId,
      deps.library.demands.map((d) => d.id),
    );
  const a = await resolveScenarioId(deps, 'body.base', body.base, owner);
  const b = await resolveScenarioId(deps, 'body.other', body.other, owner);
  const key = JSON.stringify([a.key, b.key, demandId, body.votFactor]);
  return { task: { kind: 'flows', request: body, base: a, other: b, demand: demandId }, key };
}

/** POST /scenarios/flows, answered in the work pool and kept by request. */
function flowsRoute(app: ZodApp, deps: AppDeps, answers: LruCache<Record<string, unknown>>): void {
  app.post(
    '/scenarios/flows',
    {
      schema: {
        tags,
        summary:
          'Assign a demand set at equilibrium under two scenarios: KPIs and differences, utilisation, bottlenecks',
        description:
          'Public for library scenarios and the baseline; a stored scenario of yours needs your bearer token. ' +
          'Computed off the event loop within a time budget; answers are cached in memory by request.',
        body: FlowsRequestSchema,
      },
    },
    async (req, reply) => {
      if (req.badToken !== undefined) return refuseBadToken(req, reply);
      const { task, key } = await flowsTask(deps, req.body, req.owner);
      const hit = answers.get(key);
      if (hit) return { ...hit, cached: true };
      const out = (await deps.work.run(task, {
        client: clientOf(req),
        signal: cancelOnClose(reply),
      })) as Record<string, unknown>;
      answers.set(key, out);
      return { ...out, cached: false };
    },
  );
}

export function scenarioFlowRoutes(deps: AppDeps, answerCacheEntries = 50): FastifyPluginAsyncZod {
  const answers = new LruCache<Record<string, unknown>>(answerCacheEntries, answerCacheEntries, () => 1);
  return async (app) => {
    libraryRoute(app, deps);
    flowsRoute(app, deps, answers);
  };
}
