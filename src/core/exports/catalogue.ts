/**
 * The exports dataset (data/exports/*.yaml, issue 18): the commodity catalogue, the origin sites with their
 * output, the annual export flows to EU entry points, and the dangerous-goods routing rules. Each file is a YAML
 * list; its name says what it holds. Every figure carries a source id or an estimate, like the network's; a figure
 * that was not found is written `missing: <why>` so that the answer can say so instead of inventing it.
 */
import { z } from 'zod';
import type { Issue } from '../errors.ts';
import { FigureSchema } from '../network/figure.ts';
import { parseRecordList } from '../yaml-records.ts';

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const SourcesSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** A figure the sources did not give: kept as the reason it is missing. */
const MissingSchema = z.strictObject({ missing: z.string().min(10, 'say why the figure is missing') });
export const MaybeFigureSchema = z.union([FigureSchema, MissingSchema]);
export type MaybeFigure = z.infer<typeof MaybeFigureSchema>;

export const PACKINGS = ['bagged', 'bulk', 'containers', 'liquid', 'class7'] as const;
export const DG_CLASSES = ['class7', 'crude', 'ammonia'] as const;
export type DangerousGoodsClass = (typeof DG_CLASSES)[number];

export const ExportCommoditySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  /** Harmonized System code (the EU's CN heading it falls under). */
  hsCode: z.string().regex(/^\d{4}(\.\d{2}){0,2}$/, 'an HS code is 4 digits, then .NN groups, e.g. 7403.11'),
  /** On the EU CRMA list (Regulation (EU) 2024/1252): critical, strategic, or none. */
  euCrm: z.enum(['critical', 'strategic', 'none']),
  euCrmSource: SourcesSchema.optional(),
  packing: z.enum(PACKINGS),
  densityTPerM3: FigureSchema.optional(),
  /** How the router carries it: containers (TEU), or tonnes in bulk, liquid or general wagons and holds. */
  cargo: z.enum(['containers', 'bulk', 'liquid', 'general']),
  tonnesPerTeu: FigureSchema.optional(),
  /** The shipment a route is priced for (one train, one cargo): fixed charges are shared over it. */
  shipmentTonnes: FigureSchema,
  dangerousGoods: z.enum(DG_CLASSES).optional(),
  /** Share of the EU's imports of the commodity that Kazakhstan supplies (0–1), with its year. */
  euImportShare: MaybeFigureSchema,
});
export type ExportCommodity = z.output<typeof ExportCommoditySchema>;

export const ExportSiteSchema = z.strictObject({
  id: IdSchema,
  node: IdSchema,
  commodity: IdSchema,
  operator: z.string().min(1).optional(),
  /** Annual output, tonnes (or the unit its note names). */
  output: z.union([FigureSchema, MissingSchema.extend({ value: z.literal(0) })]),
});
export type ExportSite = z.output<typeof ExportSiteSchema>;

export const ExportFlowSchema = z.strictObject({
  id: IdSchema,
  commodity: IdSchema,
  from: IdSchema,
  /** EU entry points the flow may use; the assignment takes whichever is cheapest with capacity left. */
  to: z.array(IdSchema).min(1).max(10),
  /** Tonnes per year; absent when no source gives it (the route is still priced per tonne). */
  tonnesPerYear: FigureSchema.optional(),
  note: z.string().optional(),
});
export type ExportFlow = z.output<typeof ExportFlowSchema>;

const DgEntrySchema = z.strictObject({
  target: z.enum(['link', 'node']),
  id: IdSchema,
  source: SourcesSchema.optional(),
  estimate: z.string().min(10).optional(),
  year: z.number().int().min(1850).max(2100).optional(),
  note: z.string().optional(),
});

export const DangerousGoodsRuleSchema = z.strictObject({
  id: z.enum(DG_CLASSES),
  name: z.string().min(3),
  rule: z.string().min(10),
  sources: z.array(z.string().min(1)).min(1),
  /** What must be listed under `accept` to carry the class: sea legs, ferry legs, sea ports. */
  checks: z.array(z.enum(['sea_legs', 'ferry_legs', 'sea_ports'])),
  /**
   * Countries whose authorities are shown to let the class in or through (transit approvals): links and nodes
   * elsewhere are refused. Absent: no country rule. Sea legs' `via` (straits) is not checked.
   */
  countries: z
    .strictObject({
      accept: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
      sources: z.array(z.string().min(1)).min(1),
    })
    .optional(),
  accept: z.array(DgEntrySchema),
  deny: z.array(DgEntrySchema),
});
export type DangerousGoodsRule = z.output<typeof DangerousGoodsRuleSchema>;

export interface ExportsDataset {
  commodities: ExportCommodity[];
  sites: ExportSite[];
  flows: ExportFlow[];
  rules: DangerousGoodsRule[];
}

const KINDS = {
  commodities: ExportCommoditySchema,
  sites: ExportSiteSchema,
  flows: ExportFlowSchema,
  'dangerous-goods': DangerousGoodsRuleSchema,
} as const;

/**
 * Parses the texts of data/exports/*.yaml (paths relative to data/, e.g. `exports/flows.yaml`); collects every
 * problem. Cross-references (nodes, commodities) are checked against a network by checkExportsDataset.
 */
export function parseExportsFiles(files: ReadonlyArray<{ path: string; text: string }>): {
  dataset: ExportsDataset;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const dataset: ExportsDataset = { commodities: [], sites: [], flows: [], rules: [] };
  for (const f of files) {
    const name = f.path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (!(name in KINDS)) {
      issues.push({ code: 'unknown_file', file: f.path, message: `expected one of ${Object.keys(KINDS).join(', ')}` });
      continue;
    }
    const kind = name as keyof typeof KINDS;
    if (kind === 'commodities')
      dataset.commodities.push(...parseRecordList(f.path, f.text, kind, ExportCommoditySchema, issues));
    else if (kind === 'sites') dataset.sites.push(...parseRecordList(f.path, f.text, kind, ExportSiteSchema, issues));
    else if (kind === 'flows') dataset.flows.push(...parseRecordList(f.path, f.text, kind, ExportFlowSchema, issues));
    else dataset.rules.push(...parseRecordList(f.path, f.text, kind, DangerousGoodsRuleSchema, issues));
  }
  return { dataset, issues };
}
