/** GET /health: liveness, dataset version and database state, for load balancers and the SIGKILL test. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { schema: { tags: ['meta'], summary: 'Liveness and dataset version' } }, async () => ({
      status: 'ok',
      dataset: { name: deps.network.manifest.name, version: deps.network.manifest.version },
      nodes: deps.network.nodes.length,
      links: deps.network.links.length,
    }));
  };
}
