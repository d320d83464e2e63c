/**
 * Sourced figures: every number in the dataset carries the id of a source, or is marked as an estimate with
 * its reasoning ("sourced or silent", docs/data.md). Durations are stored in hours once loaded.
 */
import { z } from 'zod';
import { BOUNDS, type BoundName, bounded, describeBound } from '../bounds.ts';

/** A source id such as `S24`, or several. */
export const SourceRefSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** Where a figure comes from. Exactly one of `source` or `estimate` is the rule; both are allowed when an
 * estimate is derived from named sources (the reasoning then cites them). */
export const provenanceShape = {
  source: SourceRefSchema.optional(),
  /** Reasoning behind an estimate; required when no source prints the figure. */
  estimate: z.string().min(10, 'an estimate must state its reasoning').optional(),
  /** Year the figure refers to. */
  year: z.number().int().min(1850).max(2100).optional(),
  note: z.string().optional(),
};

const finiteNonNegative = z.number().finite('must be a finite number').nonnegative('must not be negative');

export function requireProvenance(v: { source?: unknown; estimate?: unknown }, ctx: z.RefinementCtx): void {
  if (v.source === undefined && v.estimate === undefined) {
    ctx.addIssue({ code: 'custom', message: 'figure has neither a source nor an estimate', path: ['source'] });
  }
}

/** A plain sourced number. */
export const FigureSchema = z
  .object({ value: finiteNonNegative, ...provenanceShape })
  .strict()
  .superRefine(requireProvenance);
export type Figure = z.infer<typeof FigureSchema>;

/** A sourced number within a named bound (bounds.ts): capacities, frequencies, costs, probabilities. */
export function figureWithin(name: BoundName) {
  return z
    .object({ value: bounded(name), ...provenanceShape })
    .strict()
    .superRefine(requireProvenance);
}

/** Accepted time units, converted to hours at load. */
export const TIME_UNIT_HOURS = { min: 1 / 60, h: 1, d: 24 } as const;
export type TimeUnit = keyof typeof TIME_UNIT_HOURS;
const TimeUnitSchema = z.enum(['min', 'h', 'd'], {
  error: (i) => `unknown time unit ${JSON.stringify(i.input)}; use min, h or d`,
});

const durationBase = { unit: TimeUnitSchema.default('h'), ...provenanceShape };

/** Keeps a duration within a year and a sample or spread that the samplers can hold (bounds.ts). */
function checkDurationBounds(d: DurationFields, ctx: z.RefinementCtx): void {
  const k = TIME_UNIT_HOURS[d.unit];
  const values: Array<[string, number]> =
    d.dist === 'fixed'
      ? [['value', d.value]]
      : d.dist === 'uniform'
        ? [
            ['min', d.min],
            ['max', d.max],
          ]
        : d.dist === 'triangular'
          ? [['max', d.max]]
          : d.dist === 'lognormal'
            ? [['p90', d.p90]]
            : [];
  const maxH = BOUNDS.durationH.max;
  for (const [field, v] of values)
    if (v * k > maxH)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        input: v,
        message: `must be at most ${maxH} h (a year) in ${d.unit}`,
      });
  if (d.dist === 'empirical') {
    if (d.sample.length > BOUNDS.durationSample.max)
      ctx.addIssue({
        code: 'custom',
        path: ['sample'],
        input: d.sample.length,
        message: `must hold ${describeBound(BOUNDS.durationSample)}`,
      });
    if (d.sample.some((v) => v * k > maxH))
      ctx.addIssue({
        code: 'custom',
        path: ['sample'],
        message: `every observation must be at most ${maxH} h (a year)`,
      });
  }
  if (d.dist === 'lognormal' && d.p50 > 0 && d.p90 / d.p50 > BOUNDS.lognormalSpread.max)
    ctx.addIssue({
      code: 'custom',
      path: ['p90'],
      input: d.p90,
      message: `P90/P50 must be ${describeBound(BOUNDS.lognormalSpread)}`,
    });
}

type DurationFields = { unit: TimeUnit } & (
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'lognormal'; p50: number; p90: number }
  | { dist: 'empirical'; sample: number[] }
);

/** A duration given as a distribution, with its unit and provenance. */
export const DurationSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('fixed'), value: finiteNonNegative, ...durationBase }),
    z.strictObject({ dist: z.literal('uniform'), min: finiteNonNegative, max: finiteNonNegative, ...durationBase }),
    z.strictObject({
      dist: z.literal('triangular'),
      min: finiteNonNegative,
      mode: finiteNonNegative,
      max: finiteNonNegative,
      ...durationBase,
    }),
    /** Log-normal given by its median and 90th percentile (the way corridor reports quote times). */
    z.strictObject({ dist: z.literal('lognormal'), p50: finiteNonNegative, p90: finiteNonNegative, ...durationBase }),
    /** An observed sample, drawn uniformly. */
    z.strictObject({ dist: z.literal('empirical'), sample: z.array(finiteNonNegative).min(1), ...durationBase }),
  ])
  .superRefine((d, ctx) => {
    requireProvenance(d, ctx);
    checkDurationBounds(d, ctx);
    if (d.dist === 'uniform' && d.min > d.max) {
      ctx.addIssue({ code: 'custom', message: `min ${d.min} > max ${d.max}`, path: ['min'] });
    }
    if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `needs min <= mode <= max, got ${d.min}, ${d.mode}, ${d.max}`,
        path: ['mode'],
      });
    }
    if (d.dist === 'lognormal' && !(d.p50 > 0 && d.p90 >= d.p50)) {
      ctx.addIssue({ code: 'custom', message: `needs 0 < p50 <= p90, got p50 ${d.p50}, p90 ${d.p90}`, path: ['p90'] });
    }
  });
export type DurationInput = z.infer<typeof DurationSchema>;

export type DistributionSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'lognormal'; p50: number; p90: number }
  | { dist: 'empirical'; sample: number[] };

export type Provenance = {
  source?: SourceRef | undefined;
  estimate?: string | undefined;
  year?: number | undefined;
  note?: string | undefined;
};
/** A duration after loading: always in hours. */
export type Duration = DistributionSpec & Provenance;

/** Converts a parsed duration to hours. */
export function toHours(d: DurationInput): Duration {
  const k = TIME_UNIT_HOURS[d.unit];
  const { unit: _unit, ...rest } = d;
  switch (rest.dist) {
    case 'fixed':
      return { ...rest, value: rest.value * k };
    case 'uniform':
      return { ...rest, min: rest.min * k, max: rest.max * k };
    case 'triangular':
      return { ...rest, min: rest.min * k, mode: rest.mode * k, max: rest.max * k };
    case 'lognormal':
      return { ...rest, p50: rest.p50 * k, p90: rest.p90 * k };
    case 'empirical':
      return { ...rest, sample: rest.sample.map((x) => x * k) };
  }
}

/** z-score of the 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004;

/** Expected value of a distribution (the routing search runs on expected values). */
export function meanOf(d: DistributionSpec): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'lognormal': {
      const sigma = Math.log(d.p90 / d.p50) / Z90;
      return d.p50 * Math.exp((sigma * sigma) / 2);
    }
    case 'empirical':
      return d.sample.reduce((a, b) => a + b, 0) / d.sample.length;
  }
}
