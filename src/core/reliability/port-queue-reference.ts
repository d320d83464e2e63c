/**
 * Plain reference for the port simulation (port-queue.ts), for tests only: the same model written the obvious
 * way, so that a property test can check the optimised simulator against it.
 *
 * - The calendar is a plain array of event objects; the next event is found by a linear scan for the smallest
 *   (time, tie class, scheduling number). Events at the same time leave in the order they were scheduled; the
 *   pending arrival of the open stream (Poisson or series) comes after any sailing, week end or fleet return at
 *   the same instant (the documented rule of simulatePort).
 * - The queue is a plain array with a head index, the waits a plain array, quantiles a full sort and the type-7
 *   formula.
 * - Random numbers are drawn from the same generator in the same order as simulatePort (this is part of the
 *   model's definition, not an optimisation): the fleet's first cycles in unit order, then the first open
 *   arrival; one uniform per sailing that can be cancelled, drawn when the sailing comes up; one cycle per unit
 *   that sails, in queue order, drawn when it sails; one exponential gap per open arrival, drawn when the
 *   previous arrival happens. A gap of the demand series that crosses a week boundary is thrown away and drawn
 *   again from the boundary at the next week's rate (exact by memorylessness). The same seed therefore gives
 *   the same numbers, and the two results must be equal.
 * - The horizon is closed: events at exactly `weeks` x 168 h are still processed (they count in the totals,
 *   after the last week end, in no week of `weekly`).
 * - A sailing takes whole units: at most floor(capacity) of them.
 *
 * Assumes a valid model (simulatePort validates); ignores onProgress.
 */
import { must } from '../must.ts';
import { WEEK_H } from '../routing/timetable.ts';
import type { PortModel, PortSailing, PortSimulationResult, PortWeek } from './port-queue.ts';
import { Rng } from './rng.ts';
import { sampleDuration } from './samplers.ts';

type PortEvent =
  | { kind: 'arrival'; timeH: number; seq: number }
  | { kind: 'return'; timeH: number; seq: number; unit: number }
  | { kind: 'sailing'; timeH: number; seq: number; week: number; index: number }
  | { kind: 'weekEnd'; timeH: number; seq: number };
/** An event before it gets its scheduling number. */
type Unscheduled<E = PortEvent> = E extends PortEvent ? Omit<E, 'seq'> : never;

/** Tie class: at the same instant, the calendar (0) before the open arrival stream (1). */
const tieClass = (e: PortEvent): number => (e.kind === 'arrival' ? 1 : 0);

function comesBefore(a: PortEvent, b: PortEvent): boolean {
  if (a.timeH !== b.timeH) return a.timeH < b.timeH;
  if (tieClass(a) !== tieClass(b)) return tieClass(a) < tieClass(b);
  return a.seq < b.seq;
}

/** Type-7 quantile of an ascending array (NaN when empty). */
function quantileSorted(sorted: number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  const lo = must(sorted[k], 'order statistic');
  const hi = sorted[k + 1];
  if (hi === undefined || h <= k) return lo;
  return lo + (h - k) * (hi - lo);
}

/** Everything one run knows, in plain fields: the handlers below read and update it. */
interface RefRun {
  m: PortModel;
  sailings: PortSailing[];
  horizonH: number;
  rng: Rng;
  calendar: PortEvent[];
  /** Scheduling number of the next event. */
  seq: number;
  queue: { arrivalH: number; unit: number }[];
  /** queue[head..] are waiting. */
  head: number;
  waits: number[];
  weekly: PortWeek[];
  week: PortWeek;
  weekWaitSum: number;
  now: number;
  events: number;
  arrived: number;
  shipped: number;
  scheduled: number;
  cancelled: number;
  sailedCapacity: number;
  queueArea: number;
  waitSum: number;
}

export function referenceSimulatePort(m: PortModel): PortSimulationResult {
  const run = startRun(m);
  for (;;) {
    const ev = takeNextEvent(run);
    if (ev === undefined) break;
    run.queueArea += waiting(run) * (ev.timeH - run.now);
    run.now = ev.timeH;
    run.events++;
    if (ev.kind === 'arrival' || ev.kind === 'return') unitArrives(run, ev);
    else if (ev.kind === 'sailing') {
      if (sailingLeaves(run, ev) === 'stop') break;
    } else weekEnds(run);
  }
  if (m.stopAfterShippedTeu === undefined) {
    run.queueArea += waiting(run) * Math.max(0, run.horizonH - run.now);
    run.now = Math.max(run.now, run.horizonH);
  } else if (run.week.arrivedTeu + run.week.shippedTeu > 0) {
    closeWeek(run); // the week in progress when the run stopped
  }
  return summary(run);
}

/**
 * The run before its first event: the fleet's first cycles (or the first open arrival), the first sailing, the
 * first week end.
 */
function startRun(m: PortModel): RefRun {
  const sailings = [...m.sailings].sort((a, b) => a.offsetH - b.offsetH);
  const run: RefRun = {
    m,
    sailings,
    horizonH: m.weeks * WEEK_H,
    rng: new Rng(m.seed),
    calendar: [],
    seq: 0,
    queue: [],
    head: 0,
    waits: [],
    weekly: [],
    week: emptyWeek(0),
    weekWaitSum: 0,
    now: 0,
    events: 0,
    arrived: 0,
    shipped: 0,
    scheduled: 0,
    cancelled: 0,
    sailedCapacity: 0,
    queueArea: 0,
    waitSum: 0,
  };
  const arrivals = m.arrivals;
  if (arrivals.kind === 'fleet') {
    for (let unit = 0; unit < arrivals.units; unit++)
      schedule(run, { kind: 'return', timeH: sampleDuration(arrivals.cycleH, run.rng), unit });
  } else {
    scheduleNextArrival(run, 0);
  }
  schedule(run, { kind: 'sailing', timeH: must(sailings[0], 'first sailing').offsetH, week: 0, index: 0 });
  schedule(run, { kind: 'weekEnd', timeH: WEEK_H });
  return run;
}

function schedule(run: RefRun, e: Unscheduled): void {
  run.calendar.push({ ...e, seq: run.seq++ } as PortEvent);
}

/** Removes and returns the first event of the calendar (undefined when it is empty or past the horizon). */
function takeNextEvent(run: RefRun): PortEvent | undefined {
  if (run.calendar.length === 0) return undefined;
  let first = 0;
  let ev = must(run.calendar[0], 'calendar event');
  for (const [i, e] of run.calendar.entries()) {
    if (comesBefore(e, ev)) {
      first = i;
      ev = e;
    }
  }
  if (ev.timeH > run.horizonH) return undefined;
  run.calendar.splice(first, 1);
  return ev;
}

const waiting = (run: RefRun): number => run.queue.length - run.head;

/** Arrival rate of the open stream at time t, units per hour. */
function rateAt(arrivals: PortModel['arrivals'], t: number): number {
  if (arrivals.kind === 'poisson') return arrivals.teuPerWeek / WEEK_H;
  if (arrivals.kind === 'series') {
    const week = Math.floor(t / WEEK_H);
    return (arrivals.teuPerWeek[week] ?? 0) / WEEK_H; // no demand after the series ends
  }
  return 0;
}

/** Schedules the open stream's next arrival after t (none when it would come after the horizon's last week). */
function scheduleNextArrival(run: RefRun, from: number): void {
  const arrivals = run.m.arrivals;
  let t = from;
  while (t < run.horizonH) {
    const rate = rateAt(arrivals, t);
    const weekEnd = (Math.floor(t / WEEK_H) + 1) * WEEK_H;
    if (rate > 0) {
      const next = t - Math.log(run.rng.uniformOpen()) / rate;
      // a constant rate never changes, so a Poisson gap may cross week boundaries
      if (next < weekEnd || arrivals.kind === 'poisson') {
        schedule(run, { kind: 'arrival', timeH: next });
        return;
      }
    }
    t = weekEnd;
  }
}

/** A unit joins the queue: from the open stream (which then draws its next arrival) or a fleet unit back. */
function unitArrives(run: RefRun, ev: Extract<PortEvent, { kind: 'arrival' | 'return' }>): void {
  run.queue.push({ arrivalH: run.now, unit: ev.kind === 'return' ? ev.unit : ARRIVAL_UNIT });
  run.arrived++;
  run.week.arrivedTeu++;
  if (ev.kind === 'arrival') scheduleNextArrival(run, run.now);
}

/**
 * A sailing comes up: it is cancelled, or it takes whole units oldest first up to its capacity; then the next
 * sailing of the timetable is scheduled. 'stop' when the shipped-units target is reached (ends the run).
 */
function sailingLeaves(run: RefRun, ev: Extract<PortEvent, { kind: 'sailing' }>): 'stop' | 'go on' {
  const s = must(run.sailings[ev.index], 'sailing of the event');
  run.scheduled++;
  const isCancelled = s.cancellationProbability > 0 && run.rng.uniform() < s.cancellationProbability;
  if (isCancelled) {
    run.cancelled++;
    run.week.cancelledSailings++;
  } else {
    run.sailedCapacity += s.capacityTeu;
    run.week.queueMaxTeu = Math.max(run.week.queueMaxTeu, waiting(run));
    let taken = 0;
    while (taken + 1 <= s.capacityTeu && waiting(run) > 0) {
      shipOldestUnit(run);
      taken++;
    }
    run.shipped += taken;
    run.week.shippedTeu += taken;
    if (run.shipped >= (run.m.stopAfterShippedTeu ?? Number.POSITIVE_INFINITY)) return 'stop';
  }
  const nextIndex = (ev.index + 1) % run.sailings.length;
  const nextWeek = nextIndex === 0 ? ev.week + 1 : ev.week;
  schedule(run, {
    kind: 'sailing',
    timeH: nextWeek * WEEK_H + must(run.sailings[nextIndex], 'next sailing').offsetH,
    week: nextWeek,
    index: nextIndex,
  });
  return 'go on';
}

/** The oldest waiting unit leaves: its wait is recorded; a fleet unit draws the time until it comes back. */
function shipOldestUnit(run: RefRun): void {
  const u = must(run.queue[run.head], 'waiting unit');
  run.head++;
  const w = run.now - u.arrivalH;
  run.waits.push(w);
  run.waitSum += w;
  run.weekWaitSum += w;
  const arrivals = run.m.arrivals;
  if (arrivals.kind === 'fleet')
    schedule(run, { kind: 'return', timeH: run.now + sampleDuration(arrivals.cycleH, run.rng), unit: u.unit });
}

function weekEnds(run: RefRun): void {
  closeWeek(run);
  run.week = emptyWeek(run.weekly.length);
  run.weekWaitSum = 0;
  schedule(run, { kind: 'weekEnd', timeH: run.now + WEEK_H });
}

function emptyWeek(week: number): PortWeek {
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

function closeWeek(run: RefRun): void {
  run.week.queueEndTeu = waiting(run);
  run.week.queueMaxTeu = Math.max(run.week.queueMaxTeu, run.week.queueEndTeu);
  run.week.meanWaitH = run.week.shippedTeu > 0 ? run.weekWaitSum / run.week.shippedTeu : Number.NaN;
  run.weekly.push(run.week);
}

/** The result: totals, rates per simulated week, wait quantiles by a full sort. */
function summary(run: RefRun): PortSimulationResult {
  const { m, now, shipped, sailedCapacity } = run;
  const sorted = [...run.waits].sort((a, b) => a - b);
  const oldest = run.queue[run.head];
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
    wait: {
      meanH: shipped > 0 ? run.waitSum / shipped : Number.NaN,
      p50H: quantileSorted(sorted, 0.5),
      p90H: quantileSorted(sorted, 0.9),
      p95H: quantileSorted(sorted, 0.95),
      maxH: sorted.at(-1) ?? 0,
    },
    meanQueueTeu: now > 0 ? run.queueArea / now : 0,
    queueEndTeu: waiting(run),
    oldestWaitingH: oldest ? now - oldest.arrivalH : 0,
    weekly: run.weekly,
  };
}

/** Unit id of units from the open arrival stream (only fleet units come back). */
const ARRIVAL_UNIT = -1;
