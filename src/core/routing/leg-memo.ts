/**
 * Legs and stops already built while turning one search's Pareto set into itineraries. The routes of a Pareto set
 * share their first edges and often re-join later at the same instant: on the 10x benchmark network 38% of the
 * (edge, entry time) pairs of a set's routes repeat one already seen. A leg is a pure function of its edge, its
 * entry time, the cargo and the network (its cost parts, time parts, ISO instants), so each repeated pair takes
 * the leg built the first time instead of pricing it again.
 *
 * One memo serves one graph, one network and one cargo: RoutingEngine.route makes one per request (itinerary.ts
 * newLegMemo). The itineraries of that answer then share the repeated Leg and Stop objects (read-only, as every
 * consumer treats them); answers are the same as without a memo (test/core/routing/router-caches.test.ts).
 */

interface Entry<T> {
  t: number;
  value: T;
}

/** Values by edge and exact entry time (hours since the epoch). */
export class EdgeTimeMemo<T> {
  private readonly byEdge = new Map<number, Entry<T>[]>();

  /** The value kept for edge e entered at exactly t, if any. */
  get(e: number, t: number): T | undefined {
    const entries = this.byEdge.get(e);
    if (entries === undefined) return undefined;
    for (const x of entries) if (x.t === t) return x.value;
    return undefined;
  }

  set(e: number, t: number, value: T): void {
    const entries = this.byEdge.get(e);
    if (entries === undefined) this.byEdge.set(e, [{ t, value }]);
    else entries.push({ t, value });
  }
}
