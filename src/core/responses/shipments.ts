/**
 * Shipment answers (/shipments): a shipment frozen on the itinerary the user chose, its milestone events, its
 * last known position, and the arrival re-predicted from there (core/answers/shipment-eta.ts).
 */
import { z } from 'zod';
import { isoDate, named } from './registry.ts';
import { ArrivalDistributionSchema } from './reliability.ts';
import { ItinerarySchema } from './route.ts';

export const ShipmentEventSchema = named(
  'ShipmentEvent',
  z.object({
    id: z.string(),
    shipmentId: z.string(),
    seq: z.number(),
    type: z.enum(['departed', 'border_crossed', 'ferry_loaded', 'arrived']),
    node: z.string(),
    at: isoDate,
    note: z.string().optional(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    recordedAt: isoDate,
  }),
  'a milestone as recorded, with the warnings it raised (odd but kept)',
);

export const PositionSchema = named(
  'Position',
  z.object({
    node: z.string(),
    at: isoDate,
    /** The event id that placed the cargo there, or "plan". */
    basedOn: z.string(),
    delivered: z.boolean(),
  }),
);

export const ShipmentSchema = named(
  'Shipment',
  z.object({
    id: z.string(),
    name: z.string().nullable().optional(),
    createdAt: isoDate,
    deadline: isoDate,
    /** The route request the itinerary was chosen from, resolved to node ids. */
    request: z.looseObject({ from: z.union([z.string(), z.array(z.string())]) }),
    itinerary: ItinerarySchema,
    events: z.array(ShipmentEventSchema).optional(),
    position: PositionSchema.optional(),
  }),
);

export const ShipmentListSchema = named('ShipmentList', z.object({ shipments: z.array(ShipmentSchema) }));
export const ShipmentEventListSchema = named('ShipmentEventList', z.object({ events: z.array(ShipmentEventSchema) }));

export const ShipmentEtaSchema = named(
  'ShipmentEta',
  z.object({
    shipment: z.string(),
    deadline: isoDate,
    asOf: isoDate,
    position: PositionSchema,
    remainingSteps: z.number().optional(),
    eta: z.object({
      p5: isoDate,
      p10: isoDate.optional(),
      p50: isoDate,
      p90: isoDate.optional(),
      p95: isoDate,
      mean: isoDate.optional(),
    }),
    remainingH: ArrivalDistributionSchema.optional(),
    conditioning: z
      .object({
        elapsedH: z.number(),
        conditionedSamples: z.number(),
        fallbackSamples: z.number(),
        maxAttempts: z.number(),
      })
      .optional(),
    /** The journey's pace as the steps done tell it (core/shipments/pace.ts); null before any step is done. */
    pace: z
      .object({ factorP50: z.number(), effectiveSamples: z.number(), prior: z.object({ sigma: z.number() }) })
      .nullable()
      .optional(),
    onTimeProbability: z.number().optional(),
  }),
  'the arrival re-predicted from the last known position; a delivered shipment has its arrival as every quantile',
);
