/**
 * The answer to "what happens to the flows if...": two runs of the equilibrium assignment on one demand set, with
 * their KPIs and differences, the utilisation of every capacity-limited link and node in both runs, the
 * bottleneck ranking, corridor shares and per-OD times. The API (POST /scenarios/flows, in the worker pool) calls
 * this; a caller may keep runs between calls with `runs` (many comparisons against the baseline run it once).
 */
import type { EmissionsModel } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import type { FlowsRequest } from '../requests/scenarios.ts';
import type { AssignmentOptions } from '../scenarios/assignment.ts';
import { compareKpis } from '../scenarios/compare.ts';
import type { DemandSet } from '../scenarios/demand.ts';
import type { BottleneckKpi, ScenarioKpis } from '../scenarios/kpis.ts';
import { type RunOptions, runScenario } from '../scenarios/run-scenario.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';

/** Monte Carlo samples per OD pair for the P50/P90 times, and the seed: the CLI's defaults. */
export const FLOW_SAMPLES = 2000;
export const FLOW_SEED = 1;
/** Bottlenecks listed in an answer (the utilisation tables list every element). */
const TOP_BOTTLENECKS = 15;

/** One capacity-limited element in one run: the binding measure's flow and capacity, TEU (equivalents) a year. */
export interface ElementLoad {
  flowTeuPerYear: number;
  capacityTeuPerYear: number;
  /** Which capacity binds: container-only (TEU) or all-cargo (tonnes and trains, in TEU equivalents). */
  measure: 'containers' | 'all-cargo';
  utilisation: number;
  delayH: number;
}

export function loadOf(b: BottleneckKpi): ElementLoad | null {
  const rc = b.capacityContainersTeu !== null ? b.loadContainersTeu / b.capacityContainersTeu : -1;
  const ra = b.capacityAllTeuEq !== null ? b.loadAllTeuEq / b.capacityAllTeuEq : -1;
  if (rc < 0 && ra < 0) return null;
  const containers = rc >= ra;
  return {
    flowTeuPerYear: containers ? b.loadContainersTeu : b.loadAllTeuEq,
    capacityTeuPerYear: (containers ? b.capacityContainersTeu : b.capacityAllTeuEq) ?? 0,
    measure: containers ? 'containers' : 'all-cargo',
    utilisation: b.utilisation,
    delayH: b.delayH,
  };
}

/** A scenario as the flows answer sees it; `key` identifies its content for caching runs. */
export interface FlowScenario {
  id: string;
  name: string;
  origin: 'baseline' | 'library' | 'stored';
  scenario: Scenario | undefined;
  key: string;
}

export interface FlowRun {
  id: string;
  name: string;
  kpis: ScenarioKpis;
  ms: number;
}

export interface RunStore {
  get(key: string): FlowRun | undefined;
  set(key: string, run: FlowRun): void;
}

export interface FlowsContext {
  network: Network;
  emissions?: EmissionsModel | undefined;
  runs?: RunStore | undefined;
}

/**
 * The planning year of a comparison: the latest year any of its scenarios is set in. Both runs open what is
 * planned by then, so that the difference is the scenario's own change, not the other planned links of its year
 * (the "with and without the project, in the same year" of a cost-benefit analysis).
 */
export function comparisonYear(...scenarios: ReadonlyArray<Scenario | undefined>): number | undefined {
  const years = scenarios.flatMap((s) => (s?.year === undefined ? [] : [s.year]));
  return years.length === 0 ? undefined : Math.max(...years);
}

/**
 * How a scenario is run for a flows question, wherever it is asked (the API's flows, the CLI's `scenario
 * compare` and `rank-investments`): planned links open up to the comparison's year unless the caller names one;
 * the Monte Carlo takes FLOW_SAMPLES samples with FLOW_SEED unless told otherwise.
 */
export function flowRunOptions(
  year: number | undefined,
  o: {
    emissions?: EmissionsModel | undefined;
    assignment?: AssignmentOptions | undefined;
    samples?: number | undefined;
    seed?: number | undefined;
  } = {},
): RunOptions {
  const includePlannedUpTo = o.assignment?.includePlannedUpTo ?? year;
  return {
    emissions: o.emissions,
    assignment: { ...o.assignment, includePlannedUpTo },
    kpis: { samples: o.samples ?? FLOW_SAMPLES, seed: o.seed ?? FLOW_SEED },
  };
}

function runOnce(
  ctx: FlowsContext,
  sc: FlowScenario,
  demand: DemandSet,
  votFactor: number,
  year: number | undefined,
): FlowRun {
  const key = JSON.stringify([sc.key, demand.id, votFactor, year ?? null]);
  const hit = ctx.runs?.get(key);
  if (hit) return { ...hit, ms: 0 };
  const t0 = performance.now();
  const options = flowRunOptions(year, {
    emissions: ctx.emissions,
    assignment: { valueOfTimeFactor: votFactor },
  });
  const r = runScenario(ctx.network, sc.scenario, demand, options);
  const out: FlowRun = { id: sc.id, name: sc.name, kpis: r.kpis, ms: performance.now() - t0 };
  ctx.runs?.set(key, out);
  return out;
}

/** Both runs' loads of every capacity-limited element, with the change in utilisation. */
function utilisation(a: ScenarioKpis, b: ScenarioKpis) {
  const ek = (e: { kind: string; id: string; direction?: string | undefined }) =>
    `${e.kind} ${e.id} ${e.direction ?? ''}`;
  const A = new Map(a.bottlenecks.map((e) => [ek(e), e]));
  const B = new Map(b.bottlenecks.map((e) => [ek(e), e]));
  const links: Array<Record<string, unknown>> = [];
  const nodes: Array<Record<string, unknown>> = [];
  for (const k of new Set([...A.keys(), ...B.keys()])) {
    const ea = A.get(k);
    const eb = B.get(k);
    const e = ea ?? eb;
    if (e === undefined) continue;
    const x = ea === undefined ? null : loadOf(ea);
    const y = eb === undefined ? null : loadOf(eb);
    if (x === null && y === null) continue;
    const change = x !== null && y !== null ? y.utilisation - x.utilisation : null;
    if (e.kind === 'link') links.push({ id: e.id, direction: e.direction, base: x, other: y, change });
    else nodes.push({ id: e.id, kind: e.kind, base: x, other: y, change });
  }
  return { links, nodes };
}

export function answerFlows(ctx: FlowsContext, req: FlowsRequest, a: FlowScenario, b: FlowScenario, demand: DemandSet) {
  const year = comparisonYear(a.scenario, b.scenario);
  const ra = runOnce(ctx, a, demand, req.votFactor, year);
  const rb = runOnce(ctx, b, demand, req.votFactor, year);
  const c = compareKpis(ra, rb);
  return {
    demand: { id: demand.id, name: demand.name, year: demand.year },
    votFactor: req.votFactor,
    plannedUpTo: year ?? null,
    base: { id: a.id, name: a.name, origin: a.origin },
    other: { id: b.id, name: b.name, origin: b.origin },
    totals: c.totals,
    commodities: c.commodities,
    corridors: c.corridors,
    ods: c.ods,
    bottlenecks: c.elements.slice(0, TOP_BOTTLENECKS),
    utilisation: utilisation(ra.kpis, rb.kpis),
    solver: c.solver,
    reliability: { samplesPerOd: FLOW_SAMPLES, seed: FLOW_SEED },
    timingsMs: { base: Math.round(ra.ms), other: Math.round(rb.ms) },
  };
}
export type FlowsAnswer = ReturnType<typeof answerFlows>;
