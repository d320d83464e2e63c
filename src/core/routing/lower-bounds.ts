/**
 * Per-criterion lower bounds to a destination, for pruning the Pareto search: the ideal-point bound of Tung & Chew
 * (1992), which NAMOA* (Mandow & Pérez de la Cruz 2010) uses as its heuristic; OpenTripPlanner's Raptor runs a
 * reverse single-criterion heuristic search for the same purpose. One single-criterion Dijkstra per criterion runs
 * backwards from the destination's platforms over the edges the query may use (its cuts), so a bound is never
 * above the true remaining value of any usable path:
 *
 * - time: travel time without waits. A scheduled edge waits at least 0 h, so arrivalH(e, t) >= t + timeH[e].
 * - cost and CO2e: the query's cargo, the same per-edge products as the search (unitCost * units).
 * - transfers only when they are a criterion of the query.
 * - risk, when it is a criterion: the minimal sets of risk events still to meet (risk-reach.ts). A route meets
 *   each event once, so per-edge risks summed backwards would not be a bound.
 *
 * A vertex from which the destination cannot be reached gets +Infinity: the search never enters it, and a query
 * whose origin has no finite bound is answered (no route) without a search. Cost per query: 3 or 4 Dijkstra runs (and the risk fixpoint)
 * on the reverse graph, O(E log V) each, with the heap, stamps and weights preallocated per graph (about 2 ms a
 * run on the 100x benchmark network of 19,300 platforms under load). The bounds depend on the destination, the
 * constraints and the cargo, not on the origin or the date, so the last 16 sets are kept: a sweep of many origins
 * to a few destinations computes each destination's bounds once (one-to-many.ts), and answers are the same
 * whether a set was computed or found.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_TRANSFER } from '../network/compile.ts';
import { MinHeap } from './dijkstra.ts';
import { edgeCost, unitCo2e, unitCost } from './edge-cost.ts';
import { computeRiskReach, newRiskReach, type RiskReach } from './risk-reach.ts';

/**
 * The reverse graph, built once per compiled graph: the in-edges of v are positions inOff[v] .. inOff[v+1], each
 * with its edge id, its source platform and its per-unit weights copied into that order, so that a run reads
 * memory in sequence and calls nothing per edge.
 */
interface ReverseGraph {
  inOff: Int32Array;
  inEdge: Int32Array;
  inSource: Int32Array;
  timeH: Float64Array;
  costPerTeu: Float64Array;
  costPerTonne: Float64Array;
  co2ePerTeu: Float64Array;
  co2ePerTonne: Float64Array;
  transfer: Float64Array;
  riskMask: Int32Array;
}

function reverseGraph(g: CompiledGraph): ReverseGraph {
  const V = g.vertexCount;
  const E = g.edgeCount;
  const inOff = new Int32Array(V + 1);
  for (let e = 0; e < E; e++) {
    const w = g.target[e] ?? 0;
    inOff[w + 1] = (inOff[w + 1] ?? 0) + 1;
  }
  for (let v = 0; v < V; v++) inOff[v + 1] = (inOff[v + 1] ?? 0) + (inOff[v] ?? 0);
  const fill = inOff.slice(0, V);
  const r: ReverseGraph = {
    inOff,
    inEdge: new Int32Array(E),
    inSource: new Int32Array(E),
    timeH: new Float64Array(E),
    costPerTeu: new Float64Array(E),
    costPerTonne: new Float64Array(E),
    co2ePerTeu: new Float64Array(E),
    co2ePerTonne: new Float64Array(E),
    transfer: new Float64Array(E),
    riskMask: new Int32Array(E),
  };
  for (let e = 0; e < E; e++) {
    const w = g.target[e] ?? 0;
    const k = fill[w] ?? 0;
    fill[w] = k + 1;
    r.inEdge[k] = e;
    r.inSource[k] = g.source[e] ?? 0;
    r.timeH[k] = g.timeH[e] ?? 0;
    r.costPerTeu[k] = unitCost(g, e, true);
    r.costPerTonne[k] = unitCost(g, e, false);
    r.co2ePerTeu[k] = unitCo2e(g, e, true);
    r.co2ePerTonne[k] = unitCo2e(g, e, false);
    r.riskMask[k] = g.riskMask[e] ?? 0;
    r.transfer[k] = g.kind[e] === EDGE_TRANSFER || g.kind[e] === EDGE_GAUGE ? 1 : 0;
  }
  return r;
}

/** What the bounds depend on besides the destination and the cuts. */
export interface BoundCriteria {
  perTeu: boolean;
  units: number;
  /** TEU priced as 20' boxes (edge-cost.ts boxUnits); 0 or absent: none. */
  in20?: number | undefined;
  useRisk: boolean;
  useTransfers: boolean;
}

/** Bounds kept per destination and constraints: a sweep asks the same destinations again and again. */
const CACHE_SLOTS = 16;

/** One destination's bounds, per vertex (platform), and the cuts they were computed under. */
export interface BoundSet {
  cut: Uint8Array;
  timeH: Float64Array;
  costUsd: Float64Array;
  co2eKg: Float64Array;
  transfers: Float64Array;
  /** With risk as a criterion: the minimal sets of risk events to the destination (risk-reach.ts). */
  risk: RiskReach | undefined;
}

function newBoundSet(n: number): BoundSet {
  const f = () => new Float64Array(n);
  return { cut: new Uint8Array(0), timeH: f(), costUsd: f(), co2eKg: f(), transfers: f(), risk: undefined };
}

export class LowerBounds {
  private readonly g: CompiledGraph;
  private readonly rev: ReverseGraph;
  private readonly heap: MinHeap;
  private readonly done: Uint8Array;
  private readonly queue: Int32Array;
  /** Cached bound sets by key (destination and what the cuts and weights depend on), slots reused in turn. */
  private readonly slots: BoundSet[] = [];
  private readonly slotKeys: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private nextSlot = 0;
  /** Per in-edge costs of container cargoes with a 20' box, by TEU and 20' TEU (boxCosts). */
  private readonly boxWeights = new Map<string, Float64Array>();
  /** The current bounds (one slot): hours, USD, kg CO2e, transfers; +Infinity when unreachable. */
  current: BoundSet;
  /** The hash of the cuts last seen, and the caller's version of them (undefined: hash every time). */
  private cutHash = 0;
  private cutVersion: number | undefined;
  /** Bound sets computed and bound sets found in the cache since construction. */
  readonly counts = { computed: 0, cached: 0 };

  constructor(g: CompiledGraph) {
    this.g = g;
    this.rev = reverseGraph(g);
    this.heap = new MinHeap(g.edgeCount + g.vertexCount + 1);
    this.done = new Uint8Array(g.vertexCount);
    this.queue = new Int32Array(g.vertexCount);
    this.current = newBoundSet(g.vertexCount);
  }

  /**
   * Makes `current` the bounds to node `destination` over the edges with `cut[e] === 0`. Transfers are 0 (no
   * pruning) when they are not a criterion. A set computed before for the same destination, criteria and cuts
   * (compared byte for byte, whatever constraint made them) is reused. `cutVersion`, when given, says the cuts are
   * unchanged since the last call with the same version (the router counts its rebuilds), so their hash is not
   * recomputed. Mutates this object; one query at a time.
   */
  compute(destination: number, cut: Uint8Array, c: BoundCriteria, cutVersion?: number): void {
    // the caller's cuts unchanged since the last call (same version): their hash is the last one
    if (cutVersion === undefined || cutVersion !== this.cutVersion) {
      this.cutHash = fnv1a(cut);
      this.cutVersion = cutVersion;
    }
    const in20 = c.perTeu ? (c.in20 ?? 0) : 0;
    const key = `${destination} ${c.perTeu} ${c.units} ${in20} ${c.useRisk} ${c.useTransfers} ${this.cutHash}`;
    const hit = this.slotOf.get(key);
    const found = hit === undefined ? undefined : this.slots[hit];
    if (found !== undefined && sameBytes(found.cut, cut)) {
      this.current = found;
      this.counts.cached++;
      return;
    }
    const slot = this.nextSlot;
    this.nextSlot = (slot + 1) % CACHE_SLOTS;
    const old = this.slotKeys[slot];
    if (old !== undefined) this.slotOf.delete(old);
    const b = this.slots[slot] ?? newBoundSet(this.g.vertexCount);
    b.cut = Uint8Array.from(cut);
    this.slots[slot] = b;
    this.slotKeys[slot] = key;
    this.slotOf.set(key, slot);
    this.current = b;
    this.counts.computed++;
    const r = this.rev;
    this.run(destination, cut, r.timeH, 1, b.timeH);
    if (in20 === 0) this.run(destination, cut, c.perTeu ? r.costPerTeu : r.costPerTonne, c.units, b.costUsd);
    else this.run(destination, cut, this.boxCosts(c.units, in20), 1, b.costUsd);
    this.run(destination, cut, c.perTeu ? r.co2ePerTeu : r.co2ePerTonne, c.units, b.co2eKg);
    if (c.useRisk) {
      b.risk ??= newRiskReach(this.g.vertexCount);
      const { nodeOff } = this.g;
      const first = nodeOff[destination] ?? 0;
      computeRiskReach(r, cut, first, nodeOff[destination + 1] ?? 0, b.risk, this.queue, this.done);
    }
    if (c.useTransfers) this.run(destination, cut, r.transfer, 1, b.transfers);
    else b.transfers.fill(0);
  }

  /**
   * Per in-edge cost of a container cargo with a 20' box: the search's own increment (edge-cost.ts edgeCost), so
   * that a bound is the search's sum in the other order. Kept per box mix: queries repeat their cargo.
   */
  private boxCosts(teu: number, in20: number): Float64Array {
    const key = `${teu} ${in20}`;
    let w = this.boxWeights.get(key);
    if (w === undefined) {
      const in40 = teu - in20;
      const { inEdge } = this.rev;
      w = new Float64Array(inEdge.length);
      for (let k = 0; k < inEdge.length; k++) w[k] = edgeCost(this.g, inEdge[k] ?? 0, true, teu, in40, in20);
      if (this.boxWeights.size >= CACHE_SLOTS) this.boxWeights.clear();
      this.boxWeights.set(key, w);
    }
    return w;
  }

  /**
   * Multi-source Dijkstra from the destination's platforms along in-edges; an edge weighs w[k] * scale, the
   * product the search adds (so a bound is the search's own sum, in the other order).
   */
  private run(destination: number, cut: Uint8Array, w: Float64Array, scale: number, dist: Float64Array): void {
    const { inOff, inEdge, inSource } = this.rev;
    const nodeOff = this.g.nodeOff;
    const done = this.done;
    const heap = this.heap;
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    heap.size = 0;
    for (let v = nodeOff[destination] ?? 0, end = nodeOff[destination + 1] ?? 0; v < end; v++) {
      dist[v] = 0;
      heap.push(0, v);
    }
    while (heap.size > 0) {
      const v = heap.pop();
      const dv = heap.popKey;
      if (done[v] === 1) continue;
      done[v] = 1;
      for (let k = inOff[v] ?? 0, end = inOff[v + 1] ?? 0; k < end; k++) {
        if (cut[inEdge[k] ?? 0] !== 0) continue;
        const u = inSource[k] ?? 0;
        const nd = dv + (w[k] ?? 0) * scale;
        if (nd < (dist[u] ?? 0)) {
          dist[u] = nd;
          heap.push(nd, u);
        }
      }
    }
  }
}

/** 32-bit FNV-1a of a byte array: the cache key's summary of the cuts (a hit is then checked byte for byte). */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 0x01000193);
  return h >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
