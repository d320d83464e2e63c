/**
 * Route-based gradient projection (Jayakrishnan, Tsai, Prashker and Rajadhyaksha, Transportation Research Record
 * 1443, 1994) for the classes that choose deterministically, one OD pair at a time: shift flow from each dearer
 * option to the cheapest by the Newton step (cost difference) / (second derivative), recomputing the delays of
 * the elements touched after each shift (resource-loads.ts). Not shipping is one more option at the pair's
 * penalty. A zero second derivative (no congestible element in the difference) moves the whole flow.
 */
import { bestRouteOf, classOf, costOf, type EquilibriumState } from './equilibrium-state.ts';
import type { OdAssignment, RouteFlow } from './route-flows.ts';

/** One pass over the deterministic OD pairs with demand and a route. Mutates flows and loads. */
export function gradientProjectionStep(s: EquilibriumState): void {
  for (const od of s.ods) {
    if (od.demand <= 0 || od.noRoute || s.settings.isLogit[od.classIndex]) continue;
    projectOd(s, od);
  }
}

/** Index of the cheapest of `costs`, -1 when empty; the first of equal costs. */
export function argMin(costs: readonly number[]): number {
  let bi = -1;
  let least = Number.POSITIVE_INFINITY;
  costs.forEach((c, j) => {
    if (bi < 0 || c < least) {
      bi = j;
      least = c;
    }
  });
  return bi;
}

/**
 * Newton step: the flow to move for a cost difference `diff` (USD per unit) and second derivative `h`, at most
 * `available`. @example newtonShift(10, 2, 100) // 5
 */
export function newtonShift(diff: number, h: number, available: number): number {
  return h > 0 ? Math.min(available, diff / h) : available;
}

/** Equalises the costs of one OD pair's options as far as one Newton step each allows. */
export function projectOd(s: EquilibriumState, od: OdAssignment): void {
  const k = od.classIndex;
  const b = bestRouteOf(s, od);
  if (b.edges !== undefined) s.routes.routeFor(od, b.edges);
  const costs = od.routes.map((rt) => costOf(s, k, rt));
  const bi = argMin(costs);
  // no route (bi = -1) costs as much as not shipping
  const target = od.routes[bi];
  if (target === undefined || (costs[bi] ?? Number.POSITIVE_INFINITY) > od.penaltyUsdPerUnit) {
    shiftAllToUnserved(s, od);
    return;
  }
  shiftToRoute(s, od, target);
  if (od.unserved > 0) shiftFromUnserved(s, od, target);
}

/** Not shipping is the cheapest option: moves flow off every route towards it. */
function shiftAllToUnserved(s: EquilibriumState, od: OdAssignment): void {
  const k = od.classIndex;
  const cl = classOf(s, k);
  const P = od.penaltyUsdPerUnit;
  for (const rt of od.routes) {
    if (rt.flow <= 0) continue;
    const delta = newtonShift(costOf(s, k, rt) - P, s.loads.curvature(cl, rt, undefined), rt.flow);
    if (delta <= 0) continue;
    s.loads.move(cl, rt, -delta);
    od.unserved += delta;
  }
}

/** Moves flow from every dearer route of the pair to its route `target`. */
function shiftToRoute(s: EquilibriumState, od: OdAssignment, target: RouteFlow): void {
  const k = od.classIndex;
  const cl = classOf(s, k);
  for (const rt of od.routes) {
    if (rt === target || rt.flow <= 0) continue;
    const diff = costOf(s, k, rt) - costOf(s, k, target);
    if (diff <= 0) continue;
    const delta = newtonShift(diff, s.loads.curvature(cl, rt, target), rt.flow);
    s.loads.move(cl, rt, -delta);
    s.loads.move(cl, target, delta);
  }
}

/** Moves unserved volume onto `target` while it costs less than not shipping. */
function shiftFromUnserved(s: EquilibriumState, od: OdAssignment, target: RouteFlow): void {
  const k = od.classIndex;
  const cl = classOf(s, k);
  const diff = od.penaltyUsdPerUnit - costOf(s, k, target);
  if (diff <= 0) return;
  const delta = newtonShift(diff, s.loads.curvature(cl, target, undefined), od.unserved);
  od.unserved -= delta;
  s.loads.move(cl, target, delta);
}
