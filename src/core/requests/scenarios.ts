/** Scenario questions: flows of a demand set under two scenarios, and one route under several scenarios. */
import { z } from 'zod';
import { bounded } from '../bounds.ts';
import { RouteFields, ScenarioIdSchema as ScenarioRef } from './route.ts';

export const FlowsRequestSchema = z.strictObject({
  base: ScenarioRef.describe(
    '"baseline", the id of a library scenario (GET /scenarios/library), or, with a token, of yours',
  ),
  other: ScenarioRef.describe('the scenario compared with base; same kinds of id'),
  demand: ScenarioRef.optional().describe('id of a demand set of the library (default: the default)'),
  votFactor: bounded('votFactor')
    .default(1)
    .describe("multiplies every commodity's value of time (shippers' sensitivity to time)"),
});
export type FlowsRequest = z.output<typeof FlowsRequestSchema>;

export const CompareRequestSchema = z.strictObject({
  ...RouteFields,
  scenarios: z
    .array(ScenarioRef)
    .min(1)
    .max(10, 'must list at most 10 scenarios')
    .describe('ids of your stored scenarios'),
});
export type CompareRequest = z.output<typeof CompareRequestSchema>;
