/**
 * Ranking the planner's itineraries: as the search returned them (its Pareto order), or by P50 or P90 arrival,
 * cost, CO2e, or the probability of arriving by the deadline. An itinerary without the figure goes last.
 */
import type { Itinerary } from './api.ts';

export const RANKS = ['pareto', 'p50', 'p90', 'cost', 'co2e', 'onTime'] as const;
export type Rank = (typeof RANKS)[number];

export const isRank = (s: unknown): s is Rank => RANKS.includes(s as Rank);

/** The figure an itinerary is ranked on, smaller first; undefined when it lacks it. */
function figure(it: Itinerary, rank: Rank): number | undefined {
  switch (rank) {
    case 'pareto':
      return 0;
    case 'p50':
      return it.arrival?.p50;
    case 'p90':
      return it.arrival?.p90;
    case 'cost':
      return it.totals.costUsd;
    case 'co2e':
      return it.totals.co2eKg ?? undefined;
    case 'onTime':
      return it.arrival?.onTimeProbability === undefined ? undefined : -it.arrival.onTimeProbability;
  }
}

/** The itineraries in rank order (a stable sort: ties keep the search's order). */
export function rankItineraries(its: readonly Itinerary[], rank: Rank): Itinerary[] {
  const keyed = its.map((it, i) => ({ it, i, f: figure(it, rank) ?? Number.POSITIVE_INFINITY }));
  keyed.sort((a, b) => a.f - b.f || a.i - b.i);
  return keyed.map((k) => k.it);
}
