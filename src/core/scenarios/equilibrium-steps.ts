/**
 * The iterations of the equilibrium (see assignment.ts for the method): each one finds the cheapest route of every
 * OD pair under the current delays; the first assigns at free flow; the others measure the gap, move the logit
 * classes by self-regulated successive averages and the deterministic ones by gradient projection
 * (gradient-projection.ts) or by plain successive averages, until the gap falls below the tolerance.
 */
import { must } from '../must.ts';
import { getNodeIndex } from '../network/network.ts';
import type { LogitTargets } from './corridor-logit.ts';
import { baseCostsOf, bestRouteOf, classOf, costOf, type EquilibriumState, recountLoads } from './equilibrium-state.ts';
import { gradientProjectionStep } from './gradient-projection.ts';
import type { OdAssignment } from './route-flows.ts';

/** Successive-averages step state of the logit classes (Liu, He and He 2009). */
export interface SraState {
  divisor: number;
  lastMoved: number;
}

export interface EquilibriumRun {
  iterations: number;
  /** Relative gap at the stop; NaN after a single (free-flow) iteration. */
  relativeGap: number;
  converged: boolean;
}

/** Iterates until the gap falls below the tolerance or the iteration cap. Mutates flows, loads and `best`. */
export function solveEquilibrium(s: EquilibriumState): EquilibriumRun {
  const { maxIterations, tolerance, method } = s.settings;
  const sra: SraState = { divisor: 2, lastMoved: Number.POSITIVE_INFINITY };
  let iterations = 0;
  let gap = Number.POSITIVE_INFINITY;
  let converged = false;
  recountLoads(s);
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    findCheapestRoutes(s);
    if (it === 0) {
      assignFreeFlow(s);
      recountLoads(s);
      continue;
    }
    const det = deterministicGapTerms(s);
    const logit = logitAveragingStep(s, it, sra);
    gap = Math.max(det.gap, logit.logitDemand > 0 ? logit.moved / logit.logitDemand : 0);
    if (gap < tolerance) {
      // The logit flows were already moved by this iteration's step; their loads are refreshed by the caller.
      converged = true;
      break;
    }
    if (logit.logitDemand > 0) recountLoads(s);
    if (method === 'msa') msaStep(s, 1 / (it + 1));
    else gradientProjectionStep(s);
    // Rounding in the incremental loads is cleared once per iteration.
    recountLoads(s);
  }
  return { iterations, relativeGap: iterations === 1 ? Number.NaN : gap, converged };
}

/**
 * Cheapest route of every OD pair with demand under the current delays (into `best`), and for the logit classes
 * the corridor alternatives.
 */
export function findCheapestRoutes(s: EquilibriumState): void {
  const { classes, isLogit } = s.settings;
  for (const [k, cl] of classes.entries()) {
    const groups = s.groupsByClass[k] ?? [];
    if (groups.length === 0) continue;
    s.search.setWeights(baseCostsOf(s, k), cl.valueOfTimeUsdPerUnitH, s.loads.res.edgeResource, s.loads.delayH);
    for (const grp of groups) {
      s.search.searchFrom(grp.origin);
      for (const od of grp.ods) s.search.routeTo(getNodeIndex(s.net, od.to), bestRouteOf(s, od));
    }
    if (isLogit[k] && s.logit !== undefined) s.logit.findAlternatives(s.search, groups, s.best);
  }
}

/**
 * Free-flow assignment: all-or-nothing for the deterministic classes, logit shares for the others. Fixes each
 * pair's penalty of not shipping at unservedCostFactor x its cheapest free-flow cost (or at the pair's given
 * unservedCostUsdPerUnit), and marks the pairs with no route as unserved.
 */
export function assignFreeFlow(s: EquilibriumState): void {
  for (const od of s.ods) {
    if (od.demand <= 0) continue;
    const b = bestRouteOf(s, od);
    if (b.edges === undefined) {
      od.noRoute = true;
      od.unserved = od.demand;
      continue;
    }
    od.penaltyUsdPerUnit =
      s.settings.unservedCostUsdPerUnit.get(`${od.from} ${od.to} ${od.commodity}`) ??
      s.settings.unservedCostFactor * b.cost;
    if (s.settings.isLogit[od.classIndex]) {
      const { y, unserved } = logitTargets(s, od);
      od.routes.forEach((rt, j) => {
        rt.flow = must(y[j], 'logit flow of a route');
      });
      od.unserved = unserved;
    } else s.routes.routeFor(od, b.edges).flow = od.demand;
  }
}

/** Logit flows of a pair under the current costs (corridor-logit.ts). */
function logitTargets(s: EquilibriumState, od: OdAssignment): LogitTargets {
  const k = od.classIndex;
  const logit = must(s.logit, 'corridor logit of a logit class');
  return logit.targets(od, classOf(s, k).logitDispersionPerUsd, s.routes, (rt) => costOf(s, k, rt));
}

/**
 * Sets each pair's expected perceived cost under the current loads (route-flows.ts): the nested logsum over its
 * routes for a logit class, else the cheaper of its cheapest route and not shipping. Run once, at equilibrium.
 */
export function setExpectedCosts(s: EquilibriumState): void {
  for (const od of s.ods) {
    const k = od.classIndex;
    if (od.noRoute || od.demand <= 0) od.expectedCostUsdPerUnit = Number.NaN;
    else if (s.settings.isLogit[k])
      od.expectedCostUsdPerUnit = must(s.logit, 'corridor logit of a logit class').expectedCost(
        od,
        classOf(s, k).logitDispersionPerUsd,
        (rt) => costOf(s, k, rt),
      );
    else {
      // The routes' costs under the final loads; the last search's cheapest covers a pair whose routes all left.
      const b = bestRouteOf(s, od);
      const last = b.edges === undefined ? Number.POSITIVE_INFINITY : b.cost;
      const cheapest = Math.min(last, ...od.routes.map((rt) => costOf(s, k, rt)));
      od.expectedCostUsdPerUnit = Math.min(cheapest, od.penaltyUsdPerUnit);
    }
  }
}

/**
 * Relative gap of the deterministic classes: (sum of flow x route cost - sum of demand x cheapest cost) / sum of
 * flow x route cost, not shipping counted as one more route at its penalty; 0 without such demand.
 */
export function deterministicGapTerms(s: EquilibriumState): { gap: number; demand: number } {
  const { isLogit } = s.settings;
  let total = 0;
  for (const [k, groups] of s.groupsByClass.entries()) {
    if (isLogit[k]) continue;
    for (const grp of groups) for (const od of grp.ods) for (const rt of od.routes) total += rt.flow * costOf(s, k, rt);
  }
  let shortest = 0;
  let demand = 0;
  for (const od of s.ods) {
    if (od.demand <= 0 || od.noRoute || isLogit[od.classIndex]) continue;
    demand += od.demand;
    total += od.unserved * od.penaltyUsdPerUnit;
    shortest += od.demand * Math.min(bestRouteOf(s, od).cost, od.penaltyUsdPerUnit);
  }
  return { gap: demand > 0 && total > 0 ? (total - shortest) / total : 0, demand };
}

/**
 * Logit classes: moves each pair's flows towards its logit flows under the current costs by the self-regulated
 * step of Liu, He and He (Networks and Spatial Economics 9, 2009): the divisor grows by 1.5 when the distance
 * |y - x| grew since the last iteration and by 0.1 when it shrank, so that the steps stay long while the iterates
 * improve (plain MSA adds 1 every time). Returns that distance (before the step) and the logit demand.
 */
export function logitAveragingStep(
  s: EquilibriumState,
  it: number,
  sra: SraState,
): { moved: number; logitDemand: number } {
  const steps: Array<{ od: OdAssignment; y: Float64Array; unserved: number }> = [];
  let moved = 0;
  let logitDemand = 0;
  for (const od of s.ods) {
    if (od.demand <= 0 || od.noRoute || !s.settings.isLogit[od.classIndex]) continue;
    const { y, unserved } = logitTargets(s, od);
    logitDemand += od.demand;
    od.routes.forEach((rt, j) => {
      moved += Math.abs(must(y[j], 'logit flow of a route') - rt.flow);
    });
    moved += Math.abs(unserved - od.unserved);
    steps.push({ od, y, unserved });
  }
  if (it > 1) sra.divisor += moved >= sra.lastMoved ? 1.5 : 0.1;
  sra.lastMoved = moved;
  const step = 1 / sra.divisor;
  for (const { od, y, unserved } of steps) {
    od.routes.forEach((rt, j) => {
      rt.flow += step * (must(y[j], 'logit flow of a route') - rt.flow);
    });
    od.unserved += step * (unserved - od.unserved);
  }
  return { moved, logitDemand };
}

/**
 * Plain method of successive averages for the deterministic classes (Sheffi 1985, ch. 12): moves `lambda` of the
 * demand to the cheapest option.
 */
export function msaStep(s: EquilibriumState, lambda: number): void {
  for (const od of s.ods) {
    if (od.demand <= 0 || od.noRoute || s.settings.isLogit[od.classIndex]) continue;
    for (const rt of od.routes) rt.flow *= 1 - lambda;
    od.unserved *= 1 - lambda;
    const b = bestRouteOf(s, od);
    if (b.edges === undefined || b.cost > od.penaltyUsdPerUnit) od.unserved += lambda * od.demand;
    else s.routes.routeFor(od, b.edges).flow += lambda * od.demand;
  }
}
