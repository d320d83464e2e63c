/**
 * GET /exports?commodity=&scenario=: Kazakhstan's export flows to EU entry points under a library scenario
 * (issue 18), answered by the core function the CLI's `keruen exports` calls (core/exports/answer-exports.ts).
 * The dataset is fixed while the server runs, so whole answers are kept by request: at most one per library
 * scenario and commodity, since both are checked against the library and the catalogue before an answer is kept.
 * A server started without data/exports answers 404 (the operation stays in the API document).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerExports,
  type ExportsAnswer,
  type ExportsDataset,
  ExportsRequestSchema,
  libraryScenario,
} from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';

export function exportsRoutes(deps: AppDeps, dataset: ExportsDataset | undefined): FastifyPluginAsyncZod {
  const answers = new Map<string, ExportsAnswer>();
  return async (app) => {
    app.get(
      '/exports',
      {
        schema: {
          tags: ['exports'],
          summary: "Kazakhstan's exports to EU ports: landed cost, days, CO2e per tonne, unserved tonnes",
          querystring: ExportsRequestSchema,
        },
      },
      async (req, reply) => {
        if (dataset === undefined)
          return sendError(reply, 404, {
            error: 'not_found',
            message: 'this server was started without an exports dataset (data/exports/*.yaml)',
          });
        const key = `${req.query.scenario ?? 'baseline'}\u0000${req.query.commodity ?? ''}`;
        const hit = answers.get(key);
        if (hit !== undefined) return hit;
        const scenario = libraryScenario(deps.library.scenarios, req.query.scenario, 'query.scenario');
        const answer = answerExports({ engine: deps.engine, emissions: deps.emissions, dataset, scenario }, req.query);
        answers.set(key, answer);
        return answer;
      },
    );
  };
}
