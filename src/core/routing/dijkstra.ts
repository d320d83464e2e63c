/**
 * Single-criterion shortest paths on a CSR graph (offsets, targets, weights as typed arrays): one-directional
 * Dijkstra with a binary heap of parallel typed arrays and lazy deletion, and a visit stamp so that nothing is
 * cleared or allocated between queries (the ngraph.path / r5 RaptorState trick). Used by the assignment
 * (cheapest route per commodity and origin) and by the routing benchmark against igraph, networkx, ngraph and
 * graphology; the benchmark's bidirectional variant lives in bench/routing/bidirectional-dijkstra.ts.
 */

export interface CsrGraph {
  /** Vertex count. */
  n: number;
  /** off[v] .. off[v+1] index the out-edges of v. */
  off: Int32Array;
  to: Int32Array;
  w: Float64Array;
}

/** Builds a CSR graph from edge lists (stable order of edges per source). */
export function buildCsr(n: number, from: Int32Array, to: Int32Array, w: Float64Array): CsrGraph {
  const m = from.length;
  // off[v + 1] counts the edges of v, then the running sum turns the counts into offsets
  const off = new Int32Array(n + 1);
  for (const u of from) off[u + 1] = (off[u + 1] ?? 0) + 1;
  let sum = 0;
  off.forEach((count, v) => {
    sum += count;
    off[v] = sum;
  });
  const fill = off.slice(0, n);
  const t = new Int32Array(m);
  const ww = new Float64Array(m);
  from.forEach((u, i) => {
    const k = fill[u] ?? 0;
    fill[u] = k + 1;
    t[k] = to[i] ?? 0;
    ww[k] = w[i] ?? 0;
  });
  return { n, off, to: t, w: ww };
}

/**
 * Binary min-heap of (key, vertex) in two parallel typed arrays, sized for the worst case (one entry per edge,
 * lazy deletion), so pushes never allocate. `popKey` holds the key of the last pop. Reads within `size` are
 * `?? 0`: never undefined there, and free once V8 has checked the typed array's bounds.
 */
export class MinHeap {
  readonly hk: Float64Array;
  readonly hv: Int32Array;
  size = 0;
  popKey = 0;

  constructor(capacity: number) {
    this.hk = new Float64Array(capacity);
    this.hv = new Int32Array(capacity);
  }

  push(k: number, v: number): void {
    const hk = this.hk;
    const hv = this.hv;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = hk[p] ?? 0;
      if (pk <= k) break;
      hk[i] = pk;
      hv[i] = hv[p] ?? 0;
      i = p;
    }
    hk[i] = k;
    hv[i] = v;
  }

  /** Removes the entry of least key and returns its vertex (its key in popKey). Caller checks size > 0. */
  pop(): number {
    const hk = this.hk;
    const hv = this.hv;
    const top = hv[0] ?? 0;
    this.popKey = hk[0] ?? 0;
    const n = --this.size;
    const k = hk[n] ?? 0;
    const v = hv[n] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = hk[c] ?? 0;
      if (c + 1 < n) {
        const rk = hk[c + 1] ?? 0;
        if (rk < ck) {
          c++;
          ck = rk;
        }
      }
      if (ck >= k) break;
      hk[i] = ck;
      hv[i] = hv[c] ?? 0;
      i = c;
    }
    hk[i] = k;
    hv[i] = v;
    return top;
  }
}

export class Dijkstra {
  private readonly g: CsrGraph;
  readonly dist: Float64Array;
  readonly parent: Int32Array;
  private readonly stamp: Int32Array;
  private readonly done: Int32Array;
  private readonly heap: MinHeap;
  private q = 0;

  constructor(g: CsrGraph) {
    this.g = g;
    this.dist = new Float64Array(g.n);
    this.parent = new Int32Array(g.n);
    this.stamp = new Int32Array(g.n);
    this.done = new Int32Array(g.n);
    this.heap = new MinHeap(g.to.length + 1);
  }

  /**
   * Distance from s to t (Infinity when unreachable); t < 0 runs the full single-source search.
   * After a call, `dist[v]` is valid for vertices with `reached(v)`.
   */
  run(s: number, t: number): number {
    const { off, to, w } = this.g;
    const stamp = this.stamp;
    const done = this.done;
    const dist = this.dist;
    const heap = this.heap;
    const q = ++this.q;
    heap.size = 0;
    stamp[s] = q;
    dist[s] = 0;
    this.parent[s] = -1;
    heap.push(0, s);
    while (heap.size > 0) {
      const u = heap.pop();
      const du = heap.popKey;
      if (done[u] === q) continue;
      done[u] = q;
      if (u === t) return du;
      for (let e = off[u] ?? 0, end = off[u + 1] ?? 0; e < end; e++) {
        const v = to[e] ?? 0;
        const nd = du + (w[e] ?? 0);
        if (stamp[v] !== q || nd < (dist[v] ?? 0)) {
          stamp[v] = q;
          dist[v] = nd;
          this.parent[v] = u;
          heap.push(nd, v);
        }
      }
    }
    return t < 0 ? 0 : Number.POSITIVE_INFINITY;
  }

  reached(v: number): boolean {
    return this.stamp[v] === this.q;
  }

  /** Vertices from s to t of the last run (empty when t was not reached). */
  pathTo(t: number): number[] {
    if (!this.reached(t)) return [];
    const p: number[] = [];
    for (let v = t; v >= 0; v = this.parent[v] ?? -1) p.push(v);
    return p.reverse();
  }
}
