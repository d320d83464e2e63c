/**
 * Reads scenario files (data/scenarios/*.yaml) and demand files (data/demand/*.yaml) from disk and hands the
 * texts to the core parsers. The network loader does not read these folders.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Scenario } from '../core/index.ts';
import { type DemandSet, type Issue, KeruenError, parseDemandText, parseScenarioFiles } from '../core/index.ts';
import { DEFAULT_DATA_DIR, readDataFile, readDataFolder } from './dataset-dir.ts';

export const DEFAULT_DEMAND_FILE = 'demand/default.yaml';

/** Parses every scenario under `<dataDir>/scenarios` (subfolders included); collects all problems. */
export function readScenarios(dataDir: string = DEFAULT_DATA_DIR): { scenarios: Scenario[]; issues: Issue[] } {
  const read = readDataFolder(dataDir, 'scenarios');
  const r = parseScenarioFiles(read.files);
  return { scenarios: r.scenarios, issues: [...read.issues, ...r.issues] };
}

/** Like readScenarios, but throws KERUEN_INVALID_SCENARIO listing every problem. */
export function loadScenarios(dataDir: string = DEFAULT_DATA_DIR): Scenario[] {
  const r = readScenarios(dataDir);
  if (r.issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_SCENARIO', `scenario files have ${r.issues.length} problem(s)`, r.issues);
  return r.scenarios;
}

/** Parses every demand set in `<dataDir>/demand/*.yaml` (as the server lists them); collects all problems. */
export function readDemandSets(dataDir: string = DEFAULT_DATA_DIR): { demands: DemandSet[]; issues: Issue[] } {
  const read = readDataFolder(dataDir, 'demand', false);
  const demands: DemandSet[] = [];
  const issues: Issue[] = [...read.issues];
  for (const f of read.files) {
    const r = parseDemandText(f.path, f.text);
    issues.push(...r.issues);
    if (r.demand) demands.push(r.demand);
  }
  return { demands, issues };
}

/**
 * Reads a demand file: a path relative to the working directory, or the shipped default
 * (`<dataDir>/demand/default.yaml`) when none is given. Throws KERUEN_INVALID_INPUT listing every problem.
 */
export function loadDemand(file?: string, dataDir: string = DEFAULT_DATA_DIR): DemandSet {
  const path = file === undefined ? join(dataDir, DEFAULT_DEMAND_FILE) : resolve(file);
  // Messages name a file of the dataset as `demand/<file>`, any other by its full path.
  const inData = relative(resolve(dataDir), path);
  const shown = inData.startsWith('..') || isAbsolute(inData) ? path : inData.replace(/\\/g, '/');
  const read = readDataFile(path, shown);
  if ('issue' in read)
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `cannot read demand file ${path}: ${read.issue.message}`,
      [read.issue],
      {
        path,
      },
    );
  const r = parseDemandText(shown, read.file.text);
  if (!r.demand)
    throw new KeruenError('KERUEN_INVALID_INPUT', `demand file ${path} has ${r.issues.length} problem(s)`, r.issues);
  return r.demand;
}
