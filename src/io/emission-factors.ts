/**
 * Reads the emission factor files (data/emissions/*.yaml) from disk and hands the texts to the core loader.
 */
import { basename, dirname, join } from 'node:path';
import { type EmissionFactorFile, type EmissionFactors, KeruenError, loadEmissionFactors } from '../core/index.ts';
import { DEFAULT_DATA_DIR, readDataFolder } from './dataset-dir.ts';

/** The factor folder shipped with the package. */
export const DEFAULT_EMISSIONS_DIR = join(DEFAULT_DATA_DIR, 'emissions');

/**
 * The YAML files of a factor folder (not its subfolders), paths named `emissions/<file>` in messages. Throws
 * KERUEN_INVALID_DATASET when the folder is missing or a file cannot be read as text.
 */
export function readEmissionFactorFiles(dir: string = DEFAULT_EMISSIONS_DIR): EmissionFactorFile[] {
  const r = readDataFolder(dirname(dir), basename(dir), false);
  if (!r.exists)
    throw new KeruenError('KERUEN_INVALID_DATASET', `no emission factor folder at ${dir}`, [
      { code: 'missing_folder', file: dir, message: 'the emission factors (data/emissions/*.yaml) are needed' },
    ]);
  const named = (p: string | undefined) => `emissions/${basename(p ?? '')}`;
  if (r.issues.length > 0) {
    const issues = r.issues.map((i) => ({ ...i, file: named(i.file) }));
    throw new KeruenError('KERUEN_INVALID_DATASET', `emission factors have ${issues.length} problem(s)`, issues);
  }
  return r.files.map((f) => ({ path: named(f.path), text: f.text }));
}

let cached: EmissionFactors | undefined;

/** Loads a factor folder, or throws KERUEN_INVALID_DATASET listing every problem. The default folder is cached. */
export function loadEmissionFactorsDir(dir?: string): EmissionFactors {
  if (dir === undefined) {
    cached ??= loadEmissionFactors(readEmissionFactorFiles());
    return cached;
  }
  return loadEmissionFactors(readEmissionFactorFiles(dir));
}
