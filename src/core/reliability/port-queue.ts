/**
 * Discrete-event simulation of a port (or any terminal) whose cargo leaves on scheduled sailings: units (TEU
 * containers or wagons) arrive, queue first-in first-out, and each sailing of a weekly timetable takes up to its
 * capacity unless it is cancelled (storms, low water). This is the bulk-service queue of Bailey (1954) with a
 * timetable instead of a server; when weekly demand exceeds the capacity that actually sails, the queue grows
 * without bound, which is what Aktau saw in 2022.
 *
 * Arrivals: a Poisson stream (constant TEU per week), a demand series (one Poisson rate per week, piecewise
 * constant), or a closed fleet of units that come back after a sampled cycle (one pending event per unit, so a
 * fleet of 2,000 wagons keeps 2,000 concurrent processes in the calendar). Event calendar: event-heap.ts.
 * Time 0 is a Monday 00:00 UTC, the origin of the weekly offsets. Core code: no I/O; progress goes to a callback.
 */

import { KeruenError } from '../errors.ts';
import type { DistributionSpec } from '../network/figure.ts';
import { WEEK_H } from '../time.ts';
import { EventHeap } from './event-heap.ts';
import { FloatList, UnitFifo } from './fifo.ts';
import { quantilesInPlace } from './quantiles.ts';
import { Rng } from './rng.ts';
import { checkDistribution, sampleDuration } from './samplers.ts';

export interface PortSailing {
  /** Hours after Monday 00:00 UTC, in [0, 168). */
  offsetH: number;
  capacityTeu: number;
  cancellationProbability: number;
  /** Service the sailing belongs to (for reports). */
  service?: string;
}

export type PortArrivals =
  | { kind: 'poisson'; teuPerWeek: number }
  | { kind: 'series'; teuPerWeek: number[] }
  | { kind: 'fleet'; units: number; cycleH: DistributionSpec };

export interface PortModel {
  sailings: PortSailing[];
  arrivals: PortArrivals;
  seed: number;
  /** Simulated horizon in weeks. */
  weeks: number;
  /** Stop early once this many units have sailed (benchmarks). */
  stopAfterShippedTeu?: number | undefined;
  /** Called about every 65,536 events with the share of the horizon done. */
  onProgress?: ((fractionDone: number) => void) | undefined;
}

export interface PortWeek {
  week: number;
  arrivedTeu: number;
  shippedTeu: number;
  cancelledSailings: number;
  /** Units waiting at the end of the week. */
  queueEndTeu: number;
  /**
   * Longest queue during the week. The queue grows only between departures, so its peaks are just before a
   * departure boards and at the end of the week; both are read.
   */
  queueMaxTeu: number;
  /** Mean wait of the units that sailed this week, hours (NaN when none sailed). */
  meanWaitH: number;
}

export interface PortSimulationResult {
  seed: number;
  weeks: number;
  simulatedH: number;
  events: number;
  arrivedTeu: number;
  shippedTeu: number;
  scheduledSailings: number;
  cancelledSailings: number;
  throughputTeuPerWeek: number;
  /** Capacity of the sailings that did sail, per week. */
  sailedCapacityTeuPerWeek: number;
  /** Shipped / capacity of the sailings that sailed. */
  utilisation: number;
  /** Wait from arrival to departure of the units that sailed, hours. */
  wait: { meanH: number; p50H: number; p90H: number; p95H: number; maxH: number };
  /** Time-average number of units waiting. */
  meanQueueTeu: number;
  queueEndTeu: number;
  /** Age of the oldest unit still waiting at the end, hours (0 when none). */
  oldestWaitingH: number;
  weekly: PortWeek[];
}

// Typed-array reads of a sailing index below nSail carry `?? 0`: never taken, and free in V8 (event-heap.ts).
const ARRIVAL = -1;
const SAILING = -2;
const WEEK_END = -3;
const PROGRESS_MASK = 0xffff;

function invalid(message: string, value: unknown): never {
  throw new KeruenError('KERUEN_INVALID_INPUT', message, [], { value });
}

function checkModel(m: PortModel): void {
  if (m.sailings.length === 0) invalid('a port needs at least one sailing per week', m.sailings);
  for (const s of m.sailings) {
    if (!(s.offsetH >= 0 && s.offsetH < WEEK_H)) invalid(`sailing offset ${s.offsetH} h is outside [0, 168)`, s);
    if (!(s.capacityTeu >= 0 && Number.isFinite(s.capacityTeu))) invalid(`bad sailing capacity ${s.capacityTeu}`, s);
    if (!(s.cancellationProbability >= 0 && s.cancellationProbability < 1))
      invalid(`cancellation probability ${s.cancellationProbability} must be in [0, 1)`, s);
  }
  if (!(Number.isInteger(m.weeks) && m.weeks >= 1))
    invalid(`weeks must be a positive integer, got ${m.weeks}`, m.weeks);
  if (!Number.isInteger(m.seed) || m.seed < 0 || m.seed > 0xffffffff) invalid(`bad seed ${m.seed}`, m.seed);
  const a = m.arrivals;
  if (a.kind === 'poisson' && !(a.teuPerWeek >= 0 && Number.isFinite(a.teuPerWeek)))
    invalid(`demand ${a.teuPerWeek} TEU/week must be a finite number >= 0`, a.teuPerWeek);
  if (a.kind === 'series' && !a.teuPerWeek.every((x) => x >= 0 && Number.isFinite(x)))
    invalid('demand series must hold finite numbers >= 0', a.teuPerWeek);
  if (a.kind === 'fleet') {
    if (!(Number.isInteger(a.units) && a.units >= 1)) invalid(`fleet size ${a.units} must be a positive integer`, a);
    checkDistribution(a.cycleH, 'fleet cycle');
  }
}

/**
 * Runs the port simulation. Deterministic for a given model and seed; allocates only when its typed arrays grow.
 * @example
 * const r = simulatePort({
 *   sailings: [{ offsetH: 10, capacityTeu: 225, cancellationProbability: 0.08 }],
 *   arrivals: { kind: 'poisson', teuPerWeek: 250 }, weeks: 26, seed: 1,
 * });
 * r.queueEndTeu; // grows with the weeks: 250 TEU/week against at most 225 sailing
 */
export function simulatePort(m: PortModel): PortSimulationResult {
  checkModel(m);
  const run = new PortRun(m);
  runCalendar(run, m.onProgress);
  run.finish(m.stopAfterShippedTeu !== undefined);
  m.onProgress?.(1);
  return summarisePort(run, m);
}

/**
 * The main loop: takes the next event (the pending open arrival or the calendar's first, the calendar first on
 * a tie), advances the clock and hands the event to its handler, until the horizon or the shipped-units target.
 */
function runCalendar(run: PortRun, onProgress: PortModel['onProgress']): void {
  const heap = run.heap;
  const horizonH = run.horizonH;
  for (;;) {
    const th = heap.size > 0 ? heap.peekTimeH() : Number.POSITIVE_INFINITY;
    const arrival = run.nextArrivalH < th;
    const t = arrival ? run.nextArrivalH : th;
    if (!(t <= horizonH)) break;
    const ev = arrival ? ARRIVAL : heap.pop();
    run.advanceTo(t);
    if ((run.events & PROGRESS_MASK) === 0 && onProgress) onProgress(t / horizonH);
    if (ev >= 0 || ev === ARRIVAL) run.arrive(ev);
    else if (ev === SAILING) {
      if (run.sail()) break;
    } else run.endWeek();
  }
}

/**
 * One run's state: the timetable in typed arrays, the calendar, the queue, the running totals and the week in
 * progress. Its methods are the event handlers of runCalendar (small, so V8 inlines them into the loop).
 */
export class PortRun {
  readonly offsets: Float64Array;
  readonly capacity: Float64Array;
  readonly cancel: Float64Array;
  readonly horizonH: number;
  readonly stopAfter: number;
  readonly rng: Rng;
  readonly arrivals: PortArrivals;
  readonly fleet: Extract<PortArrivals, { kind: 'fleet' }> | undefined;
  /** Rate of a constant Poisson stream, units per hour (0 for a series or a fleet). */
  readonly poissonRate: number;
  readonly heap: EventHeap;
  readonly queue = new UnitFifo();
  readonly waits = new FloatList(1 << 16);
  readonly weekly: PortWeek[] = [];
  wk: PortWeek = newWeek(0);
  weekWaitSum = 0;
  /** The open stream's one pending arrival, kept beside the calendar (Infinity when none). */
  nextArrivalH = Number.POSITIVE_INFINITY;
  /** The next sailing: its index in the sorted timetable and its week. */
  sailIndex = 0;
  sailWeek = 0;
  now = 0;
  events = 0;
  arrived = 0;
  shipped = 0;
  scheduled = 0;
  cancelled = 0;
  sailedCapacity = 0;
  queueArea = 0;
  waitSum = 0;

  /**
   * Sorts the timetable and seeds the calendar. Draws: the fleet's first cycles in unit order, then the first
   * open arrival.
   */
  constructor(m: PortModel) {
    const sailings = [...m.sailings].sort((a, b) => a.offsetH - b.offsetH);
    this.offsets = Float64Array.from(sailings, (s) => s.offsetH);
    this.capacity = Float64Array.from(sailings, (s) => s.capacityTeu);
    this.cancel = Float64Array.from(sailings, (s) => s.cancellationProbability);
    this.horizonH = m.weeks * WEEK_H;
    this.stopAfter = m.stopAfterShippedTeu ?? Number.POSITIVE_INFINITY;
    this.rng = new Rng(m.seed);
    this.arrivals = m.arrivals;
    this.fleet = m.arrivals.kind === 'fleet' ? m.arrivals : undefined;
    this.poissonRate = m.arrivals.kind === 'poisson' ? m.arrivals.teuPerWeek / WEEK_H : 0;
    this.heap = new EventHeap(this.fleet ? this.fleet.units + 4 : 16);
    // The open arrival stream has one pending arrival at a time; it is kept beside the calendar rather than in it
    // (one comparison instead of a heap push and pop per unit). An arrival at the same instant as a calendar
    // event comes after it.
    if (this.fleet)
      for (let u = 0; u < this.fleet.units; u++) this.heap.push(sampleDuration(this.fleet.cycleH, this.rng), u);
    else this.nextArrivalH = this.nextOpenArrival(0);
    this.heap.push(this.offsets[0] ?? 0, SAILING);
    this.heap.push(WEEK_H, WEEK_END);
  }

  /** Arrival rate of the open stream at tH, units per hour. */
  rateAt(tH: number): number {
    const arrivals = this.arrivals;
    if (arrivals.kind === 'poisson') return arrivals.teuPerWeek / WEEK_H;
    if (arrivals.kind === 'series') {
      const w = Math.floor(tH / WEEK_H);
      return (arrivals.teuPerWeek[w] ?? 0) / WEEK_H; // no demand after the series ends
    }
    return 0;
  }

  /**
   * Next open arrival from tH (Infinity when none before the horizon); a draw that crosses a week boundary
   * restarts there at the next week's rate (memorylessness makes this exact for a piecewise-constant rate).
   */
  nextOpenArrival(tH: number): number {
    let t = tH;
    for (;;) {
      if (t >= this.horizonH) return Number.POSITIVE_INFINITY;
      const rate = this.rateAt(t);
      const weekEnd = (Math.floor(t / WEEK_H) + 1) * WEEK_H;
      if (rate > 0) {
        const next = t - Math.log(this.rng.uniformOpen()) / rate;
        if (next < weekEnd || this.arrivals.kind === 'poisson') return next;
      }
      t = weekEnd;
    }
  }

  /** Moves the clock to tH, adding the queue's area since the last event. */
  advanceTo(tH: number): void {
    this.queueArea += this.queue.length * (tH - this.now);
    this.now = tH;
    this.events++;
  }

  /** A unit joins the queue: a fleet unit back (ev >= 0) or an open arrival (ev = ARRIVAL, draws the next one). */
  arrive(ev: number): void {
    const now = this.now;
    this.queue.push(now, ev);
    this.arrived++;
    this.wk.arrivedTeu++;
    if (ev === ARRIVAL) {
      // the Poisson case written out; the same draw and arithmetic as nextOpenArrival
      const rate = this.poissonRate;
      if (rate > 0) {
        this.nextArrivalH =
          now >= this.horizonH ? Number.POSITIVE_INFINITY : now - Math.log(this.rng.uniformOpen()) / rate;
      } else {
        this.nextArrivalH = this.nextOpenArrival(now);
      }
    }
  }

  /**
   * The next sailing of the timetable comes up: cancelled (one uniform draw when it can be) or takes up to
   * floor(capacity) waiting units; then the following sailing is scheduled. True when the shipped-units target
   * is reached (the run ends before scheduling).
   */
  sail(): boolean {
    const i = this.sailIndex;
    this.scheduled++;
    const p = this.cancel[i] ?? 0;
    if (p > 0 && this.rng.uniform() < p) {
      this.cancelled++;
      this.wk.cancelledSailings++;
    } else {
      const cap = this.capacity[i] ?? 0;
      this.sailedCapacity += cap;
      if (this.board(cap)) return true;
    }
    const n = this.offsets.length;
    if (++this.sailIndex === n) {
      this.sailIndex = 0;
      this.sailWeek++;
    }
    this.heap.push(this.sailWeek * WEEK_H + (this.offsets[this.sailIndex] ?? 0), SAILING);
    return false;
  }

  /** A sailing that leaves takes whole units, oldest first; fleet units draw their next cycle. True at the target. */
  board(cap: number): boolean {
    const queue = this.queue;
    const wk = this.wk;
    if (queue.length > wk.queueMaxTeu) wk.queueMaxTeu = queue.length;
    // whole units only: with a fractional capacity the loop below would move ceil(cap) units but count cap
    const k = Math.min(Math.floor(cap), queue.length);
    const now = this.now;
    const fleet = this.fleet;
    let waitSum = this.waitSum;
    let weekWaitSum = this.weekWaitSum;
    for (let i = 0; i < k; i++) {
      const w = now - queue.peekArrivalH();
      const unit = queue.peekUnit();
      queue.shift();
      this.waits.push(w);
      waitSum += w;
      weekWaitSum += w;
      if (fleet) this.heap.push(now + sampleDuration(fleet.cycleH, this.rng), unit);
    }
    this.waitSum = waitSum;
    this.weekWaitSum = weekWaitSum;
    this.shipped += k;
    wk.shippedTeu += k;
    return this.shipped >= this.stopAfter;
  }

  /** Week end: closes the week and schedules the next week end. */
  endWeek(): void {
    this.closeWeek();
    this.wk = newWeek(this.weekly.length);
    this.weekWaitSum = 0;
    this.heap.push(this.now + WEEK_H, WEEK_END);
  }

  closeWeek(): void {
    const wk = this.wk;
    wk.queueEndTeu = this.queue.length;
    if (wk.queueEndTeu > wk.queueMaxTeu) wk.queueMaxTeu = wk.queueEndTeu;
    wk.meanWaitH = wk.shippedTeu > 0 ? this.weekWaitSum / wk.shippedTeu : Number.NaN;
    this.weekly.push(wk);
  }

  /**
   * After the loop: a run to the horizon counts the queue's area up to it; a run stopped at its shipped-units
   * target keeps the week in progress when anything happened in it.
   */
  finish(hasTarget: boolean): void {
    if (!hasTarget) {
      this.queueArea += this.queue.length * Math.max(0, this.horizonH - this.now);
      this.now = Math.max(this.now, this.horizonH);
    } else if (this.wk.arrivedTeu + this.wk.shippedTeu > 0) {
      this.closeWeek();
    }
  }
}

/** The result of a finished run: totals, rates per simulated week, wait quantiles (selection, in place). */
export function summarisePort(run: PortRun, m: PortModel): PortSimulationResult {
  const w = run.waits.view();
  const [p50, p90, p95] = quantilesInPlace(w, [0.5, 0.9, 0.95]) as [number, number, number];
  let maxWait = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i] ?? 0;
    if (x > maxWait) maxWait = x;
  }
  const { now, shipped, sailedCapacity, queue } = run;
  const simWeeks = now / WEEK_H;
  return {
    seed: m.seed,
    weeks: m.weeks,
    simulatedH: now,
    events: run.events,
    arrivedTeu: run.arrived,
    shippedTeu: shipped,
    scheduledSailings: run.scheduled,
    cancelledSailings: run.cancelled,
    throughputTeuPerWeek: simWeeks > 0 ? shipped / simWeeks : 0,
    sailedCapacityTeuPerWeek: simWeeks > 0 ? sailedCapacity / simWeeks : 0,
    utilisation: sailedCapacity > 0 ? shipped / sailedCapacity : 0,
    wait: { meanH: shipped > 0 ? run.waitSum / shipped : Number.NaN, p50H: p50, p90H: p90, p95H: p95, maxH: maxWait },
    meanQueueTeu: now > 0 ? run.queueArea / now : 0,
    queueEndTeu: queue.length,
    oldestWaitingH: queue.length > 0 ? now - queue.peekArrivalH() : 0,
    weekly: run.weekly,
  };
}

function newWeek(week: number): PortWeek {
  return {
    week,
    arrivedTeu: 0,
    shippedTeu: 0,
    cancelledSailings: 0,
    queueEndTeu: 0,
    queueMaxTeu: 0,
    meanWaitH: Number.NaN,
  };
}
