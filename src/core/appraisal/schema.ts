/**
 * The appraisal's data files (data/appraisal/): parameters.yaml (discount rate, reference period, carbon price
 * path, risk draws), growth.yaml (demand growth by commodity to 2030 and 2040, low/base/high) and projects.yaml
 * (the candidates with capex, phasing, service life, scenario, dependencies). Every number is a sourced figure or
 * an estimate with its reasoning (network/figure.ts), like the rest of the dataset.
 */
import { z } from 'zod';
import { type Issue, KeruenError } from '../errors.ts';
import { FigureSchema, provenanceShape, SourceRefSchema } from '../network/figure.ts';
import { ChangeSchema } from '../scenarios/scenario-schema.ts';
import { parseYamlText, valueAt } from '../yaml-records.ts';

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const Year = z.number().int().min(2000).max(2100);
const Rate = z
  .object({ value: z.number().min(-0.5).max(1), ...provenanceShape })
  .strict()
  .refine((v) => v.source !== undefined || v.estimate !== undefined, 'a rate needs a source or an estimate');

export const ParametersSchema = z.strictObject({
  priceYear: Year,
  firstYear: Year,
  socialDiscountRate: Rate,
  discountRateSensitivities: z.array(Rate).default([]),
  referencePeriodYears: FigureSchema.refine((f) => f.value >= 5 && f.value <= 60, 'within [5, 60] years'),
  usdPerEur: FigureSchema.refine((f) => f.value > 0, 'must be > 0'),
  kztPerUsd: FigureSchema.refine((f) => f.value > 0, 'must be > 0'),
  carbonPriceEurPerTonne: z.array(FigureSchema.and(z.object({ year: Year }))).min(2),
  reliabilityRatio: FigureSchema,
  conversionFactor: FigureSchema,
  opexShareOfCapexPerYear: FigureSchema.refine((f) => f.value <= 0.2, 'at most 0.2 of capex a year'),
  /** Parameters the method calls for that could not be sourced: named with the reason, valued nowhere. */
  missing: z.array(z.strictObject({ parameter: z.string().min(3), reason: z.string().min(10) })).default([]),
  risk: z.strictObject({
    capexFactor: z.strictObject({
      min: z.number().positive(),
      mode: z.number().positive(),
      max: z.number().positive(),
      estimate: z.string().min(10),
    }),
    demandFactor: z.strictObject({ sd: z.number().min(0).max(2), estimate: z.string().min(10) }),
    carbonFactor: z.strictObject({ min: z.number().min(0), max: z.number().positive(), estimate: z.string().min(10) }),
  }),
});
export type AppraisalParameters = z.output<typeof ParametersSchema>;

export const GROWTH_PATHS = ['low', 'base', 'high'] as const;
export type GrowthPath = (typeof GROWTH_PATHS)[number];

const PathRates = z.strictObject({ r2030: Rate, r2040: Rate });

export const GrowthSchema = z.strictObject({
  baseYear: Year,
  demandSet: IdSchema,
  modelYears: z.array(Year).min(1),
  markets: z.array(
    z.strictObject({ id: IdSchema, name: z.string().min(3), volumeTeu: FigureSchema, note: z.string().optional() }),
  ),
  commodities: z
    .array(
      z.strictObject({
        commodity: z.union([z.literal('*'), z.string().regex(/^[a-z0-9][a-z0-9_-]*$/)]),
        driver: IdSchema.optional(),
        low: PathRates,
        base: PathRates,
        high: PathRates,
      }),
    )
    .min(1),
  /**
   * Cells of the catchment's origin–destination matrix that the base demand set lacks (e.g. Kazakhstan–Uzbekistan
   * rail freight), added to it for the appraisal, each sourced or derived with its reasoning; `fromYear` for a
   * flow that is announced, not observed.
   */
  addedFlows: z
    .array(
      z.strictObject({
        from: IdSchema,
        to: IdSchema,
        commodity: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
        volumePerYear: FigureSchema.refine((f) => f.value >= 0 && f.value <= 1e9, 'within [0, 1e9] units a year'),
        fromYear: Year.optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  announcedFlows: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        to: z.string().min(1),
        commodity: z.string().min(1),
        fromYear: Year,
        note: z.string().optional(),
      }),
    )
    .default([]),
});
export type GrowthModel = z.output<typeof GrowthSchema>;

export const CURRENCIES = ['EUR', 'USD', 'KZT'] as const;

export const ProjectSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(3),
    kind: z.enum(['rail-line', 'port', 'ferry', 'border', 'road', 'digital', 'logistics-centre']),
    country: z.string().length(2),
    scenario: IdSchema.optional(),
    /**
     * The project's network change written in place (the changes of a scenario, data/scenarios/), for candidates
     * that have no scenario file of their own. A project has a scenario or changes, not both.
     */
    changes: z.array(ChangeSchema).min(1).max(100).optional(),
    capex: z
      .object({
        value: z.number().positive(),
        currency: z.enum(CURRENCIES),
        priceYear: Year,
        ...provenanceShape,
      })
      .strict()
      .optional(),
    /** Share of capex spent in each construction year, summing to 1. */
    phasing: z.array(z.number().min(0).max(1)).min(1).max(10).optional(),
    opexEurPerYear: FigureSchema.optional(),
    serviceLifeYears: FigureSchema.optional(),
    sourceOpeningYear: FigureSchema.optional(),
    dependsOn: z.array(IdSchema).default([]),
    dependencyNote: z.string().optional(),
    excludes: z.array(IdSchema).default([]),
    /** Why the candidate cannot be appraised (no cost, no network change); it is then listed, not chosen. */
    missing: z.string().min(10).optional(),
    sources: SourceRefSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.phasing !== undefined && Math.abs(p.phasing.reduce((s, x) => s + x, 0) - 1) > 1e-6)
      ctx.addIssue({ code: 'custom', path: ['phasing'], message: 'phasing shares must sum to 1' });
    if (p.scenario !== undefined && p.changes !== undefined)
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'a project has a scenario or changes, not both' });
    const change = p.scenario ?? p.changes;
    if (p.missing === undefined && (p.capex === undefined || change === undefined || p.phasing === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['missing'],
        message: 'a project without capex, scenario (or changes) or phasing must say why in `missing`',
      });
  });
export type Project = z.output<typeof ProjectSchema>;

export interface AppraisalData {
  parameters: AppraisalParameters;
  growth: GrowthModel;
  projects: Project[];
}

function zodIssues(file: string, rec: unknown, e: z.ZodError): Issue[] {
  return e.issues.map((zi) => ({
    code: zi.code === 'custom' ? 'invalid_value' : zi.code,
    file,
    field: zi.path.map(String).join('.'),
    value: valueAt(rec, zi.path),
    message: zi.message,
  }));
}

function parseWith<T extends z.ZodType>(schema: T, file: string, text: string): z.output<T> {
  const issues: Issue[] = [];
  const yaml = parseYamlText(file, text, issues);
  if (!yaml.ok) throw new KeruenError('KERUEN_INVALID_DATASET', `${file} is not valid YAML`, issues);
  const r = schema.safeParse(yaml.data);
  if (!r.success)
    throw new KeruenError('KERUEN_INVALID_DATASET', `${file} has problems`, zodIssues(file, yaml.data, r.error));
  return r.data;
}

/** Parses the three appraisal files (texts read by the caller) and checks the projects' cross-references. */
export function parseAppraisalData(texts: { parameters: string; growth: string; projects: string }): AppraisalData {
  const parameters = parseWith(ParametersSchema, 'appraisal/parameters.yaml', texts.parameters);
  const growth = parseWith(GrowthSchema, 'appraisal/growth.yaml', texts.growth);
  const projects = parseWith(z.array(ProjectSchema), 'appraisal/projects.yaml', texts.projects);
  const ids = new Set(projects.map((p) => p.id));
  const issues: Issue[] = [];
  projects.forEach((p, i) => {
    for (const [field, list] of [
      ['dependsOn', p.dependsOn],
      ['excludes', p.excludes],
    ] as const)
      for (const d of list)
        if (!ids.has(d) || d === p.id)
          issues.push({
            code: 'unknown_id',
            file: 'appraisal/projects.yaml',
            id: p.id,
            field: `[${i}].${field}`,
            value: d,
            message: 'not another project of this file',
          });
  });
  if (ids.size !== projects.length)
    issues.push({
      code: 'duplicate_id',
      file: 'appraisal/projects.yaml',
      field: 'id',
      value: null,
      message: 'duplicate project id',
    });
  if (issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_DATASET', 'appraisal/projects.yaml has problems', issues);
  return { parameters, growth, projects };
}
