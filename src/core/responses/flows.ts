/**
 * The scenario flows answer (POST /scenarios/flows, core/answers/scenario-flows.ts): a demand set assigned at
 * equilibrium under two scenarios, with every KPI as a pair (base, other, other minus base).
 */
import { z } from 'zod';
import { named } from './registry.ts';

export const PairSchema = named(
  'Pair',
  z.object({ base: z.number().nullable(), other: z.number().nullable(), delta: z.number().nullable() }),
  'a value in the base run, the other run, and other minus base (null where a run has none)',
);

export const ElementLoadSchema = named(
  'ElementLoad',
  z.object({
    flowTeuPerYear: z.number(),
    capacityTeuPerYear: z.number(),
    measure: z.enum(['containers', 'all-cargo']),
    utilisation: z.number(),
    delayH: z.number(),
  }),
  'one capacity-limited element in one run; flow and capacity in TEU (equivalents) a year',
);

const run = z.object({ id: z.string(), name: z.string(), origin: z.enum(['baseline', 'library', 'stored']) });
const unit = z.enum(['TEU', 't']);

export const FlowsResultSchema = named(
  'FlowsResult',
  z.object({
    demand: z.object({ id: z.string(), name: z.string(), year: z.number() }),
    votFactor: z.number(),
    plannedUpTo: z.number().nullable(),
    base: run,
    other: run,
    totals: z.object({
      generalisedCostUsd: PairSchema,
      /** Demand times the expected perceived cost of each pair, USD a year (core/scenarios/kpis.ts). */
      userCostUsd: PairSchema,
      costUsd: PairSchema,
      co2eTonnes: PairSchema,
    }),
    commodities: z.array(
      z.object({
        commodity: z.string(),
        unit,
        served: PairSchema,
        unserved: PairSchema,
        unitDays: PairSchema,
        userCostUsd: PairSchema,
        costUsd: PairSchema,
        co2eTonnes: PairSchema,
      }),
    ),
    corridors: z.array(
      z.object({ commodity: z.string(), corridor: z.string(), volume: PairSchema, share: PairSchema }),
    ),
    ods: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        commodity: z.string(),
        unit,
        demand: z.number(),
        served: PairSchema,
        unserved: PairSchema,
        meanTimeH: PairSchema,
        p90TimeH: PairSchema,
        costUsdPerUnit: PairSchema,
        co2eKgPerUnit: PairSchema,
        mainCorridor: z.object({ base: z.string().nullable(), other: z.string().nullable() }),
      }),
    ),
    bottlenecks: z.array(
      z.object({
        kind: z.string(),
        id: z.string(),
        direction: z.string().optional(),
        utilisation: PairSchema,
        delayH: PairSchema,
      }),
    ),
    utilisation: z.object({
      links: z.array(
        z.object({
          id: z.string(),
          direction: z.string().optional(),
          base: ElementLoadSchema.nullable(),
          other: ElementLoadSchema.nullable(),
          change: z.number().nullable(),
        }),
      ),
      nodes: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          base: ElementLoadSchema.nullable(),
          other: ElementLoadSchema.nullable(),
          change: z.number().nullable(),
        }),
      ),
    }),
    solver: z.object({
      base: z.object({ iterations: z.number(), relativeGap: z.number() }),
      other: z.object({ iterations: z.number(), relativeGap: z.number() }),
    }),
    reliability: z.object({ samplesPerOd: z.number(), seed: z.number() }),
    timingsMs: z.object({ base: z.number(), other: z.number() }),
    cached: z.boolean(),
  }),
);
