/** The public network: counts and manifest, nodes and links as JSON, the whole network as GeoJSON, name search. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closestNames, findNode, findNodes, toGeoJSON } from '../../core/index.ts';
import { seaGeometries } from '../../io/index.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { NodeParamsSchema } from '../schemas.ts';

export function networkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const net = deps.network;
  // The network is immutable after start-up: serialise the big documents once. Sea and ferry links follow the
  // shipping lanes (the same tracks as `keruen network export`).
  const geojson = JSON.stringify(toGeoJSON(net, seaGeometries(net).geometries));
  const nodesJson = JSON.stringify(net.nodes.map(({ file: _f, ...n }) => n));
  const linksJson = JSON.stringify(net.links.map(({ file: _f, ...l }) => l));
  const servicesJson = JSON.stringify(net.services.map(({ file: _f, ...s }) => s));
  const sourcesJson = JSON.stringify([...net.sources.values()].map(({ file: _f, ...s }) => s));
  const tags = ['network'];
  return async (app) => {
    app.get('/network', { schema: { tags, summary: 'Dataset manifest and record counts' } }, async () => ({
      manifest: net.manifest,
      counts: {
        nodes: net.nodes.length,
        links: net.links.length,
        services: net.services.length,
        rates: net.rates.length,
        sources: net.sources.size,
      },
    }));
    const raw = (path: string, body: string, summary: string, type = 'application/json; charset=utf-8') =>
      app.get(path, { schema: { tags, summary } }, async (_req, reply) => reply.type(type).send(body));
    raw('/network/geojson', geojson, 'The network as RFC 7946 GeoJSON', 'application/geo+json; charset=utf-8');
    raw('/network/nodes', nodesJson, 'All nodes');
    raw('/network/links', linksJson, 'All links');
    raw('/network/services', servicesJson, 'All scheduled services');
    raw('/network/sources', sourcesJson, 'All sources cited by the dataset');
    app.get(
      '/network/nodes/:id',
      { schema: { tags, summary: 'One node by id', params: NodeParamsSchema } },
      async (req, reply) => {
        const n = findNode(net, req.params.id);
        if (n === undefined) {
          return sendError(reply, 404, {
            error: 'not_found',
            field: 'id',
            value: req.params.id,
            message: `no node with id ${JSON.stringify(req.params.id)}`,
            closest: closestNames(net, req.params.id, 5),
          });
        }
        const { file: _f, ...node } = n;
        return node;
      },
    );
    app.get(
      '/network/search',
      {
        schema: {
          tags,
          summary: 'Find nodes by id, name, alias or UN/LOCODE',
          querystring: z.strictObject({ q: z.string().min(1).max(200) }),
        },
      },
      async (req) => {
        const matches = findNodes(net, req.query.q).slice(0, 20);
        return {
          matches: matches.map((m) => ({
            id: m.node.id,
            name: m.node.name,
            field: m.field,
            text: m.text,
            tier: m.tier,
          })),
          closest: matches.length === 0 ? closestNames(net, req.query.q, 5) : [],
        };
      },
    );
  };
}
