/**
 * The exports question (issue 18): Kazakhstan's export flows to EU entry points under a scenario, optionally for
 * one commodity. Used by `GET /exports`, `keruen exports` and the page's Exports view, so all three refuse the same
 * values with the same message.
 */
import { z } from 'zod';
import { ScenarioIdSchema } from './route.ts';

/** A commodity id of data/exports/commodities.yaml (checked against the catalogue when answering). */
export const ExportCommodityIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'is a commodity id: lower-case letters, digits and dashes, e.g. crude-oil');

export const ExportsRequestSchema = z.strictObject({
  commodity: ExportCommodityIdSchema.optional().describe('only this commodity (e.g. crude-oil, uranium-uoc)'),
  scenario: ScenarioIdSchema.optional().describe('"baseline" (default) or the id of a library scenario'),
});
export type ExportsRequest = z.output<typeof ExportsRequestSchema>;
export type ExportsRequestInput = z.input<typeof ExportsRequestSchema>;
