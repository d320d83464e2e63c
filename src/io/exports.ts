/**
 * Reads the exports dataset (data/exports/*.yaml, issue 18) from disk and hands the texts to the core parser.
 * The CLI (`keruen exports`) and the server (GET /exports) load it through here.
 */
import { type ExportsDataset, KeruenError, parseExportsFiles } from '../core/index.ts';
import { DEFAULT_DATA_DIR, readDataFolder } from './dataset-dir.ts';

/** The exports dataset of `dataDir`; undefined when it has no exports/ folder. Throws on any problem. */
export function loadExportsDataset(dataDir: string = DEFAULT_DATA_DIR): ExportsDataset | undefined {
  const folder = readDataFolder(dataDir, 'exports');
  if (!folder.exists) return undefined;
  const { dataset, issues } = parseExportsFiles(folder.files);
  const all = [...folder.issues, ...issues];
  if (all.length > 0)
    throw new KeruenError('KERUEN_INVALID_DATASET', `exports dataset in ${dataDir} has ${all.length} problem(s)`, all);
  return dataset;
}
