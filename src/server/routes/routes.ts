/** Route search: GET with the CLI's parameters as a query string, POST with a JSON body. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KeruenError } from '../../core/errors.ts';
import type { RouteRequest } from '../../core/routing/plan.ts';
import type { Cargo } from '../../core/routing/query.ts';
import type { AppDeps } from '../deps.ts';
import { ResponseCache } from '../response-cache.ts';
import { routeResponse, toRouteRequest } from '../route-request.ts';
import { RouteBodySchema, type RouteQuery, RouteQuerySchema } from '../schemas.ts';

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
  const cache = new ResponseCache(cacheEntries);
  /** Answers from the cache, or searches, serialises and stores. The key is the resolved request. */
  const search = (req: RouteRequest, withTimeline: boolean): string => {
    const key = `${withTimeline ? 1 : 0}${JSON.stringify(req)}`;
    let body = cache.get(key);
    if (body === undefined) {
      body = JSON.stringify(routeResponse(deps.engine.route(req), withTimeline));
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
        const request = toRouteRequest(
          deps.network,
          { ...q, cargo: cargoOf(q), useRisk: q.useRisk === 'true' },
          deps.now(),
        );
        return reply.type('application/json; charset=utf-8').send(search(request, q.timeline === 'true'));
      },
    );
    app.post(
      '/routes',
      { schema: { tags, summary: 'Route search with a JSON body', body: RouteBodySchema } },
      async (req, reply) => {
        const request = toRouteRequest(deps.network, req.body, deps.now());
        return reply.type('application/json; charset=utf-8').send(search(request, req.body.timeline === true));
      },
    );
  };
}
