/**
 * A sweep: many scenario runs that differ by scenario, demand growth and Monte Carlo seed, as a grid or a seeded
 * sample of it (issue 20, item 3). The CLI reads it from a YAML file, the API from a JSON body; the bounds keep a
 * sweep within what a few workers finish in an afternoon.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BOUNDS, bounded } from '../bounds.ts';
import { KeruenError } from '../errors.ts';
import { parseRequest } from './parse.ts';
import { ScenarioIdSchema } from './route.ts';

const MAX_LIST = 1000;

export const SweepSpecSchema = z
  .strictObject({
    name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    demand: ScenarioIdSchema.optional().describe('id of a demand set of the library (default: the default)'),
    scenarios: z
      .array(ScenarioIdSchema)
      .min(1, 'must list at least one scenario')
      .max(50, 'must list at most 50 scenarios')
      .describe('"baseline" or ids of library scenarios; each variant runs one of them'),
    growth: z
      .array(bounded('demandGrowth'))
      .min(1, 'must list at least one factor')
      .max(50, 'must list at most 50 factors')
      .default([1])
      .describe('demand growth factors: every volume of the demand set times the factor (1 = as loaded)'),
    seeds: z
      .array(bounded('seed'))
      .min(1, 'must list at least one seed')
      .max(MAX_LIST, `must list at most ${MAX_LIST} seeds`)
      .default([1])
      .describe('Monte Carlo seeds of the transit-time quantiles'),
    samplesPerOd: bounded('sweepSamplesPerOd').default(200).describe('Monte Carlo samples per OD pair (0: none)'),
    sample: z
      .strictObject({ count: bounded('sweepVariants'), seed: bounded('seed').default(1) })
      .optional()
      .describe('run a seeded random sample of the grid instead of all of it'),
  })
  .superRefine((s, ctx) => {
    const grid = s.scenarios.length * s.growth.length * s.seeds.length;
    const max = BOUNDS.sweepVariants.max;
    if (grid > max && s.sample === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['seeds'],
        message: `the grid has ${grid} variants (scenarios × growth × seeds); at most ${max}, or give sample.count`,
      });
    if (s.sample !== undefined && s.sample.count > grid)
      ctx.addIssue({
        code: 'custom',
        path: ['sample', 'count'],
        message: `must be at most the grid's ${grid} variants`,
      });
    for (const [key, list] of [
      ['scenarios', s.scenarios],
      ['growth', s.growth],
      ['seeds', s.seeds],
    ] as const) {
      const dup = list.find((v, i) => list.indexOf(v as never) !== i);
      if (dup !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `lists ${dup} twice` });
    }
  });
export type SweepSpec = z.output<typeof SweepSpecSchema>;
export type SweepSpecInput = z.input<typeof SweepSpecSchema>;

/** A sweep spec from YAML (or JSON) text, checked; a file that is no YAML is refused naming `spec`. */
export function parseSweepSpecText(path: string, text: string): SweepSpec {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `spec: ${path} is not YAML: ${(e as Error).message}`, [], {
      field: 'spec',
      value: path,
    });
  }
  return parseRequest(SweepSpecSchema, doc, { what: `sweep spec ${path}` });
}
