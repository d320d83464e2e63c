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
  /** Longest queue seen at a departure during the week. */
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
  const sailings = [...m.sailings].sort((a, b) => a.offsetH - b.offsetH);
  const nSail = sailings.length;
  const offsets = Float64Array.from(sailings, (s) => s.offsetH);
  const capacity = Float64Array.from(sailings, (s) => s.capacityTeu);
  const cancel = Float64Array.from(sailings, (s) => s.cancellationProbability);
  const horizonH = m.weeks * WEEK_H;
  const stopAfter = m.stopAfterShippedTeu ?? Number.POSITIVE_INFINITY;
  const rng = new Rng(m.seed);
  const arrivals = m.arrivals;
  const fleet = arrivals.kind === 'fleet' ? arrivals : undefined;
  const heap = new EventHeap(fleet ? fleet.units + 4 : 16);
  const queue = new UnitFifo();
  const waits = new FloatList(1 << 16);

  const weekly: PortWeek[] = [];
  let wk = newWeek(0);
  let weekWaitSum = 0;

  const rateAt = (tH: number): number => {
    if (arrivals.kind === 'poisson') return arrivals.teuPerWeek / WEEK_H;
    if (arrivals.kind === 'series') {
      const w = Math.floor(tH / WEEK_H);
      return (arrivals.teuPerWeek[w] ?? 0) / WEEK_H; // no demand after the series ends
    }
    return 0;
  };
  // Next Poisson arrival from tH (Infinity when none before the horizon); a draw that crosses a week boundary
  // restarts there at the next week's rate (memorylessness makes this exact for a piecewise-constant rate).
  const poissonRate = arrivals.kind === 'poisson' ? arrivals.teuPerWeek / WEEK_H : 0;
  const nextArrival = (tH: number): number => {
    let t = tH;
    for (;;) {
      if (t >= horizonH) return Number.POSITIVE_INFINITY;
      const rate = rateAt(t);
      const weekEnd = (Math.floor(t / WEEK_H) + 1) * WEEK_H;
      if (rate > 0) {
        const next = t - Math.log(rng.uniformOpen()) / rate;
        if (next < weekEnd || arrivals.kind === 'poisson') return next;
      }
      t = weekEnd;
    }
  };

  if (fleet) for (let u = 0; u < fleet.units; u++) heap.push(sampleDuration(fleet.cycleH, rng), u);
  // The open arrival stream has one pending arrival at a time; it is kept beside the calendar rather than in it
  // (one comparison instead of a heap push and pop per unit). An arrival at the same instant as a calendar event
  // comes after it.
  let nextArrivalH = fleet ? Number.POSITIVE_INFINITY : nextArrival(0);
  let sailIndex = 0;
  let sailWeek = 0;
  heap.push(offsets[0] ?? 0, SAILING);
  heap.push(WEEK_H, WEEK_END);

  let now = 0;
  let events = 0;
  let arrived = 0;
  let shipped = 0;
  let scheduled = 0;
  let cancelled = 0;
  let sailedCapacity = 0;
  let queueArea = 0;
  let waitSum = 0;

  for (;;) {
    const th = heap.size > 0 ? heap.peekTimeH() : Number.POSITIVE_INFINITY;
    const arrival = nextArrivalH < th;
    const t = arrival ? nextArrivalH : th;
    if (!(t <= horizonH)) break;
    const ev = arrival ? ARRIVAL : heap.pop();
    queueArea += queue.length * (t - now);
    now = t;
    events++;
    if ((events & PROGRESS_MASK) === 0 && m.onProgress) m.onProgress(now / horizonH);
    if (ev >= 0 || ev === ARRIVAL) {
      queue.push(now, ev);
      arrived++;
      wk.arrivedTeu++;
      if (ev === ARRIVAL) {
        // the Poisson case written out; the same draw and arithmetic as nextArrival
        if (poissonRate > 0) {
          nextArrivalH = now >= horizonH ? Number.POSITIVE_INFINITY : now - Math.log(rng.uniformOpen()) / poissonRate;
        } else {
          nextArrivalH = nextArrival(now);
        }
      }
    } else if (ev === SAILING) {
      scheduled++;
      const p = cancel[sailIndex] ?? 0;
      if (p > 0 && rng.uniform() < p) {
        cancelled++;
        wk.cancelledSailings++;
      } else {
        const cap = capacity[sailIndex] ?? 0;
        sailedCapacity += cap;
        if (queue.length > wk.queueMaxTeu) wk.queueMaxTeu = queue.length;
        // whole units only: with a fractional capacity the loop below would move ceil(cap) units but count cap
        const k = Math.min(Math.floor(cap), queue.length);
        for (let i = 0; i < k; i++) {
          const w = now - queue.peekArrivalH();
          const unit = queue.peekUnit();
          queue.shift();
          waits.push(w);
          waitSum += w;
          weekWaitSum += w;
          if (fleet) heap.push(now + sampleDuration(fleet.cycleH, rng), unit);
        }
        shipped += k;
        wk.shippedTeu += k;
        if (shipped >= stopAfter) break;
      }
      if (++sailIndex === nSail) {
        sailIndex = 0;
        sailWeek++;
      }
      heap.push(sailWeek * WEEK_H + (offsets[sailIndex] ?? 0), SAILING);
    } else {
      wk.queueEndTeu = queue.length;
      wk.meanWaitH = wk.shippedTeu > 0 ? weekWaitSum / wk.shippedTeu : Number.NaN;
      weekly.push(wk);
      wk = newWeek(weekly.length);
      weekWaitSum = 0;
      heap.push(now + WEEK_H, WEEK_END);
    }
  }
  if (m.stopAfterShippedTeu === undefined) {
    queueArea += queue.length * Math.max(0, horizonH - now);
    now = Math.max(now, horizonH);
  } else if (wk.arrivedTeu + wk.shippedTeu > 0) {
    wk.queueEndTeu = queue.length;
    wk.meanWaitH = wk.shippedTeu > 0 ? weekWaitSum / wk.shippedTeu : Number.NaN;
    weekly.push(wk);
  }
  m.onProgress?.(1);

  const w = waits.view();
  const [p50, p90, p95] = quantilesInPlace(w, [0.5, 0.9, 0.95]) as [number, number, number];
  let maxWait = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i] ?? 0;
    if (x > maxWait) maxWait = x;
  }
  const simWeeks = now / WEEK_H;
  return {
    seed: m.seed,
    weeks: m.weeks,
    simulatedH: now,
    events,
    arrivedTeu: arrived,
    shippedTeu: shipped,
    scheduledSailings: scheduled,
    cancelledSailings: cancelled,
    throughputTeuPerWeek: simWeeks > 0 ? shipped / simWeeks : 0,
    sailedCapacityTeuPerWeek: simWeeks > 0 ? sailedCapacity / simWeeks : 0,
    utilisation: sailedCapacity > 0 ? shipped / sailedCapacity : 0,
    wait: { meanH: shipped > 0 ? waitSum / shipped : Number.NaN, p50H: p50, p90H: p90, p95H: p95, maxH: maxWait },
    meanQueueTeu: now > 0 ? queueArea / now : 0,
    queueEndTeu: queue.length,
    oldestWaitingH: queue.length > 0 ? now - queue.peekArrivalH() : 0,
    weekly,
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
