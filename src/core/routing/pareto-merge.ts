/**
 * The Pareto set of a search between places with several terminals: the union of the per-pair Pareto sets
 * (one search per origin x destination node) without the paths another pair's path dominates. Dominance is the
 * search's own (pareto-search.ts): arrival, cost, CO2e within 1e-9, risk when it is a criterion, transfers when a
 * maximum is set. Cost: O(n²) in the number of paths, a few dozen at most.
 */
import type { ParetoPath } from './pareto-search.ts';

const EPS = 1e-9;

export interface MergeCriteria {
  useRisk?: boolean | undefined;
  useTransfers?: boolean | undefined;
}

function dominatesOrEquals(a: ParetoPath, b: ParetoPath, c: MergeCriteria): boolean {
  return (
    a.arriveH <= b.arriveH + EPS &&
    a.costUsd <= b.costUsd + EPS &&
    a.co2eKg <= b.co2eKg + EPS &&
    (c.useRisk !== true || a.riskLog <= b.riskLog + EPS) &&
    (c.useTransfers !== true || a.transfers <= b.transfers)
  );
}

/**
 * Merges Pareto sets: keeps each path that no path of another set dominates; of paths equal on every criterion,
 * the one of the earlier set. Ordered as the search orders its set (arrival, cost, CO2e), ties in set order, so
 * the result is deterministic. One set comes back as it is. Pure; worker-safe.
 *
 * @example mergeParetoSets([[fastDear], [slowCheap, slowDear]], {}) // [fastDear, slowCheap]
 */
export function mergeParetoSets(sets: readonly (readonly ParetoPath[])[], c: MergeCriteria): ParetoPath[] {
  if (sets.length === 1) return [...(sets[0] ?? [])];
  const all = sets.flatMap((paths, set) => paths.map((path) => ({ path, set })));
  const kept = all.filter(
    (x) =>
      !all.some(
        (y) =>
          y.set !== x.set &&
          dominatesOrEquals(y.path, x.path, c) &&
          (y.set < x.set || !dominatesOrEquals(x.path, y.path, c)),
      ),
  );
  return kept
    .sort((a, b) => a.path.arriveH - b.path.arriveH || a.path.costUsd - b.path.costUsd || a.path.co2eKg - b.path.co2eKg)
    .map((x) => x.path);
}
