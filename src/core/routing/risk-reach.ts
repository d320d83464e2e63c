/**
 * The risk a route must still meet, as a lower bound for the Pareto search with risk as a criterion. A route meets
 * each risk event once (network/risk-events.ts), so summing per-edge risks backwards, as lower-bounds.ts does for
 * time and cost, would count again an event the label has already met: not a bound. Instead, per vertex, the
 * minimal sets of events (by inclusion) over the usable paths to the destination: a label with events m at v ends
 * with at least the events of m | M for one of them, so its final -ln(1 - P) is at least the least of
 * maskLog[m | M]. With the dataset's four events a vertex has at most six such sets; a vertex that would hold more
 * than SLOTS keeps the intersection of them all instead, a smaller set and so still a bound.
 *
 * Computed by a fixpoint over the reverse graph from the destination's platforms (a set only ever gives way to a
 * subset of it, so it ends), once per destination and cuts, beside the other bounds.
 */

/** Minimal event sets kept per vertex before they are merged into their intersection. */
export const SLOTS = 8;

/** The reverse graph's view that the fixpoint reads: in-edges of each vertex, their sources and risk masks. */
export interface ReverseRisk {
  inOff: Int32Array;
  inEdge: Int32Array;
  inSource: Int32Array;
  riskMask: Int32Array;
}

/** Per vertex, its minimal event sets: masks[v * SLOTS + i] for i < count[v]; count 0: destination unreachable. */
export interface RiskReach {
  masks: Int32Array;
  count: Uint8Array;
}

export function newRiskReach(vertexCount: number): RiskReach {
  return { masks: new Int32Array(vertexCount * SLOTS), count: new Uint8Array(vertexCount) };
}

/**
 * Fills `out` with the minimal event sets to the platforms destFirst .. destEnd - 1 over the edges with
 * cut[e] === 0. `queue` and `queued` are scratch arrays of the vertex count.
 */
export function computeRiskReach(
  rev: ReverseRisk,
  cut: Uint8Array,
  destFirst: number,
  destEnd: number,
  out: RiskReach,
  queue: Int32Array,
  queued: Uint8Array,
): void {
  const { inOff, inEdge, inSource, riskMask } = rev;
  const { masks, count } = out;
  const n = count.length;
  count.fill(0);
  queued.fill(0);
  // a circular queue: a vertex is in it at most once at a time
  let head = 0;
  let size = 0;
  for (let v = destFirst; v < destEnd; v++) {
    masks[v * SLOTS] = 0;
    count[v] = 1;
    queue[(head + size++) % n] = v;
    queued[v] = 1;
  }
  while (size > 0) {
    const w = queue[head] ?? 0;
    head = (head + 1) % n;
    size--;
    queued[w] = 0;
    for (let k = inOff[w] ?? 0, end = inOff[w + 1] ?? 0; k < end; k++) {
      if (cut[inEdge[k] ?? 0] !== 0) continue;
      const u = inSource[k] ?? 0;
      const em = riskMask[k] ?? 0;
      let changed = false;
      for (let i = 0, c = count[w] ?? 0; i < c; i++)
        if (addMinimal(out, u, (masks[w * SLOTS + i] ?? 0) | em)) changed = true;
      if (changed && queued[u] === 0) {
        queue[(head + size++) % n] = u;
        queued[u] = 1;
      }
    }
  }
}

/**
 * Adds mask m to vertex u's minimal sets unless one of them is a subset of m; drops those m is a subset of.
 * Returns whether the sets changed. Over SLOTS sets become their intersection.
 */
function addMinimal(out: RiskReach, u: number, m: number): boolean {
  const { masks, count } = out;
  const base = u * SLOTS;
  const c = count[u] ?? 0;
  for (let i = 0; i < c; i++) {
    const x = masks[base + i] ?? 0;
    if ((x & ~m) === 0) return false;
  }
  let k = 0;
  for (let i = 0; i < c; i++) {
    const x = masks[base + i] ?? 0;
    if ((m & ~x) !== 0) masks[base + k++] = x;
  }
  if (k === SLOTS) {
    let all = m;
    for (let i = 0; i < k; i++) all &= masks[base + i] ?? 0;
    masks[base] = all;
    count[u] = 1;
    return true;
  }
  masks[base + k] = m;
  count[u] = k + 1;
  return true;
}

/**
 * The least -ln(1 - P) a label with events m at vertex v can end with: min over v's minimal sets M of
 * maskLog(m | M). +Infinity when v cannot reach the destination.
 */
export function riskBoundLog(reach: RiskReach, v: number, m: number, maskLog: (mask: number) => number): number {
  const c = reach.count[v] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < c; i++) {
    const r = maskLog(m | (reach.masks[v * SLOTS + i] ?? 0));
    if (r < best) best = r;
  }
  return best;
}
