/**
 * Port simulations (core/reliability/port-queue.ts) as jobs: POST starts one on the sailings that leave a node,
 * GET polls its progress and result. Jobs need a token (they cost CPU) and are visible only to it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PortModel } from '../../core/reliability/port-queue.ts';
import { listPortSailings } from '../../core/reliability/port-sailings.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { JobRunner } from '../jobs.ts';
import { resolveNode } from '../route-request.ts';
import { IdParamsSchema, PortSimulationBodySchema } from '../schemas.ts';

const WORKER = new URL('../port-job-worker.mjs', import.meta.url);

export function simulationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const jobs = new JobRunner();
  const tags = ['simulations'];
  const security = [{ bearerAuth: [] }];
  return async (app) => {
    app.addHook('preHandler', requireToken(deps.storage));
    app.post(
      '/simulations/port',
      {
        schema: {
          tags,
          security,
          summary: 'Start a port-queue simulation job on the sailings that leave a node',
          body: PortSimulationBodySchema,
        },
      },
      async (req, reply) => {
        const b = req.body;
        const node = resolveNode(deps.network, 'node', b.node);
        const s = listPortSailings(deps.network, node.id);
        if (s.sailings.length === 0) {
          return sendError(reply, 422, {
            error: 'no_sailings',
            field: 'node',
            value: b.node,
            message: `no scheduled sailing with a known TEU capacity leaves ${node.id}`,
            skipped: s.skipped,
          });
        }
        const model: PortModel = {
          sailings: s.sailings,
          arrivals: { kind: 'poisson', teuPerWeek: b.teuPerWeek },
          weeks: b.weeks,
          seed: b.seed,
        };
        const job = jobs.start(ownerOf(req), 'port', { ...b, node: node.id, services: s.services }, WORKER, model);
        if (job === undefined) {
          return sendError(reply.header('retry-after', '5'), 429, {
            error: 'busy',
            message: 'the simulation workers are busy; retry shortly',
          });
        }
        return reply.code(202).header('location', `/simulations/${job.id}`).send(job);
      },
    );
    app.get(
      '/simulations/:id',
      { schema: { tags, security, summary: 'Progress and result of a simulation job', params: IdParamsSchema } },
      async (req, reply) => {
        const j = jobs.find(ownerOf(req), req.params.id);
        return (
          j ?? sendError(reply, 404, { error: 'not_found', field: 'id', value: req.params.id, message: 'no such job' })
        );
      },
    );
  };
}
