/** Route search: GET with the CLI's parameters as a query string, POST with a JSON body. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KeruenError } from '../../core/errors.ts';
import type { RouteRequest } from '../../core/routing/plan.ts';
import type { Cargo } from '../../core/routing/query.ts';
import type { AppDeps } from '../deps.ts';
import { ResponseCache } from '../response-cache.ts';
import { type ApiRouteInput, resolveNode, routeResponse } from '../route-request.ts';
import { RouteBodySchema, type RouteQuery, RouteQuerySchema } from '../schemas.ts';

/** Node names remembered by the name resolver; beyond this, new names are resolved but not remembered. */
const MAX_REMEMBERED_NAMES = 10_000;

function cargoOf(q: RouteQuery): Cargo {
  if (q.cargo === 'containers') {
    if (q.tonnes !== undefined) bad('tonnes', q.tonnes, 'containers are counted in teu, not tonnes');
    return { kind: 'containers', teu: q.teu ?? 1, tonnesPerTeu: q.tonnesPerTeu };
  }
  if (q.tonnes === undefined) bad('tonnes', undefined, `${q.cargo} cargo needs tonnes`);
  if (q.teu !== undefined) bad('teu', q.teu, `${q.cargo} cargo is counted in tonnes, not teu`);
  return { kind: q.cargo, tonnes: q.tonnes };
}

function bad(field: string, value: unknown, message: string): never {
  throw new KeruenError('KERUEN_INVALID_INPUT', `${field}: ${message}`, [], { field, value });
}

export function routeRoutes(deps: AppDeps, cacheEntries = 2000): FastifyPluginAsyncZod {
  const tags = ['routing'];
  const cache = new ResponseCache<Buffer>(cacheEntries);
  // Name search scans every name, alias and locode of the network (about 10 µs); the network does not change
  // while the server runs, so a name that resolved once resolves to the same node again. Failures are not
  // remembered: they throw with suggestions every time.
  const ids = new Map<string, string>();
  const idOf = (field: string, query: string): string => {
    let id = ids.get(query);
    if (id === undefined) {
      id = resolveNode(deps.network, field, query).id;
      if (ids.size < MAX_REMEMBERED_NAMES) ids.set(query, id);
    }
    return id;
  };
  /** toRouteRequest (route-request.ts) with remembered names: the same fields in the same order. */
  const toRequest = (q: ApiRouteInput): RouteRequest => ({
    from: idOf('from', q.from),
    to: idOf('to', q.to),
    depart: q.depart ?? deps.now().toISOString(),
    cargo: q.cargo,
    avoidCountries: q.avoidCountries,
    avoidModes: q.avoidModes,
    avoidNodes: q.avoidNodes,
    avoidLinks: q.avoidLinks,
    includePlannedUpTo: q.includePlannedUpTo,
    maxTransfers: q.maxTransfers,
    useRisk: q.useRisk,
  });
  /**
   * Answers from the cache, or searches, serialises and stores. The key is the resolved request. The body is
   * kept as UTF-8 bytes: encoded once here, instead of measured (Content-Length) and then encoded again by the
   * socket on every send of a 20-50 KB string.
   */
  const search = (req: RouteRequest, withTimeline: boolean): Buffer => {
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
  return async (app) => {
    app.get(
      '/routes',
      {
        schema: {
          tags,
          summary: 'Pareto-optimal itineraries (time, cost, CO2e) between two nodes',
          description: 'A search with no route answers 200 with `noRoute` saying which constraint cuts every route.',
          querystring: RouteQuerySchema,
        },
      },
      async (req, reply) => {
        const q = req.query;
        const request = toRequest({ ...q, cargo: cargoOf(q), useRisk: q.useRisk === 'true' });
        return reply.type('application/json; charset=utf-8').send(search(request, q.timeline === 'true'));
      },
    );
    app.post(
      '/routes',
      { schema: { tags, summary: 'Route search with a JSON body', body: RouteBodySchema } },
      async (req, reply) => {
        const request = toRequest(req.body);
        return reply.type('application/json; charset=utf-8').send(search(request, req.body.timeline === true));
      },
    );
  };
}
