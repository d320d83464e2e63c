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
 * One difference is possible: of two twins, routes whose criteria are equal within the dominance tolerance EPS
 * (bitwise, or apart in the last bit: the same sums in another order), either may be the one returned (the pop
 * order decides, as it always did); on the shipped network the two searches return the same edges too.
 * With risk as a criterion and a `riskTolerance` (RoutingEngine passes RISK_FRONT_TOLERANCE), the destination's
 * front is an epsilon-front instead (front-tolerance.ts): labels are pruned and destination labels refused when a
 * destination label covers them within the tolerance; three-criterion queries ignore it.
 *
 * Hot path: labels live in growable typed arrays (label-pool.ts), bags are linked lists through the pool
 * (vertex-bags.ts), the heap holds label indices, the destination's labels are a front of their own
 * (destination-front.ts); nothing is allocated per edge relaxation. Reused across queries by one Router. Pool reads are `?? 0`, or `?? -1` for a
 * label link: an index within the pool never reads undefined (see label-pool.ts).
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_TRANSFER } from '../network/compile.ts';
import { maskRiskLog } from '../network/risk-events.ts';
import { DestinationFront, EPS } from './destination-front.ts';
import { arrivalH, boxUnits, edgeCost, unitCo2e } from './edge-cost.ts';
import { checkFrontTolerance, EXACT_FRONT, type FrontTolerance } from './front-tolerance.ts';
import { LabelHeap, LabelPool } from './label-pool.ts';
import { type BoundSet, LowerBounds } from './lower-bounds.ts';
import { buildEdgeCuts, edgeCutKey, type SearchQuery } from './query.ts';
import { riskBoundLog } from './risk-reach.ts';
import { VertexBags } from './vertex-bags.ts';

/** One Pareto-optimal path: its edges in order and its criteria. */
export interface ParetoPath {
  edges: number[];
  arriveH: number;
  costUsd: number;
  co2eKg: number;
  riskLog: number;
  transfers: number;
}

/**
 * Relative margin taken off a bounded value (label + lower bound) before it is compared with the destination's
 * labels: the bound is summed backwards, the route forwards, so the two can differ in the last bits. 1e-9 of
 * the value is far above that rounding (under 1e-13 relative for a thousand edges) and far below any real gap.
 */
const BOUND_MARGIN = 1e-9;

export interface RouterOptions {
  /** Prune with lower bounds (default true). false runs the plain label-setting search, the reference. */
  bounded?: boolean | undefined;
  /**
   * With risk as a criterion, the destination's front is an epsilon-front of this tolerance (front-tolerance.ts).
   * Default: the exact front. RoutingEngine passes RISK_FRONT_TOLERANCE. Three-criterion queries are always exact.
   */
  riskTolerance?: FrontTolerance | undefined;
}

export interface SearchStats {
  labelsCreated: number;
  labelsPopped: number;
}

export class ParetoRouter {
  readonly graph: CompiledGraph;
  private readonly pool = new LabelPool();
  private readonly heap = new LabelHeap(this.pool);
  private readonly bags: VertexBags;
  private readonly isDest: Uint8Array;
  /** The destination's labels (destination-front.ts). */
  private readonly front = new DestinationFront();
  private readonly cut: Uint8Array;
  /** edgeCutKey of the cuts in `cut`, and how many times they were rebuilt (the bounds' cache reads it). */
  private cutKey = '';
  private cutVersion = 0;
  private useRisk = false;
  private useTransfers = false;
  /** The query's container TEU priced as 40' and as 20' boxes (edge-cost.ts boxUnits); in20 = 0 for tonnage. */
  private in40 = 0;
  private in20 = 0;
  private readonly bounds: LowerBounds | undefined;
  /** The current query's bounds (undefined when unbounded). */
  private lb: BoundSet | undefined;
  /** The epsilon-front's tolerance on risk queries (RouterOptions.riskTolerance). */
  readonly riskTolerance: FrontTolerance;
  stats: SearchStats = { labelsCreated: 0, labelsPopped: 0 };
  /** -ln(1 - P) of a mask of risk events: a table over every mask for up to MASK_TABLE_EVENTS events. */
  private readonly maskLog: (mask: number) => number;

  constructor(graph: CompiledGraph, options: RouterOptions = {}) {
    this.graph = graph;
    this.maskLog = maskLogOf(graph.eventRiskLog);
    this.bounds = options.bounded === false ? undefined : new LowerBounds(graph);
    this.riskTolerance = checkFrontTolerance(options.riskTolerance ?? EXACT_FRONT);
    this.bags = new VertexBags(this.pool, graph.vertexCount);
    this.isDest = new Uint8Array(graph.vertexCount);
    this.cut = new Uint8Array(graph.edgeCount);
  }

  private newLabel(
    v: number,
    t: number,
    c: number,
    e: number,
    m: number,
    r: number,
    x: number,
    parent: number,
    edge: number,
  ): number {
    const p = this.pool;
    if (p.n === p.cap) p.grow();
    const l = p.n++;
    p.lt[l] = t;
    p.lk[l] = this.lb === undefined ? t : t + (this.lb.timeH[v] ?? 0);
    p.lc[l] = c;
    p.le[l] = e;
    p.lm[l] = m;
    p.lr[l] = r;
    p.lx[l] = x;
    p.lv[l] = v;
    p.lparent[l] = parent;
    p.ledge[l] = edge;
    p.ldead[l] = 0;
    this.stats.labelsCreated++;
    return l;
  }

  /** Whether the destination's front dominates or equals label l (the unbounded test). */
  private dominatedByDest(l: number): boolean {
    const { lt, lc, le, lr, lx } = this.pool;
    return this.front.dominates(lt[l] ?? 0, lc[l] ?? 0, le[l] ?? 0, lr[l] ?? 0, lx[l] ?? 0);
  }

  private insertDest(l: number): boolean {
    const { lt, lc, le, lr, lx } = this.pool;
    return this.front.insert(l, lt[l] ?? 0, lc[l] ?? 0, le[l] ?? 0, lr[l] ?? 0, lx[l] ?? 0);
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
    const boxes = perTeu ? boxUnits(units) : { in40: units, in20: 0 };
    this.in40 = boxes.in40;
    this.in20 = boxes.in20;
    const criteria = { perTeu, units, in20: boxes.in20, useRisk: this.useRisk, useTransfers: this.useTransfers };
    this.bounds?.compute(q.destination, this.cut, criteria, this.cutVersion);
    const b = this.bounds?.current;
    this.lb = b;
    this.isDest.fill(1, g.nodeOff[q.destination] ?? 0, g.nodeOff[q.destination + 1] ?? 0);
    for (let v = g.nodeOff[q.origin] ?? 0, end = g.nodeOff[q.origin + 1] ?? 0; v < end; v++) {
      // an origin platform that cannot reach the destination starts nothing (its bound is +Infinity)
      if (b !== undefined && (b.timeH[v] ?? 0) === Number.POSITIVE_INFINITY) continue;
      const l = this.newLabel(v, q.departH, 0, 0, 0, 0, 0, -1, -1);
      this.bags.insert(v, l);
      this.heap.push(l);
    }
    while (this.heap.size > 0) {
      const l = this.heap.pop();
      if (this.pool.ldead[l]) continue;
      this.stats.labelsPopped++;
      if (this.prunedByDest(l)) continue;
      this.expand(l, maxX, perTeu, units);
    }
    return this.destinationPaths();
  }

  /** Clears the pool, the bags and the heap, and sets the query's cuts and active criteria. */
  private reset(q: SearchQuery, cutIgnore: number): void {
    const key = edgeCutKey(q, cutIgnore);
    if (key !== this.cutKey) {
      buildEdgeCuts(this.graph, q, this.cut, cutIgnore);
      this.cutKey = key;
      this.cutVersion++;
    }
    this.useRisk = q.useRisk === true;
    this.useTransfers = q.maxTransfers !== undefined;
    this.pool.n = 0;
    this.heap.size = 0;
    this.front.clear(this.useRisk, this.useTransfers, this.useRisk ? this.riskTolerance : EXACT_FRONT, q.departH);
    this.bags.clear(this.useRisk, this.useTransfers);
    this.isDest.fill(0);
    this.stats = { labelsCreated: 0, labelsPopped: 0 };
    this.lb = undefined;
  }

  /** Relaxes every usable out-edge of label l's vertex: new labels go to the destination bag or to the heap. */
  private expand(l: number, maxX: number, perTeu: boolean, units: number): void {
    const g = this.graph;
    const { off, target, kind, riskMask } = g;
    const cut = this.cut;
    const b = this.lb;
    const p = this.pool;
    const v = p.lv[l] ?? 0;
    const t = p.lt[l] ?? 0;
    const c = p.lc[l] ?? 0;
    const co = p.le[l] ?? 0;
    const m = p.lm[l] ?? 0;
    const r = p.lr[l] ?? 0;
    const x = p.lx[l] ?? 0;
    const in40 = this.in40;
    const in20 = this.in20;
    for (let e = off[v] ?? 0, end = off[v + 1] ?? 0; e < end; e++) {
      if (cut[e] !== 0) continue;
      const k = kind[e];
      const nx = k === EDGE_TRANSFER || k === EDGE_GAUGE ? x + 1 : x;
      if (nx > maxX) continue;
      const w = target[e] ?? 0;
      if (b !== undefined && !this.mayReach(b, w, nx, maxX)) continue;
      // an event already met adds nothing; a new one changes the mask, whose risk is summed afresh (risk-events.ts)
      const nm = m | (riskMask[e] ?? 0);
      const nl = this.newLabel(
        w,
        arrivalH(g, e, t),
        c + edgeCost(g, e, perTeu, units, in40, in20),
        co + unitCo2e(g, e, perTeu) * units,
        nm,
        nm === m ? r : this.maskLog(nm),
        nx,
        l,
        e,
      );
      if (this.isDest[w]) {
        if (!this.insertDest(nl)) p.n--;
        continue;
      }
      if (this.prunedByDest(nl) || !this.bags.insert(w, nl)) {
        p.n--;
        continue;
      }
      this.heap.push(nl);
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
    if (this.front.size === 0) return false;
    const b = this.lb;
    if (b === undefined) return this.dominatedByDest(l);
    const { lv, lt, lc, le, lr, lm, lx } = this.pool;
    const v = lv[l] ?? 0;
    return this.front.anyWithin(
      bounded(lt[l] ?? 0, b.timeH[v] ?? 0),
      bounded(lc[l] ?? 0, b.costUsd[v] ?? 0),
      bounded(le[l] ?? 0, b.co2eKg[v] ?? 0),
      bounded(lr[l] ?? 0, b.risk === undefined ? 0 : this.riskStillToMeet(b, v, lm[l] ?? 0, lr[l] ?? 0)),
      (lx[l] ?? 0) + (b.transfers[v] ?? 0),
    );
  }

  /** The least risk (-ln(1 - P)) a label with events m and risk r at v must still add (risk-reach.ts). */
  private riskStillToMeet(b: BoundSet, v: number, m: number, r: number): number {
    const least = b.risk === undefined ? r : riskBoundLog(b.risk, v, m, this.maskLog);
    return least === Number.POSITIVE_INFINITY ? least : Math.max(0, least - r);
  }

  /** The labels of the destination's front as paths, by arrival, then cost, then CO2e. */
  private destinationPaths(): ParetoPath[] {
    const out: ParetoPath[] = [];
    const { lt, lc, le, lr, lx } = this.pool;
    for (let i = 0; i < this.front.size; i++) {
      const k = this.front.labelAt(i);
      out.push({
        edges: this.pool.pathEdges(k),
        arriveH: lt[k] ?? 0,
        costUsd: lc[k] ?? 0,
        co2eKg: le[k] ?? 0,
        riskLog: lr[k] ?? 0,
        transfers: lx[k] ?? 0,
      });
    }
    return out.sort((a, b) => a.arriveH - b.arriveH || a.costUsd - b.costUsd || a.co2eKg - b.co2eKg);
  }
}

/** Events up to which -ln(1 - P) of every mask is tabulated (4,096 entries). */
const MASK_TABLE_EVENTS = 12;

/** -ln(1 - P) of a mask of events (risk-events.ts maskRiskLog), from a table when there are few events. */
function maskLogOf(eventRiskLog: Float64Array): (mask: number) => number {
  if (eventRiskLog.length > MASK_TABLE_EVENTS) return (m) => maskRiskLog(eventRiskLog, m);
  const table = Float64Array.from({ length: 1 << eventRiskLog.length }, (_, m) => maskRiskLog(eventRiskLog, m));
  return (m) => table[m] ?? 0;
}

/** The threshold a destination value must not exceed to rule out a label of value x with lower bound lb. */
function bounded(x: number, lb: number): number {
  const withBound = x + lb;
  return Math.max(x + EPS, withBound - BOUND_MARGIN * (1 + Math.abs(withBound)));
}
