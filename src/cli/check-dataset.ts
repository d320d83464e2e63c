/**
 * Validation for `keruen network validate`: every problem in a dataset folder at once. The loader stops before the
 * cross-record checks when a record fails its schema (a half-parsed dataset cannot be built); the validator runs
 * them anyway on the records that parsed, and drops only the references that point at a record which failed its
 * own schema, so that one typo is reported once, not once per link that uses the node.
 */
import type { Issue } from '../core/errors.ts';
import { parseDatasetFiles } from '../core/network/load.ts';
import { validateReferences } from '../core/network/validate.ts';
import { loadDatasetDir, readDatasetFiles } from '../io/index.ts';

export interface DatasetCheck {
  dir: string;
  files: number;
  records: { sources: number; nodes: number; links: number; services: number; rates: number };
  issues: Issue[];
  warnings: Issue[];
}

const REFERENCE_CODES: Readonly<Record<string, string>> = {
  unknown_node: 'nodes/',
  unknown_service: 'services/',
  unknown_source: 'sources/',
};

export function checkDatasetDir(dir: string): DatasetCheck {
  const full = loadDatasetDir(dir);
  const empty = { sources: 0, nodes: 0, links: 0, services: 0, rates: 0 };
  if (full.network !== undefined) {
    const n = full.network;
    return {
      dir,
      files: full.files,
      records: {
        sources: n.sources.size,
        nodes: n.nodes.length,
        links: n.links.length,
        services: n.services.length,
        rates: n.rates.length,
      },
      issues: [],
      warnings: full.warnings,
    };
  }
  if (full.files === 0) return { dir, files: 0, records: empty, issues: full.issues, warnings: [] };
  const { raw, issues } = parseDatasetFiles(readDatasetFiles(dir));
  const records = {
    sources: raw.sources.length,
    nodes: raw.nodes.length,
    links: raw.links.length,
    services: raw.services.length,
    rates: raw.rates.length,
  };
  const refs = validateReferences(raw);
  // Ids of records that failed their schema, by the folder they live in.
  const failed = new Set(issues.filter((i) => i.id !== undefined).map((i) => `${i.file?.split('/')[0]}/${i.id}`));
  const cascaded = (i: Issue): boolean => {
    const folder = REFERENCE_CODES[i.code];
    return folder !== undefined && typeof i.value === 'string' && failed.has(`${folder}${i.value}`);
  };
  return {
    dir,
    files: full.files,
    records,
    issues: [...issues, ...refs.issues.filter((i) => !cascaded(i))],
    warnings: refs.warnings,
  };
}
