/**
 * One scenario run: apply the scenario to the baseline (none for the baseline itself), compile, assign the
 * demand at equilibrium and compute the KPIs. The unit that compare and rank-investments repeat.
 */
import type { CompiledGraph, EmissionsModel } from '../network/compile.ts';
import { compileNetwork } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { applyScenario } from './apply-scenario.ts';
import { type AssignmentOptions, type AssignmentResult, assignDemand } from './assignment.ts';
import type { DemandSet } from './demand.ts';
import { computeKpis, type KpiOptions, type ScenarioKpis } from './kpis.ts';
import type { Scenario } from './scenario-schema.ts';

export const BASELINE_ID = 'baseline';
export const BASELINE_NAME = 'Baseline (the network as loaded)';

export interface RunOptions {
  emissions?: EmissionsModel | undefined;
  assignment?: AssignmentOptions | undefined;
  kpis?: KpiOptions | undefined;
}

export interface ScenarioRun {
  id: string;
  name: string;
  scenario: Scenario | undefined;
  network: Network;
  graph: CompiledGraph;
  assignment: AssignmentResult;
  kpis: ScenarioKpis;
  timingsMs: { apply: number; compile: number; assign: number; kpis: number };
}

/** Runs a scenario (undefined: the baseline) on a demand set. Pure; worker-safe. */
export function runScenario(
  baseline: Network,
  scenario: Scenario | undefined,
  demand: DemandSet,
  opts: RunOptions = {},
): ScenarioRun {
  const t0 = performance.now();
  const network = scenario ? applyScenario(baseline, scenario) : baseline;
  const t1 = performance.now();
  const graph = compileNetwork(network, { emissions: opts.emissions });
  const t2 = performance.now();
  const assignment = assignDemand(network, graph, demand, opts.assignment);
  const t3 = performance.now();
  const kpis = computeKpis(assignment, opts.kpis);
  const t4 = performance.now();
  return {
    id: scenario?.id ?? BASELINE_ID,
    name: scenario?.name ?? BASELINE_NAME,
    scenario,
    network,
    graph,
    assignment,
    kpis,
    timingsMs: { apply: t1 - t0, compile: t2 - t1, assign: t3 - t2, kpis: t4 - t3 },
  };
}
