/**
 * Shipment tracking: checks a new milestone against the itinerary and the events recorded so far, and builds the
 * rest of the timeline from the last known position, which conditioned-arrival.ts turns into a re-predicted
 * arrival distribution (the transit-time Monte Carlo, conditioned on the time already spent on the current step).
 *
 * Policy: an event is rejected (with a reason) only when it cannot be true: a time in the future. Everything
 * else is kept, with warnings that say what is odd (out of order, off the itinerary, behind the last position,
 * after delivery), so no report from the field is lost. The last known position is the on-itinerary event with
 * the latest time (ties: the one recorded last); off-itinerary events never move it, since predicting from a node
 * off the plan would need a new route.
 */
import { must } from '../must.ts';
import type { Timeline, TimelineStep } from '../reliability/timeline.ts';
import { isoOfHours } from '../time.ts';
import { cutAt, type Milestone, type PositionedStep, positionSteps, type TrackedItinerary } from './milestone.ts';
import type { PaceEvidence } from './pace.ts';

export interface EventWarning {
  code: 'out_of_order' | 'off_itinerary' | 'behind_position' | 'after_delivery' | 'before_departure' | 'reading';
  message: string;
}

export type EventVerdict =
  | { accepted: true; warnings: EventWarning[] }
  | { accepted: false; reason: 'in_future'; field: string; value: unknown; message: string };

/** Events up to this far past the server clock are accepted (clock skew of the reporting system), hours. */
export const FUTURE_TOLERANCE_H = 1;

export interface Position {
  /** Index into the recorded events of the one that sets the position; -1 when none does (the plan). */
  event: number;
  /** First step still to run. */
  next: number;
  underway: boolean;
  /** Time of the position, hours since the epoch. */
  atH: number;
  node: string;
  delivered: boolean;
}

/** The last known position given the events in recording order; the plan's start when no event places it. */
export function lastPosition(it: TrackedItinerary, events: readonly Milestone[]): Position {
  const steps = positionSteps(it); // throws when the itinerary has no legs
  const origin = must(it.legs[0], 'first leg').from;
  let pos: Position = { event: -1, next: 0, underway: false, atH: it.timeline.departH, node: origin, delivered: false };
  // Walk in time order (stable on recording order) so `start` follows the cargo along the route.
  const order = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.atH - b.e.atH || a.i - b.i);
  for (const { e, i } of order) {
    const cut = cutAt(steps, e, pos.next);
    if (cut === undefined) continue;
    pos = {
      event: i,
      next: cut.next,
      underway: cut.underway,
      atH: e.atH,
      node: e.node,
      delivered: cut.next >= steps.length,
    };
  }
  return pos;
}

/**
 * Checks a new event against the itinerary and the events already recorded (in recording order). `nowH` is the
 * server clock, hours since the epoch. Pure; the caller stores accepted events with their warnings.
 */
export function checkEvent(
  it: TrackedItinerary,
  recorded: readonly Milestone[],
  e: Milestone,
  nowH: number,
): EventVerdict {
  if (e.atH > nowH + FUTURE_TOLERANCE_H) {
    return {
      accepted: false,
      reason: 'in_future',
      field: 'at',
      value: isoOfHours(e.atH),
      message: 'the event is in the future by the server clock',
    };
  }
  const warnings: EventWarning[] = [];
  const steps = positionSteps(it);
  const latest = recorded.reduce((m, x) => Math.max(m, x.atH), Number.NEGATIVE_INFINITY);
  if (e.atH < latest) {
    warnings.push({
      code: 'out_of_order',
      message: `happened before an event already recorded (${isoOfHours(latest)})`,
    });
  }
  if (e.atH < it.timeline.departH) {
    warnings.push({ code: 'before_departure', message: 'happened before the planned departure' });
  }
  const before = lastPosition(it, recorded);
  if (before.delivered && e.atH >= before.atH) {
    warnings.push({ code: 'after_delivery', message: 'the shipment was already reported at its destination' });
  }
  const cut = cutAt(steps, e, before.next);
  if (cut === undefined) {
    warnings.push({
      code: 'off_itinerary',
      message: `node ${e.node} is not on the itinerary; kept, but the position stays at the last node on it`,
    });
  } else {
    if (cut.note !== undefined) warnings.push({ code: 'reading', message: cut.note });
    if (cut.next < before.next && e.atH >= before.atH) {
      warnings.push({ code: 'behind_position', message: 'places the cargo behind its last known position' });
    }
  }
  return { accepted: true, warnings };
}

/**
 * The timeline still ahead of the cargo from its last known position: the remaining steps, starting at the
 * position's time. A step the cargo is already on (departed) loses its wait for a departure and keeps its full
 * duration distribution: the time spent on it since the event is accounted for by conditioning that duration on
 * the elapsed time (conditioned-arrival.ts), not here.
 */
export function remainingTimeline(it: TrackedItinerary, pos: Position): Timeline {
  const steps: PositionedStep[] = positionSteps(it);
  const rest: TimelineStep[] = steps.slice(pos.next).map((s) => s.step);
  const [current] = rest;
  if (pos.underway && current !== undefined) {
    const { departuresH: _d, cancellationProbability: _c, ...first } = current;
    rest[0] = { ...first, kind: first.kind === 'sailing' ? 'travel' : first.kind };
  }
  // The journey's pace factor goes with what is left of it (calibration/apply.ts).
  const sigma = it.timeline.journeySigma;
  return { departH: pos.atH, steps: rest, ...(sigma ? { journeySigma: sigma } : {}) };
}

/**
 * The pace evidence of a position (pace.ts): the steps done, from the planned departure, and the hours they took.
 * A step under way that waited for a timetabled departure adds that wait (a zero-length step with its
 * departures), since the departure event closes the wait, not the step.
 */
export function paceEvidence(it: TrackedItinerary, pos: Position): PaceEvidence {
  const steps = positionSteps(it).map((s) => s.step);
  const done = steps.slice(0, pos.next);
  const current = steps[pos.next];
  if (pos.underway && current !== undefined && (current.departuresH ?? []).length > 0)
    done.push({ ...current, duration: { dist: 'fixed', value: 0 } });
  return { done: { departH: it.timeline.departH, steps: done }, observedH: pos.atH - it.timeline.departH };
}
