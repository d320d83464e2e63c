/** Booking a shipment on an itinerary, recording its milestones, and re-predicting its arrival. */
import { z } from 'zod';
import { bounded, boundedText } from '../bounds.ts';
import { ITINERARY_KEY_PATTERN } from '../routing/itinerary-key.ts';
import { MILESTONE_TYPES } from '../shipments/milestone.ts';
import { IsoDateSchema } from './dates.ts';
import { NodeRefSchema } from './places.ts';
import { RouteFields } from './route.ts';

export const ShipmentRequestSchema = z.strictObject({
  name: z.string().min(1).max(200, 'must be at most 200 characters').optional(),
  ...RouteFields,
  depart: IsoDateSchema,
  deadline: IsoDateSchema,
  itinerary: bounded('itinerary').default(0).describe('index of the chosen itinerary in the route search'),
  itineraryKey: z
    .string()
    .regex(ITINERARY_KEY_PATTERN, 'an itinerary key is two groups of 12 hex digits, e.g. 0123456789ab.cdef01234567')
    .optional()
    .describe('key of the chosen itinerary in a route answer; when given, it wins over `itinerary`'),
});
export type ShipmentRequest = z.output<typeof ShipmentRequestSchema>;

export const MilestoneRequestSchema = z.strictObject({
  type: z.enum(MILESTONE_TYPES),
  node: NodeRefSchema,
  at: IsoDateSchema,
  note: z.string().max(1000, 'must be at most 1000 characters').optional(),
});
export type MilestoneRequest = z.output<typeof MilestoneRequestSchema>;

/** GET /shipments/:id/eta as a query string. */
export const EtaQuerySchema = z.strictObject({
  samples: boundedText('samples').default(10_000),
  seed: boundedText('seed').default(1),
});
