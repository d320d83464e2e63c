/**
 * Sweeps (issue 20, item 3): POST stores a sweep job (spec + number of variants) and hands its variants to the
 * job queue, this process's work pool or the pg-boss queue that `keruen worker`s on any machine take from; GET
 * reads its progress and, once done, the summary; GET .../variants gives every variant's KPIs as JSON or CSV;
 * DELETE cancels. Progress streams at /simulations/:id/events like any job. Counted in the token's job quota.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkSweep, listVariants, SweepSpecSchema, type VariantResult, variantsCsv } from '../../core/index.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { type JobQueue, JobRunner } from '../job-runner.ts';
import { IdParamsSchema } from '../schemas.ts';
import { refuseOverQuota } from './simulations.ts';

const tags = ['sweeps'];
const security = [{ bearerAuth: [] }];
const VariantsQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').describe('json: an array of variant results; csv: one row each'),
});

export function sweepRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const jobs: JobQueue = deps.jobs ?? new JobRunner(deps.storage, deps.work);
  const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
    sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: 'no such sweep' });
  const ownSweep = async (owner: string, id: string) => {
    const j = await deps.storage.findJob(owner, id);
    return j?.kind === 'sweep' ? j : undefined;
  };
  return async (app) => {
    app.addHook('onRequest', requireToken);
    app.post(
      '/sweeps',
      { schema: { tags, security, summary: 'Start a sweep of scenario variants', body: SweepSpecSchema } },
      async (req, reply) => {
        const owner = ownerOf(req);
        checkSweep(req.body, deps.library);
        const refused = await refuseOverQuota(deps, owner, reply);
        if (refused !== undefined) return refused;
        const variants = listVariants(req.body).length;
        const job = await deps.storage.createJob(owner, 'sweep', { spec: req.body, variants });
        jobs.startSweep(job);
        return reply.code(202).header('location', `/sweeps/${job.id}`).send(job);
      },
    );
    app.get(
      '/sweeps/:id',
      { schema: { tags, security, summary: 'Progress of a sweep, and its summary once done', params: IdParamsSchema } },
      async (req, reply) => (await ownSweep(ownerOf(req), req.params.id)) ?? notFound(reply, req.params.id),
    );
    app.get(
      '/sweeps/:id/variants',
      {
        schema: {
          tags,
          security,
          summary: "The KPIs of every variant stored so far (a running sweep's are partial)",
          params: IdParamsSchema,
          querystring: VariantsQuerySchema,
        },
      },
      async (req, reply) => {
        const job = await ownSweep(ownerOf(req), req.params.id);
        if (job === undefined) return notFound(reply, req.params.id);
        const results = (await deps.storage.listJobParts(job.id)).map((p) => p.result as VariantResult);
        if (req.query.format === 'json') return results;
        return reply.type('text/csv; charset=utf-8').send(variantsCsv(results));
      },
    );
    app.delete(
      '/sweeps/:id',
      { schema: { tags, security, summary: 'Cancel a sweep', params: IdParamsSchema } },
      async (req, reply) => {
        const job = await ownSweep(ownerOf(req), req.params.id);
        if (job === undefined) return notFound(reply, req.params.id);
        return (await jobs.cancel(job.id)) ?? (await ownSweep(ownerOf(req), job.id));
      },
    );
  };
}
