/**
 * Everything one assignment run works on, shared by its steps (equilibrium-steps.ts, gradient-projection.ts): the
 * classes and their base weights, the OD pairs with their routes, the loads on the capacity-limited elements, the
 * cheapest-route search and, when some class chooses by logit, the corridor logit. Built once per run by
 * assignDemand; the steps mutate the flows, the loads and `best`.
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import type { AssignmentSettings, CommodityClass } from './assignment-settings.ts';
import type { CheapestRoute, CheapestRoutes } from './cheapest-routes.ts';
import type { CorridorLogit } from './corridor-logit.ts';
import type { ResourceLoads } from './resource-loads.ts';
import { type OdAssignment, type OdGroup, type RouteBook, type RouteFlow, routeCostUsd } from './route-flows.ts';

export interface EquilibriumState {
  net: Network;
  g: CompiledGraph;
  settings: AssignmentSettings;
  /** Per class: base generalised cost of each edge, USD per unit (edge-weights.ts). */
  base: Float64Array[];
  loads: ResourceLoads;
  ods: OdAssignment[];
  /** Per class: its OD groups (one search each), in the order of the demand set. */
  groupsByClass: OdGroup[][];
  /** Per OD pair: the cheapest route of the current iteration. */
  best: CheapestRoute[];
  search: CheapestRoutes;
  routes: RouteBook;
  logit: CorridorLogit | undefined;
}

/** Generalised cost of route `rt` for class k under the current delays, USD per unit. */
export function costOf(s: EquilibriumState, k: number, rt: RouteFlow): number {
  return routeCostUsd(baseCostsOf(s, k), classOf(s, k).valueOfTimeUsdPerUnitH, s.loads.delayH, rt);
}

/** Class k of the run's settings. */
export function classOf(s: EquilibriumState, k: number): CommodityClass {
  return must(s.settings.classes[k], 'commodity class');
}

/** Class k's base generalised cost of each edge, USD per unit. */
export function baseCostsOf(s: EquilibriumState, k: number): Float64Array {
  return must(s.base[k], 'base edge costs of a class');
}

/** The cheapest route of OD pair `od` in the current iteration. */
export function bestRouteOf(s: EquilibriumState, od: OdAssignment): CheapestRoute {
  return must(s.best[od.flowIndex], 'cheapest route of an OD pair');
}

/** Recounts the element loads from the current route flows. */
export function recountLoads(s: EquilibriumState): void {
  s.loads.recount(s.ods, s.settings.classes);
}
