/**
 * The bag of each vertex in a Pareto search: its labels that no other label of the vertex dominates, as a linked
 * list through the label pool (label-pool.ts), with the least arrival, cost, CO2e and risk of the bag beside it.
 * Inserting a label first asks whether some label of the bag dominates it; when the new label beats the bag's
 * least value on some criterion, none can, and that scan is skipped. With risk as a fourth criterion the bags hold
 * dozens of labels and these tests are the search's largest cost (CPU profile of bench/routing.ts, 10x network);
 * the skip saves about 5% of them there (a count over 100 queries: 34.3 against 36.0 million tests), for the
 * price of the minima, kept in the pass that unlinks the labels the new one dominates.
 */
import { EPS } from './destination-front.ts';
import type { LabelPool } from './label-pool.ts';

export class VertexBags {
  private readonly pool: LabelPool;
  /** First label of each vertex's bag, -1 for an empty bag. */
  private readonly head: Int32Array;
  private readonly minT: Float64Array;
  private readonly minC: Float64Array;
  private readonly minE: Float64Array;
  private readonly minR: Float64Array;
  private useRisk = false;
  private useTransfers = false;

  constructor(pool: LabelPool, vertexCount: number) {
    this.pool = pool;
    this.head = new Int32Array(vertexCount).fill(-1);
    this.minT = new Float64Array(vertexCount);
    this.minC = new Float64Array(vertexCount);
    this.minE = new Float64Array(vertexCount);
    this.minR = new Float64Array(vertexCount);
  }

  /** Empties every bag for a query with these criteria. */
  clear(useRisk: boolean, useTransfers: boolean): void {
    this.head.fill(-1);
    this.useRisk = useRisk;
    this.useTransfers = useTransfers;
  }

  /**
   * Tries to insert label `l` into the bag of vertex `v`; returns false (and leaves the bag unchanged) when a
   * label of the bag dominates or equals it; otherwise marks dead and unlinks the labels it dominates.
   */
  insert(v: number, l: number): boolean {
    const head = this.head[v] ?? -1;
    const { pool, useRisk, useTransfers } = this;
    const { lt, lc, le, lr } = pool;
    const t = lt[l] ?? 0;
    const c = lc[l] ?? 0;
    const e = le[l] ?? 0;
    const r = lr[l] ?? 0;
    // a label k of the bag dominates l only if k is within EPS of l on every criterion, so not when l is more
    // than EPS below the bag's least value on one of them
    const beatsBag =
      (this.minT[v] ?? 0) > t + EPS ||
      (this.minC[v] ?? 0) > c + EPS ||
      (this.minE[v] ?? 0) > e + EPS ||
      (useRisk && (this.minR[v] ?? 0) > r + EPS);
    if (head >= 0 && !beatsBag) {
      for (let k = head; k >= 0; k = pool.lnext[k] ?? -1) {
        if (pool.dominates(k, l, useRisk, useTransfers)) return false;
      }
    }
    let mt = t;
    let mc = c;
    let me = e;
    let mr = r;
    let first = head;
    let prev = -1;
    for (let k = head; k >= 0; ) {
      const next = pool.lnext[k] ?? -1;
      if (pool.dominates(l, k, useRisk, useTransfers)) {
        pool.ldead[k] = 1;
        if (prev < 0) first = next;
        else pool.lnext[prev] = next;
      } else {
        prev = k;
        mt = Math.min(mt, lt[k] ?? 0);
        mc = Math.min(mc, lc[k] ?? 0);
        me = Math.min(me, le[k] ?? 0);
        mr = Math.min(mr, lr[k] ?? 0);
      }
      k = next;
    }
    pool.lnext[l] = first;
    this.head[v] = l;
    this.minT[v] = mt;
    this.minC[v] = mc;
    this.minE[v] = me;
    this.minR[v] = mr;
    return true;
  }
}
