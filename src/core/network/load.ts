/**
 * Parses the dataset's YAML files into validated records. Pure: it takes file texts, not paths, so the core stays
 * free of I/O (src/io reads the files). Every problem in every file is collected; nothing stops at the first.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Issue } from '../errors.ts';
import { FileSchemas, type Link, type Node, type Rate, type RecordKind, type Service, type Source } from './schema.ts';

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
}

const KINDS = Object.keys(FileSchemas) as RecordKind[];

/** The record kind a file holds, from its first folder (`links/caspian.yaml` holds links). */
export function kindOfPath(path: string): RecordKind | undefined {
  const first = path.replace(/\\/g, '/').split('/')[0];
  return KINDS.find((k) => k === first);
}

export function parseDatasetFiles(files: DatasetFile[]): { raw: RawDataset; issues: Issue[] } {
  const raw: RawDataset = { sources: [], nodes: [], links: [], services: [], rates: [] };
  const issues: Issue[] = [];
  for (const f of files) {
    const kind = kindOfPath(f.path);
    if (kind === undefined) {
      issues.push({ code: 'unknown_file', file: f.path, message: `not under one of ${KINDS.join(', ')}/` });
      continue;
    }
    const doc = parseDocument(f.text, { prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0]?.line;
        issues.push({
          code: 'yaml_syntax',
          file: f.path,
          field: line ? `line ${line}` : undefined,
          message: e.message.split('\n')[0]!,
        });
      }
      continue;
    }
    const data: unknown = doc.toJS();
    if (data === null || data === undefined) continue;
    if (!Array.isArray(data)) {
      issues.push({ code: 'not_a_list', file: f.path, message: `a ${kind} file holds a YAML list of records` });
      continue;
    }
    const schema = FileSchemas[kind].element as z.ZodType;
    data.forEach((rec: unknown, index: number) => {
      const id =
        typeof rec === 'object' && rec !== null && 'id' in rec ? String((rec as { id: unknown }).id) : `#${index + 1}`;
      const parsed = schema.safeParse(rec);
      if (!parsed.success) {
        for (const zi of parsed.error.issues) {
          const field = zi.path.map(String).join('.');
          issues.push({
            code: zi.code === 'custom' ? 'invalid_value' : zi.code,
            file: f.path,
            id,
            field,
            value: valueAt(rec, zi.path),
            message: zi.message,
          });
        }
        return;
      }
      (raw[kind] as unknown[]).push({ ...(parsed.data as object), file: f.path });
    });
  }
  return { raw, issues };
}

function valueAt(rec: unknown, path: PropertyKey[]): unknown {
  let v: unknown = rec;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
