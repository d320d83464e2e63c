/** A port-queue simulation: Poisson arrivals of TEU at a node, served by the sailings that leave it. */
import { z } from 'zod';
import { BOUNDS, bounded, boundedText } from '../bounds.ts';
import { NodeRefSchema } from './places.ts';

/**
 * Each arriving TEU is an event, so the work of a run is teuPerWeek x weeks: bounded here to keep a run within
 * a few seconds of one core (the port simulator handles about 10 M events a second).
 */
export const MAX_SIMULATED_TEU = 20_000_000;

const withinWork = (s: { teuPerWeek: number; weeks: number }, ctx: z.RefinementCtx) => {
  const total = s.teuPerWeek * s.weeks;
  if (total > MAX_SIMULATED_TEU)
    ctx.addIssue({
      code: 'custom',
      path: ['teuPerWeek'],
      input: s.teuPerWeek,
      message: `teuPerWeek x weeks = ${total.toLocaleString('en-US')} TEU must be at most ${MAX_SIMULATED_TEU.toLocaleString('en-US')} simulated TEU; shorten weeks or lower the demand`,
    });
};

export const PortSimulationRequestSchema = z
  .strictObject({
    node: NodeRefSchema,
    teuPerWeek: bounded('portTeuPerWeek'),
    weeks: bounded('weeks').default(52),
    seed: bounded('seed').default(1),
  })
  .superRefine(withinWork);
export type PortSimulationRequest = z.output<typeof PortSimulationRequestSchema>;

/** The same request as text (the CLI's flags), read into the JSON shape and checked by it. */
export const PortSimulationTextSchema = z
  .strictObject({
    node: NodeRefSchema,
    teuPerWeek: boundedText('portTeuPerWeek'),
    weeks: boundedText('weeks').optional(),
    seed: boundedText('seed').optional(),
  })
  .transform((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)))
  .pipe(PortSimulationRequestSchema);

export const PORT_SIMULATION_BOUNDS = { teuPerWeek: BOUNDS.portTeuPerWeek, weeks: BOUNDS.weeks };
