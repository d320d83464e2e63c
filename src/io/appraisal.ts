/**
 * Reads the appraisal's files (data/appraisal/*.yaml) and everything it runs on: the network, the demand set its
 * growth model names, and the scenarios its projects map to. Checks that every cited source id exists in
 * data/sources/.
 */
import { join } from 'node:path';
import {
  type AppraisalContext,
  type AppraisalData,
  type Issue,
  KeruenError,
  type Network,
  parseAppraisalData,
} from '../core/index.ts';
import { loadContext } from './context.ts';
import { DEFAULT_DATA_DIR, readDataFile } from './dataset-dir.ts';
import { loadDemand, loadScenarios } from './scenarios.ts';

function text(dataDir: string, path: string): string {
  const r = readDataFile(join(dataDir, path), path);
  if ('issue' in r) throw new KeruenError('KERUEN_INVALID_DATASET', `cannot read ${path}`, [r.issue]);
  return r.file.text;
}

/** Every `source` id cited in the appraisal data that data/sources/ lacks. */
export function unknownAppraisalSources(net: Network, data: AppraisalData): Issue[] {
  const issues: Issue[] = [];
  const walk = (v: unknown, where: string): void => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${where}[${i}]`);
    } else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source' || k === 'sources') {
          for (const s of Array.isArray(x) ? x : [x])
            if (!net.sources.has(String(s)))
              issues.push({
                code: 'unknown_source',
                file: 'appraisal',
                field: `${where}.${k}`,
                value: s,
                message: 'not in data/sources/',
              });
        } else walk(x, `${where}.${k}`);
      }
  };
  walk(data, 'appraisal');
  return issues;
}

export function loadAppraisalData(dataDir: string = DEFAULT_DATA_DIR): AppraisalData {
  return parseAppraisalData({
    parameters: text(dataDir, 'appraisal/parameters.yaml'),
    growth: text(dataDir, 'appraisal/growth.yaml'),
    projects: text(dataDir, 'appraisal/projects.yaml'),
  });
}

/** The appraisal's inputs from a dataset folder; throws KERUEN_INVALID_DATASET on an unknown source id. */
export function loadAppraisalContext(dataDir: string = DEFAULT_DATA_DIR): AppraisalContext {
  const ctx = loadContext(dataDir);
  const data = loadAppraisalData(dataDir);
  const bad = unknownAppraisalSources(ctx.network, data);
  if (bad.length > 0)
    throw new KeruenError('KERUEN_INVALID_DATASET', `appraisal data cites ${bad.length} unknown source(s)`, bad);
  const baseDemand = loadDemand(join(dataDir, 'demand', `${data.growth.demandSet}.yaml`), dataDir);
  const scenarios = new Map(loadScenarios(dataDir).map((s) => [s.id, s]));
  return { network: ctx.network, emissions: ctx.emissions, baseDemand, scenarios, data };
}
