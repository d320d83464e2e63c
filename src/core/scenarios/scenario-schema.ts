/**
 * A scenario: a named, described and sourced set of changes to the baseline network ("what if the Dostyk–Moyinty
 * second track opens", "what if the Red Sea is closed"). Analysts write them in data/scenarios/*.yaml; the API
 * takes the same shape. Every new number is a sourced figure (figure.ts) like the rest of the dataset. The
 * schema checks each change on its own; applyScenario (apply-scenario.ts) checks them against the network and
 * against each other (unknown ids, conflicting changes).
 */
import { z } from 'zod';
import { BOUNDS, type BoundName, describeBound } from '../bounds.ts';
import { DurationSchema, FigureSchema, figureWithin } from '../network/figure.ts';
import { LinkSchema, LocalNamesSchema, NodeSchema, ServiceSchema, TariffSchema } from '../network/schema.ts';

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. dostyk-moyinty-second-track');

/** Capacity fields a scenario may set, by the kind of record that holds them. */
export const LINK_CAPACITY_FIELDS = ['trainsPerDay', 'tonnesPerYear', 'teuPerYear'] as const;
export const NODE_CAPACITY_FIELDS = [
  'capacityTeuPerYear',
  'capacityTonnesPerYear',
  'gaugeChangeCapacityTeuPerDay',
] as const;
export const SERVICE_CAPACITY_FIELDS = [
  'capacityTeuPerDeparture',
  'capacityWagonsPerDeparture',
  'capacityTrucksPerDeparture',
] as const;

const note = z.string().max(2000).optional();

/** The bound of each capacity field a scenario may set (bounds.ts). */
const CAPACITY_BOUND: Record<string, BoundName> = {
  trainsPerDay: 'trainsPerDay',
  tonnesPerYear: 'capacityTonnesPerYear',
  teuPerYear: 'capacityTeuPerYear',
  capacityTeuPerYear: 'capacityTeuPerYear',
  capacityTonnesPerYear: 'capacityTonnesPerYear',
  gaugeChangeCapacityTeuPerDay: 'capacityTeuPerDay',
  capacityTeuPerDeparture: 'capacityTeuPerDeparture',
  capacityWagonsPerDeparture: 'capacityWagonsPerDeparture',
  capacityTrucksPerDeparture: 'capacityTrucksPerDeparture',
};

function capacityWithinBound(c: { field: string; value: { value: number } }, ctx: z.RefinementCtx): void {
  const name = CAPACITY_BOUND[c.field];
  if (name === undefined) return;
  const b = BOUNDS[name];
  if (c.value.value > b.max)
    ctx.addIssue({
      code: 'custom',
      path: ['value', 'value'],
      input: c.value.value,
      message: `${c.field} must be ${describeBound(b)}`,
    });
}

const SetCapacity = z
  .discriminatedUnion('target', [
    z.strictObject({
      kind: z.literal('set_capacity'),
      target: z.literal('link'),
      id: IdSchema,
      field: z.enum(LINK_CAPACITY_FIELDS),
      value: FigureSchema,
      note,
    }),
    z.strictObject({
      kind: z.literal('set_capacity'),
      target: z.literal('node'),
      id: IdSchema,
      field: z.enum(NODE_CAPACITY_FIELDS),
      value: FigureSchema,
      note,
    }),
    z.strictObject({
      kind: z.literal('set_capacity'),
      target: z.literal('service'),
      id: IdSchema,
      field: z.enum(SERVICE_CAPACITY_FIELDS),
      value: FigureSchema,
      note,
    }),
  ])
  .superRefine(capacityWithinBound);

/** Dwell at a node: terminal handling, border clearance either way, or the gauge change. */
export const DWELL_FIELDS = ['facility', 'borderInbound', 'borderOutbound', 'gaugeChange'] as const;
const SetDwell = z.strictObject({
  kind: z.literal('set_dwell'),
  id: IdSchema,
  field: z.enum(DWELL_FIELDS).default('facility'),
  dwell: DurationSchema,
  note,
});

const SetFrequency = z.strictObject({
  kind: z.literal('set_frequency'),
  /** A service id. */
  id: IdSchema,
  departuresPerWeek: figureWithin('departuresPerWeek'),
  note,
});

const SetTariff = z.strictObject({
  kind: z.literal('set_tariff'),
  /** A link id; the tariff replaces the link's own (rates per km no longer apply to it). */
  id: IdSchema,
  tariff: TariffSchema.refine((t) => Object.keys(t).length > 0, 'a tariff needs at least one figure'),
  note,
});

/** Travel time of a link: a duration (replaces the link's own) and/or a commercial speed. */
const SetLinkTime = z
  .strictObject({
    kind: z.literal('set_link_time'),
    id: IdSchema,
    duration: DurationSchema.optional(),
    speedKmPerDay: figureWithin('speedKmPerDay').optional(),
    note,
  })
  .refine((c) => c.duration !== undefined || c.speedKmPerDay !== undefined, 'give a duration or a speedKmPerDay');

/** A gauge-change facility at a node (new, or replacing the node's own). */
const SetGaugeChange = z.strictObject({
  kind: z.literal('set_gauge_change'),
  id: IdSchema,
  gaugeChange: NodeSchema.shape.gaugeChange.unwrap(),
  note,
});

const Close = z.strictObject({
  kind: z.literal('close'),
  target: z.enum(['link', 'node', 'country']),
  /** Link or node id, or an ISO 3166 alpha-2 country code. */
  id: z.string().min(1).max(200),
  note,
});

const Open = z.strictObject({
  kind: z.literal('open'),
  target: z.enum(['link', 'node']),
  id: IdSchema,
  /** Year it opens (status becomes operational from this year). */
  year: z.number().int().min(1850).max(2100).optional(),
  note,
});

const AddNode = z.strictObject({ kind: z.literal('add_node'), node: NodeSchema, note });
const AddLink = z.strictObject({ kind: z.literal('add_link'), link: LinkSchema, note });
const AddService = z.strictObject({ kind: z.literal('add_service'), service: ServiceSchema, note });

export const ChangeSchema = z.union([
  SetCapacity,
  SetDwell,
  SetFrequency,
  SetTariff,
  SetLinkTime,
  SetGaugeChange,
  Close,
  Open,
  AddNode,
  AddLink,
  AddService,
]);
export type Change = z.output<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];

/** What an investment costs, for ranking benefit per euro; only sourced (or reasoned) costs are ranked. */
const InvestmentSchema = z.strictObject({
  /** Capital cost, in the currency the source quotes (no conversion is made in the data). */
  cost: FigureSchema,
  currency: z.enum(['EUR', 'USD']),
  /**
   * The scenario the benefit is measured against (default: the baseline). An investment already in the
   * baseline network (the Dostyk–Moyinty second track) is measured against the scenario that removes it.
   */
  comparedWith: IdSchema.optional(),
  /** Who pays or lends (EIB, EBRD, national budget, PPP). */
  financedBy: z.string().optional(),
  note,
});

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(3).max(200),
  /** The name in Russian and French, for the page in those languages. */
  names: LocalNamesSchema.optional(),
  description: z.string().min(10).max(10_000),
  /** Source ids (data/sources or data/sources/scenarios.yaml) behind the scenario as a whole. */
  sources: z.array(z.string().min(1)).min(1, 'a scenario cites at least one source'),
  /**
   * Tags used to group scenarios: `investment` ones are ranked by `keruen scenario rank-investments`; a
   * `counterfactual` removes something the baseline already has (the reference of an investment in place).
   */
  tags: z.array(z.enum(['investment', 'disruption', 'policy', 'counterfactual'])).default([]),
  /** Year the scenario describes; planned links opening by then are open. */
  year: z.number().int().min(1990).max(2100).optional(),
  investment: InvestmentSchema.optional(),
  changes: z.array(ChangeSchema).max(500, 'a scenario holds at most 500 changes'),
  note,
});
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema> & { file?: string | undefined };
