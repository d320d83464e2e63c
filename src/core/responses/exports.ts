/**
 * Kazakhstan's exports (GET /exports, core/exports, docs/exports.md): flows of each commodity assigned under
 * tonnage capacities, by corridor, with landed cost and CO2e per tonne. Row records carry their sources; their
 * schemas name the fields a client reads and let the others through.
 */
import { z } from 'zod';
import { isoDate, named } from './registry.ts';
import { ScenarioEchoSchema } from './route.ts';

export const KazakhExportsSchema = named(
  'KazakhExports',
  z.object({
    scenario: ScenarioEchoSchema,
    commodity: z.string().nullable(),
    depart: isoDate,
    shares: z.array(z.looseObject({ commodity: z.string(), name: z.string() })),
    byCorridor: z.array(
      z.looseObject({
        commodity: z.string(),
        corridor: z.string(),
        tonnes: z.number(),
        costUsdPerTonne: z.number().nullable(),
        days: z.number().nullable(),
        co2eKgPerTonne: z.number().nullable(),
      }),
    ),
    unserved: z.array(z.looseObject({ flow: z.string(), commodity: z.string(), tonnes: z.number() })),
    flows: z.array(z.looseObject({ id: z.string(), commodity: z.string(), from: z.string() })),
    againstBaseline: z
      .array(
        z.looseObject({
          commodity: z.string(),
          servedTonnes: z.object({ baseline: z.number(), scenario: z.number() }),
          unservedTonnes: z.object({ baseline: z.number(), scenario: z.number() }),
          corridors: z.array(
            z.object({ corridor: z.string(), to: z.string(), baseline: z.number(), scenario: z.number() }),
          ),
          shiftedTonnes: z.number(),
          extraCostUsdPerYear: z.number(),
          costComplete: z.boolean(),
          extraCo2eTonnesPerYear: z.number().nullable(),
          costUsdPerTonne: z.object({ baseline: z.number().nullable(), scenario: z.number().nullable() }),
        }),
      )
      .nullable()
      .describe('under a scenario, per commodity: what it changes against the baseline; null for the baseline'),
    sites: z.array(z.looseObject({ id: z.string(), node: z.string() })),
    rules: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    sources: z.array(z.looseObject({ id: z.string() })),
    notes: z.array(z.string()),
  }),
);
