/** Route search: GET with the CLI's parameters as a query string, POST with a JSON body; one schema for both. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteRequest, RouteResult, RouteScenario, RoutingEngine } from '../../core/index.ts';
import {
  type RouteRequestBody,
  RouteTextSchema,
  resolvePlaceIds,
  resolveRoute,
  routeRequestUnder,
  scenarioEcho,
  scenarioEngine,
} from '../../core/index.ts';
import { refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { LruCache } from '../lru-cache.ts';
import { isStoredScenarioId, routeScenarioOf } from '../scenario-ids.ts';
import { RouteRequestSchema } from '../schemas.ts';

/** Node names remembered by the name resolver; beyond this, new names are resolved but not remembered. */
const MAX_REMEMBERED_NAMES = 10_000;
/** Compiled scenario engines kept (a few MB each for the shipped network; compiling one costs tens of ms). */
const SCENARIO_ENGINES = 8;

/** The result without itinerary timelines unless asked for. */
export function routeResponse(r: RouteResult, withTimeline: boolean): unknown {
  if (withTimeline) return r;
  return { ...r, itineraries: r.itineraries.map(({ timeline: _t, ...it }) => it) };
}

/**
 * resolveRoute (core/requests/route.ts) on the served network with remembered names. Name search scans every
 * name, alias and locode of the network (about 10 µs); the network does not change while the server runs, so a
 * name that resolved once resolves to the same node (or city's nodes) again. Failures are not remembered: they
 * throw with suggestions every time.
 */
function rememberingResolver(deps: AppDeps): (q: RouteRequestBody) => RouteRequest {
  const ids = new Map<string, string | string[]>();
  const placeOf = (field: string, query: string): string | string[] => {
    let id = ids.get(query);
    if (id === undefined) {
      id = resolvePlaceIds(deps.network, field, query);
      if (ids.size < MAX_REMEMBERED_NAMES) ids.set(query, id);
    }
    return id;
  };
  return (q) => resolveRoute(deps.network, q, deps.now(), placeOf);
}

/**
 * The search under a scenario: its engine (compiled once, kept by scenario key), names resolved on its network
 * (a scenario may add terminals), its year's planned links; the answer echoes the scenario. The response cache
 * key starts with the scenario's key (a stored scenario's holds its owner and update time).
 */
function scenarioSearch(deps: AppDeps, cache: LruCache<Buffer>): (q: RouteRequestBody, s: RouteScenario) => Buffer {
  const engines = new LruCache<RoutingEngine>(SCENARIO_ENGINES, SCENARIO_ENGINES, () => 1);
  return (q, s) => {
    const engine = scenarioEngine(deps.engine, s, deps.emissions, engines);
    const req = routeRequestUnder(engine, s, q, deps.now());
    const withTimeline = q.timeline === true;
    const key = `${withTimeline ? 1 : 0}${s.key}\n${JSON.stringify(req)}`;
    let body = cache.get(key);
    if (body === undefined) {
      const r = routeResponse(engine.route(req, { timelines: withTimeline }), withTimeline) as object;
      body = Buffer.from(JSON.stringify({ ...r, scenario: scenarioEcho(s) }));
      cache.set(key, body);
    }
    return body;
  };
}

export function routeRoutes(deps: AppDeps, cacheEntries = 2000): FastifyPluginAsyncZod {
  const tags = ['routing'];
  const cache = new LruCache<Buffer>(cacheEntries);
  const toRequest = rememberingResolver(deps);
  const searchUnder = scenarioSearch(deps, cache);
  /**
   * Answers from the cache, or searches, serialises and stores. The key is the resolved request. The body is
   * kept as UTF-8 bytes: encoded once here, instead of measured (Content-Length) and then encoded again by the
   * socket on every send of a 20-50 KB string.
   */
  const search = (q: RouteRequestBody): Buffer => {
    const req = toRequest(q);
    const withTimeline = q.timeline === true;
    const key = `${withTimeline ? 1 : 0}${JSON.stringify(req)}`;
    let body = cache.get(key);
    if (body === undefined) {
      body = Buffer.from(
        JSON.stringify(routeResponse(deps.engine.route(req, { timelines: withTimeline }), withTimeline)),
      );
      cache.set(key, body);
    }
    return body;
  };
  /** A stored scenario needs the caller's identity: a bad token is a 401, no token an unknown id (400). */
  const answer = async (req: FastifyRequest, reply: FastifyReply, q: RouteRequestBody, field: string) => {
    if (req.badToken !== undefined && isStoredScenarioId(deps, q.scenario)) return refuseBadToken(req, reply);
    const under = await routeScenarioOf(deps, field, q.scenario, req.owner);
    const body = under === undefined ? search(q) : searchUnder(q, under);
    return reply.type('application/json; charset=utf-8').send(body);
  };
  return async (app) => {
    app.get(
      '/routes',
      {
        schema: {
          tags,
          summary: 'Pareto-optimal itineraries (time, cost, CO2e) between two nodes or cities',
          description:
            'A search with no route answers 200 with `noRoute` saying which constraint cuts every route. ' +
            '`scenario`: "baseline" (default), a library scenario (GET /scenarios/library) or, with your token, one ' +
            'of your stored scenarios; the answer then echoes `scenario: { id, name, year }`.',
          querystring: RouteTextSchema,
        },
      },
      async (req, reply) => answer(req, reply, req.query, 'querystring.scenario'),
    );
    app.post(
      '/routes',
      { schema: { tags, summary: 'Route search with a JSON body', body: RouteRequestSchema } },
      async (req, reply) => answer(req, reply, req.body, 'body.scenario'),
    );
  };
}
