/**
 * Port simulations (core/reliability/port-queue.ts) as jobs: POST stores a job and starts it in the work pool on
 * the sailings that leave a node; GET reads its progress and result, DELETE cancels it. Jobs live in the
 * database, so a restart leaves them failed ("interrupted"), never silently gone. Jobs need a token (they cost
 * CPU), are visible only to it, and a token has at most MAX_ACTIVE_JOBS queued or running.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PortModel } from '../../core/index.ts';
import { listPortSailings, resolveNodeRef } from '../../core/index.ts';
import { ownerOf, requireToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { IdParamsSchema, PortSimulationRequestSchema } from '../schemas.ts';
import type { JobRecord } from '../storage/storage.ts';
import { WorkRefused } from '../work-pool.ts';

/** Jobs one token may have queued or running. */
export const MAX_ACTIVE_JOBS = 2;
/** Time budget of one job, ms: a year of weeks at the demand bound takes a few seconds. */
export const JOB_TIMEOUT_MS = 120_000;
/** Progress is written to the database at most this often, ms. */
const PROGRESS_EVERY_MS = 250;

export function simulationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const tags = ['simulations'];
  const security = [{ bearerAuth: [] }];
  const running = new Map<string, AbortController>();

  const runJob = (job: JobRecord, model: PortModel) => {
    const ac = new AbortController();
    running.set(job.id, ac);
    let lastWrite = 0;
    const onProgress = (f: number) => {
      const t = Date.now();
      if (t - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = t;
      void deps.storage.updateJob(job.id, { status: 'running', progress: f });
    };
    void deps.storage.updateJob(job.id, { status: 'running' });
    deps.work
      .run(
        { kind: 'port', model },
        { client: `job:${job.owner}`, timeoutMs: JOB_TIMEOUT_MS, signal: ac.signal, onProgress },
      )
      .then(
        (result) => deps.storage.updateJob(job.id, { status: 'done', progress: 1, result }),
        (e: unknown) => {
          const cancelled = e instanceof WorkRefused && e.code === 'cancelled';
          const error = e instanceof Error ? e.message : String(e);
          return deps.storage.updateJob(job.id, { status: cancelled ? 'cancelled' : 'failed', error });
        },
      )
      .finally(() => running.delete(job.id));
  };

  return async (app) => {
    app.addHook('onRequest', requireToken);
    const notFound = (reply: Parameters<typeof sendError>[0], id: string) =>
      sendError(reply, 404, { error: 'not_found', field: 'id', value: id, message: 'no such job' });
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
          return sendError(reply, 422, {
            error: 'no_sailings',
            field: 'node',
            value: b.node,
            message: `no scheduled sailing with a known TEU capacity leaves ${node.id}`,
            skipped: s.skipped,
          });
        }
        if ((await deps.storage.countActiveJobs(owner)) >= MAX_ACTIVE_JOBS) {
          return sendError(reply.header('retry-after', '10'), 429, {
            error: 'quota_exceeded',
            message: `at most ${MAX_ACTIVE_JOBS} simulation jobs queued or running per token; wait for one or cancel it`,
          });
        }
        const model: PortModel = {
          sailings: s.sailings,
          arrivals: { kind: 'poisson', teuPerWeek: b.teuPerWeek },
          weeks: b.weeks,
          seed: b.seed,
        };
        const job = await deps.storage.createJob(owner, 'port', { ...b, node: node.id, services: s.services });
        runJob(job, model);
        return reply.code(202).header('location', `/simulations/${job.id}`).send(job);
      },
    );
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
        running.get(job.id)?.abort();
        const after = await deps.storage.updateJob(job.id, { status: 'cancelled', error: 'cancelled by its owner' });
        return after ?? (await deps.storage.findJob(ownerOf(req), req.params.id));
      },
    );
  };
}
