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
import type { PortModel, PortSimulationResult, PortWeek } from './port-queue.ts';
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

export function referenceSimulatePort(m: PortModel): PortSimulationResult {
  const sailings = [...m.sailings].sort((a, b) => a.offsetH - b.offsetH);
  const horizonH = m.weeks * WEEK_H;
  const stopAfter = m.stopAfterShippedTeu ?? Number.POSITIVE_INFINITY;
  const rng = new Rng(m.seed);
  const arrivals = m.arrivals;

  const calendar: PortEvent[] = [];
  let seq = 0;
  const schedule = (e: Unscheduled): void => {
    calendar.push({ ...e, seq: seq++ } as PortEvent);
  };

  /** Arrival rate of the open stream at time t, units per hour. */
  const rateAt = (t: number): number => {
    if (arrivals.kind === 'poisson') return arrivals.teuPerWeek / WEEK_H;
    if (arrivals.kind === 'series') {
      const week = Math.floor(t / WEEK_H);
      return (arrivals.teuPerWeek[week] ?? 0) / WEEK_H; // no demand after the series ends
    }
    return 0;
  };
  /** Schedules the open stream's next arrival after t (none when it would come after the horizon's last week). */
  const scheduleNextArrival = (from: number): void => {
    let t = from;
    while (t < horizonH) {
      const rate = rateAt(t);
      const weekEnd = (Math.floor(t / WEEK_H) + 1) * WEEK_H;
      if (rate > 0) {
        const next = t - Math.log(rng.uniformOpen()) / rate;
        // a constant rate never changes, so a Poisson gap may cross week boundaries
        if (next < weekEnd || arrivals.kind === 'poisson') {
          schedule({ kind: 'arrival', timeH: next });
          return;
        }
      }
      t = weekEnd;
    }
  };

  if (arrivals.kind === 'fleet') {
    for (let unit = 0; unit < arrivals.units; unit++)
      schedule({ kind: 'return', timeH: sampleDuration(arrivals.cycleH, rng), unit });
  } else {
    scheduleNextArrival(0);
  }
  schedule({ kind: 'sailing', timeH: must(sailings[0], 'first sailing').offsetH, week: 0, index: 0 });
  schedule({ kind: 'weekEnd', timeH: WEEK_H });

  const queue: { arrivalH: number; unit: number }[] = [];
  let head = 0; // queue[head..] are waiting
  const waiting = () => queue.length - head;
  const waits: number[] = [];
  const weekly: PortWeek[] = [];
  const emptyWeek = (week: number): PortWeek => ({
    week,
    arrivedTeu: 0,
    shippedTeu: 0,
    cancelledSailings: 0,
    queueEndTeu: 0,
    queueMaxTeu: 0,
    meanWaitH: Number.NaN,
  });
  let week = emptyWeek(0);
  let weekWaitSum = 0;
  const closeWeek = (): void => {
    week.queueEndTeu = waiting();
    week.meanWaitH = week.shippedTeu > 0 ? weekWaitSum / week.shippedTeu : Number.NaN;
    weekly.push(week);
  };

  let now = 0;
  let events = 0;
  let arrived = 0;
  let shipped = 0;
  let scheduled = 0;
  let cancelled = 0;
  let sailedCapacity = 0;
  let queueArea = 0;
  let waitSum = 0;
  while (calendar.length > 0) {
    let first = 0;
    let ev = must(calendar[0], 'calendar event');
    for (const [i, e] of calendar.entries()) {
      if (comesBefore(e, ev)) {
        first = i;
        ev = e;
      }
    }
    if (ev.timeH > horizonH) break;
    calendar.splice(first, 1);
    queueArea += waiting() * (ev.timeH - now);
    now = ev.timeH;
    events++;

    if (ev.kind === 'arrival' || ev.kind === 'return') {
      queue.push({ arrivalH: now, unit: ev.kind === 'return' ? ev.unit : ARRIVAL_UNIT });
      arrived++;
      week.arrivedTeu++;
      if (ev.kind === 'arrival') scheduleNextArrival(now);
    } else if (ev.kind === 'sailing') {
      const s = must(sailings[ev.index], 'sailing of the event');
      scheduled++;
      const isCancelled = s.cancellationProbability > 0 && rng.uniform() < s.cancellationProbability;
      if (isCancelled) {
        cancelled++;
        week.cancelledSailings++;
      } else {
        sailedCapacity += s.capacityTeu;
        week.queueMaxTeu = Math.max(week.queueMaxTeu, waiting());
        let taken = 0;
        while (taken + 1 <= s.capacityTeu && waiting() > 0) {
          const u = must(queue[head], 'waiting unit');
          head++;
          const w = now - u.arrivalH;
          waits.push(w);
          waitSum += w;
          weekWaitSum += w;
          taken++;
          if (arrivals.kind === 'fleet')
            schedule({ kind: 'return', timeH: now + sampleDuration(arrivals.cycleH, rng), unit: u.unit });
        }
        shipped += taken;
        week.shippedTeu += taken;
        if (shipped >= stopAfter) break; // ends the run
      }
      const nextIndex = (ev.index + 1) % sailings.length;
      const nextWeek = nextIndex === 0 ? ev.week + 1 : ev.week;
      schedule({
        kind: 'sailing',
        timeH: nextWeek * WEEK_H + must(sailings[nextIndex], 'next sailing').offsetH,
        week: nextWeek,
        index: nextIndex,
      });
    } else {
      closeWeek();
      week = emptyWeek(weekly.length);
      weekWaitSum = 0;
      schedule({ kind: 'weekEnd', timeH: now + WEEK_H });
    }
  }
  if (m.stopAfterShippedTeu === undefined) {
    queueArea += waiting() * Math.max(0, horizonH - now);
    now = Math.max(now, horizonH);
  } else if (week.arrivedTeu + week.shippedTeu > 0) {
    closeWeek(); // the week in progress when the run stopped
  }

  const sorted = [...waits].sort((a, b) => a - b);
  const oldest = queue[head];
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
    wait: {
      meanH: shipped > 0 ? waitSum / shipped : Number.NaN,
      p50H: quantileSorted(sorted, 0.5),
      p90H: quantileSorted(sorted, 0.9),
      p95H: quantileSorted(sorted, 0.95),
      maxH: sorted.at(-1) ?? 0,
    },
    meanQueueTeu: now > 0 ? queueArea / now : 0,
    queueEndTeu: waiting(),
    oldestWaitingH: oldest ? now - oldest.arrivalH : 0,
    weekly,
  };
}

/** Unit id of units from the open arrival stream (only fleet units come back). */
const ARRIVAL_UNIT = -1;
