/**
 * POST /appraisal and GET /appraisal/{id} for the Investments view: the same request schema as `keruen appraise`;
 * the job is polled until done, its progress told to `onProgress`. The answer's type is the core's (type-only).
 */
import type { AppraisalAnswer, AppraisalRequestInput } from '../../src/core/index.ts';

export type { AppraisalAnswer };

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  result?: AppraisalAnswer;
  error?: string;
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
  let job = await json(
    await fetch('/appraisal', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(q),
    }),
    'POST /appraisal',
  );
  while (job.status === 'running') {
    onProgress(job.progress);
    await new Promise((r) => setTimeout(r, pollMs));
    job = await json(
      await fetch(`/appraisal/${job.id}`, { headers: { accept: 'application/json' } }),
      'GET /appraisal',
    );
  }
  if (job.status === 'failed' || job.result === undefined) throw new Error(job.error ?? 'no answer');
  return job.result;
}
