/**
 * The labels of a Pareto search (pareto-search.ts) in growable parallel typed arrays, and the heap that orders
 * them: a label is an index into the pool, its criteria and links are the arrays at that index (the layout of
 * r5's RaptorState and ngraph.path's node pool). Nothing is allocated per label; the arrays double when full and
 * are reused query after query. Reads are `?? 0`, or `?? -1` for a link (-1 ends a bag): an index within the pool
 * never reads undefined, and V8 drops the test after the typed array's own bounds check.
 */
import { EPS } from './destination-front.ts';
import { grownF64, grownI32 } from './grown.ts';

export class LabelPool {
  cap = 1024;
  /** Arrival time, hours since the epoch. */
  lt = new Float64Array(this.cap);
  /** Heap key: arrival time plus the time bound to the destination (A* order); the arrival time unbounded. */
  lk = new Float64Array(this.cap);
  /** Cost USD, CO2e kg, risk -ln(1 - p) of the risk events met (their mask in lm), transfers. */
  lc = new Float64Array(this.cap);
  le = new Float64Array(this.cap);
  lr = new Float64Array(this.cap);
  lm = new Int32Array(this.cap);
  lx = new Int32Array(this.cap);
  /** Vertex (platform), parent label (-1 at the origin) and the edge that reached it (-1 at the origin). */
  lv = new Int32Array(this.cap);
  lparent = new Int32Array(this.cap);
  ledge = new Int32Array(this.cap);
  /** Next label of the same vertex bag, -1 at the end. */
  lnext = new Int32Array(this.cap);
  /** 1 once a label of its bag dominates it: the heap skips it. */
  ldead = new Uint8Array(this.cap);
  /** Labels in use: 0 .. n - 1. */
  n = 0;

  /** Doubles every array, keeping the labels. */
  grow(): void {
    const cap = this.cap * 2;
    const f = (a: Float64Array) => grownF64(a, cap);
    const i = (a: Int32Array) => grownI32(a, cap);
    this.lt = f(this.lt);
    this.lk = f(this.lk);
    this.lc = f(this.lc);
    this.le = f(this.le);
    this.lr = f(this.lr);
    this.lm = i(this.lm);
    this.lx = i(this.lx);
    this.lv = i(this.lv);
    this.lparent = i(this.lparent);
    this.ledge = i(this.ledge);
    this.lnext = i(this.lnext);
    const d = new Uint8Array(cap);
    d.set(this.ldead);
    this.ldead = d;
    this.cap = cap;
  }

  /**
   * Whether label a dominates or equals label b on the active criteria (EPS on the real-valued ones). On risk, a's
   * events must be among b's: then no completion makes a riskier than b (risk-events.ts), where a smaller chance
   * alone would not do (b's events may be met again on the way, a's not).
   */
  dominates(a: number, b: number, useRisk: boolean, useTransfers: boolean): boolean {
    const { lt, lc, le, lm, lx } = this;
    return (
      (lt[a] ?? 0) <= (lt[b] ?? 0) + EPS &&
      (lc[a] ?? 0) <= (lc[b] ?? 0) + EPS &&
      (le[a] ?? 0) <= (le[b] ?? 0) + EPS &&
      (!useRisk || ((lm[a] ?? 0) & ~(lm[b] ?? 0)) === 0) &&
      (!useTransfers || (lx[a] ?? 0) <= (lx[b] ?? 0))
    );
  }

  /** The edges from the origin to label k, in order. */
  pathEdges(k: number): number[] {
    const edges: number[] = [];
    for (let p = k; ; p = this.lparent[p] ?? -1) {
      const e = this.ledge[p] ?? -1;
      if (e < 0) break;
      edges.push(e);
    }
    return edges.reverse();
  }
}

/**
 * Binary heap of label indices in lexicographic order: key (time, plus its bound when bounded), then cost, then
 * CO2e. Grows with the pool it reads.
 */
export class LabelHeap {
  private readonly pool: LabelPool;
  private heap = new Int32Array(1024);
  size = 0;

  constructor(pool: LabelPool) {
    this.pool = pool;
  }

  private less(a: number, b: number): boolean {
    const { lk, lc, le } = this.pool;
    const ta = lk[a] ?? 0;
    const tb = lk[b] ?? 0;
    if (ta !== tb) return ta < tb;
    const ca = lc[a] ?? 0;
    const cb = lc[b] ?? 0;
    if (ca !== cb) return ca < cb;
    return (le[a] ?? 0) < (le[b] ?? 0);
  }

  push(l: number): void {
    if (this.size === this.heap.length) {
      const h = new Int32Array(this.heap.length * 2);
      h.set(this.heap);
      this.heap = h;
    }
    let i = this.size++;
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] ?? 0;
      if (!this.less(l, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = l;
  }

  /** Removes and returns the first label in heap order. Caller checks size > 0. */
  pop(): number {
    const h = this.heap;
    const top = h[0] ?? 0;
    const n = --this.size;
    const last = h[n] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let child = h[c] ?? 0;
      if (c + 1 < n) {
        const right = h[c + 1] ?? 0;
        if (this.less(right, child)) {
          c++;
          child = right;
        }
      }
      if (!this.less(child, last)) break;
      h[i] = child;
      i = c;
    }
    if (n > 0) h[i] = last;
    return top;
  }
}
