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
import type { CompiledGraph } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { type AssignmentOptions, type CommodityClass, resolveSettings } from './assignment-settings.ts';
import { CheapestRoutes } from './cheapest-routes.ts';
import { CorridorLogit } from './corridor-logit.ts';
import { assertDemandFits, type DemandSet } from './demand.ts';
import { classBaseWeights, edgeBaseTimesH } from './edge-weights.ts';
import type { EquilibriumState } from './equilibrium-state.ts';
import { setExpectedCosts, solveEquilibrium } from './equilibrium-steps.ts';
import { ResourceLoads } from './resource-loads.ts';
import { buildResources, type Resources } from './resources.ts';
import { dropNegligibleRoutes, groupOds, listOds, type OdAssignment, RouteBook } from './route-flows.ts';

export type { AssignmentOptions, CommodityClass } from './assignment-settings.ts';
export type { OdAssignment, RouteFlow } from './route-flows.ts';

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
  const settings = resolveSettings(demand, opts);
  const { classes } = settings;
  const edgeBaseTimeH = edgeBaseTimesH(net, g);
  const search = new CheapestRoutes(g);
  const base = classBaseWeights(g, classes, edgeBaseTimeH, opts.includePlannedUpTo, search.weights.length);
  const res = buildResources(net, g);
  const loads = new ResourceLoads(res, settings.rhoMax);
  const ods = listOds(demand);
  const groups = groupOds(net, ods);
  const state: EquilibriumState = {
    net,
    g,
    settings,
    base,
    loads,
    ods,
    groupsByClass: classes.map((_, k) => groups.filter((grp) => grp.classIndex === k)),
    best: ods.map(() => ({ edges: undefined, cost: 0 })),
    search,
    routes: new RouteBook(ods.length, res.edgeResource),
    logit: settings.isLogit.some(Boolean) ? new CorridorLogit(net, g, ods.length) : undefined,
  };
  const run = solveEquilibrium(state);
  setExpectedCosts(state);
  dropNegligibleRoutes(ods);
  loads.recount(ods, classes);
  return {
    network: net,
    graph: g,
    demand,
    classes,
    resources: res,
    loadContainersTeu: loads.containersTeu,
    loadAllTeuEq: loads.allTeuEq,
    utilisation: loads.utilisation,
    delayH: loads.delayH,
    edgeBaseTimeH,
    ods,
    model: settings.model,
    iterations: run.iterations,
    relativeGap: run.relativeGap,
    converged: run.converged,
    dijkstraRuns: search.runs,
  };
}
