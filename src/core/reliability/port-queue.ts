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
import { WEEK_H } from '../time.ts';
import type { PortModel, PortSimulationResult } from './port-model.ts';
import { ARRIVAL, PortRun, PROGRESS_MASK, SAILING } from './port-run.ts';
import { quantilesInPlace } from './quantiles.ts';
import { checkDistribution } from './samplers.ts';

export type { PortArrivals, PortModel, PortSailing, PortSimulationResult, PortWeek } from './port-model.ts';
export { PortRun } from './port-run.ts';

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
    if (arrival && run.poissonRate > 0) {
      // a Poisson stream schedules nothing in the calendar: take every arrival before its next event at once
      run.arrivePoissonBefore(th, onProgress);
      continue;
    }
    const ev = arrival ? ARRIVAL : heap.pop();
    run.advanceTo(t);
    if ((run.events & PROGRESS_MASK) === 0 && onProgress) onProgress(t / horizonH);
    if (ev >= 0 || ev === ARRIVAL) run.arrive(ev);
    else if (ev === SAILING) {
      if (run.sail()) break;
    } else run.endWeek();
  }
}

/** The result of a finished run: totals, rates per simulated week, wait quantiles (selection, in place). */
export function summarisePort(run: PortRun, m: PortModel): PortSimulationResult {
  const w = run.waits.view();
  // waits are differences of finite clock times, so the range kept while boarding is the sample's
  const range = Number.isFinite(run.waitSum) ? { min: run.waitMin, max: run.waitMax } : undefined;
  const [p50, p90, p95] = quantilesInPlace(w, [0.5, 0.9, 0.95], range) as [number, number, number];
  const maxWait = run.waitMax;
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
