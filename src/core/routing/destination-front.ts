/**
 * The destination's labels during a Pareto search, and the one question the search asks of them most: does some
 * destination label make this label useless? With risk as a fourth criterion a 10x benchmark query asks it about
 * 11,000 times and the front holds up to a few hundred labels (228 on the worst query of the quick run, against 3
 * on three criteria), so the scan was most of the search's time (CPU profile: prunedByDest and the list walk
 * through the label pool, 27.8 million steps for 100 queries).
 *
 * The front is kept apart from the label pool, in parallel typed arrays sorted by arrival time: a scan reads
 * memory in sequence instead of chasing links through the pool, and it stops at the first label that arrives
 * later than the threshold, since no later label can pass the time test. The tests themselves are the search's
 * (dominance within EPS; a bounded threshold per criterion), so the set of labels kept, and the answer, are the
 * same as with the list (test/core/routing/bounded-search.test.ts and risk-search.test.ts compare the searches).
 */
import { EXACT_FRONT, type FrontTolerance, isExact, relaxedRiskLog } from './front-tolerance.ts';
import { grownF64, grownI32 } from './grown.ts';

/** Tolerance of dominance on the real-valued criteria (pareto-search.ts). */
export const EPS = 1e-9;

export class DestinationFront {
  private cap = 64;
  private t = new Float64Array(this.cap);
  private c = new Float64Array(this.cap);
  private e = new Float64Array(this.cap);
  private r = new Float64Array(this.cap);
  private x = new Int32Array(this.cap);
  private lab = new Int32Array(this.cap);
  /** Least cost, CO2e and risk of the labels at positions 0..i (prefix minima in arrival order). */
  private minC = new Float64Array(this.cap);
  private minE = new Float64Array(this.cap);
  private minR = new Float64Array(this.cap);
  /** Labels in the front, sorted by arrival time (ties in insertion order). */
  size = 0;
  private useRisk = false;
  private useTransfers = false;
  /** The epsilon-front's tolerance (front-tolerance.ts) when it is not exact, and the query's departure. */
  private tol: FrontTolerance | undefined;
  private departH = 0;
  /** The last risk threshold relaxed by the tolerance, and the result (relaxed()). */
  private lastRh = Number.NaN;
  private lastRelaxed = Number.NaN;

  /**
   * Empties the front for a query with these criteria. A tolerance that is not exact makes every question
   * (anyWithin, dominates, and so insert's refusal) an epsilon-cover; insert still removes only the labels the new
   * one dominates exactly, so the tolerance never compounds (front-tolerance.ts).
   */
  clear(useRisk: boolean, useTransfers: boolean, tol: FrontTolerance = EXACT_FRONT, departH = 0): void {
    this.size = 0;
    this.useRisk = useRisk;
    this.useTransfers = useTransfers;
    this.tol = isExact(tol) ? undefined : tol;
    this.lastRh = Number.NaN;
    this.departH = departH;
  }

  /** The label (index into the search's pool) at position i of the front, 0 <= i < size. */
  labelAt(i: number): number {
    return this.lab[i] ?? -1;
  }

  /**
   * Whether some label of the front is at most th, ch, eh, rh, xh on every active criterion (th..rh already carry
   * the caller's tolerance). Reads the front in arrival order and stops past th.
   */
  anyWithin(th: number, ch: number, eh: number, rh: number, xh: number): boolean {
    const { c, e, r, x, useRisk, useTransfers, tol } = this;
    if (tol !== undefined) {
      const k = 1 + tol.relative;
      th = this.departH + (th - this.departH) * k;
      ch *= k;
      eh *= k;
      rh = this.relaxed(rh, tol.riskAbsolute);
    }
    // the labels that pass the time test are a prefix: none of them can pass if the prefix's least cost, CO2e or
    // risk is already above the threshold (most labels that survive are the best so far on some criterion)
    const n = this.prefixAtMost(th);
    if (n === 0) return false;
    const m = n - 1;
    if ((this.minC[m] ?? 0) > ch || (this.minE[m] ?? 0) > eh || (useRisk && (this.minR[m] ?? 0) > rh)) return false;
    for (let i = 0; i < n; i++) {
      if (
        (c[i] ?? 0) <= ch &&
        (e[i] ?? 0) <= eh &&
        (!useRisk || (r[i] ?? 0) <= rh) &&
        (!useTransfers || (x[i] ?? 0) <= xh)
      )
        return true;
    }
    return false;
  }

  /**
   * relaxedRiskLog of rh, remembered for the last rh asked: a log and an exp per question were a tenth of a risk
   * search's time (CPU profile, 10x), and the thresholds repeat, since a risk is -ln(1 - P) of one of a few masks.
   */
  private relaxed(rh: number, riskAbsolute: number): number {
    if (rh !== this.lastRh) {
      this.lastRh = rh;
      this.lastRelaxed = relaxedRiskLog(rh, riskAbsolute);
    }
    return this.lastRelaxed;
  }

  /** How many labels of the front arrive at or before th (binary search on the sorted arrival times). */
  private prefixAtMost(th: number): number {
    let lo = 0;
    let hi = this.size;
    const t = this.t;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((t[mid] ?? 0) <= th) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Recomputes the prefix minima from position `from` on. */
  private refreshMinima(from: number): void {
    const { c, e, r, minC, minE, minR } = this;
    let mc = from > 0 ? (minC[from - 1] ?? 0) : Number.POSITIVE_INFINITY;
    let me = from > 0 ? (minE[from - 1] ?? 0) : Number.POSITIVE_INFINITY;
    let mr = from > 0 ? (minR[from - 1] ?? 0) : Number.POSITIVE_INFINITY;
    for (let i = from, n = this.size; i < n; i++) {
      mc = Math.min(mc, c[i] ?? 0);
      me = Math.min(me, e[i] ?? 0);
      mr = Math.min(mr, r[i] ?? 0);
      minC[i] = mc;
      minE[i] = me;
      minR[i] = mr;
    }
  }

  /** Whether some label of the front dominates or equals (within EPS) a label of these criteria. */
  dominates(lt: number, lc: number, le: number, lr: number, lx: number): boolean {
    return this.anyWithin(lt + EPS, lc + EPS, le + EPS, lr + EPS, lx);
  }

  /**
   * Adds label `l` unless the front dominates or equals it; removes the labels it dominates. Returns whether it
   * was added.
   */
  insert(l: number, lt: number, lc: number, le: number, lr: number, lx: number): boolean {
    if (this.dominates(lt, lc, le, lr, lx)) return false;
    const { t, c, e, r, x, useRisk, useTransfers } = this;
    let k = 0;
    let at = -1;
    let firstChange = -1;
    for (let i = 0, n = this.size; i < n; i++) {
      const ti = t[i] ?? 0;
      const gone =
        lt <= ti + EPS &&
        lc <= (c[i] ?? 0) + EPS &&
        le <= (e[i] ?? 0) + EPS &&
        (!useRisk || lr <= (r[i] ?? 0) + EPS) &&
        (!useTransfers || lx <= (x[i] ?? 0));
      if (gone) {
        if (firstChange < 0) firstChange = k;
        continue;
      }
      if (at < 0 && ti > lt) at = k;
      if (k !== i) this.move(i, k);
      k++;
    }
    this.size = k;
    if (this.size === this.cap) this.grow();
    if (at < 0) at = this.size;
    this.t.copyWithin(at + 1, at, this.size);
    this.c.copyWithin(at + 1, at, this.size);
    this.e.copyWithin(at + 1, at, this.size);
    this.r.copyWithin(at + 1, at, this.size);
    this.x.copyWithin(at + 1, at, this.size);
    this.lab.copyWithin(at + 1, at, this.size);
    this.t[at] = lt;
    this.c[at] = lc;
    this.e[at] = le;
    this.r[at] = lr;
    this.x[at] = lx;
    this.lab[at] = l;
    this.size++;
    this.refreshMinima(firstChange < 0 ? at : Math.min(at, firstChange));
    return true;
  }

  private move(from: number, to: number): void {
    this.t[to] = this.t[from] ?? 0;
    this.c[to] = this.c[from] ?? 0;
    this.e[to] = this.e[from] ?? 0;
    this.r[to] = this.r[from] ?? 0;
    this.x[to] = this.x[from] ?? 0;
    this.lab[to] = this.lab[from] ?? 0;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f = (a: Float64Array) => grownF64(a, cap);
    const i = (a: Int32Array) => grownI32(a, cap);
    this.t = f(this.t);
    this.c = f(this.c);
    this.e = f(this.e);
    this.r = f(this.r);
    this.x = i(this.x);
    this.lab = i(this.lab);
    this.minC = f(this.minC);
    this.minE = f(this.minE);
    this.minR = f(this.minR);
    this.cap = cap;
  }
}
