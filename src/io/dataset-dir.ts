/**
 * Reads a dataset folder (data/ by default) from disk and hands the texts to the core loaders. `readDataFile` is
 * the one place that reads a dataset file: the network records, the manifest, the emission factors, the scenarios
 * and the demand sets all go through it, so that they decode alike and report unreadable files alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DatasetFile,
  type DatasetManifest,
  type Issue,
  KeruenError,
  type Manifest,
  type Network,
  parseDatasetFiles,
  parseManifestText,
  tryBuildNetwork,
} from '../core/index.ts';

/** The dataset shipped with the package. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

/** The folders of network records, each read with its subfolders. */
export const RECORD_FOLDERS = [
  'sources',
  'nodes',
  'links',
  'services',
  'rates',
  'prices',
  'seasons',
  'calibration',
] as const;

export const MANIFEST_FILE = 'manifest.yaml';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of the first byte sequence that is not UTF-8. */
function firstBadLine(buf: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i < buf.length && buf[i] !== 0x0a) continue;
    try {
      utf8.decode(buf.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}

/**
 * Reads one dataset file as UTF-8 text. A leading byte-order mark is dropped (it is a legal UTF-8 signature that
 * some Windows editors write, and the YAML parser rejects it). A file that cannot be read, is not UTF-8 (UTF-16
 * included) or holds NUL bytes gives an issue naming `path` (the name used in messages) instead of text.
 */
export function readDataFile(absPath: string, path: string): { file: DatasetFile } | { issue: Issue } {
  let buf: Buffer;
  try {
    buf = readFileSync(absPath);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { issue: { code: 'unreadable', file: path, message: `cannot read the file (${why})` } };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)))
    return {
      issue: { code: 'not_utf8', file: path, message: 'UTF-16 text (byte-order mark at the start): save as UTF-8' },
    };
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    const line = firstBadLine(buf);
    return { issue: { code: 'not_utf8', file: path, field: `line ${line}`, message: 'not UTF-8 text' } };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { issue: { code: 'not_text', file: path, field: `line ${line}`, message: 'a NUL byte: not a text file' } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { file: { path, text } };
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The YAML files under `dir`, sorted, with those of its subfolders when `recursive`. */
export function listYamlFiles(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (isDir(p)) {
      if (recursive) out.push(...listYamlFiles(p, true));
    } else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export interface FolderRead {
  /** False when the folder does not exist. */
  exists: boolean;
  files: DatasetFile[];
  /** Files that could not be read as text. */
  issues: Issue[];
}

/**
 * Reads the YAML files of `<dataDir>/<folder>`; their paths are relative to `dataDir` (`nodes/china.yaml`).
 * A missing folder reads as no files.
 */
export function readDataFolder(dataDir: string, folder: string, recursive = true): FolderRead {
  const dir = join(dataDir, folder);
  if (!isDir(dir)) return { exists: false, files: [], issues: [] };
  const out: FolderRead = { exists: true, files: [], issues: [] };
  for (const abs of listYamlFiles(dir, recursive)) {
    const r = readDataFile(abs, relative(dataDir, abs).replace(/\\/g, '/'));
    if ('file' in r) out.files.push(r.file);
    else out.issues.push(r.issue);
  }
  return out;
}

/** The network record files (sources, nodes, links, services, rates) and the problems reading them. */
export function readRecordFiles(dir: string = DEFAULT_DATA_DIR): { files: DatasetFile[]; issues: Issue[] } {
  const files: DatasetFile[] = [];
  const issues: Issue[] = [];
  for (const folder of RECORD_FOLDERS) {
    const r = readDataFolder(dir, folder);
    files.push(...r.files);
    issues.push(...r.issues);
  }
  return { files, issues };
}

/** The network record files; throws KERUEN_INVALID_DATASET when one cannot be read as text. */
export function readDatasetFiles(dir: string = DEFAULT_DATA_DIR): DatasetFile[] {
  const r = readRecordFiles(dir);
  if (r.issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_DATASET', `dataset in ${dir} has ${r.issues.length} problem(s)`, r.issues);
  return r.files;
}

/** Reads and checks `<dir>/manifest.yaml`: a missing or malformed manifest is a problem. */
export function readManifestFile(dir: string = DEFAULT_DATA_DIR): { manifest?: Manifest; issues: Issue[] } {
  const abs = join(dir, MANIFEST_FILE);
  if (!statSafe(abs))
    return {
      issues: [
        {
          code: 'missing_manifest',
          file: MANIFEST_FILE,
          message: 'no manifest: the dataset needs a name and a version',
        },
      ],
    };
  const r = readDataFile(abs, MANIFEST_FILE);
  if ('issue' in r) return { issues: [r.issue] };
  return parseManifestText(MANIFEST_FILE, r.file.text);
}

const statSafe = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The manifest; throws KERUEN_INVALID_DATASET listing its problems. */
export function readManifest(dir: string = DEFAULT_DATA_DIR): DatasetManifest {
  const r = readManifestFile(dir);
  if (r.manifest === undefined)
    throw new KeruenError('KERUEN_INVALID_DATASET', `manifest of ${dir} has ${r.issues.length} problem(s)`, r.issues);
  return r.manifest;
}

export interface LoadResult {
  network?: Network | undefined;
  issues: Issue[];
  warnings: Issue[];
  files: number;
}

/** Loads and validates a dataset folder's network (records and manifest), collecting every problem. */
export function loadDatasetDir(dir: string = DEFAULT_DATA_DIR): LoadResult {
  const read = readRecordFiles(dir);
  const count = read.files.length + read.issues.length;
  if (count === 0) {
    return {
      issues: [{ code: 'empty_dataset', file: dir, message: `no YAML files under ${RECORD_FOLDERS.join('/, ')}/` }],
      warnings: [],
      files: 0,
    };
  }
  const m = readManifestFile(dir);
  const { raw, issues } = parseDatasetFiles(read.files);
  const early = [...read.issues, ...m.issues, ...issues];
  if (early.length > 0 || m.manifest === undefined) return { issues: early, warnings: [], files: count };
  const r = tryBuildNetwork(raw, m.manifest);
  return { network: r.network, issues: r.issues, warnings: r.warnings, files: count };
}

/** Loads a dataset folder or throws KERUEN_INVALID_DATASET listing every problem. */
export function loadNetwork(dir: string = DEFAULT_DATA_DIR): Network {
  const r = loadDatasetDir(dir);
  if (r.network === undefined)
    throw new KeruenError('KERUEN_INVALID_DATASET', `dataset in ${dir} has ${r.issues.length} problem(s)`, r.issues);
  return r.network;
}
