/**
 * A user's own scenarios (core/scenarios): list, get, create, replace, delete, and compare against the
 * baseline for one route. Every call needs a token and sees only that token's scenarios. A scenario is checked
 * against the network when stored, so a stored scenario always applies.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KeruenError } from '../../core/errors.ts';
import { compileNetwork } from '../../core/network/compile.ts';
import type { Network } from '../../core/network/network.ts';
import { type RouteRequest, type RouteResult, RoutingEngine } from '../../core/routing/plan.ts';
import { applyScenario, checkScenario } from '../../core/scenarios/apply-scenario.ts';
import { type Scenario, ScenarioSchema } from '../../core/scenarios/scenario-schema.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { toRouteRequest } from '../route-request.ts';
import { CompareBodySchema, IdParamsSchema } from '../schemas.ts';
import type { ScenarioRecord } from '../storage/storage.ts';

const view = (r: ScenarioRecord) => ({
  id: r.id,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  scenario: r.document,
});

function checked(net: Network, sc: Scenario): Scenario {
  const issues = checkScenario(net, sc);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new KeruenError('KERUEN_INVALID_SCENARIO', `scenario has ${issues.length} problem(s)`, issues, {
      field: `scenario.${first.field ?? ''}`,
      value: first.value,
    });
  }
  return sc;
}

function summary(r: RouteResult) {
  const best = (k: 'durationH' | 'costUsd') =>
    r.itineraries.reduce<number | null>((m, it) => (m === null || it.totals[k] < m ? it.totals[k] : m), null);
  return {
    itineraries: r.itineraries.length,
    fastestH: best('durationH'),
    cheapestUsd: best('costUsd'),
    noRoute: r.noRoute,
    options: r.itineraries.map((it) => ({ corridor: it.corridor, keyNodes: it.keyNodes, totals: it.totals })),
  };
}

export function scenarioRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ['scenarios'];
  const security = [{ bearerAuth: [] }];
  return async (app) => {
    app.addHook('preHandler', requireToken(deps.storage));
    const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
      sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: `you have no scenario ${id}` });

    app.get('/scenarios', { schema: { tags, security, summary: 'Your scenarios' } }, async (req) => ({
      scenarios: (await deps.storage.listScenarios(ownerOf(req))).map(view),
    }));
    app.get(
      '/scenarios/:id',
      { schema: { tags, security, summary: 'One of your scenarios', params: IdParamsSchema } },
      async (req, reply) => {
        const r = await deps.storage.findScenario(ownerOf(req), req.params.id);
        return r === undefined ? notFound(reply, req.params.id) : view(r);
      },
    );
    app.post(
      '/scenarios',
      { schema: { tags, security, summary: 'Store a scenario (checked against the network)', body: ScenarioSchema } },
      async (req, reply) => {
        const sc = checked(deps.network, req.body);
        const r = await deps.storage.createScenario(ownerOf(req), { name: sc.name, document: req.body });
        return reply.code(201).send(view(r));
      },
    );
    app.put(
      '/scenarios/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Replace one of your scenarios',
          params: IdParamsSchema,
          body: ScenarioSchema,
        },
      },
      async (req, reply) => {
        const sc = checked(deps.network, req.body);
        const r = await deps.storage.updateScenario(ownerOf(req), req.params.id, { name: sc.name, document: req.body });
        return r === undefined ? notFound(reply, req.params.id) : view(r);
      },
    );
    app.delete(
      '/scenarios/:id',
      { schema: { tags, security, summary: 'Delete one of your scenarios', params: IdParamsSchema } },
      async (req, reply) => {
        const ok = await deps.storage.deleteScenario(ownerOf(req), req.params.id);
        return ok ? reply.code(204).send() : notFound(reply, req.params.id);
      },
    );
    app.post(
      '/scenarios/compare',
      {
        schema: {
          tags,
          security,
          summary: 'One route search on the baseline and under each of your scenarios',
          body: CompareBodySchema,
        },
      },
      async (req, reply) => {
        const owner = ownerOf(req);
        const { scenarios: ids, ...route } = req.body;
        const request: RouteRequest = toRouteRequest(deps.network, route, deps.now());
        const results = [];
        for (const id of ids) {
          const rec = await deps.storage.findScenario(owner, id);
          if (rec === undefined) return notFound(reply, id);
          const sc = ScenarioSchema.parse(rec.document);
          const net = applyScenario(deps.network, sc);
          const engine = new RoutingEngine(net, compileNetwork(net, { emissions: deps.emissions }));
          const year = sc.year;
          const req2 =
            year !== undefined && request.includePlannedUpTo === undefined
              ? { ...request, includePlannedUpTo: year }
              : request;
          results.push({ id, name: sc.name, ...summary(engine.route(req2)) });
        }
        return { request, baseline: summary(deps.engine.route(request)), scenarios: results };
      },
    );
  };
}
