/**
 * Scenario answers: the dataset's library (GET /scenarios/library), a caller's stored scenarios (GET, POST, PUT
 * /scenarios), and one route compared under several scenarios (POST /scenarios/compare).
 */
import { z } from 'zod';
import { ScenarioSchema } from '../scenarios/scenario-schema.ts';
import { isoDate, named } from './registry.ts';
import { CorridorSchema, ItineraryTotalsSchema } from './route.ts';

/** A figure as the dataset writes it: a value with its sources, or marked as an estimate (core/network/figure.ts). */
const FigureSchema = z.looseObject({ value: z.number() });

export const ScenarioLibrarySchema = named(
  'ScenarioLibrary',
  z.object({
    baseline: z.object({ id: z.string(), name: z.string() }),
    scenarios: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        names: z.record(z.string(), z.string()).nullable(),
        description: z.string(),
        tags: z.array(z.string()),
        sources: z.array(z.string()),
        year: z.number().nullable(),
        changes: z.number(),
        investment: z
          .object({ cost: FigureSchema, currency: z.enum(['EUR', 'USD']), comparedWith: z.string() })
          .nullable(),
      }),
    ),
    demands: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        year: z.number(),
        sources: z.array(z.string()),
        flows: z.number(),
        default: z.boolean(),
      }),
    ),
    rejected: z.array(z.object({ id: z.string(), problem: z.string() })),
  }),
);

/**
 * A scenario document as stored: the core's own scenario schema (core/scenarios/scenario-schema.ts), the one
 * POST /scenarios validates with, so the answer documents every kind of change exactly as a request does.
 */
export const ScenarioDocumentSchema = named('ScenarioDocument', ScenarioSchema);

export const StoredScenarioSchema = named(
  'StoredScenario',
  z.object({ id: z.string(), createdAt: isoDate, updatedAt: isoDate, scenario: ScenarioDocumentSchema }),
  "one of the caller's scenarios: its server id and the document",
);

export const StoredScenarioListSchema = named(
  'StoredScenarioList',
  z.object({ scenarios: z.array(StoredScenarioSchema) }),
);

export const RouteSummarySchema = named(
  'RouteSummary',
  z.object({
    itineraries: z.number(),
    fastestH: z.number().nullable(),
    cheapestUsd: z.number().nullable(),
    noRoute: z.object({ cutBy: z.array(z.string()), message: z.string() }).optional(),
    options: z.array(
      z.object({
        key: z.string(),
        corridor: CorridorSchema,
        keyNodes: z.array(z.string()),
        totals: ItineraryTotalsSchema,
      }),
    ),
  }),
  "one route search's outcome in brief (baseline or under a scenario)",
);

export const RouteComparisonSchema = named(
  'RouteComparison',
  z.object({
    request: z.looseObject({ from: z.string(), to: z.string(), depart: isoDate }),
    baseline: RouteSummarySchema,
    scenarios: z.array(RouteSummarySchema.extend({ id: z.string(), name: z.string() })),
  }),
);
