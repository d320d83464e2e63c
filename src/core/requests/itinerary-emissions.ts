/**
 * One itinerary's emissions as an ISO 14083 / iLEAP footprint: the route search that offered it (the same fields
 * as a route request, scenario included) and the key of the itinerary in its answer. The server searches again
 * and exports the itinerary with that key, so the file is never of an itinerary the user did not choose.
 */
import { z } from 'zod';
import { ITINERARY_KEY_PATTERN } from '../routing/itinerary-key.ts';
import { RouteFields, RouteScenarioField } from './route.ts';

export const ItineraryEmissionsRequestSchema = z.strictObject({
  ...RouteFields,
  ...RouteScenarioField,
  itineraryKey: z
    .string()
    .regex(ITINERARY_KEY_PATTERN, 'an itinerary key is two groups of 12 hex digits, e.g. 0123456789ab.cdef01234567')
    .describe('key of the itinerary in a route answer of the same request'),
});
export type ItineraryEmissionsRequest = z.output<typeof ItineraryEmissionsRequestSchema>;
export type ItineraryEmissionsRequestInput = z.input<typeof ItineraryEmissionsRequestSchema>;
