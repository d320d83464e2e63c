/**
 * Port simulations (core/reliability/port-queue.ts) as jobs: POST stores a job and starts it in the work pool on
 * the sailings that leave a node; GET reads its progress and result, GET .../events streams them (server-sent
 * events), DELETE cancels it. Jobs live in the database, so a restart leaves them failed ("interrupted"), never
 * silently gone. Jobs need a token (they cost CPU), are visible only to it, and a token has at most
 * MAX_ACTIVE_JOBS queued or running.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listPortSailings, resolveNodeRef } from '../../core/index.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { isFinished, type JobQueue, JobRunner } from '../job-runner.ts';
import { portJobModel } from '../port-job.ts';
import { IdParamsSchema, PortSimulationRequestSchema } from '../schemas.ts';
import type { JobRecord } from '../storage/storage.ts';
import type { ZodApp } from '../zod-app.ts';

/** Jobs one token may have queued or running. */
export const MAX_ACTIVE_JOBS = 2;
/**
 * The 429 for a token that has MAX_ACTIVE_JOBS queued or running (port simulations, sweeps, task jobs alike), or
 * undefined when it may start one more.
 */
export async function refuseOverQuota(
  deps: AppDeps,
  owner: string,
  reply: Parameters<typeof sendError>[0],
  what = 'jobs',
) {
  if ((await deps.storage.countActiveJobs(owner)) < MAX_ACTIVE_JOBS) return undefined;
  return sendError(reply.header('retry-after', '10'), 429, {
    error: 'quota_exceeded',
    message: `at most ${MAX_ACTIVE_JOBS} ${what} queued or running per token; wait for one or cancel it`,
  });
}

/** A comment line on an idle event stream this often, ms, so that the idle-socket timeout does not close it. */
const HEARTBEAT_MS = 15_000;

const tags = ['simulations'];
const security = [{ bearerAuth: [] }];
const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
  sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: 'no such job' });

/** POST /simulations/port: checks the node's sailings and the token's quota, stores the job and starts it. */
function startSimulation(app: ZodApp, deps: AppDeps, jobs: JobQueue): void {
  app.post(
    '/simulations/port',
    {
      schema: {
        tags,
        security,
        summary: 'Start a port-queue simulation job on the sailings that leave a node',
        body: PortSimulationRequestSchema,
      },
    },
    async (req, reply) => {
      const owner = ownerOf(req);
      const b = req.body;
      const node = resolveNodeRef(deps.network, 'node', b.node);
      const s = listPortSailings(deps.network, node.id);
      if (s.sailings.length === 0) {
        const message = `no scheduled sailing with a known TEU capacity leaves ${node.id}`;
        return sendError(reply, 422, {
          error: 'no_sailings',
          field: 'node',
          value: b.node,
          message,
          skipped: s.skipped,
        });
      }
      const refused = await refuseOverQuota(deps, owner, reply, 'simulation jobs');
      if (refused !== undefined) return refused;
      const request = { ...b, node: node.id, services: s.services };
      const job = await deps.storage.createJob(owner, 'port', request);
      jobs.start(job, portJobModel(deps.network, request));
      return reply.code(202).header('location', `/simulations/${job.id}`).send(job);
    },
  );
}

/** GET /simulations/:id and DELETE /simulations/:id. */
function readAndCancel(app: ZodApp, deps: AppDeps, jobs: JobQueue): void {
  app.get(
    '/simulations/:id',
    { schema: { tags, security, summary: 'Progress and result of a simulation job', params: IdParamsSchema } },
    async (req, reply) => (await deps.storage.findJob(ownerOf(req), req.params.id)) ?? notFound(reply, req.params.id),
  );
  app.delete(
    '/simulations/:id',
    { schema: { tags, security, summary: 'Cancel a queued or running simulation job', params: IdParamsSchema } },
    async (req, reply) => {
      const job = await deps.storage.findJob(ownerOf(req), req.params.id);
      if (job === undefined) return notFound(reply, req.params.id);
      return (await jobs.cancel(job.id)) ?? (await deps.storage.findJob(ownerOf(req), req.params.id));
    },
  );
}

/**
 * GET /simulations/:id/events: the job's state as server-sent events, `event: progress` on each change and
 * `event: done|failed|cancelled` at the end, after which the stream closes. A job already finished, or running in
 * another process (--workers), gets its current state and the stream closes at once.
 */
function streamProgress(app: ZodApp, deps: AppDeps, jobs: JobQueue): void {
  app.get(
    '/simulations/:id/events',
    {
      schema: { tags, security, summary: 'Progress of a simulation job as server-sent events', params: IdParamsSchema },
    },
    async (req, reply) => {
      const job = await deps.storage.findJob(ownerOf(req), req.params.id);
      if (job === undefined) return notFound(reply, req.params.id);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      const send = (j: JobRecord) =>
        out.write(`event: ${isFinished(j) ? j.status : 'progress'}\ndata: ${JSON.stringify(j)}\n\n`);
      send(job);
      if (isFinished(job) || !jobs.isRunning(job.id)) return void out.end();
      const heartbeat = setInterval(() => out.write(': still running\n\n'), HEARTBEAT_MS);
      const stop = jobs.listen(job.id, (j) => {
        send(j);
        if (isFinished(j)) close();
      });
      const close = () => {
        clearInterval(heartbeat);
        stop();
        out.end();
      };
      out.once('close', close);
    },
  );
}

export function simulationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const jobs = deps.jobs ?? new JobRunner(deps.storage, deps.work);
  return async (app) => {
    app.addHook('onRequest', requireToken);
    startSimulation(app, deps, jobs);
    readAndCancel(app, deps, jobs);
    streamProgress(app, deps, jobs);
  };
}
