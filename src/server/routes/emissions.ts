/** ISO 14083 / GLEC emissions of a transport chain the caller describes (core/emissions). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EmissionFactors } from '../../core/index.ts';
import { ChainSchema, chainEmissions } from '../../core/index.ts';

export function emissionsRoutes(factors: EmissionFactors): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/emissions',
      {
        schema: {
          tags: ['emissions'],
          summary: 'Well-to-wheel CO2e of a chain of legs and hubs (ISO 14083, GLEC Framework v3)',
          body: ChainSchema,
        },
      },
      async (req) => chainEmissions(factors, req.body),
    );
  };
}
