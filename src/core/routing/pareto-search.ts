/**
 * Multi-criteria, time-dependent label-setting search (Martins 1984; the same Pareto principle as
 * OpenTripPlanner's McRAPTOR, on a graph instead of routes). Criteria: arrival time, cost, CO2e, and optionally
 * risk; the number of transfers joins the dominance test when a maximum is set, so that the limit never prunes a
 * feasible route. Edges are FIFO (waiting for a later sailing never arrives earlier), so popping labels in
 * lexicographic (time, cost, CO2e) order makes each popped, undominated label final.
 *
 * Bounded (the default): per-criterion lower bounds to the destination (lower-bounds.ts) prune every label whose
 * best possible completion the destination's set already dominates, keep the search out of vertices that cannot
 * reach the destination, and order the heap by arrival plus the time bound (A*, as NAMOA* does), so the first
 * destination labels come early and prune the rest. The bound is consistent (a scheduled edge only adds a wait),
 * so a label popped undominated is still final. A label is dropped only when every route through it would be
 * refused at the destination, so the Pareto set is the unbounded search's (`{ bounded: false }`, kept as the
 * reference; test/core/routing/bounded-search.test.ts compares both), criterion for criterion to the last bit.
 * One difference is possible: when two routes have bitwise-equal criteria, either may be the one returned (the
 * pop order decides, as it always did); on the shipped network the two searches return the same edges too.
 *
 * Hot path: labels live in growable typed arrays (a label pool), bags are linked lists through the pool, the heap
 * holds label indices; nothing is allocated per edge relaxation. Reused across queries by one Router. Pool reads
 * are `?? 0`, or `?? -1` for a label link (-1 ends a bag): an index within the pool never reads undefined, and
 * V8 drops the test after the typed array's own bounds check (measured: no change in bench/routing.ts).
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_TRANSFER } from '../network/compile.ts';
import { arrivalH, unitCo2e, unitCost } from './edge-cost.ts';
import { type BoundSet, LowerBounds } from './lower-bounds.ts';
import { buildEdgeCuts, type SearchQuery } from './query.ts';

/** One Pareto-optimal path: its edges in order and its criteria. */
export interface ParetoPath {
  edges: number[];
  arriveH: number;
  costUsd: number;
  co2eKg: number;
  riskLog: number;
  transfers: number;
}

const EPS = 1e-9;
/**
 * Relative margin taken off a bounded value (label + lower bound) before it is compared with the destination's
 * labels: the bound is summed backwards, the route forwards, so the two can differ in the last bits. 1e-9 of
 * the value is far above that rounding (under 1e-13 relative for a thousand edges) and far below any real gap.
 */
const BOUND_MARGIN = 1e-9;

export interface RouterOptions {
  /** Prune with lower bounds (default true). false runs the plain label-setting search, the reference. */
  bounded?: boolean | undefined;
}

export interface SearchStats {
  labelsCreated: number;
  labelsPopped: number;
}

export class ParetoRouter {
  readonly graph: CompiledGraph;
  private cap = 1024;
  private lt = new Float64Array(this.cap);
  /** Heap key: arrival time plus the time bound to the destination (A* order); the arrival time unbounded. */
  private lk = new Float64Array(this.cap);
  private lc = new Float64Array(this.cap);
  private le = new Float64Array(this.cap);
  private lr = new Float64Array(this.cap);
  private lx = new Int32Array(this.cap);
  private lv = new Int32Array(this.cap);
  private lparent = new Int32Array(this.cap);
  private ledge = new Int32Array(this.cap);
  private lnext = new Int32Array(this.cap);
  private ldead = new Uint8Array(this.cap);
  private n = 0;
  private heap = new Int32Array(this.cap);
  private hn = 0;
  private readonly bagHead: Int32Array;
  private readonly isDest: Uint8Array;
  private readonly cut: Uint8Array;
  private useRisk = false;
  private useTransfers = false;
  private readonly bounds: LowerBounds | undefined;
  /** The current query's bounds (undefined when unbounded). */
  private lb: BoundSet | undefined;
  stats: SearchStats = { labelsCreated: 0, labelsPopped: 0 };

  constructor(graph: CompiledGraph, options: RouterOptions = {}) {
    this.graph = graph;
    this.bounds = options.bounded === false ? undefined : new LowerBounds(graph);
    this.bagHead = new Int32Array(graph.vertexCount).fill(-1);
    this.isDest = new Uint8Array(graph.vertexCount);
    this.cut = new Uint8Array(graph.edgeCount);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.lt = f(this.lt);
    this.lk = f(this.lk);
    this.lc = f(this.lc);
    this.le = f(this.le);
    this.lr = f(this.lr);
    this.lx = i(this.lx);
    this.lv = i(this.lv);
    this.lparent = i(this.lparent);
    this.ledge = i(this.ledge);
    this.lnext = i(this.lnext);
    const d = new Uint8Array(cap);
    d.set(this.ldead);
    this.ldead = d;
    this.heap = i(this.heap);
    this.cap = cap;
  }

  /** a dominates-or-equals b on the active criteria. */
  private dominates(a: number, b: number): boolean {
    const { lt, lc, le, lr, lx } = this;
    return (
      (lt[a] ?? 0) <= (lt[b] ?? 0) + EPS &&
      (lc[a] ?? 0) <= (lc[b] ?? 0) + EPS &&
      (le[a] ?? 0) <= (le[b] ?? 0) + EPS &&
      (!this.useRisk || (lr[a] ?? 0) <= (lr[b] ?? 0) + EPS) &&
      (!this.useTransfers || (lx[a] ?? 0) <= (lx[b] ?? 0))
    );
  }

  /** Lexicographic heap order: time (plus its bound when bounded), then cost, then CO2e. */
  private less(a: number, b: number): boolean {
    const ta = this.lk[a] ?? 0;
    const tb = this.lk[b] ?? 0;
    if (ta !== tb) return ta < tb;
    const ca = this.lc[a] ?? 0;
    const cb = this.lc[b] ?? 0;
    if (ca !== cb) return ca < cb;
    return (this.le[a] ?? 0) < (this.le[b] ?? 0);
  }

  private push(l: number): void {
    let i = this.hn++;
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

  /** Removes and returns the first label in heap order. Caller checks hn > 0. */
  private pop(): number {
    const h = this.heap;
    const top = h[0] ?? 0;
    const n = --this.hn;
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

  /**
   * Tries to insert label `l` into the bag of vertex `v`; returns false (and leaves the bag unchanged) when an
   * existing label dominates or equals it; otherwise removes the labels it dominates.
   */
  private insert(v: number, l: number): boolean {
    const head = this.bagHead[v] ?? -1;
    for (let k = head; k >= 0; k = this.lnext[k] ?? -1) {
      if (this.dominates(k, l)) return false;
    }
    this.lnext[l] = this.unlinkDominated(head, l);
    this.bagHead[v] = l;
    return true;
  }

  /**
   * Marks dead and unlinks the labels of the bag starting at `head` that label `l` dominates; returns the bag's
   * new head (-1 when it is left empty).
   */
  private unlinkDominated(head: number, l: number): number {
    let first = head;
    let prev = -1;
    for (let k = head; k >= 0; ) {
      const next = this.lnext[k] ?? -1;
      if (this.dominates(l, k)) {
        this.ldead[k] = 1;
        if (prev < 0) first = next;
        else this.lnext[prev] = next;
      } else prev = k;
      k = next;
    }
    return first;
  }

  private newLabel(
    v: number,
    t: number,
    c: number,
    e: number,
    r: number,
    x: number,
    parent: number,
    edge: number,
  ): number {
    if (this.n === this.cap) this.grow();
    const l = this.n++;
    this.lt[l] = t;
    this.lk[l] = this.lb === undefined ? t : t + (this.lb.timeH[v] ?? 0);
    this.lc[l] = c;
    this.le[l] = e;
    this.lr[l] = r;
    this.lx[l] = x;
    this.lv[l] = v;
    this.lparent[l] = parent;
    this.ledge[l] = edge;
    this.ldead[l] = 0;
    this.stats.labelsCreated++;
    return l;
  }

  /** Labels at the destination, in a bag of their own (index -1 head kept in destHead). */
  private destHead = -1;

  private dominatedByDest(l: number): boolean {
    for (let k = this.destHead; k >= 0; k = this.lnext[k] ?? -1) if (this.dominates(k, l)) return true;
    return false;
  }

  private insertDest(l: number): boolean {
    if (this.dominatedByDest(l)) return false;
    this.destHead = this.unlinkDominated(this.destHead, l);
    this.lnext[l] = this.destHead;
    this.destHead = l;
    return true;
  }

  /** Bound sets computed so far (the rest came from the per-destination cache); 0 when unbounded. */
  get boundSetsComputed(): number {
    return this.bounds?.counts.computed ?? 0;
  }

  /**
   * Returns the Pareto set from origin to destination. Not re-entrant: one query at a time per router.
   * @example
   *   const r = new ParetoRouter(graph);
   *   const paths = r.search({ origin, destination, departH, cargo: { kind: 'containers', teu: 2 } });
   */
  search(q: SearchQuery, cutIgnore = 0): ParetoPath[] {
    this.reset(q, cutIgnore);
    if (q.origin === q.destination) return [];
    const g = this.graph;
    const maxX = q.maxTransfers ?? Number.MAX_SAFE_INTEGER;
    const perTeu = q.cargo.kind === 'containers';
    const units = q.cargo.kind === 'containers' ? q.cargo.teu : q.cargo.tonnes;
    const criteria = { perTeu, units, useRisk: this.useRisk, useTransfers: this.useTransfers };
    this.bounds?.compute(q.destination, this.cut, criteria);
    const b = this.bounds?.current;
    this.lb = b;
    this.isDest.fill(1, g.nodeOff[q.destination] ?? 0, g.nodeOff[q.destination + 1] ?? 0);
    for (let v = g.nodeOff[q.origin] ?? 0, end = g.nodeOff[q.origin + 1] ?? 0; v < end; v++) {
      // an origin platform that cannot reach the destination starts nothing (its bound is +Infinity)
      if (b !== undefined && (b.timeH[v] ?? 0) === Number.POSITIVE_INFINITY) continue;
      const l = this.newLabel(v, q.departH, 0, 0, 0, 0, -1, -1);
      this.insert(v, l);
      this.push(l);
    }
    while (this.hn > 0) {
      const l = this.pop();
      if (this.ldead[l]) continue;
      this.stats.labelsPopped++;
      if (this.prunedByDest(l)) continue;
      this.expand(l, maxX, perTeu, units);
    }
    return this.destinationPaths();
  }

  /** Clears the pool, the bags and the heap, and sets the query's cuts and active criteria. */
  private reset(q: SearchQuery, cutIgnore: number): void {
    buildEdgeCuts(this.graph, q, this.cut, cutIgnore);
    this.useRisk = q.useRisk === true;
    this.useTransfers = q.maxTransfers !== undefined;
    this.n = 0;
    this.hn = 0;
    this.destHead = -1;
    this.bagHead.fill(-1);
    this.isDest.fill(0);
    this.stats = { labelsCreated: 0, labelsPopped: 0 };
    this.lb = undefined;
  }

  /** Relaxes every usable out-edge of label l's vertex: new labels go to the destination bag or to the heap. */
  private expand(l: number, maxX: number, perTeu: boolean, units: number): void {
    const g = this.graph;
    const { off, target, kind, riskLog } = g;
    const cut = this.cut;
    const b = this.lb;
    const v = this.lv[l] ?? 0;
    const t = this.lt[l] ?? 0;
    const c = this.lc[l] ?? 0;
    const co = this.le[l] ?? 0;
    const r = this.lr[l] ?? 0;
    const x = this.lx[l] ?? 0;
    for (let e = off[v] ?? 0, end = off[v + 1] ?? 0; e < end; e++) {
      if (cut[e] !== 0) continue;
      const k = kind[e];
      const nx = k === EDGE_TRANSFER || k === EDGE_GAUGE ? x + 1 : x;
      if (nx > maxX) continue;
      const w = target[e] ?? 0;
      if (b !== undefined && !this.mayReach(b, w, nx, maxX)) continue;
      const nl = this.newLabel(
        w,
        arrivalH(g, e, t),
        c + unitCost(g, e, perTeu) * units,
        co + unitCo2e(g, e, perTeu) * units,
        r + (riskLog[e] ?? 0),
        nx,
        l,
        e,
      );
      if (this.isDest[w]) {
        if (!this.insertDest(nl)) this.n--;
        continue;
      }
      if (this.prunedByDest(nl) || !this.insert(w, nl)) {
        this.n--;
        continue;
      }
      this.push(nl);
    }
  }

  /** Whether a label at vertex w with nx transfers may still reach the destination within the transfer limit. */
  private mayReach(b: BoundSet, w: number, nx: number, maxX: number): boolean {
    const lbT = b.timeH[w] ?? 0;
    return lbT !== Number.POSITIVE_INFINITY && nx + (b.transfers[w] ?? 0) <= maxX;
  }

  /**
   * Whether a destination label makes label l useless: it dominates l (the unbounded test), or, bounded, it
   * dominates l plus its lower bounds, less a rounding margin. Per criterion the larger of the two thresholds is
   * used: either way the destination label is within EPS of any completion of l, so insertDest would refuse it.
   */
  private prunedByDest(l: number): boolean {
    if (this.destHead < 0) return false;
    const b = this.lb;
    if (b === undefined) return this.dominatedByDest(l);
    const v = this.lv[l] ?? 0;
    const th = bounded(this.lt[l] ?? 0, b.timeH[v] ?? 0);
    const ch = bounded(this.lc[l] ?? 0, b.costUsd[v] ?? 0);
    const eh = bounded(this.le[l] ?? 0, b.co2eKg[v] ?? 0);
    const rh = bounded(this.lr[l] ?? 0, b.riskLog[v] ?? 0);
    const xh = (this.lx[l] ?? 0) + (b.transfers[v] ?? 0);
    const { lt, lc, le, lr, lx } = this;
    for (let k = this.destHead; k >= 0; k = this.lnext[k] ?? -1) {
      if (
        (lt[k] ?? 0) <= th &&
        (lc[k] ?? 0) <= ch &&
        (le[k] ?? 0) <= eh &&
        (!this.useRisk || (lr[k] ?? 0) <= rh) &&
        (!this.useTransfers || (lx[k] ?? 0) <= xh)
      )
        return true;
    }
    return false;
  }

  /** The labels of the destination bag as paths, by arrival, then cost, then CO2e. */
  private destinationPaths(): ParetoPath[] {
    const out: ParetoPath[] = [];
    for (let k = this.destHead; k >= 0; k = this.lnext[k] ?? -1) {
      const edges: number[] = [];
      for (let p = k; ; p = this.lparent[p] ?? -1) {
        const e = this.ledge[p] ?? -1;
        if (e < 0) break;
        edges.push(e);
      }
      edges.reverse();
      out.push({
        edges,
        arriveH: this.lt[k] ?? 0,
        costUsd: this.lc[k] ?? 0,
        co2eKg: this.le[k] ?? 0,
        riskLog: this.lr[k] ?? 0,
        transfers: this.lx[k] ?? 0,
      });
    }
    return out.sort((a, b) => a.arriveH - b.arriveH || a.costUsd - b.costUsd || a.co2eKg - b.co2eKg);
  }
}

/** The threshold a destination value must not exceed to rule out a label of value x with lower bound lb. */
function bounded(x: number, lb: number): number {
  const withBound = x + lb;
  return Math.max(x + EPS, withBound - BOUND_MARGIN * (1 + Math.abs(withBound)));
}
