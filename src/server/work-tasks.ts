/**
 * The CPU-heavy questions the server answers off its event loop, as plain messages (structured-clonable) and
 * one dispatcher that runs them against a worker's context. The worker pool (work-pool.ts) runs the dispatcher
 * in worker threads; the inline runner runs it in the calling thread (tests, and deployments without threads).
 */
import type { MessagePort } from 'node:worker_threads';
import type {
  AppraisalData,
  AppraisalRequest,
  DemandSet,
  EmissionFactors,
  FlowsRequest,
  Network,
  ReliabilityRequest,
  RouteRequestBody,
  RouteScenario,
  Scenario,
  ScenarioLibrary,
  SweepSpec,
  SweepVariant,
} from '../core/index.ts';
import {
  answerEta,
  answerFlows,
  answerReliability,
  answerScenarioRoutes,
  appraisalRuns,
  compileNetwork,
  createEmissionsModel,
  type EmissionsModel,
  type EtaQuestion,
  type FlowRun,
  type FlowScenario,
  KeruenError,
  type PortModel,
  RoutingEngine,
  runVariant,
  scenarioEngine,
  simulatePort,
} from '../core/index.ts';
import { LruCache } from './lru-cache.ts';

export type WorkTask =
  | {
      kind: 'reliability';
      request: ReliabilityRequest;
      nowMs: number;
      /** The scenario the route runs under, resolved and checked by the handler (absent: the baseline). */
      scenario?: RouteScenario | undefined;
    }
  | { kind: 'flows'; request: FlowsRequest; base: FlowScenario; other: FlowScenario; demand: string }
  | {
      kind: 'scenario-routes';
      route: RouteRequestBody;
      scenarios: Array<{ id: string; scenario: Scenario }>;
      nowMs: number;
    }
  | { kind: 'eta'; question: EtaQuestion }
  | { kind: 'sweep-variant'; spec: SweepSpec; variant: SweepVariant }
  | { kind: 'port'; model: PortModel; progress?: MessagePort | undefined }
  | {
      kind: 'appraisal';
      request: AppraisalRequest;
      data: AppraisalData;
      baseDemand: DemandSet;
      scenarios: Scenario[];
      progress?: MessagePort | undefined;
    };

/** What a worker thread is started with: the served dataset, cloned once per thread. */
export interface WorkData {
  network: Network;
  emissionFactors?: EmissionFactors | undefined;
  library: ScenarioLibrary;
}

export interface WorkContext {
  network: Network;
  engine: RoutingEngine;
  emissions?: EmissionsModel | undefined;
  library: ScenarioLibrary;
  /** Scenario runs kept between flow questions in this thread. */
  runs: LruCache<FlowRun>;
  /** Compiled scenario engines kept between route questions in this thread, by scenario key. */
  engines: LruCache<RoutingEngine>;
}

/** A failure that crosses the thread boundary intact (a KeruenError's class does not survive structured clone). */
export interface WorkFailure {
  failure: {
    code: KeruenError['code'];
    message: string;
    issues: KeruenError['issues'];
    details: Record<string, unknown>;
  };
}

/** Compiled scenario engines a thread keeps (a few MB each for the shipped network). */
const SCENARIO_ENGINES = 8;

export function workContext(d: WorkData, emissions?: EmissionsModel): WorkContext {
  const model = emissions ?? (d.emissionFactors === undefined ? undefined : createEmissionsModel(d.emissionFactors));
  const engine = new RoutingEngine(d.network, compileNetwork(d.network, { emissions: model }));
  return {
    network: d.network,
    engine,
    emissions: model,
    library: d.library,
    runs: new LruCache<FlowRun>(20, 20, () => 1),
    engines: new LruCache<RoutingEngine>(SCENARIO_ENGINES, SCENARIO_ENGINES, () => 1),
  };
}

function dispatch(ctx: WorkContext, t: WorkTask): unknown {
  switch (t.kind) {
    case 'reliability': {
      const under = t.scenario;
      const engine = under === undefined ? ctx.engine : scenarioEngine(ctx.engine, under, ctx.emissions, ctx.engines);
      return answerReliability(engine, t.request, new Date(t.nowMs), under);
    }
    case 'flows': {
      const demand = ctx.library.demands.find((d) => d.id === t.demand);
      if (demand === undefined)
        throw new KeruenError('KERUEN_UNKNOWN_ID', `unknown demand set ${t.demand}`, [], { field: 'demand' });
      const flows = { network: ctx.network, emissions: ctx.emissions, runs: ctx.runs };
      return answerFlows(flows, t.request, t.base, t.other, demand);
    }
    case 'scenario-routes':
      return answerScenarioRoutes(ctx.engine, t.route, t.scenarios, new Date(t.nowMs), ctx.emissions);
    case 'eta':
      return answerEta(t.question);
    case 'sweep-variant':
      return runVariant({ network: ctx.network, emissions: ctx.emissions, library: ctx.library }, t.spec, t.variant);
    case 'port': {
      const port = t.progress;
      let last = 0;
      const onProgress = (f: number) => {
        // At most one message per percent: a year of weeks must not flood the main thread.
        if (port !== undefined && f - last >= 0.01) {
          last = f;
          port.postMessage(f);
        }
      };
      return simulatePort({ ...t.model, onProgress });
    }
    case 'appraisal': {
      const port = t.progress;
      const scenarios = new Map(t.scenarios.map((s) => [s.id, s]));
      const actx = {
        network: ctx.network,
        emissions: ctx.emissions,
        baseDemand: t.baseDemand,
        scenarios,
        data: t.data,
      };
      return appraisalRuns(actx, t.request, (done, total) => port?.postMessage(done / total));
    }
  }
}

/** Runs a task; a KeruenError comes back as a WorkFailure so that its code, field and value survive. */
export function runTask(ctx: WorkContext, t: WorkTask): unknown {
  try {
    return { value: dispatch(ctx, t) };
  } catch (e) {
    if (e instanceof KeruenError)
      return {
        failure: { code: e.code, message: e.message, issues: e.issues, details: e.details },
      } satisfies WorkFailure;
    throw e;
  }
}

/** The value of a task's outcome, or the KeruenError it failed with. */
export function unwrap(outcome: unknown): unknown {
  const o = outcome as { value?: unknown } & Partial<WorkFailure>;
  if (o.failure !== undefined) {
    const f = o.failure;
    throw new KeruenError(f.code, f.message, f.issues, f.details);
  }
  return o.value;
}
