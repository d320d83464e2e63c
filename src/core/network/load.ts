/**
 * Parses the dataset's YAML files into validated records. Pure: it takes file texts, not paths, so the core stays
 * free of I/O (src/io reads the files). Every problem in every file is collected; nothing stops at the first.
 */
import { z } from 'zod';
import type { PriceSeries } from '../costs/price-series.ts';
import type { Issue } from '../errors.ts';
import { parseRecordList, parseYamlText, valueAt } from '../yaml-records.ts';
import {
  FileSchemas,
  type Link,
  type Node,
  type Rate,
  type RecordKind,
  type Season,
  type Service,
  type Source,
  type TransitCalibration,
} from './schema.ts';

export interface DatasetFile {
  /** Path relative to the dataset root, e.g. `nodes/kazakhstan.yaml`; its first folder names the record kind. */
  path: string;
  text: string;
}

export interface RawDataset {
  sources: Array<Source & { file: string }>;
  nodes: Array<Node & { file: string }>;
  links: Array<Link & { file: string }>;
  services: Array<Service & { file: string }>;
  rates: Array<Rate & { file: string }>;
  /** Price series (data/prices): deflator, exchange rates, sea lanes; absent in datasets without costs by year. */
  prices?: Array<PriceSeries & { file: string }>;
  /** Seasonal factors (data/seasons): storms, winter, harvest; absent in datasets without seasons. */
  seasons?: Array<Season & { file: string }>;
  /** The fitted transit-time calibration (data/calibration); absent in datasets without one. */
  calibration?: Array<TransitCalibration & { file: string }>;
}

const KINDS = Object.keys(FileSchemas) as RecordKind[];

/** The record kind a file holds, from its first folder (`links/caspian.yaml` holds links). */
export function kindOfPath(path: string): RecordKind | undefined {
  const first = path.replace(/\\/g, '/').split('/')[0];
  return KINDS.find((k) => k === first);
}

export function parseDatasetFiles(files: DatasetFile[]): { raw: RawDataset; issues: Issue[] } {
  const raw: Required<RawDataset> = {
    sources: [],
    nodes: [],
    links: [],
    services: [],
    rates: [],
    prices: [],
    seasons: [],
    calibration: [],
  };
  const issues: Issue[] = [];
  for (const f of files) {
    const kind = kindOfPath(f.path);
    if (kind === undefined) {
      issues.push({ code: 'unknown_file', file: f.path, message: `not under one of ${KINDS.join(', ')}/` });
      continue;
    }
    (raw[kind] as unknown[]).push(
      ...parseRecordList(f.path, f.text, kind, FileSchemas[kind].element as z.ZodType, issues),
    );
  }
  return { raw, issues };
}

/** `manifest.yaml` at the dataset root: the dataset's name and version, shown by the API, stats and exports. */
export const ManifestSchema = z.strictObject({
  name: z.string().min(1),
  version: z
    .string({ error: 'version is text like 2026.11.3 (quote it when YAML reads it as a number)' })
    .regex(/^\d+\.\d+\.\d+$/, 'version is YYYY.MM.patch, e.g. 2026.11.3'),
  released: z
    .string({ error: 'released is a date YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'released is a date YYYY-MM-DD')
    .optional(),
  description: z.string().min(1).optional(),
});
export type Manifest = z.output<typeof ManifestSchema>;

/** Parses the manifest's text; every problem names the file and the field. */
export function parseManifestText(path: string, text: string): { manifest?: Manifest; issues: Issue[] } {
  const issues: Issue[] = [];
  const yaml = parseYamlText(path, text, issues);
  if (!yaml.ok) return { issues };
  const parsed = ManifestSchema.safeParse(yaml.data);
  if (parsed.success) return { manifest: parsed.data, issues };
  for (const zi of parsed.error.issues)
    issues.push({
      code: zi.code === 'custom' ? 'invalid_value' : zi.code,
      file: path,
      field: zi.path.map(String).join('.'),
      value: valueAt(yaml.data, zi.path),
      message: zi.message,
    });
  return { issues };
}
