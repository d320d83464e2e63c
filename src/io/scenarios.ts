/**
 * Reads scenario files (data/scenarios/*.yaml) and demand files (data/demand/*.yaml) from disk and hands the
 * texts to the core parsers. The network loader does not read these folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Issue, KeruenError } from '../core/errors.ts';
import { type DemandSet, parseDemandText } from '../core/scenarios/demand.ts';
import { parseScenarioFiles } from '../core/scenarios/scenario-load.ts';
import type { Scenario } from '../core/scenarios/scenario-schema.ts';
import { DEFAULT_DATA_DIR } from './dataset-dir.ts';

export const DEFAULT_DEMAND_FILE = 'demand/default.yaml';

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out;
}

/** Parses every scenario under `<dataDir>/scenarios`; collects all problems. */
export function readScenarios(dataDir: string = DEFAULT_DATA_DIR): { scenarios: Scenario[]; issues: Issue[] } {
  const files = yamlFiles(join(dataDir, 'scenarios')).map((p) => ({
    path: relative(dataDir, p).replace(/\\/g, '/'),
    text: readFileSync(p, 'utf8'),
  }));
  return parseScenarioFiles(files);
}

/** Like readScenarios, but throws KERUEN_INVALID_SCENARIO listing every problem. */
export function loadScenarios(dataDir: string = DEFAULT_DATA_DIR): Scenario[] {
  const r = readScenarios(dataDir);
  if (r.issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_SCENARIO', `scenario files have ${r.issues.length} problem(s)`, r.issues);
  return r.scenarios;
}

/**
 * Reads a demand file: a path relative to the working directory, or the shipped default
 * (`<dataDir>/demand/default.yaml`) when none is given. Throws KERUEN_INVALID_INPUT listing every problem.
 */
export function loadDemand(file?: string, dataDir: string = DEFAULT_DATA_DIR): DemandSet {
  const path = file === undefined ? join(dataDir, DEFAULT_DEMAND_FILE) : resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `cannot read demand file ${path}: ${(e as Error).message}`, [], {
      path,
    });
  }
  const r = parseDemandText(path, text);
  if (!r.demand)
    throw new KeruenError('KERUEN_INVALID_INPUT', `demand file ${path} has ${r.issues.length} problem(s)`, r.issues);
  return r.demand;
}
