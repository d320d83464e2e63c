/**
 * One draw of a timeline step's time as the transit-time Monte Carlo draws it (reliability/monte-carlo.ts): the
 * wait for its next departure that is not cancelled, if it has a timetable, plus its duration. Shared by the
 * conditioned arrival and the pace evidence, which draw steps one sample at a time.
 */
import type { Rng } from '../reliability/rng.ts';
import { sampleDuration } from '../reliability/samplers.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import { waitForNextDeparture } from '../routing/timetable.ts';

/** After a cancelled departure the search for the next one starts this long after it (as monte-carlo.ts). */
const AFTER_DEPARTURE_H = 1e-6;

/** Wait for the next departure that is not cancelled, from tH (as referenceTransitTimes). */
export function departureWaitH(step: TimelineStep, tH: number, rng: Rng): number {
  const deps = step.departuresH ?? [];
  if (deps.length === 0) return 0;
  let now = tH + waitForNextDeparture(deps, 0, deps.length, tH);
  const p = step.cancellationProbability ?? 0;
  while (p > 0 && rng.uniform() < p) {
    now += AFTER_DEPARTURE_H;
    now += waitForNextDeparture(deps, 0, deps.length, now);
  }
  return now - tH;
}

/** Step time: the wait for its departure (if any) plus its duration, hours from tH. */
export function stepTimeH(step: TimelineStep, tH: number, rng: Rng): number {
  return departureWaitH(step, tH, rng) + sampleDuration(step.duration, rng);
}
