/**
 * Logit route choice of the stochastic user equilibrium, per OD pair: its corridor alternatives of the current
 * iteration (corridor-choice.ts: the cheapest route overall and the cheapest with the other corridors forbidden)
 * and the flows a nested logit would give them under the current costs (Ben-Akiva and Lerman 1985, ch. 10): the
 * upper level chooses the corridor (or not shipping) with the class's dispersion theta on each corridor's expected
 * cost, the lower level splits a corridor among its route variants found so far with WITHIN_NEST x theta: close to
 * the cheapest variant, but smooth, so that the successive averages converge where two variants of one corridor
 * share its flow through congestion.
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { getNodeIndex, type Network } from '../network/network.ts';
import type { CheapestRoute, CheapestRoutes } from './cheapest-routes.ts';
import { CORRIDOR_BANS, corridorOfEdges, type EdgeCorridors, edgeCorridors } from './corridor-choice.ts';
import { logitExpectedCost, logitShares } from './logit.ts';
import type { OdAssignment, OdGroup, RouteBook, RouteFlow } from './route-flows.ts';

/** Dispersion within a corridor (among its route variants) relative to the dispersion between corridors. */
export const WITHIN_NEST = 10;

/** Logit flows of an OD pair: per route index, and the volume left unserved. Units per year. */
export interface LogitTargets {
  y: Float64Array;
  unserved: number;
}

/** A growable scratch buffer for the logit shares, so that most calls allocate nothing for them. */
export interface ShareScratch {
  buf: Float64Array;
}

/**
 * Nested logit flows of `demand` over routes of costs `cost` (USD per unit) grouped in `nests` (route indices per
 * corridor), with not shipping at `penalty` as one more upper-level alternative.
 * @example
 *   // one corridor with two equal routes, penalty far above: half the demand on each, nothing unserved
 *   nestedLogitFlows(100, [10, 10], [[0, 1]], 1e9, 0.1) // { y: [50, 50], unserved: 0 }
 */
export function nestedLogitFlows(
  demand: number,
  cost: readonly number[],
  nests: readonly number[][],
  penalty: number,
  theta: number,
  scratch: ShareScratch = { buf: new Float64Array(8) },
): LogitTargets {
  const costsOf = (js: readonly number[]) => js.map((j) => must(cost[j], 'cost of a route in a nest'));
  const upper = [...nests.map((js) => logitExpectedCost(costsOf(js), WITHIN_NEST * theta)), penalty];
  const need = Math.max(upper.length, cost.length);
  if (scratch.buf.length < need) scratch.buf = new Float64Array(2 * need);
  const pUp = Float64Array.from(logitShares(upper, theta, scratch.buf).subarray(0, upper.length));
  const y = new Float64Array(cost.length);
  // shares are read within the lengths logitShares filled: `?? 0` is never taken
  nests.forEach((js, i) => {
    const p = logitShares(costsOf(js), WITHIN_NEST * theta, scratch.buf);
    js.forEach((j, m) => {
      y[j] = demand * (pUp[i] ?? 0) * (p[m] ?? 0);
    });
  });
  return { y, unserved: demand * (pUp[nests.length] ?? 0) };
}

/**
 * The expected perceived cost of the nested choice above (USD per unit): the logsum of the corridors' own
 * logsums and of not shipping. The shippers' welfare measure: unlike the flow-weighted mean cost, it never falls
 * when an alternative goes away at the same costs (closing the Red Sea cannot make shipping look cheaper).
 * @example nestedLogitExpectedCost([10, 10], [[0, 1]], 1e9, 0.1) // about 3.1: two equal routes beat one of 10
 */
export function nestedLogitExpectedCost(
  cost: readonly number[],
  nests: readonly number[][],
  penalty: number,
  theta: number,
): number {
  const costsOf = (js: readonly number[]) => js.map((j) => must(cost[j], 'cost of a route in a nest'));
  return logitExpectedCost([...nests.map((js) => logitExpectedCost(costsOf(js), WITHIN_NEST * theta)), penalty], theta);
}

export class CorridorLogit {
  private readonly net: Network;
  private readonly g: CompiledGraph;
  readonly corridors: EdgeCorridors;
  /** Per OD pair: the cheapest route of each corridor label found in this iteration. */
  private readonly alts: Array<Map<string, { edges: Int32Array; cost: number }>>;
  private readonly labels = new Map<RouteFlow, string>();
  private readonly congested: Float64Array;
  private readonly scratch: ShareScratch = { buf: new Float64Array(8) };

  constructor(net: Network, g: CompiledGraph, odCount: number) {
    this.net = net;
    this.g = g;
    this.corridors = edgeCorridors(net, g);
    this.alts = Array.from({ length: odCount }, () => new Map());
    this.congested = new Float64Array(g.edgeCount);
  }

  /** The corridor alternatives of OD pair `od` found in this iteration, by corridor label. */
  private altsOf(od: OdAssignment): Map<string, { edges: Int32Array; cost: number }> {
    return must(this.alts[od.flowIndex], 'corridor alternatives of an OD pair');
  }

  /** Corridor label of a route (cached per route). */
  label(rt: RouteFlow): string {
    let l = this.labels.get(rt);
    if (l === undefined) {
      l = corridorOfEdges(this.g, this.corridors, rt.edges);
      this.labels.set(rt, l);
    }
    return l;
  }

  /**
   * Collects the corridor alternatives of the groups of one class: the cheapest routes `best` already found under
   * the search's current weights, then one search per corridor ban. The search's weights are restored after.
   */
  findAlternatives(search: CheapestRoutes, groups: readonly OdGroup[], best: readonly CheapestRoute[]): void {
    for (const grp of groups) {
      for (const od of grp.ods) {
        const m = this.altsOf(od);
        m.clear();
        const b = must(best[od.flowIndex], 'cheapest route of an OD pair');
        if (b.edges !== undefined)
          m.set(corridorOfEdges(this.g, this.corridors, b.edges), { edges: b.edges, cost: b.cost });
      }
    }
    const M = this.g.edgeCount;
    this.congested.set(search.weights.subarray(0, M));
    for (const ban of CORRIDOR_BANS) {
      if (ban === 0) continue;
      search.banCorridors(this.corridors.mask, ban, this.congested);
      for (const grp of groups) {
        search.searchFrom(grp.origin);
        for (const od of grp.ods) this.keepCheaper(search, od);
      }
    }
    search.weights.set(this.congested, 0);
  }

  /** Records the last search's route to od's destination when it is the cheapest of its corridor so far. */
  private keepCheaper(search: CheapestRoutes, od: OdAssignment): void {
    const bestP = search.bestPlatform(getNodeIndex(this.net, od.to));
    if (bestP < 0) return;
    const cost = search.costTo(bestP);
    const edges = search.pathEdges(bestP);
    const label = corridorOfEdges(this.g, this.corridors, edges);
    const m = this.altsOf(od);
    const prev = m.get(label);
    if (prev === undefined || cost < prev.cost) m.set(label, { edges, cost });
  }

  /**
   * Logit flows of an OD pair under the current costs. Adds the pair's alternatives to its routes first (at zero
   * flow when new), so that `y` has one entry per route. `costOf` gives a route's current cost, USD per unit.
   */
  targets(od: OdAssignment, theta: number, routes: RouteBook, costOf: (rt: RouteFlow) => number): LogitTargets {
    for (const x of this.altsOf(od).values()) routes.routeFor(od, x.edges);
    const cost = od.routes.map(costOf);
    return nestedLogitFlows(od.demand, cost, this.nestsOf(od), od.penaltyUsdPerUnit, theta, this.scratch);
  }

  /** The pair's expected perceived cost over its routes (nestedLogitExpectedCost), USD per unit. */
  expectedCost(od: OdAssignment, theta: number, costOf: (rt: RouteFlow) => number): number {
    return nestedLogitExpectedCost(od.routes.map(costOf), this.nestsOf(od), od.penaltyUsdPerUnit, theta);
  }

  /** The pair's route indices grouped by corridor label. */
  private nestsOf(od: OdAssignment): number[][] {
    const nests = new Map<string, number[]>();
    od.routes.forEach((rt, j) => {
      const l = this.label(rt);
      const n = nests.get(l);
      if (n) n.push(j);
      else nests.set(l, [j]);
    });
    return [...nests.values()];
  }
}
