/**
 * One run of the port simulation (port-queue.ts): the timetable in typed arrays, the event calendar, the queue,
 * the running totals and the week in progress, with the event handlers that runCalendar calls. The calendar's
 * payloads: a fleet unit's id (>= 0) when it comes back, or one of the codes below.
 */

import { WEEK_H } from '../time.ts';
import { EventHeap } from './event-heap.ts';
import { FloatList, UnitFifo } from './fifo.ts';
import type { PortArrivals, PortModel, PortWeek } from './port-model.ts';
import { Rng } from './rng.ts';
import { sampleDuration } from './samplers.ts';

// Typed-array reads of a sailing index below nSail carry `?? 0`: never taken, and free in V8 (event-heap.ts).
export const ARRIVAL = -1;
export const SAILING = -2;
export const WEEK_END = -3;
export const PROGRESS_MASK = 0xffff;

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
  /** Shortest and longest wait so far, kept as units sail so that the summary needs no pass for them. */
  waitMin = Number.POSITIVE_INFINITY;
  waitMax = 0;

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
   * The open Poisson stream's arrivals before limitH (the calendar's next event, which wins a tie) and up to the
   * horizon, in one loop: per arrival the same steps and arithmetic as advanceTo then arrive(ARRIVAL), with the
   * clock and totals in locals. The calendar cannot change meanwhile, so runCalendar's choice between the
   * pending arrival and the calendar would fall on the arrival every time.
   */
  arrivePoissonBefore(limitH: number, onProgress: PortModel['onProgress']): void {
    const rate = this.poissonRate;
    const horizonH = this.horizonH;
    const queue = this.queue;
    const rng = this.rng;
    let t = this.nextArrivalH;
    let now = this.now;
    let area = this.queueArea;
    let events = this.events;
    let count = 0;
    while (t < limitH && t <= horizonH) {
      area += queue.length * (t - now);
      now = t;
      events++;
      if ((events & PROGRESS_MASK) === 0 && onProgress) onProgress(t / horizonH);
      queue.push(now, ARRIVAL);
      count++;
      t = now >= horizonH ? Number.POSITIVE_INFINITY : now - Math.log(rng.uniformOpen()) / rate;
    }
    this.nextArrivalH = t;
    this.now = now;
    this.queueArea = area;
    this.events = events;
    this.arrived += count;
    this.wk.arrivedTeu += count;
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
    let waitMin = this.waitMin;
    let waitMax = this.waitMax;
    if (fleet) {
      for (let i = 0; i < k; i++) {
        const w = now - queue.peekArrivalH();
        const unit = queue.peekUnit();
        queue.shift();
        this.waits.push(w);
        this.heap.push(now + sampleDuration(fleet.cycleH, this.rng), unit);
      }
    } else queue.shiftWaits(k, now, this.waits);
    // the k waits just appended, in boarding order: the same sums, in the same order, as one unit at a time
    const waits = this.waits.data;
    const end = this.waits.length;
    for (let i = end - k; i < end; i++) {
      const w = waits[i] ?? 0;
      waitSum += w;
      weekWaitSum += w;
      if (w < waitMin) waitMin = w;
      if (w > waitMax) waitMax = w;
    }
    this.waitSum = waitSum;
    this.weekWaitSum = weekWaitSum;
    this.waitMin = waitMin;
    this.waitMax = waitMax;
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
