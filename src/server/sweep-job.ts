/**
 * A sweep as a job: its row holds the spec and the number of variants; each variant is a part stored once
 * (storage.addJobPart), whoever ran it and however often. The job ends done, with the summary of every part, when
 * the last part is stored: every runner that stores a part checks, and a finished row refuses a second ending,
 * so the summary is written once even when two workers store the last parts at the same moment.
 */
import {
  listVariants,
  type SweepSpec,
  SweepSpecSchema,
  type SweepVariant,
  summariseSweep,
  type VariantResult,
} from '../core/index.ts';
import { FINISHED } from './storage/rows.ts';
import type { JobRecord, Storage } from './storage/storage.ts';

/** The stored request of a sweep job. */
export interface SweepJobRequest {
  spec: SweepSpec;
  variants: number;
}

export type RunVariant = (spec: SweepSpec, v: SweepVariant) => Promise<VariantResult>;

export const sweepRequestOf = (job: JobRecord): SweepJobRequest => {
  const r = job.request as { spec: unknown; variants: number };
  return { spec: SweepSpecSchema.parse(r.spec), variants: r.variants };
};

/**
 * The last sweep's spec and variants, by job id: a runner takes one variant at a time, and re-parsing the spec
 * and re-drawing a sampled sweep's list for each would make a sweep of n sampled variants cost O(n²) draws. A
 * job's request never changes, so the entry stays true.
 */
let last: { jobId: string; request: SweepJobRequest; variants: SweepVariant[] } | undefined;

function variantsOf(job: JobRecord): { request: SweepJobRequest; variants: SweepVariant[] } {
  if (last?.jobId !== job.id) {
    const request = sweepRequestOf(job);
    last = { jobId: job.id, request, variants: listVariants(request.spec) };
  }
  return last;
}

/** A sweep's progress is written at most this many times: each write locks the job's row, which every worker shares. */
const PROGRESS_STEPS = 200;

/**
 * Marks the sweep done with its summary once every part is stored, else records the share done (at whole steps of
 * 1/PROGRESS_STEPS of the variants, so that a big sweep's workers do not queue on its row for every variant).
 */
export async function settleSweep(storage: Storage, jobId: string, variants: number): Promise<JobRecord | undefined> {
  const n = await storage.countJobParts(jobId);
  const step = Math.ceil(variants / PROGRESS_STEPS);
  if (n < variants && n % step !== 0) return undefined;
  if (n < variants) return storage.updateJob(jobId, { status: 'running', progress: n / variants });
  const parts = await storage.listJobParts(jobId);
  const summary = summariseSweep(parts.map((p) => p.result as VariantResult));
  return storage.updateJob(jobId, { status: 'done', progress: 1, result: { variants, summary } });
}

/**
 * Runs one variant of a sweep job and stores it: 'skipped' when the job has ended (done, failed, cancelled) or the
 * index is past its variants, 'stored' or 'duplicate' (the part was stored by an earlier run) otherwise.
 */
export async function runSweepPart(
  storage: Storage,
  run: RunVariant,
  jobId: string,
  index: number,
): Promise<'skipped' | 'stored' | 'duplicate'> {
  const row = await storage.getJob(jobId);
  if (row === undefined || FINISHED.has(row.status)) return 'skipped';
  const { request, variants: list } = variantsOf(row);
  const v = list[index];
  if (v === undefined || index >= request.variants) return 'skipped';
  const spec = request.spec;
  if (row.status === 'queued') await storage.updateJob(jobId, { status: 'running' });
  const stored = await storage.addJobPart(jobId, index, await run(spec, v));
  await settleSweep(storage, jobId, request.variants);
  return stored ? 'stored' : 'duplicate';
}
