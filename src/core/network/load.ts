/**
 * Parses the dataset's YAML files into validated records. Pure: it takes file texts, not paths, so the core stays
 * free of I/O (src/io reads the files). Every problem in every file is collected; nothing stops at the first.
 */
import type { z } from 'zod';
import type { Issue } from '../errors.ts';
import { parseRecordList } from '../yaml-records.ts';
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
    (raw[kind] as unknown[]).push(
      ...parseRecordList(f.path, f.text, kind, FileSchemas[kind].element as z.ZodType, issues),
    );
  }
  return { raw, issues };
}
