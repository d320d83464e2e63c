/**
 * The investment appraisal over HTTP (core/appraisal/answer.ts): POST /appraisal starts a job (a few seconds of
 * flows assignments in the work pool, with progress), GET /appraisal/:id reads its progress and, once done, the
 * answer the CLI's `keruen appraise --json` prints: the projects' ENPV, EIRR, B/C, sensitivity and risk, and the
 * HiGHS portfolio under the budget compared with the greedy ranking. The same request gives the same job (kept
 * in memory, last JOBS_KEPT); the data are the server's dataset's data/appraisal/ files.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type AppraisalData,
  type AppraisalRequest,
  AppraisalRequestSchema,
  appraisalAnswer,
  KeruenError,
  type ProjectAppraisals,
} from '../../core/index.ts';
import { highsSolver, loadAppraisalData } from '../../io/index.ts';
import { clientOf, refuseBadToken } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../errors.ts';
import { LruCache } from '../lru-cache.ts';
import { IdParamsSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['appraisal'];
/** Jobs (and their answers) kept in memory. */
const JOBS_KEPT = 20;
/** Time budget of one appraisal in the work pool, ms (about 2 s on the shipped data). */
const APPRAISAL_TIMEOUT_MS = 120_000;

interface AppraisalJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  request: AppraisalRequest;
  result?: unknown;
  error?: string;
}

/**
 * The work-pool task of an appraisal on the server's library; a KeruenError naming the demand set when the
 * appraisal's growth file names one the library lacks. POST /jobs/appraisal stores the same task.
 */
export function appraisalTask(deps: AppDeps, data: AppraisalData, req: AppraisalRequest) {
  if (req.context !== undefined && !deps.library.scenarios.some((s) => s.id === req.context))
    throw new KeruenError('KERUEN_UNKNOWN_ID', `no scenario ${JSON.stringify(req.context)} for the context`, [], {
      field: 'context',
      value: req.context,
    });
  const baseDemand = deps.library.demands.find((d) => d.id === data.growth.demandSet);
  if (baseDemand === undefined)
    throw new KeruenError(
      'KERUEN_UNKNOWN_ID',
      `the demand set ${data.growth.demandSet} named by appraisal/growth.yaml is not in the library`,
      [],
      { field: 'demandSet', value: data.growth.demandSet },
    );
  return { kind: 'appraisal' as const, request: req, data, baseDemand, scenarios: [...deps.library.scenarios] };
}

function startJob(
  deps: AppDeps,
  task: ReturnType<typeof appraisalTask>,
  req: AppraisalRequest,
  client: string,
  job: AppraisalJob,
): void {
  deps.work
    .run(task, {
      client,
      timeoutMs: APPRAISAL_TIMEOUT_MS,
      onProgress: (f) => {
        job.progress = Math.min(0.99, f);
      },
    })
    .then(async (runs) => {
      job.result = appraisalAnswer(runs as ProjectAppraisals, req, await highsSolver());
      job.status = 'done';
      job.progress = 1;
    })
    .catch((e: unknown) => {
      job.status = 'failed';
      job.error = e instanceof Error ? e.message : String(e);
    });
}

function routes(app: ZodApp, deps: AppDeps, data: AppraisalData): void {
  const jobs = new LruCache<AppraisalJob>(JOBS_KEPT, JOBS_KEPT, () => 1);
  const byRequest = new Map<string, string>();
  app.post(
    '/appraisal',
    {
      schema: {
        tags,
        summary: 'Start an appraisal: EU CBA of the investment candidates and the HiGHS portfolio under a budget',
        description:
          'Runs the flows assignment with and without each project at the requested years (a few seconds, in the ' +
          'work pool). Answers 202 with the job; poll GET /appraisal/{id}. The same request returns the same job.',
        body: AppraisalRequestSchema,
      },
    },
    async (req, reply) => {
      if (req.badToken !== undefined) return refuseBadToken(req, reply);
      const key = JSON.stringify(req.body);
      const known = byRequest.get(key);
      const existing = known === undefined ? undefined : jobs.get(known);
      if (existing !== undefined && existing.status !== 'failed')
        return reply.code(existing.status === 'done' ? 200 : 202).send(existing);
      // A context or demand set the library lacks is refused now (400, naming the field), not as a failed job.
      const task = appraisalTask(deps, data, req.body);
      const job: AppraisalJob = { id: randomUUID(), status: 'running', progress: 0, request: req.body };
      jobs.set(job.id, job);
      byRequest.set(key, job.id);
      if (byRequest.size > 4 * JOBS_KEPT) byRequest.delete(byRequest.keys().next().value as string);
      startJob(deps, task, req.body, clientOf(req), job);
      return reply.code(202).header('location', `/appraisal/${job.id}`).send(job);
    },
  );
  app.get(
    '/appraisal/:id',
    { schema: { tags, summary: 'Progress and answer of an appraisal job', params: IdParamsSchema } },
    async (req, reply) =>
      jobs.get(req.params.id) ??
      sendError(reply, 404, {
        error: 'not_found',
        field: 'id',
        value: req.params.id,
        message: 'no such appraisal job',
      }),
  );
}

let shipped: { data: AppraisalData | undefined } | undefined;

/** The shipped data/appraisal/ files, read once; undefined when the dataset has none. */
export function shippedAppraisalData(): AppraisalData | undefined {
  if (shipped === undefined)
    try {
      shipped = { data: loadAppraisalData() };
    } catch {
      shipped = { data: undefined };
    }
  return shipped.data;
}

/**
 * The routes, on the given appraisal data (default: the shipped data/appraisal/). A dataset without appraisal
 * files serves no appraisal routes (404), rather than failing the whole server.
 */
export function appraisalRoutes(deps: AppDeps, data?: AppraisalData): FastifyPluginAsyncZod {
  const loaded = data ?? shippedAppraisalData();
  return async (app) => {
    if (loaded !== undefined) routes(app, deps, loaded);
  };
}
