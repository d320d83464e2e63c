export { type KeruenContext, loadContext } from './context.ts';
export {
  DEFAULT_DATA_DIR,
  loadDatasetDir,
  loadNetwork,
  readDataFile,
  readDataFolder,
  readDatasetFiles,
  readManifest,
  readManifestFile,
  readRecordFiles,
} from './dataset-dir.ts';
