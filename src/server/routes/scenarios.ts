/**
 * A user's own scenarios (core/scenarios): list, get, create, replace, delete, and compare against the
 * baseline for one route (in the work pool). Every call needs a token and sees only that token's scenarios. A
 * scenario is checked by the core schema (with its bounds) and against the network when stored, and again when
 * read back, so a stored scenario always applies.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf, ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { cancelOnClose } from '../heavy.ts';
import { CompareRequestSchema, IdParamsSchema, ScenarioSchema } from '../schemas.ts';
import type { ScenarioRecord } from '../storage/storage.ts';
import { checkedScenario, loadStoredScenario } from '../stored-scenario.ts';
import type { ZodApp } from '../zod-app.ts';

const view = (r: ScenarioRecord) => ({
  id: r.id,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  scenario: r.document,
});

const tags = ['scenarios'];
const security = [{ bearerAuth: [] }];
const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
  sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: `you have no scenario ${id}` });

/** List, get, create, replace and delete a token's own scenarios. */
function scenarioRecords(app: ZodApp, deps: AppDeps): void {
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
      const sc = checkedScenario(deps, req.body, 'body');
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
      const sc = checkedScenario(deps, req.body, 'body');
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
}

/** POST /scenarios/compare: one route on the baseline and under each stored scenario, in the work pool. */
function compareUnderScenarios(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/scenarios/compare',
    {
      schema: {
        tags,
        security,
        summary: 'One route search on the baseline and under each of your scenarios',
        body: CompareRequestSchema,
      },
    },
    async (req, reply) => {
      const owner = ownerOf(req);
      const { scenarios: ids, ...route } = req.body;
      const scenarios = [];
      for (const [i, id] of ids.entries()) {
        const stored = await loadStoredScenario(deps, owner, id, `body.scenarios.${i}`);
        if (stored === undefined) return notFound(reply, id);
        scenarios.push({ id, scenario: stored.scenario });
      }
      return deps.work.run(
        { kind: 'scenario-routes', route, scenarios, nowMs: deps.now().getTime() },
        { client: clientOf(req), signal: cancelOnClose(reply) },
      );
    },
  );
}

export function scenarioRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireToken);
    scenarioRecords(app, deps);
    compareUnderScenarios(app, deps);
  };
}
