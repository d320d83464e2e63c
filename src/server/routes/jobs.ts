/**
 * Any question that may take long, as a job (issue 20, item 2): POST /jobs/reliability, /jobs/flows and
 * /jobs/appraisal take the same bodies as POST /reliability, /scenarios/flows and /appraisal, store the resolved task and answer 202 at once;
 * the job runs in this process's work pool or on a `keruen worker` (--job-queue pg-boss) and its result is the
 * answer the synchronous route gives. GET /jobs/{id} reads any job of the token (port simulations and sweeps too),
 * DELETE cancels it, and its progress streams at /simulations/{id}/events. Counted in the token's job quota.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppraisalRequestSchema } from '../../core/index.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { type JobQueue, JobRunner } from '../job-runner.ts';
import { FlowsRequestSchema, IdParamsSchema, ReliabilityRequestSchema } from '../schemas.ts';
import type { TaskJobRequest } from '../task-job.ts';
import type { ZodApp } from '../zod-app.ts';
import { appraisalTask, shippedAppraisalData } from './appraisal.ts';
import { reliabilityTask } from './reliability.ts';
import { flowsTask } from './scenario-flows.ts';
import { refuseOverQuota } from './simulations.ts';

const tags = ['jobs'];
const security = [{ bearerAuth: [] }];

type Reply = Parameters<typeof sendError>[0];

async function storeTask(deps: AppDeps, jobs: JobQueue, owner: string, reply: Reply, task: TaskJobRequest['task']) {
  const refused = await refuseOverQuota(deps, owner, reply);
  if (refused !== undefined) return refused;
  const request: TaskJobRequest = { task };
  const job = await deps.storage.createJob(owner, task.kind, request);
  jobs.startTask(job);
  return reply.code(202).header('location', `/jobs/${job.id}`).send(job);
}

function startRoutes(app: ZodApp, deps: AppDeps, jobs: JobQueue): void {
  app.post(
    '/jobs/reliability',
    {
      schema: { tags, security, summary: 'POST /reliability as a job', body: ReliabilityRequestSchema },
    },
    async (req, reply) =>
      storeTask(deps, jobs, ownerOf(req), reply, await reliabilityTask(deps, req.body, ownerOf(req))),
  );
  app.post(
    '/jobs/appraisal',
    { schema: { tags, security, summary: 'POST /appraisal as a durable job of yours', body: AppraisalRequestSchema } },
    async (req, reply) => {
      const data = shippedAppraisalData();
      if (data === undefined)
        return sendError(reply, 404, { error: 'not_available', message: 'this dataset has no data/appraisal/' });
      return storeTask(deps, jobs, ownerOf(req), reply, appraisalTask(deps, data, req.body));
    },
  );
  app.post(
    '/jobs/flows',
    { schema: { tags, security, summary: 'POST /scenarios/flows as a job', body: FlowsRequestSchema } },
    async (req, reply) =>
      storeTask(deps, jobs, ownerOf(req), reply, (await flowsTask(deps, req.body, ownerOf(req))).task),
  );
}

export function jobRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const jobs: JobQueue = deps.jobs ?? new JobRunner(deps.storage, deps.work);
  const notFound = (reply: Reply, id: string) =>
    sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: 'no such job' });
  return async (app) => {
    app.addHook('onRequest', requireToken);
    startRoutes(app, deps, jobs);
    app.get(
      '/jobs/:id',
      { schema: { tags, security, summary: 'Any job of yours: status, progress, result', params: IdParamsSchema } },
      async (req, reply) => (await deps.storage.findJob(ownerOf(req), req.params.id)) ?? notFound(reply, req.params.id),
    );
    app.delete(
      '/jobs/:id',
      { schema: { tags, security, summary: 'Cancel a job of yours', params: IdParamsSchema } },
      async (req, reply) => {
        const job = await deps.storage.findJob(ownerOf(req), req.params.id);
        if (job === undefined) return notFound(reply, req.params.id);
        return (await jobs.cancel(job.id)) ?? (await deps.storage.findJob(ownerOf(req), job.id));
      },
    );
  };
}
