/** Reads a dataset folder's scenarios/ and demand/ into the library the API serves (core/scenarios/library.ts). */
import { join } from 'node:path';
import type { Network } from '../core/index.ts';
import { buildScenarioLibrary, type ScenarioLibrary } from '../core/index.ts';
import { DEFAULT_DATA_DIR } from './dataset-dir.ts';
import { DEFAULT_DEMAND_FILE, loadDemand, readDemandSets, readScenarios } from './scenarios.ts';

export function loadScenarioLibrary(network: Network, dataDir: string = DEFAULT_DATA_DIR): ScenarioLibrary {
  const { scenarios } = readScenarios(dataDir);
  const { demands, issues } = readDemandSets(dataDir);
  let defaultDemand: string | undefined;
  try {
    defaultDemand = loadDemand(join(dataDir, DEFAULT_DEMAND_FILE), dataDir).id;
  } catch {
    defaultDemand = undefined;
  }
  const rejected = issues.map((i) => ({ id: i.file ?? 'demand', problem: i.message }));
  return buildScenarioLibrary(network, scenarios, demands, { defaultDemand, rejected });
}
