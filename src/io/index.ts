/**
 * The I/O shell's front door (`keruen/io`): reads a dataset folder from disk and hands the texts to the core. The
 * CLI, the server and the benchmarks import io from here only (test/architecture.test.ts checks it).
 */
export { loadAppraisalContext, loadAppraisalData, unknownAppraisalSources } from './appraisal.ts';
export { type KeruenContext, loadContext } from './context.ts';
export {
  DEFAULT_DATA_DIR,
  type FolderRead,
  type LoadResult,
  listYamlFiles,
  loadDatasetDir,
  loadNetwork,
  MANIFEST_FILE,
  RECORD_FOLDERS,
  readDataFile,
  readDataFolder,
  readDatasetFiles,
  readManifest,
  readManifestFile,
  readRecordFiles,
} from './dataset-dir.ts';
export { DEFAULT_EMISSIONS_DIR, loadEmissionFactorsDir, readEmissionFactorFiles } from './emission-factors.ts';
export { loadExportsDataset } from './exports.ts';
export { highsSolver } from './highs-solver.ts';
export { loadScenarioLibrary } from './scenario-library.ts';
export { DEFAULT_DEMAND_FILE, loadDemand, loadScenarios, readDemandSets, readScenarios } from './scenarios.ts';
export { type SeaGeometries, seaGeometries, seaGeometry } from './sea-geometry.ts';
