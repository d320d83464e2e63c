/**
 * Many origin-destination pairs at once (sweeps, appraisal matrices): the Pareto set of each pair, sharing work
 * across pairs. What a bounded search costs beyond its labels is the reverse searches of its lower bounds
 * (lower-bounds.ts), which depend on the destination, the constraints and the cargo but not on the origin or the
 * date. Running the pairs grouped by destination computes each destination's bounds once and reuses them for
 * every origin (a one-to-many reverse search shared by the group), so a sweep of o origins x d destinations
 * runs d bound computations instead of o x d. The forward searches are the ones `search` runs pair by pair, with
 * the same bounds, so every answer is the pair-by-pair answer, edge for edge (test/core/routing/one-to-many.test.ts).
 */
import type { ParetoPath, ParetoRouter } from './pareto-search.ts';
import type { SearchQuery } from './query.ts';

/** Pareto sets of each query, in the order given, and the labels popped and bound sets computed in all. */
export interface SweepResult {
  sets: ParetoPath[][];
  labelsPopped: number;
  boundSetsComputed: number;
}

/**
 * The Pareto set of every query, as `router.search` gives it, computed destination by destination.
 * Mutates the router's scratch state (one sweep at a time per router).
 * @example
 *   const { sets } = sweepPareto(new ParetoRouter(graph), [{ origin: 0, destination: 5, departH, cargo }]);
 */
export function sweepPareto(router: ParetoRouter, queries: readonly SearchQuery[]): SweepResult {
  const order = queries.map((_, i) => i);
  // stable: by destination, then as given, so that each destination's bounds are computed once
  order.sort((a, b) => (queries[a]?.destination ?? 0) - (queries[b]?.destination ?? 0) || a - b);
  const sets: ParetoPath[][] = new Array(queries.length);
  let labelsPopped = 0;
  const before = router.boundSetsComputed;
  for (const i of order) {
    const q = queries[i];
    if (q === undefined) continue;
    sets[i] = router.search(q);
    labelsPopped += router.stats.labelsPopped;
  }
  return { sets, labelsPopped, boundSetsComputed: router.boundSetsComputed - before };
}
