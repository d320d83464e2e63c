/**
 * Reads a dataset folder (data/ by default) from disk and hands the texts to the core loader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Issue, KeruenError } from '../core/errors.ts';
import { type DatasetFile, parseDatasetFiles } from '../core/network/load.ts';
import { type DatasetManifest, type Network, tryBuildNetwork } from '../core/network/network.ts';

/** The dataset shipped with the package. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

const RECORD_FOLDERS = ['sources', 'nodes', 'links', 'services', 'rates'];

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listYaml(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export function readDatasetFiles(dir: string = DEFAULT_DATA_DIR): DatasetFile[] {
  const files: DatasetFile[] = [];
  for (const folder of RECORD_FOLDERS) {
    const p = join(dir, folder);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) continue;
    for (const f of listYaml(p))
      files.push({ path: relative(dir, f).replace(/\\/g, '/'), text: readFileSync(f, 'utf8') });
  }
  return files;
}

export function readManifest(dir: string = DEFAULT_DATA_DIR): DatasetManifest {
  try {
    const m = parse(readFileSync(join(dir, 'manifest.yaml'), 'utf8')) as Partial<DatasetManifest> | null;
    return {
      name: m?.name ?? 'unnamed',
      version: String(m?.version ?? '0'),
      released: m?.released,
      description: m?.description,
    };
  } catch {
    return { name: 'unnamed', version: '0' };
  }
}

export interface LoadResult {
  network?: Network | undefined;
  issues: Issue[];
  warnings: Issue[];
  files: number;
}

/** Loads and validates a dataset folder, collecting every problem. */
export function loadDatasetDir(dir: string = DEFAULT_DATA_DIR): LoadResult {
  let files: DatasetFile[];
  try {
    files = readDatasetFiles(dir);
  } catch (e) {
    return { issues: [{ code: 'unreadable', file: dir, message: (e as Error).message }], warnings: [], files: 0 };
  }
  if (files.length === 0) {
    return {
      issues: [{ code: 'empty_dataset', file: dir, message: `no YAML files under ${RECORD_FOLDERS.join('/, ')}/` }],
      warnings: [],
      files: 0,
    };
  }
  const { raw, issues } = parseDatasetFiles(files);
  if (issues.length > 0) return { issues, warnings: [], files: files.length };
  const r = tryBuildNetwork(raw, readManifest(dir));
  return { network: r.network, issues: r.issues, warnings: r.warnings, files: files.length };
}

/** Loads a dataset folder or throws KERUEN_INVALID_DATASET listing every problem. */
export function loadNetwork(dir: string = DEFAULT_DATA_DIR): Network {
  const r = loadDatasetDir(dir);
  if (r.network === undefined)
    throw new KeruenError('KERUEN_INVALID_DATASET', `dataset in ${dir} has ${r.issues.length} problem(s)`, r.issues);
  return r.network;
}
