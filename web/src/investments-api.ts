/**
 * The appraisal for the Investments view, the same request schema as `keruen appraise`. With an API token (the
 * field of token.ts) it runs as a durable job of the user's: POST /jobs/appraisal, then GET /jobs/{id} until
 * done (stored in the database, so it survives a reload and counts in the token's quota). Without one it uses the
 * public in-memory job: POST /appraisal, then GET /appraisal/{id}. Either way progress goes to `onProgress` and
 * the answer is the core's type (type-only import).
 */
import type { AppraisalAnswer, AppraisalRequestInput } from '../../src/core/index.ts';
import { getToken } from './api.ts';

export type { AppraisalAnswer };

interface Job {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  result?: AppraisalAnswer;
  error?: string;
}

/** The two ways of asking: the durable job of a token, or the public in-memory one. */
interface Route {
  start: string;
  poll: (id: string) => string;
  headers: Record<string, string>;
}

function routeFor(token: string | undefined): Route {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token === undefined) return { start: '/appraisal', poll: (id) => `/appraisal/${id}`, headers };
  return {
    start: '/jobs/appraisal',
    poll: (id) => `/jobs/${id}`,
    headers: { ...headers, authorization: `Bearer ${token}` },
  };
}

async function json(res: Response, what: string): Promise<Job> {
  const body = (await res.json().catch(() => undefined)) as (Job & { message?: string }) | undefined;
  if (!res.ok || body === undefined) throw new Error(body?.message ?? `${what}: HTTP ${res.status}`);
  return body;
}

/** Starts (or finds) the appraisal job and resolves with its answer. */
export async function runAppraisal(
  q: AppraisalRequestInput,
  onProgress: (f: number) => void,
  pollMs = 400,
): Promise<AppraisalAnswer> {
  const r = routeFor(getToken());
  let job = await json(
    await fetch(r.start, {
      method: 'POST',
      headers: { ...r.headers, 'content-type': 'application/json' },
      body: JSON.stringify(q),
    }),
    `POST ${r.start}`,
  );
  while (job.status === 'running' || job.status === 'queued') {
    onProgress(job.progress);
    await new Promise((res) => setTimeout(res, pollMs));
    job = await json(await fetch(r.poll(job.id), { headers: r.headers }), `GET ${r.poll(job.id)}`);
  }
  if (job.status !== 'done' || job.result === undefined) throw new Error(job.error ?? `the job ended ${job.status}`);
  return job.result;
}
