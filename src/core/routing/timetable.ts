/**
 * Weekly timetables of scheduled services (ferries, feeders, sea lines, train slots). Times are hours since the
 * Unix epoch (UTC); a week starts on Monday 00:00 UTC. 1970-01-01 was a Thursday, so Monday 00:00 is 96 h
 * before the epoch's week boundary; WEEK_ORIGIN_H shifts for that.
 */
import type { Service } from '../network/schema.ts';

export const WEEK_H = 168;
/** Hours from the epoch back to Monday 1969-12-29 00:00 UTC, so that (t + WEEK_ORIGIN_H) mod 168 is the week phase. */
const WEEK_ORIGIN_H = 72;
const DAY_INDEX: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** Hours since Monday 00:00 UTC of the week holding `tH` (hours since the epoch). */
export function weekPhaseH(tH: number): number {
  // floor-based modulo: ~4x faster than % on doubles here, and never negative.
  const x = tH + WEEK_ORIGIN_H;
  return x - WEEK_H * Math.floor(x / WEEK_H);
}

/**
 * Weekly departure offsets (hours after Monday 00:00 UTC, sorted ascending, each in [0, 168)) of a service.
 * A frequency of n per week becomes n evenly spaced departures from the first offset; a fractional frequency
 * (1.63/week) is rounded to the nearest whole number of weekly departures, at least one.
 */
export function weeklyDepartures(
  s: Pick<Service, 'timetable' | 'departuresPerWeek' | 'firstDepartureOffsetH'>,
): number[] {
  if (s.timetable && s.timetable.length > 0) {
    return s.timetable
      .map((d) => {
        const [h, m] = d.time.split(':').map(Number) as [number, number];
        return DAY_INDEX[d.day]! * 24 + h + m / 60;
      })
      .sort((a, b) => a - b);
  }
  const n = Math.max(1, Math.round(s.departuresPerWeek?.value ?? 1));
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((s.firstDepartureOffsetH + (i * WEEK_H) / n) % WEEK_H);
  return out.sort((a, b) => a - b);
}

/**
 * Wait in hours from `tH` until the next departure listed in `offsets[from..to)` (sorted weekly offsets).
 * A departure at exactly `tH` is caught (wait 0). Allocation-free; used on the routing hot path.
 */
export function waitForNextDeparture(offsets: ArrayLike<number>, from: number, to: number, tH: number): number {
  if (to <= from) return Number.POSITIVE_INFINITY;
  const phase = weekPhaseH(tH);
  for (let i = from; i < to; i++) {
    const o = offsets[i]!;
    if (o >= phase - 1e-9) return Math.max(0, o - phase);
  }
  return offsets[from]! + WEEK_H - phase;
}

/** Hours since the epoch of an ISO date-time string or Date. */
export function toHoursSinceEpoch(d: Date | string): number {
  return (typeof d === 'string' ? Date.parse(d) : d.getTime()) / 3_600_000;
}

export function fromHoursSinceEpoch(tH: number): Date {
  return new Date(Math.round(tH * 3_600_000));
}
