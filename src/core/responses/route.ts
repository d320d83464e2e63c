/**
 * A route answer (GET and POST /routes, core/routing/plan.ts RouteResult): the Pareto itineraries with their
 * legs, stops, cost and time parts with provenance, and totals. The itinerary's timeline (the Monte Carlo's
 * input) is never sent, so it is not part of the schema.
 */
import { z } from 'zod';
import { isoDate, named } from './registry.ts';

const provenance = z.enum(['sourced', 'estimated', 'missing']);

export const CostPartSchema = named(
  'CostPart',
  z.object({
    kind: z.string(),
    usd: z.number().nullable(),
    provenance,
    sources: z.array(z.string()),
    year: z.number().optional(),
    currency: z.string(),
    basis: z.string(),
    units: z.object({ count: z.number(), unit: z.enum(['teu', 'tonne']) }),
  }),
  'one part of a cost (line haul, sea freight, border fee, handling) with what it rests on',
);

export const TimePartSchema = named(
  'TimePart',
  z.object({ kind: z.enum(['travel', 'wait', 'border', 'dwell']), hours: z.number(), provenance }),
);

export const LegSchema = named(
  'Leg',
  z.object({
    mode: z.string(),
    linkId: z.string(),
    from: z.string(),
    fromName: z.string(),
    to: z.string(),
    toName: z.string(),
    distanceKm: z.number(),
    depart: isoDate,
    arrive: isoDate,
    waitH: z.number(),
    travelH: z.number(),
    borderH: z.number(),
    costUsd: z.number().nullable(),
    costParts: z.array(CostPartSchema),
    timeParts: z.array(TimePartSchema),
    units: z.object({ count: z.number(), unit: z.string() }),
    co2eKg: z.number().nullable(),
    countries: z.array(z.string()),
    status: z.string(),
    service: z.object({ id: z.string(), name: z.string(), operator: z.string().optional() }).optional(),
  }),
);

export const StopSchema = named(
  'Stop',
  z.object({
    kind: z.enum(['transfer', 'gauge_change']),
    node: z.string(),
    name: z.string(),
    arrive: isoDate,
    durationH: z.number(),
    costUsd: z.number(),
    costParts: z.array(CostPartSchema),
    timeParts: z.array(TimePartSchema),
    co2eKg: z.number().nullable(),
  }),
);

export const CorridorSchema = z.enum(['Middle', 'Northern', 'Southern', 'Sea', 'Trans-Afghan', 'Mixed', 'Regional']);

export const ItineraryTotalsSchema = named(
  'ItineraryTotals',
  z.object({
    depart: isoDate,
    arrive: isoDate,
    durationH: z.number(),
    distanceKm: z.number(),
    costUsd: z.number(),
    costComplete: z.boolean(),
    priceYear: z.number(),
    costSourcedShare: z.number().nullable(),
    timeSourcedShare: z.number().nullable(),
    co2eKg: z.number().nullable(),
    waitH: z.number(),
    borderH: z.number(),
    transfers: z.number(),
    riskProbability: z.number().describe('probability that a link on the way is cut: each risk event counted once'),
    riskEvents: z.array(z.string()).describe('the risk events on the way (a link risk.event of the dataset)'),
  }),
);

export const ItinerarySchema = named(
  'Itinerary',
  z.object({
    key: z.string(),
    corridor: CorridorSchema,
    keyNodes: z.array(z.string()),
    legs: z.array(LegSchema),
    stops: z.array(StopSchema),
    countries: z.array(z.string()),
    totals: ItineraryTotalsSchema,
  }),
  'one Pareto-optimal itinerary; `key` names it in a booking or an iLEAP export',
);

const RouteNodeSchema = z.object({ id: z.string(), name: z.string() });
export const RouteEndSchema = named(
  'RouteEnd',
  z.union([RouteNodeSchema, z.object({ name: z.string(), candidates: z.array(RouteNodeSchema) })]),
  'the node asked for, or a city with several terminals (each itinerary says which it uses)',
);

export const RouteNoteSchema = named(
  'RouteNote',
  z.object({ code: z.literal('past_departure'), field: z.string(), value: z.string(), message: z.string() }),
);

export const NoRouteSchema = named('NoRoute', z.object({ cutBy: z.array(z.string()), message: z.string() }));

export const ScenarioEchoSchema = named(
  'ScenarioEcho',
  z.object({ id: z.string(), name: z.string(), year: z.number().nullable() }),
);

export const CargoEchoSchema = named(
  'Cargo',
  z.union([
    z.object({
      kind: z.literal('containers'),
      teu: z.number(),
      tonnesPerTeu: z.number().optional(),
      commodity: z.string().optional(),
    }),
    z.object({ kind: z.enum(['bulk', 'liquid', 'general']), tonnes: z.number(), commodity: z.string().optional() }),
  ]),
);

export const RouteResultSchema = named(
  'RouteResult',
  z.object({
    from: RouteEndSchema,
    to: RouteEndSchema,
    depart: isoDate,
    cargo: CargoEchoSchema,
    itineraries: z.array(ItinerarySchema),
    noRoute: NoRouteSchema.optional(),
    notes: z.array(RouteNoteSchema).optional(),
    stats: z.object({ labelsCreated: z.number(), labelsPopped: z.number() }),
    scenario: ScenarioEchoSchema.optional(),
    tolerance: z
      .object({ relative: z.number(), riskAbsolute: z.number(), note: z.string() })
      .optional()
      .describe('with risk as a criterion: the epsilon-front tolerance the itineraries were kept within'),
  }),
  'the Pareto-optimal itineraries (time, cost, CO2e); with no route, `noRoute` says which constraint cuts them',
);
