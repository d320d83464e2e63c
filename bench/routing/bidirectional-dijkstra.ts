/**
 * Point-to-point bidirectional Dijkstra on a CSR graph, for the single-criterion benchmark only (our answer to the
 * bidirectional peers, ngraph.path's NBA* and graphology's point-to-point search): a forward search from s and a
 * backward search from t on the reversed graph, alternating on the smaller frontier key, stopping when the two
 * tops sum to at least the best meeting distance found (the standard stopping rule, Goldberg & Harrelson 2005).
 * Same answers as one-way `Dijkstra.run` (src/core/routing/dijkstra.ts), far fewer vertices settled.
 * Allocation-free per query, like `Dijkstra`. The engines need no point-to-point scalar search, so it lives here.
 * Typed-array reads carry `?? 0` (a heap top `?? Infinity`), as in dijkstra.ts: never taken, and free in V8.
 */
import { buildCsr, type CsrGraph, MinHeap } from '../../src/core/index.ts';

/** The same graph with every edge reversed (for backward searches). */
export function reverseCsr(g: CsrGraph): CsrGraph {
  const m = g.to.length;
  const from = new Int32Array(m);
  for (let v = 0; v < g.n; v++) from.fill(v, g.off[v] ?? 0, g.off[v + 1] ?? 0);
  return buildCsr(g.n, g.to, from, g.w);
}

export class BidirectionalDijkstra {
  private readonly sides: [Side, Side];
  private q = 0;

  constructor(forward: CsrGraph, reverse: CsrGraph = reverseCsr(forward)) {
    this.sides = [new Side(forward), new Side(reverse)];
  }

  /** Distance from s to t, Infinity when t is unreachable. */
  run(s: number, t: number): number {
    if (s === t) return 0;
    const q = ++this.q;
    const [a, b] = this.sides;
    a.reset(s, q);
    b.reset(t, q);
    let mu = Number.POSITIVE_INFINITY;
    while (a.heap.size > 0 && b.heap.size > 0) {
      const ka = a.heap.hk[0] ?? Number.POSITIVE_INFINITY;
      const kb = b.heap.hk[0] ?? Number.POSITIVE_INFINITY;
      if (ka + kb >= mu) break;
      const x = ka <= kb ? a : b;
      const y = x === a ? b : a;
      const u = x.heap.pop();
      const du = x.heap.popKey;
      if (x.done[u] === q) continue;
      x.done[u] = q;
      const { off, to, w } = x.g;
      const xd = x.dist;
      const xs = x.stamp;
      const yd = y.dist;
      const ys = y.stamp;
      for (let e = off[u] ?? 0, end = off[u + 1] ?? 0; e < end; e++) {
        const v = to[e] ?? 0;
        const nd = du + (w[e] ?? 0);
        if (xs[v] !== q || nd < (xd[v] ?? 0)) {
          xs[v] = q;
          xd[v] = nd;
          x.heap.push(nd, v);
        }
        if (ys[v] === q) {
          const through = nd + (yd[v] ?? 0);
          if (through < mu) mu = through;
        }
      }
    }
    return mu;
  }
}

/** One direction's state of the bidirectional search. */
class Side {
  readonly g: CsrGraph;
  readonly dist: Float64Array;
  readonly stamp: Int32Array;
  readonly done: Int32Array;
  readonly heap: MinHeap;

  constructor(g: CsrGraph) {
    this.g = g;
    this.dist = new Float64Array(g.n);
    this.stamp = new Int32Array(g.n);
    this.done = new Int32Array(g.n);
    this.heap = new MinHeap(g.to.length + 1);
  }

  reset(s: number, q: number): void {
    this.heap.size = 0;
    this.stamp[s] = q;
    this.dist[s] = 0;
    this.heap.push(0, s);
  }
}
