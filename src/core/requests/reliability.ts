/** Arrival-time distribution of each itinerary of a route search, with the chance of meeting a deadline. */
import { z } from 'zod';
import { bounded, boundedText } from '../bounds.ts';
import { IsoDateSchema } from './dates.ts';
import { RouteFields, RouteScenarioField } from './route.ts';

export const MonteCarloFields = {
  samples: bounded('samples').default(10_000),
  seed: bounded('seed').default(1),
};

export const ReliabilityRequestSchema = z.strictObject({
  ...RouteFields,
  ...RouteScenarioField,
  deadline: IsoDateSchema.optional(),
  ...MonteCarloFields,
});
export type ReliabilityRequest = z.output<typeof ReliabilityRequestSchema>;

/** The Monte Carlo part of a text request (a query string or the CLI's flags). */
export const MonteCarloTextFields = {
  samples: boundedText('samples').optional(),
  seed: boundedText('seed').optional(),
  deadline: IsoDateSchema.optional(),
};
