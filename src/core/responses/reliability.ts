/**
 * The reliability answer (POST /reliability, core/answers/reliability.ts): per itinerary of the route search, the
 * Monte Carlo distribution of the transit time, its calendar dates and, with a deadline, the on-time probability.
 */
import { z } from 'zod';
import { isoDate, named } from './registry.ts';
import { CorridorSchema, NoRouteSchema, RouteEndSchema, RouteNoteSchema, ScenarioEchoSchema } from './route.ts';

export const ArrivalDistributionSchema = named(
  'ArrivalDistribution',
  z.object({
    seed: z.number(),
    samples: z.number(),
    p5: z.number(),
    p10: z.number(),
    p50: z.number(),
    p90: z.number(),
    p95: z.number(),
    mean: z.number(),
    onTimeProbability: z.number().optional(),
    histogram: z.object({ binStartH: z.array(z.number()), counts: z.array(z.number()) }),
  }),
  'hours from the departure (or from the last known position): quantiles, mean, histogram; echoes the seed',
);

export const ReliabilityResultSchema = named(
  'ReliabilityResult',
  z.object({
    scenario: ScenarioEchoSchema.optional(),
    from: RouteEndSchema,
    to: RouteEndSchema,
    depart: isoDate,
    noRoute: NoRouteSchema.optional(),
    notes: z.array(RouteNoteSchema).optional(),
    deadline: isoDate.optional(),
    itineraries: z.array(
      z.object({
        key: z.string(),
        corridor: CorridorSchema,
        keyNodes: z.array(z.string()),
        plannedArrive: isoDate,
        plannedDurationH: z.number(),
        transitH: ArrivalDistributionSchema,
        arrive: z.object({ p5: isoDate, p50: isoDate, p95: isoDate }),
        onTimeProbability: z.number().optional(),
      }),
    ),
  }),
);
