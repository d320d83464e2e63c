/**
 * The network and the emission factors of a dataset folder through the snapshot cache (dataset-snapshot.ts):
 * the files are read (a few milliseconds) and hashed; a sound snapshot of the same content and code is decoded
 * instead of parsing and validating the YAML again (about 3 s on a busy 2-core machine for data/ of 2026-12).
 * An unreadable file or an invalid dataset goes the full way, so its errors are the usual ones.
 */
import { join } from 'node:path';
import type { EmissionFactors, Network } from '../core/index.ts';
import { DEFAULT_DATA_DIR, loadNetwork, MANIFEST_FILE, readDataFile, readRecordFiles } from './dataset-dir.ts';
import { cached, contentKey, type SnapshotOptions } from './dataset-snapshot.ts';
import { loadEmissionFactorsDir, readEmissionFactorFiles } from './emission-factors.ts';

/** The validated network of `dir`, from a snapshot when one matches the files. */
export function loadNetworkCached(dir: string, o: SnapshotOptions): Network {
  const read = readRecordFiles(dir);
  const manifest = readDataFile(join(dir, MANIFEST_FILE), MANIFEST_FILE);
  if (read.issues.length > 0 || !('file' in manifest)) return loadNetwork(dir);
  const key = contentKey([
    ['dir', dir],
    ...read.files.map((f) => [f.path, f.text] as const),
    [MANIFEST_FILE, manifest.file.text],
  ]);
  return cached(o, 'network', key, () => loadNetwork(dir));
}

/** The emission factors of `<dataDir>/emissions`, from a snapshot when one matches the files. */
export function loadEmissionFactorsCached(dataDir: string, o: SnapshotOptions): EmissionFactors {
  const dir = join(dataDir, 'emissions');
  const load = () => (dataDir === DEFAULT_DATA_DIR ? loadEmissionFactorsDir() : loadEmissionFactorsDir(dir));
  const key = contentKey([['dir', dir], ...readEmissionFactorFiles(dir).map((f) => [f.path, f.text] as const)]);
  return cached(o, 'emission-factors', key, load);
}
