export { type KeruenContext, loadContext } from './context.ts';
export { DEFAULT_DATA_DIR, loadDatasetDir, loadNetwork, readDatasetFiles, readManifest } from './dataset-dir.ts';
