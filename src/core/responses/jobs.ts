/**
 * Job answers: a background job as stored (GET /jobs/{id}, sweeps, simulations) and an appraisal job
 * (POST /appraisal). A job's `result` is the answer of its kind once done (for a reliability job a
 * ReliabilityResult, for a flows job a FlowsResult), so it is documented as an object and read per kind.
 */
import { z } from 'zod';
import { isoDate, named } from './registry.ts';

const status = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

const jobFields = {
  id: z.string(),
  owner: z.string(),
  kind: z.string(),
  status,
  progress: z.number().describe('share done, 0..1'),
  request: z.looseObject({}),
  error: z.string().optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
  finishedAt: isoDate.optional(),
};

export const JobSchema = named(
  'Job',
  z.object({ ...jobFields, result: z.looseObject({}).optional() }),
  'a background job; `result` is the answer of its kind once `status` is done',
);

export const KpiSpreadSchema = named(
  'KpiSpread',
  z.object({
    n: z.number(),
    mean: z.number(),
    min: z.number(),
    p10: z.number(),
    p50: z.number(),
    p90: z.number(),
    max: z.number(),
  }),
);

export const SweepSummarySchema = named(
  'SweepSummary',
  z.object({
    variants: z.number(),
    groups: z.array(
      z.object({
        scenario: z.string(),
        growth: z.number(),
        variants: z.number(),
        kpis: z.record(z.string(), KpiSpreadSchema),
      }),
    ),
  }),
);

export const SweepJobSchema = named(
  'SweepJob',
  z.object({ ...jobFields, result: z.object({ variants: z.number(), summary: SweepSummarySchema }).optional() }),
);

export const AppraisalJobSchema = named(
  'AppraisalJob',
  z.object({
    id: z.string(),
    status,
    progress: z.number(),
    request: z.looseObject({}),
    result: z.looseObject({}).optional(),
    error: z.string().optional(),
  }),
  'an appraisal run (docs/appraisal.md); `result` holds the projects, the portfolio and the checks once done',
);
