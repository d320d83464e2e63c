/**
 * The appraisal question (`keruen appraise`, POST /appraisal, the Investments view): the budget, the growth path,
 * the modelled years, the Monte Carlo draws and the context scenario, with their bounds. Defined once; the CLI reads its flags with
 * `AppraisalFlagsSchema` (text in, same bounds), the API its body with `AppraisalRequestSchema`.
 */
import { z } from 'zod';
import { GROWTH_PATHS } from '../appraisal/schema.ts';

/** Bounds of the appraisal request (value, unit, why), quoted in the error messages. */
export const APPRAISAL_BOUNDS = {
  budgetEur: { min: 1e6, max: 1e12, why: 'EUR 1 m to EUR 1 trillion (the EU pledge is EUR 10 bn)' },
  annualCapEur: { min: 1e6, max: 1e12, why: 'EUR 1 m to EUR 1 trillion a year' },
  year: { min: 2024, max: 2060, why: 'the growth paths run from 2024 and are flat after 2040' },
  samples: { min: 0, max: 10000, why: 'Monte Carlo draws per project; 0 skips the risk analysis' },
  seed: { min: 0, max: 2 ** 32 - 1, why: 'a 32-bit seed' },
  maxDelayYears: { min: 0, max: 10, why: 'latest delay of a start the portfolio may choose' },
} as const;

const within = (name: keyof typeof APPRAISAL_BOUNDS, integer = false) => {
  const b = APPRAISAL_BOUNDS[name];
  const msg = `must be within [${b.min}, ${b.max}] (${b.why})`;
  let s = z.number({ error: `must be a number ${msg.slice(5)}` }).finite(msg);
  if (integer) s = s.int(msg);
  return s.gte(b.min, msg).lte(b.max, msg);
};

export const AppraisalRequestSchema = z.strictObject({
  budgetEur: within('budgetEur').default(10e9).describe('capex budget of the portfolio, EUR (default the EU pledge)'),
  annualCapEur: within('annualCapEur').optional().describe('capex allowed in any one year, EUR (default none)'),
  growth: z.enum(GROWTH_PATHS).default('base').describe('demand growth path to 2030 and 2040'),
  years: z
    .array(within('year', true))
    .min(1, 'must list at least one year')
    .max(6, 'must list at most 6 years (each costs one assignment per project)')
    .default([2024, 2030, 2040])
    .describe('years at which the flows assignment is run; benefits are interpolated between them'),
  samples: within('samples', true).default(1000).describe('Monte Carlo draws per project'),
  seed: within('seed', true).default(1),
  maxDelayYears: within('maxDelayYears', true)
    .optional()
    .describe('latest delay of a project start the optimiser may choose (default 0, or 5 with an annual cap)'),
  context: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a scenario id (lower-case letters, digits and dashes)')
    .optional()
    .describe(
      'a scenario of the library applied to every run, with and without each project (e.g. russia-closed: ' +
        'what each project is worth to a shipper who will not route through Russia)',
    ),
});
export type AppraisalRequest = z.output<typeof AppraisalRequestSchema>;
export type AppraisalRequestInput = z.input<typeof AppraisalRequestSchema>;

const decimal = z
  .string()
  .max(40)
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'must be a decimal number')
  .transform(Number);

/** The CLI's flags as text, turned into the request above (the same bounds apply). */
export const AppraisalFlagsSchema = z
  .strictObject({
    budgetEur: decimal.optional(),
    annualCapEur: decimal.optional(),
    growth: z.string().optional(),
    years: z
      .string()
      .max(60)
      .regex(/^\d{4}(,\d{4})*$/, 'must be years separated by commas, e.g. 2024,2030,2040')
      .transform((s) => s.split(',').map(Number))
      .optional(),
    samples: decimal.optional(),
    seed: decimal.optional(),
    maxDelayYears: decimal.optional(),
    context: z.string().max(80).optional(),
  })
  .transform((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)))
  .pipe(AppraisalRequestSchema);
