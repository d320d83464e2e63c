/**
 * Weekly timetables of scheduled services (ferries, feeders, sea lines, train slots). Times are hours since the
 * Unix epoch (UTC); a week starts on Monday 00:00 UTC. 1970-01-01 was a Thursday, so Monday 00:00 is 72 h
 * before the epoch; WEEK_ORIGIN_H (../time.ts) shifts for that. The week arithmetic itself lives in ../time.ts
 * and is re-exported here for the callers that import it from the routing module.
 */
import { meanOf } from '../network/figure.ts';
import type { Service } from '../network/schema.ts';
import { evenWeeklyOffsetsH, WEEK_H, weekOffsetH } from '../time.ts';

export { fromHoursSinceEpoch, toHoursSinceEpoch, WEEK_H, waitForNextDeparture, weekPhaseH } from '../time.ts';

/**
 * Weekly departure offsets (hours after Monday 00:00 UTC, sorted ascending, each in [0, 168)) of a service.
 * A frequency of n per week becomes n evenly spaced departures from the first offset; a fractional frequency
 * (1.63/week) is rounded to the nearest whole number of weekly departures, at least one.
 */
export function weeklyDepartures(
  s: Pick<Service, 'timetable' | 'departuresPerWeek' | 'firstDepartureOffsetH'>,
): number[] {
  if (s.timetable && s.timetable.length > 0) {
    return s.timetable.map((d) => weekOffsetH(d.day, d.time)).sort((a, b) => a - b);
  }
  const n = Math.max(1, Math.round(s.departuresPerWeek?.value ?? 1));
  return evenWeeklyOffsetsH(n, s.firstDepartureOffsetH);
}

/**
 * Latest times cargo can arrive for each weekly departure: the departures shifted back by the service's booked-
 * slot cutoff (mean hours), wrapped into [0, 168) and sorted. Without a cutoff, the departures themselves. The
 * compiled graph stores these, so that the search's wait ends at the cutoff (service-edges.ts).
 * @example boardingOffsetsH({ timetable: [{ day: 'tue', time: '12:00' }], cutoff: { dist: 'fixed', value: 24 } }) // [12]
 */
export function boardingOffsetsH(
  s: Pick<Service, 'timetable' | 'departuresPerWeek' | 'firstDepartureOffsetH' | 'cutoff'>,
): number[] {
  const deps = weeklyDepartures(s);
  if (s.cutoff === undefined) return deps;
  const c = meanOf(s.cutoff);
  return deps.map((d) => (((d - c) % WEEK_H) + WEEK_H) % WEEK_H).sort((a, b) => a - b);
}
