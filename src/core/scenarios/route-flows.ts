/**
 * The flows of the assignment: each OD pair of the demand set with its routes (compiled edges, the capacity-limited
 * elements they use, units per year) and its unserved volume, and the bookkeeping around them: OD pairs grouped
 * so that one search serves every destination of an origin, one route per distinct edge sequence, a route's
 * generalised cost, and the final clean-up of routes that carry next to nothing.
 */
import { must } from '../must.ts';
import { getNodeIndex, type Network } from '../network/network.ts';
import type { DemandSet } from './demand.ts';

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
  /**
   * Expected perceived cost of the pair's choice at equilibrium, USD per unit (the logsum under logit choice, the
   * cheaper of the cheapest route and not shipping otherwise); NaN when there is no route.
   */
  expectedCostUsdPerUnit: number;
  routes: RouteFlow[];
}

/** OD pairs of one class (commodity) and one origin node, served by one single-source search. */
export interface OdGroup {
  classIndex: number;
  origin: number;
  ods: OdAssignment[];
}

/** One OD pair per flow of the demand set, in its order, nothing assigned yet. */
export function listOds(demand: DemandSet): OdAssignment[] {
  const classOf = new Map(demand.commodities.map((c, i) => [c.id, i]));
  return demand.flows.map((f, i) => ({
    flowIndex: i,
    from: f.from,
    to: f.to,
    commodity: f.commodity,
    classIndex: must(classOf.get(f.commodity), 'commodity of a flow'),
    demand: f.volumePerYear.value,
    unserved: 0,
    noRoute: false,
    penaltyUsdPerUnit: Number.NaN,
    expectedCostUsdPerUnit: Number.NaN,
    routes: [],
  }));
}

/**
 * OD pairs with demand grouped by class and origin, groups in the order of their first pair.
 * @example groupOds(net, ods).map((g) => g.ods.length) // [2, 1]: two destinations from one origin, one from another
 */
export function groupOds(net: Network, ods: readonly OdAssignment[]): OdGroup[] {
  const groups: OdGroup[] = [];
  const groupOf = new Map<string, OdGroup>();
  for (const od of ods) {
    if (od.demand <= 0) continue;
    const key = `${od.classIndex} ${od.from}`;
    let grp = groupOf.get(key);
    if (grp === undefined) {
      grp = { classIndex: od.classIndex, origin: getNodeIndex(net, od.from), ods: [] };
      groupOf.set(key, grp);
      groups.push(grp);
    }
    grp.ods.push(od);
  }
  return groups;
}

/** The routes of every OD pair, one per distinct edge sequence; a route once found stays (possibly at zero flow). */
export class RouteBook {
  /** Per OD pair: its routes by edge sequence. */
  private readonly index: Array<Map<string, RouteFlow>>;
  private readonly edgeResource: Int32Array;

  /** `edgeResource`: the capacity-limited element of each compiled edge, -1 for none (resources.ts). */
  constructor(odCount: number, edgeResource: Int32Array) {
    this.index = Array.from({ length: odCount }, () => new Map<string, RouteFlow>());
    this.edgeResource = edgeResource;
  }

  /** The route of `od` along `edges`, added at zero flow when new. Mutates od.routes. */
  routeFor(od: OdAssignment, edges: Int32Array): RouteFlow {
    const key = edges.join(',');
    const index = must(this.index[od.flowIndex], 'routes of an OD pair');
    let rt = index.get(key);
    if (rt === undefined) {
      rt = { edges, resources: this.resourcesOf(edges), flow: 0 };
      index.set(key, rt);
      od.routes.push(rt);
    }
    return rt;
  }

  private resourcesOf(edges: Int32Array): Int32Array {
    const out: number[] = [];
    for (const e of edges) {
      const r = this.edgeResource[e] ?? -1;
      if (r >= 0) out.push(r);
    }
    return Int32Array.from(out);
  }
}

/**
 * Generalised cost of a route, USD per unit: the class's base edge weights plus value of time x the delay of each
 * element the route uses.
 */
export function routeCostUsd(
  baseWeights: Float64Array,
  valueOfTimeUsdPerUnitH: number,
  delayH: Float64Array,
  rt: RouteFlow,
): number {
  // `?? 0`: edge and element indices of a route are in range, so never taken (and free in V8)
  let c = 0;
  for (const e of rt.edges) c += baseWeights[e] ?? 0;
  for (const r of rt.resources) c += valueOfTimeUsdPerUnitH * (delayH[r] ?? 0);
  return c;
}

/**
 * Drops the routes that carry at most 1e-9 of their pair's demand; their flow goes to the first route kept (in the
 * order found), or to unserved when none is kept. Routes end sorted by flow, largest first. Mutates the OD pairs.
 */
export function dropNegligibleRoutes(ods: readonly OdAssignment[]): void {
  for (const od of ods) {
    const keep = od.routes.filter((r) => r.flow > 1e-9 * od.demand);
    const lost = od.routes.reduce((s, r) => s + r.flow, 0) - keep.reduce((s, r) => s + r.flow, 0);
    const first = keep[0];
    if (lost > 0 && first !== undefined) first.flow += lost;
    else if (lost > 0) od.unserved += lost;
    od.routes = keep.sort((a, b) => b.flow - a.flow);
  }
}
