/**
 * Key figures of an equilibrium assignment: per OD pair the served and unserved volume, mean and P90 door-to-
 * door time, cost and CO2e per unit and the corridor split; per corridor the volume and share by commodity;
 * the bottleneck ranking of capacity-limited elements; and totals (unit-days in transit, cost, CO2e,
 * generalised cost including the penalty of unserved demand, and the shippers' expected perceived cost: the
 * logsum, the measure of their welfare, which the flow-weighted generalised cost is not under logit choice).
 *
 * Times: the mean is the flow-weighted mean of the routes' expected times (travel, timetable wait, congestion
 * delay). P50 and P90 come from the reliability Monte Carlo (reliability/monte-carlo.ts) on each route's
 * timeline, with the route's mean congestion delay added as a fixed step (its variability is not sampled), at
 * eight ready times spread over the week, routes sampled in proportion to their flow. Each route's own buffer time
 * (P90 minus mean) is sampled apart, from a stream seeded by its steps, so that two runs compare a route with common
 * random numbers (the appraisal's reliability benefit).
 */

import { must } from '../must.ts';
import { compileTimeline, sampleTransitTimes } from '../reliability/monte-carlo.ts';
import { quantilesInPlace } from '../reliability/quantiles.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import type { CorridorLabel } from '../routing/corridor-label.ts';
import { unitCo2e, unitCost } from '../routing/edge-cost.ts';
import { buildItinerary } from '../routing/itinerary.ts';
import { hoursToDays, WEEK_H } from '../time.ts';
import type { AssignmentResult, OdAssignment, RouteFlow } from './assignment.ts';

export interface RouteSummary {
  corridor: CorridorLabel;
  keyNodes: string[];
  flow: number;
  share: number;
  timeH: number;
  congestionH: number;
  costUsdPerUnit: number;
  co2eKgPerUnit: number;
  generalisedCostUsdPerUnit: number;
  /**
   * P90 minus mean of the route's own sampled transit times, hours; null without samples or below a thousandth of
   * the pair's flow. Seeded by the route's steps, so the same route in two runs draws the same numbers and its
   * change is the change in its delays.
   */
  bufferH: number | null;
}

export interface OdKpi {
  from: string;
  to: string;
  commodity: string;
  unit: 'TEU' | 't';
  demand: number;
  served: number;
  unserved: number;
  noRoute: boolean;
  meanTimeH: number | null;
  p50TimeH: number | null;
  p90TimeH: number | null;
  costUsdPerUnit: number | null;
  co2eKgPerUnit: number | null;
  /** Generalised cost of the served volume, USD per year. */
  servedGeneralisedCostUsd: number;
  /** Generalised cost of not shipping, USD per unit; null when the pair has no route. */
  penaltyUsdPerUnit: number | null;
  /**
   * The shippers' expected perceived cost per unit (the logsum of the route choice, not shipping included); null
   * when the pair has no route. Its change between two runs is the change in their welfare.
   */
  userCostUsdPerUnit: number | null;
  routes: RouteSummary[];
}

export interface BottleneckKpi {
  kind: string;
  id: string;
  direction?: string | undefined;
  utilisation: number;
  delayH: number;
  loadContainersTeu: number;
  loadAllTeuEq: number;
  capacityContainersTeu: number | null;
  capacityAllTeuEq: number | null;
}

export interface CommodityTotals {
  commodity: string;
  unit: 'TEU' | 't';
  demand: number;
  served: number;
  unserved: number;
  /** Served units times mean days in transit: TEU-days or tonne-days per year. */
  unitDays: number;
  costUsd: number;
  co2eTonnes: number;
  /** Including the penalty of unserved demand (pairs with no route at all have no penalty and count 0). */
  generalisedCostUsd: number;
  /** Demand times the pairs' expected perceived cost (OdKpi.userCostUsdPerUnit), USD a year; no-route pairs 0. */
  userCostUsd: number;
  /** Served volume by corridor, and shares of the served volume. */
  byCorridor: Record<string, { volume: number; share: number }>;
}

export interface ScenarioKpis {
  iterations: number;
  relativeGap: number;
  converged: boolean;
  ods: OdKpi[];
  commodities: CommodityTotals[];
  bottlenecks: BottleneckKpi[];
  totals: { generalisedCostUsd: number; userCostUsd: number; costUsd: number; co2eTonnes: number };
  reliability: { seed: number; samplesPerOd: number } | null;
}

export interface KpiOptions {
  /** Monte Carlo samples per OD pair for P50/P90 (0 skips; default 2000). */
  samples?: number | undefined;
  seed?: number | undefined;
  /** Elements listed, most utilised first (default all). */
  topBottlenecks?: number | undefined;
}

const PHASES = 8;
/** Smallest share of its pair's flow for which a route's own buffer time is sampled. */
const MIN_BUFFER_SHARE = 0.001;

/** A route's summary and its timeline for the Monte Carlo (the congestion delays as fixed steps). */
interface RouteTimes {
  summary: RouteSummary;
  steps: TimelineStep[];
  /** Hash of the route's own steps (kind and label, not its congestion), its random stream. */
  stream: number;
}

export function computeKpis(r: AssignmentResult, opts: KpiOptions = {}): ScenarioKpis {
  const samples = opts.samples ?? 2000;
  const seed = opts.seed ?? 1;
  const totals = new Map<string, CommodityTotals>();
  for (const k of r.classes) totals.set(k.commodity.id, emptyTotals(k.commodity.id, k.unit));
  const odKpis = r.ods.map((od) =>
    odKpi(r, od, must(totals.get(od.commodity), 'totals of a commodity'), samples, seed),
  );
  for (const t of totals.values())
    for (const c of Object.values(t.byCorridor)) c.share = t.served > 0 ? c.volume / t.served : 0;
  const commodities = [...totals.values()];
  return {
    iterations: r.iterations,
    relativeGap: r.relativeGap,
    converged: r.converged,
    ods: odKpis,
    commodities,
    bottlenecks: bottleneckKpis(r, opts.topBottlenecks),
    totals: {
      generalisedCostUsd: commodities.reduce((s, c) => s + c.generalisedCostUsd, 0),
      userCostUsd: commodities.reduce((s, c) => s + c.userCostUsd, 0),
      costUsd: commodities.reduce((s, c) => s + c.costUsd, 0),
      co2eTonnes: commodities.reduce((s, c) => s + c.co2eTonnes, 0),
    },
    reliability: samples > 0 ? { seed, samplesPerOd: samples } : null,
  };
}

function emptyTotals(commodity: string, unit: 'TEU' | 't'): CommodityTotals {
  return {
    commodity,
    unit,
    demand: 0,
    served: 0,
    unserved: 0,
    unitDays: 0,
    costUsd: 0,
    co2eTonnes: 0,
    generalisedCostUsd: 0,
    userCostUsd: 0,
    byCorridor: {},
  };
}

/** The KPIs of one OD pair; adds its routes and volumes to its commodity's totals `t` (mutated). */
function odKpi(r: AssignmentResult, od: OdAssignment, t: CommodityTotals, samples: number, seed: number): OdKpi {
  const k = must(r.classes[od.classIndex], 'class of an OD pair');
  let served = 0;
  for (const rt of od.routes) served += rt.flow;
  const times = od.routes.map((rt) => routeTimes(r, od.classIndex, rt, served));
  // Routes below a thousandth of the pair's flow weigh nothing in a reliability benefit: not sampled.
  for (const x of times)
    if (samples > 0 && x.summary.share >= MIN_BUFFER_SHARE)
      x.summary.bufferH = routeBufferH(x.steps, samples, seed, x.stream);
  for (const { summary } of times) addRoute(t, summary);
  const routes = times.map((x) => x.summary);
  t.demand += od.demand;
  t.served += served;
  t.unserved += od.unserved;
  if (od.unserved > 0 && Number.isFinite(od.penaltyUsdPerUnit))
    t.generalisedCostUsd += od.unserved * od.penaltyUsdPerUnit;
  const userCost = Number.isFinite(od.expectedCostUsdPerUnit) ? od.expectedCostUsdPerUnit : null;
  if (userCost !== null) t.userCostUsd += od.demand * userCost;
  const mean = (f: (x: RouteSummary) => number) => (served > 0 ? routes.reduce((s, x) => s + x.share * f(x), 0) : null);
  let p50: number | null = null;
  let p90: number | null = null;
  if (samples > 0 && served > 0)
    [p50, p90] = odQuantiles(
      times.map((x) => ({ steps: x.steps, share: x.summary.share })),
      samples,
      seed + od.flowIndex,
    );
  return {
    from: od.from,
    to: od.to,
    commodity: od.commodity,
    unit: k.unit,
    demand: od.demand,
    served,
    unserved: od.unserved,
    noRoute: od.noRoute,
    meanTimeH: mean((x) => x.timeH),
    p50TimeH: p50,
    p90TimeH: p90,
    costUsdPerUnit: mean((x) => x.costUsdPerUnit),
    co2eKgPerUnit: mean((x) => x.co2eKgPerUnit),
    servedGeneralisedCostUsd: routes.reduce((s, x) => s + x.flow * x.generalisedCostUsdPerUnit, 0),
    penaltyUsdPerUnit: Number.isFinite(od.penaltyUsdPerUnit) ? od.penaltyUsdPerUnit : null,
    userCostUsdPerUnit: userCost,
    routes,
  };
}

/**
 * A route's expected time (base time plus congestion delay), cost, CO2e and generalised cost per unit of class
 * `classIndex`, its corridor and key nodes, and its timeline with the congestion delays as fixed dwell steps.
 */
function routeTimes(r: AssignmentResult, classIndex: number, rt: RouteFlow, served: number): RouteTimes {
  const { network: net, graph: g } = r;
  const k = must(r.classes[classIndex], 'class of an OD pair');
  let timeH = 0;
  let congestionH = 0;
  let cost = 0;
  let co2 = 0;
  const congestionSteps: TimelineStep[] = [];
  for (const e of rt.edges) {
    timeH += must(r.edgeBaseTimeH[e], 'base time of an edge');
    const res = must(r.resources.edgeResource[e], 'element of an edge');
    const delayH = res >= 0 ? must(r.delayH[res], 'delay of an element') : 0;
    if (delayH > 0) {
      congestionH += delayH;
      congestionSteps.push({
        kind: 'dwell',
        label: `congestion ${r.resources.id[res]}`,
        duration: { dist: 'fixed', value: delayH },
      });
    }
    cost += unitCost(g, e, k.perTeu);
    co2 += unitCo2e(g, e, k.perTeu);
  }
  timeH += congestionH;
  const it = buildItinerary(
    net,
    g,
    { edges: Array.from(rt.edges), arriveH: 0, costUsd: cost, co2eKg: co2, riskLog: 0, transfers: 0 },
    0,
    k.perTeu ? { kind: 'containers', teu: 1 } : { kind: k.commodity.kind as 'bulk', tonnes: 1 },
  );
  const summary: RouteSummary = {
    corridor: it.corridor,
    keyNodes: it.keyNodes,
    flow: rt.flow,
    share: served > 0 ? rt.flow / served : 0,
    timeH,
    congestionH,
    costUsdPerUnit: cost,
    co2eKgPerUnit: co2,
    generalisedCostUsdPerUnit: k.valueOfTimeUsdPerUnitH * timeH + cost + k.carbonUsdPerKg * co2,
    bufferH: null,
  };
  return { summary, steps: [...it.timeline.steps, ...congestionSteps], stream: stepsHash(it.timeline.steps) };
}

/** FNV-1a hash of the steps' kinds and labels. */
function stepsHash(steps: readonly TimelineStep[]): number {
  let h = 0x811c9dc5;
  for (const st of steps)
    for (const ch of `${st.kind}:${st.label};`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

/**
 * A route's buffer time (P90 minus mean), hours, from `samples` draws at the eight ready times; the draws come
 * from the stream of its steps, so two runs compare the route with common random numbers.
 */
function routeBufferH(steps: TimelineStep[], samples: number, seed: number, stream: number): number {
  const n = Math.max(1, Math.round(samples / PHASES));
  const all = new Float64Array(n * PHASES);
  for (let ph = 0; ph < PHASES; ph++) {
    const c = compileTimeline({ departH: ph * (WEEK_H / PHASES), steps });
    all.set(sampleTransitTimes(c, (seed * 7919 + stream + ph) >>> 0, n), ph * n);
  }
  let mean = 0;
  for (const x of all) mean += x / all.length;
  const [p90] = quantilesInPlace(all, [0.9]) as [number];
  return p90 - mean;
}

/** Adds a route's flow to its commodity's totals: unit-days, cost, CO2e, generalised cost, corridor volume. */
function addRoute(t: CommodityTotals, x: RouteSummary): void {
  t.unitDays += x.flow * hoursToDays(x.timeH);
  t.costUsd += x.flow * x.costUsdPerUnit;
  t.co2eTonnes += (x.flow * x.co2eKgPerUnit) / 1000;
  t.generalisedCostUsd += x.flow * x.generalisedCostUsdPerUnit;
  const c = t.byCorridor[x.corridor] ?? { volume: 0, share: 0 };
  c.volume += x.flow;
  t.byCorridor[x.corridor] = c;
}

/** The capacity-limited elements, most utilised first (the first `top`, default all). */
function bottleneckKpis(r: AssignmentResult, top: number | undefined): BottleneckKpi[] {
  const res = r.resources;
  const at = <T>(xs: ArrayLike<T>, i: number): T => must(xs[i], 'figure of an element');
  const order = Array.from({ length: res.count }, (_, i) => i).sort(
    (a, b) => at(r.utilisation, b) - at(r.utilisation, a),
  );
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return order.slice(0, top ?? res.count).map((i) => ({
    kind: at(res.kind, i),
    id: at(res.id, i),
    direction: res.direction[i],
    utilisation: at(r.utilisation, i),
    delayH: at(r.delayH, i),
    loadContainersTeu: at(r.loadContainersTeu, i),
    loadAllTeuEq: at(r.loadAllTeuEq, i),
    capacityContainersTeu: fin(at(res.capContainersTeu, i)),
    capacityAllTeuEq: fin(at(res.capAllTeuEq, i)),
  }));
}

/** P50 and P90 of the pooled transit times of an OD pair's routes, sampled in proportion to their shares. */
function odQuantiles(
  routes: Array<{ steps: TimelineStep[]; share: number }>,
  samples: number,
  seed: number,
): [number, number] {
  const parts: Float64Array[] = [];
  let stream = 0;
  for (const rt of routes) {
    const n = Math.max(1, Math.round((samples * rt.share) / PHASES));
    for (let ph = 0; ph < PHASES; ph++) {
      // Ready times spread over the week (every 21 h), so the timetable wait is averaged.
      const c = compileTimeline({ departH: ph * (WEEK_H / PHASES), steps: rt.steps });
      parts.push(sampleTransitTimes(c, (seed * 7919 + stream++) >>> 0, n));
    }
  }
  const all = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  const [p50, p90] = quantilesInPlace(all, [0.5, 0.9]) as [number, number];
  return [p50, p90];
}
