/**
 * Freight demand: an origin–destination table by commodity, in TEU per year (containers) or tonnes per year
 * (grain, oil, ores and concentrates, critical raw materials). Each volume is a sourced figure or a labelled
 * estimate, like the network's. Each commodity carries the shippers' sensitivity used by the assignment: value
 * of time per unit and hour (sourced or reasoned), and the demand set may carry a carbon price.
 */
import { z } from 'zod';
import { type Issue, KeruenError } from '../errors.ts';
import { FigureSchema } from '../network/figure.ts';
import type { Network } from '../network/network.ts';
import { parseYamlText, valueAt } from '../yaml-records.ts';

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lower-case letters, digits, dash, underscore');

export const COMMODITY_KINDS = ['containers', 'bulk', 'liquid', 'general'] as const;

export const CommoditySchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1),
    /** How it travels: containers in TEU; the others in tonnes (bulk wagons, tank wagons, tankers). */
    kind: z.enum(COMMODITY_KINDS),
    /** Mean tonnes per loaded TEU (containers only); converts TEU to tonnes for tonnage capacities. */
    tonnesPerTeu: FigureSchema.optional(),
    /** Shippers' value of time, USD per unit (TEU or tonne) per hour. */
    valueOfTimeUsdPerUnitH: FigureSchema,
    /**
     * Dispersion of the shippers' corridor choice in the stochastic user equilibrium (multinomial logit), 1/USD
     * per unit: the larger, the closer to everyone taking the cheapest corridor. Absent: deterministic choice.
     */
    logitDispersionPerUsd: FigureSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind !== 'containers' && c.tonnesPerTeu !== undefined)
      ctx.addIssue({ code: 'custom', message: 'tonnesPerTeu is for containers only', path: ['tonnesPerTeu'] });
    if (c.tonnesPerTeu !== undefined && !(c.tonnesPerTeu.value > 0 && c.tonnesPerTeu.value <= 30))
      ctx.addIssue({ code: 'custom', message: 'tonnesPerTeu must be within (0, 30]', path: ['tonnesPerTeu', 'value'] });
    if (c.logitDispersionPerUsd !== undefined && !(c.logitDispersionPerUsd.value > 0))
      ctx.addIssue({
        code: 'custom',
        message: 'logitDispersionPerUsd must be > 0',
        path: ['logitDispersionPerUsd', 'value'],
      });
  });
export type Commodity = z.output<typeof CommoditySchema>;

export const FlowSchema = z.strictObject({
  from: IdSchema,
  to: IdSchema,
  commodity: IdSchema,
  /** TEU per year for containers, tonnes per year otherwise. */
  volumePerYear: FigureSchema,
  note: z.string().optional(),
});
export type Flow = z.output<typeof FlowSchema>;

export const DemandSetSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(3),
  description: z.string().min(10),
  /** Year the volumes describe. */
  year: z.number().int().min(1990).max(2100),
  sources: z.array(z.string().min(1)).min(1),
  /** Carbon price charged in the generalised cost, USD per tonne CO2e; none when absent. */
  carbonPriceUsdPerTonneCo2e: FigureSchema.optional(),
  commodities: z.array(CommoditySchema).min(1),
  flows: z.array(FlowSchema),
  note: z.string().optional(),
});
export type DemandSet = z.output<typeof DemandSetSchema> & { file?: string | undefined };

/** Unit of a commodity's volumes. */
export const unitOf = (c: Commodity): 'TEU' | 't' => (c.kind === 'containers' ? 'TEU' : 't');

/** Parses a demand file; collects every problem. */
export function parseDemandText(path: string, text: string): { demand?: DemandSet; issues: Issue[] } {
  const issues: Issue[] = [];
  const yaml = parseYamlText(path, text, issues);
  return yaml.ok ? parseDemand(yaml.data, path) : { issues };
}

export function parseDemand(rec: unknown, file = 'demand'): { demand?: DemandSet; issues: Issue[] } {
  const parsed = DemandSetSchema.safeParse(rec);
  const recId =
    typeof rec === 'object' && rec !== null && 'id' in rec ? String((rec as { id: unknown }).id) : undefined;
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((zi) => ({
        code: zi.code === 'custom' ? 'invalid_value' : zi.code,
        file,
        id: recId,
        field: zi.path.map(String).join('.'),
        value: valueAt(rec, zi.path),
        message: zi.message,
      })),
    };
  }
  const issues: Issue[] = [];
  const d = parsed.data;
  const ids = new Set<string>();
  d.commodities.forEach((c, i) => {
    if (ids.has(c.id))
      issues.push({
        code: 'duplicate_id',
        file,
        id: d.id,
        field: `commodities[${i}].id`,
        value: c.id,
        message: 'duplicate commodity',
      });
    ids.add(c.id);
  });
  const pairs = new Set<string>();
  d.flows.forEach((f, i) => {
    if (!ids.has(f.commodity))
      issues.push({
        code: 'unknown_commodity',
        file,
        id: d.id,
        field: `flows[${i}].commodity`,
        value: f.commodity,
        message: 'not one of the commodities declared in this file',
      });
    if (f.from === f.to)
      issues.push({
        code: 'invalid_value',
        file,
        id: d.id,
        field: `flows[${i}].to`,
        value: f.to,
        message: 'origin equals destination',
      });
    const key = `${f.from} ${f.to} ${f.commodity}`;
    if (pairs.has(key))
      issues.push({
        code: 'duplicate_flow',
        file,
        id: d.id,
        field: `flows[${i}]`,
        value: key,
        message: 'this OD pair and commodity appear twice',
      });
    pairs.add(key);
  });
  return issues.length > 0 ? { issues } : { demand: { ...d, file }, issues };
}

/** Checks that every origin, destination and cited source exists in the network; returns the problems. */
export function checkDemand(net: Network, d: DemandSet): Issue[] {
  const issues: Issue[] = [];
  const file = d.file ?? d.id;
  d.flows.forEach((f, i) => {
    for (const end of ['from', 'to'] as const)
      if (!net.nodeIndex.has(f[end]))
        issues.push({
          code: 'unknown_node',
          file,
          field: `flows[${i}].${end}`,
          value: f[end],
          message: 'no node with this id',
        });
  });
  const cited = new Set<string>(d.sources);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source') for (const s of Array.isArray(x) ? x : [x]) cited.add(String(s));
        else walk(x);
      }
  };
  walk(d.commodities);
  walk(d.flows);
  walk(d.carbonPriceUsdPerTonneCo2e);
  for (const s of cited)
    if (!net.sources.has(s))
      issues.push({
        code: 'unknown_source',
        file,
        field: 'source',
        value: s,
        message: 'cites a source id that is not in data/sources/',
      });
  return issues;
}

/** Throws KERUEN_INVALID_INPUT when the demand does not fit the network. */
export function assertDemandFits(net: Network, d: DemandSet): void {
  const issues = checkDemand(net, d);
  if (issues.length > 0)
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `demand ${JSON.stringify(d.id)} has ${issues.length} problem(s)`,
      issues,
    );
}

/** A copy of the demand with every volume multiplied by `factor` (growth scenarios, tests). */
export function scaleDemand(d: DemandSet, factor: number): DemandSet {
  return {
    ...d,
    flows: d.flows.map((f) => ({ ...f, volumePerYear: { ...f.volumePerYear, value: f.volumePerYear.value * factor } })),
  };
}
