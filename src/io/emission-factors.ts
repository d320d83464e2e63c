/**
 * Reads the emission factor files (data/emissions/*.yaml) from disk and hands the texts to the core loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EmissionFactorFile, type EmissionFactors, loadEmissionFactors } from '../core/emissions/load-factors.ts';
import { DEFAULT_DATA_DIR } from './dataset-dir.ts';

/** The factor folder shipped with the package. */
export const DEFAULT_EMISSIONS_DIR = join(DEFAULT_DATA_DIR, 'emissions');

/** The YAML files of a factor folder, paths relative to the data root (`emissions/tocs-rail.yaml`). */
export function readEmissionFactorFiles(dir: string = DEFAULT_EMISSIONS_DIR): EmissionFactorFile[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => ({ path: `emissions/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
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
