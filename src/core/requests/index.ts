/**
 * Every request Keruen answers, defined once with its bounds: the API validates bodies and query strings with
 * these schemas, the CLI reads its flags with them, worker threads receive their output, the web client takes
 * its types from them, and stored records are checked by them on write and on load.
 */
export * from '../bounds.ts';
export * from './appraisal.ts';
export * from './dates.ts';
export * from './departure-notes.ts';
export * from './exports.ts';
export * from './itinerary-emissions.ts';
export * from './parse.ts';
export * from './places.ts';
export * from './reliability.ts';
export * from './route.ts';
export * from './scenarios.ts';
export * from './shipments.ts';
export * from './simulation.ts';
export * from './sweep.ts';

import type { z } from 'zod';
import type { ReliabilityRequestSchema } from './reliability.ts';
import type { CompareRequestSchema, FlowsRequestSchema } from './scenarios.ts';
import type { MilestoneRequestSchema, ShipmentRequestSchema } from './shipments.ts';

/** What a client sends (defaults not yet applied): the web page's request types are these. */
export type ReliabilityRequestInput = z.input<typeof ReliabilityRequestSchema>;
export type CompareRequestInput = z.input<typeof CompareRequestSchema>;
export type FlowsRequestInput = z.input<typeof FlowsRequestSchema>;
export type ShipmentRequestInput = z.input<typeof ShipmentRequestSchema>;
export type MilestoneRequestInput = z.input<typeof MilestoneRequestSchema>;
