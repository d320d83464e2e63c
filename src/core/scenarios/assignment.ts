/**
 * Capacity-constrained assignment of freight demand to routes: a multi-class user equilibrium (Wardrop's first
 * principle: no shipper can lower its generalised cost by changing route) over the compiled graph.
 *
 * Generalised cost of an edge for commodity c, USD per unit (TEU or tonne):
 *   valueOfTime_c * (travel time + mean timetable wait + congestion delay) + cost + carbonPrice * CO2e,
 * with the congestion delay of the element the edge uses (congestion.ts, resources.ts). Classes share the
 * elements, each with its own value of time, so the problem has no potential function and Frank–Wolfe does not
 * apply. Two route-based solvers: gradient projection (Jayakrishnan, Tsai, Prashker and Rajadhyaksha, TRR 1443,
 * 1994; the default), which moves flow between the routes of one OD pair by Newton steps, and the method of
 * successive averages (Sheffi, "Urban Transportation Networks", 1985, ch. 12), the plain reference. Each
 * iteration runs one single-source Dijkstra per commodity and origin and measures the relative gap
 * (sum of flow x route cost - sum of demand x cheapest cost) / sum of flow x route cost.
 *
 * Stochastic user equilibrium (model 'sue'): commodities with a logit dispersion (demand.ts) choose among the
 * corridor alternatives of their OD pair (corridor-choice.ts: the cheapest route of each corridor under the current
 * congestion, plus not shipping) by multinomial logit, and the flows are averaged by the method of successive
 * averages (Sheffi 1985, ch. 12.2: x <- x + (y - x) / n, y the logit flows under the current costs;
 * here with the self-regulated step of Liu, He and He 2009), so that congestion feeds back into the choice. Commodities without a dispersion keep the deterministic choice, solved by
 * gradient projection in the same iterations. The stop test is the relative gap of the deterministic classes and,
 * for the logit classes, the share of demand that the logit would still move: sum |y - x| / sum demand. Within a
 * corridor the route variants share its flow by a sharper logit (a nested logit, see logitTargets).
 *
 * Unserved demand: each OD pair may also "not ship" at a penalty of unservedCostFactor x its free-flow
 * generalised cost (the excess-demand transformation of an elastic demand into a dummy route, Sheffi ch. 6).
 * Where every route costs more than that, the demand is reported as unserved; where there is no route at all
 * it is unserved with noRoute. Served plus unserved always equals demand.
 */
import { KeruenError } from '../errors.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { DEFAULT_TONNES_PER_TEU } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { type CsrGraph, Dijkstra } from '../routing/dijkstra.ts';
import { unitCo2e, unitCost } from '../routing/edge-cost.ts';
import { buildEdgeCuts, type Cargo } from '../routing/query.ts';
import { batchHoursAt, DEFAULT_RHO_MAX, mD1WaitH, mD1WaitSlopeH, meanTimetableWaitH } from './congestion.ts';
import { CORRIDOR_BANS, corridorOfEdges, edgeCorridors } from './corridor-choice.ts';
import { assertDemandFits, type Commodity, type DemandSet } from './demand.ts';
import { logitExpectedCost, logitShares } from './logit.ts';

/** Dispersion within a corridor (among its route variants) relative to the dispersion between corridors. */
const WITHIN_NEST = 10;

import { buildResources, type Resources } from './resources.ts';

export interface AssignmentOptions {
  /** Stop after this many iterations (default 200; 500 for the stochastic equilibrium). */
  maxIterations?: number | undefined;
  /**
   * Stop when the relative gap falls below this (default 1e-4; 1e-3 for the stochastic equilibrium, whose
   * successive averages converge more slowly: 1e-3 of the demand is a few hundred TEU on the largest pair).
   */
  relativeGap?: number | undefined;
  /** Count planned and under-construction links and nodes expected by this year as open. */
  includePlannedUpTo?: number | undefined;
  /** Penalty of not shipping, as a multiple of the OD pair's free-flow generalised cost (default 2). */
  unservedCostFactor?: number | undefined;
  /** Multiplies every commodity's value of time (shippers' sensitivity to time). */
  valueOfTimeFactor?: number | undefined;
  /** Carbon price, USD per tonne CO2e; overrides the demand set's. */
  carbonPriceUsdPerTonneCo2e?: number | undefined;
  /** Utilisation beyond which the delay curve continues linearly (default 0.95). */
  rhoMax?: number | undefined;
  /**
   * Solver: route-based gradient projection (default, fast) or the plain method of successive averages (the
   * reference: simple, slow, kept to check the other).
   */
  method?: 'gradient-projection' | 'msa' | undefined;
  /**
   * Route choice: deterministic user equilibrium ('ue') or stochastic user equilibrium with logit corridor choice
   * for the commodities that carry a logit dispersion ('sue'). Default: 'sue' when the demand set gives any
   * commodity a dispersion, 'ue' otherwise.
   */
  model?: 'ue' | 'sue' | undefined;
  /** Logit dispersion by commodity id, 1/USD per unit; overrides the demand set's (calibration, tests). */
  logitDispersionPerUsd?: Readonly<Record<string, number>> | undefined;
}

export interface CommodityClass {
  commodity: Commodity;
  perTeu: boolean;
  unit: 'TEU' | 't';
  /** TEU equivalents per unit of volume (1 for TEU; 1/10 per tonne). */
  teuEqPerUnit: number;
  valueOfTimeUsdPerUnitH: number;
  carbonUsdPerKg: number;
  /** Logit dispersion, 1/USD per unit; 0 when the class chooses deterministically (or the model is 'ue'). */
  logitDispersionPerUsd: number;
}

export interface RouteFlow {
  /** Compiled edge indices, origin to destination. */
  edges: Int32Array;
  /** Capacity-limited elements the route uses (resources.ts indices, one per use). */
  resources: Int32Array;
  /** Units per year. */
  flow: number;
}

export interface OdAssignment {
  /** Index of the flow in the demand set. */
  flowIndex: number;
  from: string;
  to: string;
  commodity: string;
  classIndex: number;
  demand: number;
  unserved: number;
  /** True when no route connects the pair under the network's status and cargo rules. */
  noRoute: boolean;
  /** Generalised cost of not shipping, USD per unit (NaN when there is no route). */
  penaltyUsdPerUnit: number;
  routes: RouteFlow[];
}

export interface AssignmentResult {
  network: Network;
  graph: CompiledGraph;
  demand: DemandSet;
  classes: CommodityClass[];
  resources: Resources;
  /** Per resource: container load (TEU/yr), all-cargo load (TEU eq/yr), utilisation, delay (h). */
  loadContainersTeu: Float64Array;
  loadAllTeuEq: Float64Array;
  utilisation: Float64Array;
  delayH: Float64Array;
  /** Per compiled edge: travel time plus mean timetable wait, hours (without congestion). */
  edgeBaseTimeH: Float64Array;
  ods: OdAssignment[];
  model: 'ue' | 'sue';
  iterations: number;
  relativeGap: number;
  converged: boolean;
  dijkstraRuns: number;
}

function cargoOf(c: Commodity): Cargo {
  return c.kind === 'containers' ? { kind: 'containers', teu: 1 } : { kind: c.kind, tonnes: 1 };
}

/**
 * Assigns a demand set to a network at equilibrium. Pure; allocates its scratch arrays once per call.
 * @example
 *   const r = assignDemand(net, compileNetwork(net, { emissions }), demand, { relativeGap: 1e-4 });
 *   r.ods[0].routes; // route flows of the first OD pair, units per year
 */
export function assignDemand(
  net: Network,
  g: CompiledGraph,
  demand: DemandSet,
  opts: AssignmentOptions = {},
): AssignmentResult {
  assertDemandFits(net, demand);
  const maxItOpt = opts.maxIterations;
  const factor = opts.unservedCostFactor ?? 2;
  const rhoMax = opts.rhoMax ?? DEFAULT_RHO_MAX;
  if (!(factor >= 1)) throw new KeruenError('KERUEN_INVALID_INPUT', `unservedCostFactor ${factor} must be >= 1`);
  if (maxItOpt !== undefined && !(maxItOpt >= 1))
    throw new KeruenError('KERUEN_INVALID_INPUT', `maxIterations ${maxItOpt} must be >= 1`);
  const vf = opts.valueOfTimeFactor ?? 1;
  if (!(vf >= 0)) throw new KeruenError('KERUEN_INVALID_INPUT', `valueOfTimeFactor ${vf} must be >= 0`);
  const carbonT = opts.carbonPriceUsdPerTonneCo2e ?? demand.carbonPriceUsdPerTonneCo2e?.value ?? 0;

  const thetaOf = (c: Commodity): number => {
    const t = opts.logitDispersionPerUsd?.[c.id] ?? c.logitDispersionPerUsd?.value ?? 0;
    if (!(t >= 0)) throw new KeruenError('KERUEN_INVALID_INPUT', `logit dispersion ${t} of ${c.id} must be >= 0`);
    return t;
  };
  const model = opts.model ?? (demand.commodities.some((c) => thetaOf(c) > 0) ? 'sue' : 'ue');
  const classes: CommodityClass[] = demand.commodities.map((c) => ({
    commodity: c,
    perTeu: c.kind === 'containers',
    unit: c.kind === 'containers' ? 'TEU' : 't',
    teuEqPerUnit: c.kind === 'containers' ? 1 : 1 / DEFAULT_TONNES_PER_TEU,
    valueOfTimeUsdPerUnitH: c.valueOfTimeUsdPerUnitH.value * vf,
    carbonUsdPerKg: carbonT / 1000,
    logitDispersionPerUsd: model === 'sue' ? thetaOf(c) : 0,
  }));
  const isLogit = classes.map((k) => k.logitDispersionPerUsd > 0);
  const tol = opts.relativeGap ?? (model === 'sue' ? 1e-3 : 1e-4);
  const maxIt = maxItOpt ?? (model === 'sue' ? 500 : 200);
  const classOf = new Map(demand.commodities.map((c, i) => [c.id, i]));

  // Edge base time: travel plus mean wait for the timetable of a scheduled edge.
  const M = g.edgeCount;
  const V = g.vertexCount;
  const N = net.nodes.length;
  const serviceWait = net.services.map((s, si) =>
    meanTimetableWaitH(g.depOffsetsH.subarray(g.depOff[si]!, g.depOff[si + 1]!), s.cancellationProbability?.value ?? 0),
  );
  const edgeBaseTimeH = new Float64Array(M);
  for (let e = 0; e < M; e++) {
    const s = g.service[e]!;
    edgeBaseTimeH[e] = g.timeH[e]! + (s >= 0 ? serviceWait[s]! : 0);
  }

  // Augmented CSR: one source vertex per node (V + n) linked at no cost to the node's platforms.
  const P = g.nodeOff[N]!;
  const off = new Int32Array(V + N + 1);
  off.set(g.off.subarray(0, V + 1));
  for (let n = 0; n < N; n++) off[V + n + 1] = M + g.nodeOff[n + 1]!;
  const to = new Int32Array(M + P);
  to.set(g.target);
  for (let p = 0; p < P; p++) to[M + p] = g.nodePlatforms[p]!;

  // Base generalised cost per class; Infinity on edges the class cannot use.
  const cut = new Uint8Array(M);
  const base = classes.map((k) => {
    buildEdgeCuts(g, { cargo: cargoOf(k.commodity), includePlannedUpTo: opts.includePlannedUpTo }, cut);
    const w = new Float64Array(M + P);
    for (let e = 0; e < M; e++) {
      w[e] = cut[e]
        ? Number.POSITIVE_INFINITY
        : k.valueOfTimeUsdPerUnitH * edgeBaseTimeH[e]! +
          unitCost(g, e, k.perTeu) +
          k.carbonUsdPerKg * unitCo2e(g, e, k.perTeu);
    }
    return w;
  });
  const weights = new Float64Array(M + P);
  const csr: CsrGraph = { n: V + N, off, to, w: weights };
  const dj = new Dijkstra(csr);

  const res = buildResources(net, g);
  const R = res.count;
  const loadC = new Float64Array(R);
  const loadA = new Float64Array(R);
  const util = new Float64Array(R);
  const delay = new Float64Array(R);
  /** dW/drho (hours), and whether the container-only measure binds. */
  const slope = new Float64Array(R);
  const bindsContainers = new Uint8Array(R);
  const refresh = (r: number) => {
    const rc = loadC[r]! / res.capContainersTeu[r]!;
    const ra = loadA[r]! / res.capAllTeuEq[r]!;
    const c = rc >= ra;
    const cap = c ? res.capContainersTeu[r]! : res.capAllTeuEq[r]!;
    bindsContainers[r] = c ? 1 : 0;
    util[r] = Math.max(rc, ra);
    const h = batchHoursAt(cap);
    delay[r] = mD1WaitH(util[r]!, h, rhoMax);
    slope[r] = mD1WaitSlopeH(util[r]!, h, rhoMax);
  };
  const resourcesOf = (edges: Int32Array): Int32Array => {
    const out: number[] = [];
    for (const e of edges) if (res.edgeResource[e]! >= 0) out.push(res.edgeResource[e]!);
    return Int32Array.from(out);
  };

  // OD pairs grouped by class and origin, so that one search serves every destination of an origin.
  const ods: OdAssignment[] = demand.flows.map((f, i) => ({
    flowIndex: i,
    from: f.from,
    to: f.to,
    commodity: f.commodity,
    classIndex: classOf.get(f.commodity)!,
    demand: f.volumePerYear.value,
    unserved: 0,
    noRoute: false,
    penaltyUsdPerUnit: Number.NaN,
    routes: [],
  }));
  const routeIndex = ods.map(() => new Map<string, number>());
  const groups: Array<{ classIndex: number; origin: number; ods: OdAssignment[] }> = [];
  const groupOf = new Map<string, number>();
  for (const od of ods) {
    if (od.demand <= 0) continue;
    const key = `${od.classIndex} ${od.from}`;
    let gi = groupOf.get(key);
    if (gi === undefined) {
      gi = groups.length;
      groupOf.set(key, gi);
      groups.push({ classIndex: od.classIndex, origin: net.nodeIndex.get(od.from)!, ods: [] });
    }
    groups[gi]!.ods.push(od);
  }
  const best: Array<{ edges: Int32Array | undefined; cost: number }> = ods.map(() => ({ edges: undefined, cost: 0 }));

  const setWeights = (k: number) => {
    const b = base[k]!;
    const vot = classes[k]!.valueOfTimeUsdPerUnitH;
    weights.set(b);
    if (vot > 0) {
      const er = res.edgeResource;
      for (let e = 0; e < M; e++) {
        const r = er[e]!;
        if (r >= 0 && delay[r]! > 0) weights[e] = b[e]! + vot * delay[r]!;
      }
    }
  };
  /** Generalised cost of a route for its class under the current delays. */
  const costOf = (k: number, rt: RouteFlow): number => {
    const b = base[k]!;
    const vot = classes[k]!.valueOfTimeUsdPerUnitH;
    let c = 0;
    for (const e of rt.edges) c += b[e]!;
    for (const r of rt.resources) c += vot * delay[r]!;
    return c;
  };
  /** d(cost of a unit of class k)/d(flow of class k through resource r), USD per unit per unit per year. */
  const marginal = (k: number, r: number): number => {
    const cl = classes[k]!;
    const perUnit = bindsContainers[r]
      ? cl.perTeu
        ? 1 / res.capContainersTeu[r]!
        : 0
      : cl.teuEqPerUnit / res.capAllTeuEq[r]!;
    return cl.valueOfTimeUsdPerUnitH * slope[r]! * perUnit;
  };
  const moveFlow = (k: number, rt: RouteFlow, delta: number) => {
    const cl = classes[k]!;
    rt.flow += delta;
    for (const r of rt.resources) {
      loadA[r]! += delta * cl.teuEqPerUnit;
      if (cl.perTeu) loadC[r]! += delta;
    }
    for (const r of rt.resources) refresh(r);
  };
  /** Newton step denominator for shifting flow from route a to route b (b undefined: to not shipping). */
  const curvature = (k: number, a: RouteFlow | undefined, b: RouteFlow | undefined): number => {
    const n = new Map<number, number>();
    if (a) for (const r of a.resources) n.set(r, (n.get(r) ?? 0) + 1);
    if (b) for (const r of b.resources) n.set(r, (n.get(r) ?? 0) - 1);
    let h = 0;
    for (const [r, d] of n) if (d !== 0) h += d * d * marginal(k, r);
    return h;
  };

  const pathEdges = (destPlatform: number): Int32Array => {
    const verts = dj.pathTo(destPlatform);
    const out = new Int32Array(verts.length - 2);
    for (let i = 1; i + 1 < verts.length; i++) {
      const u = verts[i]!;
      const v = verts[i + 1]!;
      let bestE = -1;
      for (let e = off[u]!; e < off[u + 1]!; e++)
        if (to[e] === v && (bestE < 0 || weights[e]! < weights[bestE]!)) bestE = e;
      out[i - 1] = bestE;
    }
    return out;
  };

  const updateLoads = () => {
    loadC.fill(0);
    loadA.fill(0);
    for (const od of ods) {
      const k = classes[od.classIndex]!;
      for (const rt of od.routes) {
        if (rt.flow <= 0) continue;
        for (const r of rt.resources) {
          loadA[r]! += rt.flow * k.teuEqPerUnit;
          if (k.perTeu) loadC[r]! += rt.flow;
        }
      }
    }
    for (let r = 0; r < R; r++) refresh(r);
  };
  const routeFor = (od: OdAssignment, edges: Int32Array): RouteFlow => {
    const key = edges.join(',');
    let j = routeIndex[od.flowIndex]!.get(key);
    if (j === undefined) {
      j = od.routes.length;
      routeIndex[od.flowIndex]!.set(key, j);
      od.routes.push({ edges, resources: resourcesOf(edges), flow: 0 });
    }
    return od.routes[j]!;
  };

  const method = opts.method ?? 'gradient-projection';
  // Logit classes: corridor bits of every edge, and each OD pair's alternatives of the current iteration.
  const ec = isLogit.some(Boolean) ? edgeCorridors(net, g) : undefined;
  const alts: Array<Map<string, { edges: Int32Array; cost: number }>> = ods.map(() => new Map());
  const congested = new Float64Array(M);
  let shareBuf = new Float64Array(8);
  const labelOf = new Map<RouteFlow, string>();
  const routeLabel = (rt: RouteFlow): string => {
    let l = labelOf.get(rt);
    if (l === undefined) {
      l = corridorOfEdges(g, ec!, rt.edges);
      labelOf.set(rt, l);
    }
    return l;
  };
  /**
   * Logit flows of an OD pair under the current costs, per route index, and the unserved volume: a nested logit
   * (Ben-Akiva and Lerman 1985, ch. 10) whose upper level chooses the corridor (or not shipping) with the class's
   * dispersion theta on each corridor's expected cost, and whose lower level splits a corridor among its route
   * variants found so far with WITHIN_NEST x theta: close to the cheapest variant, but smooth, so that the
   * successive averages converge where two variants of one corridor share its flow through congestion.
   */
  const logitTargets = (od: OdAssignment): { y: Float64Array; unserved: number } => {
    for (const x of alts[od.flowIndex]!.values()) routeFor(od, x.edges);
    const k = od.classIndex;
    const theta = classes[k]!.logitDispersionPerUsd;
    const nests = new Map<string, number[]>();
    od.routes.forEach((rt, j) => {
      const l = routeLabel(rt);
      const n = nests.get(l);
      if (n) n.push(j);
      else nests.set(l, [j]);
    });
    const cost = od.routes.map((rt) => costOf(k, rt));
    const nestList = [...nests.values()];
    const upper = [
      ...nestList.map((js) =>
        logitExpectedCost(
          js.map((j) => cost[j]!),
          WITHIN_NEST * theta,
        ),
      ),
      od.penaltyUsdPerUnit,
    ];
    if (shareBuf.length < Math.max(upper.length, od.routes.length))
      shareBuf = new Float64Array(2 * Math.max(upper.length, od.routes.length));
    const pUp = Float64Array.from(logitShares(upper, theta, shareBuf).subarray(0, upper.length));
    const y = new Float64Array(od.routes.length);
    nestList.forEach((js, i) => {
      const p = logitShares(
        js.map((j) => cost[j]!),
        WITHIN_NEST * theta,
        shareBuf,
      );
      js.forEach((j, m) => {
        y[j] = od.demand * pUp[i]! * p[m]!;
      });
    });
    return { y, unserved: od.demand * pUp[nestList.length]! };
  };
  let sraDivisor = 2;
  let lastMoved = Number.POSITIVE_INFINITY;
  const steps: Array<{ od: OdAssignment; y: Float64Array; unserved: number }> = [];
  let iterations = 0;
  let gap = Number.POSITIVE_INFINITY;
  let converged = false;
  let runs = 0;
  updateLoads();
  for (let it = 0; it < maxIt; it++) {
    iterations = it + 1;
    let total = 0;
    let shortest = 0;
    // Cheapest route of every OD pair under the current delays.
    for (let k = 0; k < classes.length; k++) {
      let weightsSet = false;
      for (const grp of groups) {
        if (grp.classIndex !== k) continue;
        if (!weightsSet) setWeights(k);
        weightsSet = true;
        dj.run(V + grp.origin, -1);
        runs++;
        for (const od of grp.ods) {
          const d = net.nodeIndex.get(od.to)!;
          let bestP = -1;
          for (let p = g.nodeOff[d]!; p < g.nodeOff[d + 1]!; p++)
            if (dj.reached(p) && Number.isFinite(dj.dist[p]!) && (bestP < 0 || dj.dist[p]! < dj.dist[bestP]!))
              bestP = p;
          const b = best[od.flowIndex]!;
          if (bestP < 0) {
            b.edges = undefined;
            b.cost = Number.POSITIVE_INFINITY;
          } else {
            b.edges = pathEdges(bestP);
            b.cost = dj.dist[bestP]!;
          }
          if (!isLogit[k]) for (const rt of od.routes) total += rt.flow * costOf(k, rt);
        }
      }
      if (!weightsSet || !isLogit[k] || ec === undefined) continue;
      // Corridor alternatives: the cheapest route overall (above) and the cheapest with other corridors forbidden.
      for (const grp of groups) {
        if (grp.classIndex !== k) continue;
        for (const od of grp.ods) {
          const m = alts[od.flowIndex]!;
          m.clear();
          const b = best[od.flowIndex]!;
          if (b.edges !== undefined) m.set(corridorOfEdges(g, ec, b.edges), { edges: b.edges, cost: b.cost });
        }
      }
      congested.set(weights.subarray(0, M));
      for (const ban of CORRIDOR_BANS) {
        if (ban === 0) continue;
        for (let e = 0; e < M; e++) weights[e] = ec.mask[e]! & ban ? Number.POSITIVE_INFINITY : congested[e]!;
        for (const grp of groups) {
          if (grp.classIndex !== k) continue;
          dj.run(V + grp.origin, -1);
          runs++;
          for (const od of grp.ods) {
            const d = net.nodeIndex.get(od.to)!;
            let bestP = -1;
            for (let p = g.nodeOff[d]!; p < g.nodeOff[d + 1]!; p++)
              if (dj.reached(p) && Number.isFinite(dj.dist[p]!) && (bestP < 0 || dj.dist[p]! < dj.dist[bestP]!))
                bestP = p;
            if (bestP < 0) continue;
            const cost = dj.dist[bestP]!;
            const edges = pathEdges(bestP);
            const label = corridorOfEdges(g, ec, edges);
            const m = alts[od.flowIndex]!;
            const prev = m.get(label);
            if (prev === undefined || cost < prev.cost) m.set(label, { edges, cost });
          }
        }
      }
      weights.set(congested, 0);
    }
    if (it === 0) {
      // Free-flow costs: all-or-nothing (deterministic classes) or logit shares; the penalty of not shipping is
      // fixed from the cheapest free-flow cost.
      total = 0;
      for (const od of ods) {
        if (od.demand <= 0) continue;
        const b = best[od.flowIndex]!;
        if (b.edges === undefined) {
          od.noRoute = true;
          od.unserved = od.demand;
          continue;
        }
        od.penaltyUsdPerUnit = factor * b.cost;
        if (isLogit[od.classIndex]) {
          const { y, unserved } = logitTargets(od);
          od.routes.forEach((rt, j) => {
            rt.flow = y[j]!;
          });
          od.unserved = unserved;
        } else routeFor(od, b.edges).flow = od.demand;
      }
      updateLoads();
      continue;
    }
    let detDemand = 0;
    let moved = 0;
    let logitDemand = 0;
    for (const od of ods) {
      if (od.demand <= 0 || od.noRoute || isLogit[od.classIndex]) continue;
      detDemand += od.demand;
      total += od.unserved * od.penaltyUsdPerUnit;
      shortest += od.demand * Math.min(best[od.flowIndex]!.cost, od.penaltyUsdPerUnit);
    }
    // Logit classes: successive averages towards the logit flows under the current costs, with the
    // self-regulated step of Liu, He and He (Networks and Spatial Economics 9, 2009): the divisor grows by 1.5
    // when the distance |y - x| grew since the last iteration and by 0.1 when it shrank, so that the steps stay
    // long while the iterates improve (plain MSA adds 1 every time).
    const lambda = 1 / (it + 1);
    for (const od of ods) {
      if (od.demand <= 0 || od.noRoute || !isLogit[od.classIndex]) continue;
      const { y, unserved } = logitTargets(od);
      logitDemand += od.demand;
      od.routes.forEach((rt, j) => {
        moved += Math.abs(y[j]! - rt.flow);
      });
      moved += Math.abs(unserved - od.unserved);
      steps.push({ od, y, unserved });
    }
    if (it > 1) sraDivisor += moved >= lastMoved ? 1.5 : 0.1;
    lastMoved = moved;
    const step = 1 / sraDivisor;
    for (const { od, y, unserved } of steps) {
      od.routes.forEach((rt, j) => {
        rt.flow += step * (y[j]! - rt.flow);
      });
      od.unserved += step * (unserved - od.unserved);
    }
    steps.length = 0;
    const detGap = detDemand > 0 && total > 0 ? (total - shortest) / total : 0;
    const logitGap = logitDemand > 0 ? moved / logitDemand : 0;
    gap = Math.max(detGap, logitGap);
    if (gap < tol) {
      // The logit flows were already moved by this iteration's step; their loads are refreshed below.
      converged = true;
      break;
    }
    if (logitDemand > 0) updateLoads();
    if (method === 'msa') {
      // Plain method of successive averages: move 1/(k+1) of the demand to the cheapest option.
      for (const od of ods) {
        if (od.demand <= 0 || od.noRoute || isLogit[od.classIndex]) continue;
        for (const rt of od.routes) rt.flow *= 1 - lambda;
        od.unserved *= 1 - lambda;
        const b = best[od.flowIndex]!;
        if (b.edges === undefined || b.cost > od.penaltyUsdPerUnit) od.unserved += lambda * od.demand;
        else routeFor(od, b.edges).flow += lambda * od.demand;
      }
      updateLoads();
      continue;
    }
    // Route-based gradient projection (Jayakrishnan et al., Transportation Research Record 1443, 1994), one OD
    // pair at a time: shift flow from each dearer option to the cheapest by the Newton step
    // (cost difference) / (second derivative), recomputing the delays of the elements touched after each shift.
    for (const od of ods) {
      if (od.demand <= 0 || od.noRoute || isLogit[od.classIndex]) continue;
      const k = od.classIndex;
      const b = best[od.flowIndex]!;
      if (b.edges !== undefined) routeFor(od, b.edges);
      const costs = od.routes.map((rt) => costOf(k, rt));
      let bi = -1;
      for (let j = 0; j < costs.length; j++) if (bi < 0 || costs[j]! < costs[bi]!) bi = j;
      const P = od.penaltyUsdPerUnit;
      if (bi < 0 || costs[bi]! > P) {
        // Not shipping is the cheapest option: move flow off every route towards it.
        for (let j = 0; j < od.routes.length; j++) {
          const rt = od.routes[j]!;
          if (rt.flow <= 0) continue;
          const h = curvature(k, rt, undefined);
          const delta = h > 0 ? Math.min(rt.flow, (costOf(k, rt) - P) / h) : rt.flow;
          if (delta <= 0) continue;
          moveFlow(k, rt, -delta);
          od.unserved += delta;
        }
        continue;
      }
      const target = od.routes[bi]!;
      for (let j = 0; j < od.routes.length; j++) {
        if (j === bi) continue;
        const rt = od.routes[j]!;
        if (rt.flow <= 0) continue;
        const diff = costOf(k, rt) - costOf(k, target);
        if (diff <= 0) continue;
        const h = curvature(k, rt, target);
        const delta = h > 0 ? Math.min(rt.flow, diff / h) : rt.flow;
        moveFlow(k, rt, -delta);
        moveFlow(k, target, delta);
      }
      if (od.unserved > 0) {
        const diff = P - costOf(k, target);
        if (diff > 0) {
          const h = curvature(k, target, undefined);
          const delta = h > 0 ? Math.min(od.unserved, diff / h) : od.unserved;
          od.unserved -= delta;
          moveFlow(k, target, delta);
        }
      }
    }
    // Rounding in the incremental loads is cleared once per iteration.
    updateLoads();
  }
  if (iterations === 1) gap = Number.NaN;
  // Routes that carry (next to) nothing are dropped; their flow stays counted in the others.
  for (const od of ods) {
    const keep = od.routes.filter((r) => r.flow > 1e-9 * od.demand);
    const lost = od.routes.reduce((s, r) => s + r.flow, 0) - keep.reduce((s, r) => s + r.flow, 0);
    if (lost > 0 && keep.length > 0) keep[0]!.flow += lost;
    else if (lost > 0) od.unserved += lost;
    od.routes = keep.sort((a, b) => b.flow - a.flow);
  }
  updateLoads();
  return {
    network: net,
    graph: g,
    demand,
    classes,
    resources: res,
    loadContainersTeu: loadC,
    loadAllTeuEq: loadA,
    utilisation: util,
    delayH: delay,
    edgeBaseTimeH,
    ods,
    model,
    iterations,
    relativeGap: gap,
    converged,
    dijkstraRuns: runs,
  };
}
