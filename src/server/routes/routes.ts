/** Route search: GET with the CLI's parameters as a query string, POST with a JSON body; one schema for both. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteRequest, RouteResult } from '../../core/index.ts';
import { type RouteRequestBody, RouteTextSchema, resolveNodeRef, resolvePlaceIds } from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';
import { LruCache } from '../lru-cache.ts';
import { RouteRequestSchema } from '../schemas.ts';

/** Node names remembered by the name resolver; beyond this, new names are resolved but not remembered. */
const MAX_REMEMBERED_NAMES = 10_000;

/** The result without itinerary timelines unless asked for. */
export function routeResponse(r: RouteResult, withTimeline: boolean): unknown {
  if (withTimeline) return r;
  return { ...r, itineraries: r.itineraries.map(({ timeline: _t, ...it }) => it) };
}

export function routeRoutes(deps: AppDeps, cacheEntries = 2000): FastifyPluginAsyncZod {
  const tags = ['routing'];
  const cache = new LruCache<Buffer>(cacheEntries);
  // Name search scans every name, alias and locode of the network (about 10 µs); the network does not change
  // while the server runs, so a name that resolved once resolves to the same node (or city's nodes) again.
  // Failures are not remembered: they throw with suggestions every time. Origins and destinations may name a
  // city with several terminals; avoided nodes name one node each (keyed apart: the same text resolves apart).
  const ids = new Map<string, string | string[]>();
  const remember = <T extends string | string[]>(key: string, resolve: () => T): T => {
    let id = ids.get(key) as T | undefined;
    if (id === undefined) {
      id = resolve();
      if (ids.size < MAX_REMEMBERED_NAMES) ids.set(key, id);
    }
    return id;
  };
  const placeOf = (field: string, query: string) =>
    remember(`p${query}`, () => resolvePlaceIds(deps.network, field, query));
  const idOf = (field: string, query: string) =>
    remember(`n${query}`, () => resolveNodeRef(deps.network, field, query).id);
  /** resolveRoute (core/requests/route.ts) with remembered names: the same fields in the same order. */
  const toRequest = (q: RouteRequestBody): RouteRequest => ({
    from: placeOf('from', q.from),
    to: placeOf('to', q.to),
    depart: q.depart ?? deps.now().toISOString(),
    cargo: q.cargo,
    avoidCountries: q.avoidCountries,
    avoidModes: q.avoidModes,
    avoidNodes: q.avoidNodes?.map((n, i) => idOf(`avoidNodes.${i}`, n)),
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
  return async (app) => {
    app.get(
      '/routes',
      {
        schema: {
          tags,
          summary: 'Pareto-optimal itineraries (time, cost, CO2e) between two nodes or cities',
          description: 'A search with no route answers 200 with `noRoute` saying which constraint cuts every route.',
          querystring: RouteTextSchema,
        },
      },
      async (req, reply) => reply.type('application/json; charset=utf-8').send(search(req.query)),
    );
    app.post(
      '/routes',
      { schema: { tags, summary: 'Route search with a JSON body', body: RouteRequestSchema } },
      async (req, reply) => reply.type('application/json; charset=utf-8').send(search(req.body)),
    );
  };
}
