/**
 * Latency of multi-criteria route queries (Pareto search on arrival time, cost and CO2e, time-dependent on the
 * timetables): random origin-destination node pairs and random ready dates in 2026, cargo 2 TEU. Two timings per
 * query: the search alone (`router.search(engine.toQuery(req))` on a ParetoRouter of the same graph, the figure
 * the targets are set on) and the full `engine.route(req)` with itineraries (and, when nothing is found, the
 * diagnosis of which constraint cuts every route).
 */
import type { CompiledGraph, EmissionsModel, Network } from '../../src/core/index.ts';
import {
  compileNetwork,
  nodeAt,
  type ParetoPath,
  ParetoRouter,
  type RouteRequest,
  RoutingEngine,
} from '../../src/core/index.ts';
import { mulberry32, pick } from '../support/rng.ts';
import { mean, median, quantile } from '../support/stats.ts';

export interface LatencyResult {
  name: string;
  nodes: number;
  links: number;
  services: number;
  vertices: number;
  edges: number;
  compileMs: number;
  emissions: boolean;
  queries: number;
  warmup: number;
  /** Timed passes of the search over all queries; a query's search time is its median over the passes. */
  repeats: number;
  /** Queries with at least one route. */
  routed: number;
  meanParetoSize: number;
  maxParetoSize: number;
  labelsPoppedMedian: number;
  labelsPoppedMax: number;
  searchMedianMs: number;
  searchP99Ms: number;
  searchMeanMs: number;
  searchMaxMs: number;
  routeMedianMs: number;
  routeP99Ms: number;
  routeMeanMs: number;
  /**
   * The search it replaces, one pass on the same queries, when asked: the unbounded search, or with risk the exact
   * four-criterion front (bounded) that the epsilon-front replaces (its fronts differ by design: `mismatches`).
   */
  reference?: {
    kind: 'unbounded' | 'exact risk front';
    searchMedianMs: number;
    searchP99Ms: number;
    searchCpuMs: number;
    labelsPoppedMedian: number;
    mismatches: number;
  };
  /** CPU time (user + system) of the timed search passes and of the route() pass, ms. */
  searchCpuMs: number;
  routeCpuMs: number;
}

/** Ready dates: uniform over 2026, so every phase of the weekly timetables is drawn. */
const YEAR_START_H = Date.UTC(2026, 0, 1) / 3_600_000;

export function randomRequests(net: Network, g: CompiledGraph, count: number, seed: number): RouteRequest[] {
  const rnd = mulberry32(seed);
  // Only nodes that some link touches have platforms; an isolated node is no query.
  const usable: number[] = [];
  for (let n = 0; n < net.nodes.length; n++) if ((g.nodeOff[n + 1] ?? 0) > (g.nodeOff[n] ?? 0)) usable.push(n);
  if (usable.length < 2) return [];
  const out: RouteRequest[] = [];
  while (out.length < count) {
    const a = pick(rnd, usable);
    const b = pick(rnd, usable);
    if (a === b) continue;
    out.push({
      from: nodeAt(net, a).id,
      to: nodeAt(net, b).id,
      depart: YEAR_START_H + rnd() * 365 * 24,
      cargo: { kind: 'containers', teu: 2 },
    });
  }
  return out;
}

export interface LatencyOptions {
  name: string;
  queries: number;
  warmup: number;
  repeats: number;
  seed: number;
  emissions?: EmissionsModel | undefined;
  /** Risk as a fourth criterion on every query. */
  useRisk?: boolean | undefined;
  /**
   * Three criteria over the links exposed to no risk event only (every such link avoided): the risk-free part of
   * a four-criterion answer, which the risk run has to find too.
   */
  riskFreeOnly?: boolean | undefined;
  /** Also time the unbounded search on the same queries, and count queries whose criteria differ. */
  reference?: boolean | undefined;
}

/** The search's dominance tolerance on real-valued criteria (src/core/routing/destination-front.ts EPS). */
const EPS = 1e-9;

/**
 * Whether two Pareto sets are the same: route for route, criteria equal, or within the dominance tolerance EPS for
 * twins (routes whose sums differ in the last bit; the search keeps whichever it finds first, and the bounded and
 * unbounded searches pop in different orders).
 */
function sameFront(a: readonly ParetoPath[], b: readonly ParetoPath[]): boolean {
  const crit = (p: ParetoPath) => [p.arriveH, p.costUsd, p.co2eKg, p.riskLog, p.transfers];
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return q !== undefined && crit(p).every((x, k) => Math.abs(x - (crit(q)[k] ?? Number.NaN)) <= EPS);
    })
  );
}

/** CPU time of the process so far, ms (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * One pass of the reference search over the queries (unbounded; with risk, the exact bounded search): its times,
 * labels popped, and the queries whose set differs from `bounded`'s.
 */
function timeReference(
  graph: CompiledGraph,
  engine: RoutingEngine,
  reqs: readonly RouteRequest[],
  bounded: ParetoRouter,
  useRisk: boolean,
) {
  const exact = { relative: 0, riskAbsolute: 0 }; // the exact front (front-tolerance.ts EXACT_FRONT)
  const slow = new ParetoRouter(graph, useRisk ? { riskTolerance: exact } : { bounded: false });
  const times: number[] = [];
  const cpu0 = cpuMs();
  const popped: number[] = [];
  let mismatches = 0;
  for (const req of reqs) {
    const q = engine.toQuery(req);
    const a = performance.now();
    const paths = slow.search(q);
    times.push(performance.now() - a);
    popped.push(slow.stats.labelsPopped);
    if (!sameFront(paths, bounded.search(q))) mismatches++;
  }
  const searchCpuMs = cpuMs() - cpu0;
  return {
    kind: useRisk ? ('exact risk front' as const) : ('unbounded' as const),
    searchMedianMs: median(times),
    searchP99Ms: quantile(times, 0.99),
    searchCpuMs,
    labelsPoppedMedian: median(popped),
    mismatches,
  };
}

export function measureLatency(net: Network, o: LatencyOptions): LatencyResult {
  const t0 = performance.now();
  const graph = compileNetwork(net, { emissions: o.emissions });
  const compileMs = performance.now() - t0;
  const engine = new RoutingEngine(net, graph);
  // The bare search, as the engine runs it before building itineraries (an epsilon-front when risk is a criterion).
  const router = new ParetoRouter(graph, { riskTolerance: engine.riskTolerance });
  const risky = net.links.filter((l) => l.risk !== undefined).map((l) => l.id);
  const risk = (r: RouteRequest): RouteRequest =>
    o.useRisk ? { ...r, useRisk: true } : o.riskFreeOnly ? { ...r, avoidLinks: risky } : r;
  const reqs = randomRequests(net, graph, o.queries, o.seed).map(risk);
  // Warm-up on other pairs and dates from a different seed, so that the timed queries are not pre-cached.
  for (const r of randomRequests(net, graph, o.warmup, o.seed + 1)) engine.route(risk(r));

  const passes: Float64Array[] = [];
  const route = new Float64Array(reqs.length);
  const sizes: number[] = [];
  const popped: number[] = [];
  const searchCpu0 = cpuMs();
  for (let r = 0; r < o.repeats; r++) {
    const times = new Float64Array(reqs.length);
    for (const [i, req] of reqs.entries()) {
      const a = performance.now();
      const paths = router.search(engine.toQuery(req));
      times[i] = performance.now() - a;
      if (r === 0) sizes.push(paths.length);
      else if (paths.length !== sizes[i])
        throw new Error(`${o.name}: query ${i} found ${paths.length}, then ${sizes[i]}`);
    }
    passes.push(times);
  }
  const searchCpuMs = (cpuMs() - searchCpu0) / o.repeats;
  const search = Float64Array.from(reqs, (_, i) => median(passes.map((t) => t[i] ?? Number.NaN)));
  const routeCpu0 = cpuMs();
  for (const [i, req] of reqs.entries()) {
    const a = performance.now();
    const r = engine.route(req);
    route[i] = performance.now() - a;
    popped.push(r.stats.labelsPopped);
    // The full route must find exactly the routes the bare search found.
    if (r.itineraries.length !== sizes[i])
      throw new Error(`${o.name}: route() found ${r.itineraries.length} itineraries, search ${sizes[i]}`);
  }
  const routeCpuMs = cpuMs() - routeCpu0;
  const reference = o.reference ? timeReference(graph, engine, reqs, router, o.useRisk === true) : undefined;
  return {
    ...(reference ? { reference } : {}),
    name: o.name,
    nodes: net.nodes.length,
    links: net.links.length,
    services: net.services.length,
    vertices: graph.vertexCount,
    edges: graph.edgeCount,
    compileMs,
    emissions: o.emissions !== undefined,
    queries: reqs.length,
    warmup: o.warmup,
    repeats: o.repeats,
    routed: sizes.filter((s) => s > 0).length,
    meanParetoSize: mean(sizes),
    maxParetoSize: sizes.length ? Math.max(...sizes) : 0,
    labelsPoppedMedian: median(popped),
    labelsPoppedMax: popped.length ? Math.max(...popped) : 0,
    searchMedianMs: median(search),
    searchP99Ms: quantile(search, 0.99),
    searchMeanMs: mean(search),
    searchMaxMs: quantile(search, 1),
    routeMedianMs: median(route),
    routeP99Ms: quantile(route, 0.99),
    routeMeanMs: mean(route),
    searchCpuMs,
    routeCpuMs,
  };
}
