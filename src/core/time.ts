/**
 * Time arithmetic shared by every engine. Durations are hours; instants are hours since the Unix epoch
 * (1970-01-01 00:00 UTC), so that a ready date plus a travel time is one addition. Weekly timetables count hours
 * after Monday 00:00 UTC: 1970-01-01 was a Thursday, so the Monday that starts the epoch's week (1969-12-29
 * 00:00 UTC) lies 72 h before the epoch, and (t + WEEK_ORIGIN_H) mod 168 is the week phase of t.
 *
 * A year is 365 days (8,760 h; 365 / 7 weeks) for yearly capacities and volumes: the datasets quote yearly
 * figures without leap days.
 */

export const MS_PER_H = 3_600_000;
export const DAY_H = 24;
export const WEEK_H = 168;
export const DAYS_PER_YEAR = 365;
export const YEAR_H = 8760;
export const WEEKS_PER_YEAR = DAYS_PER_YEAR / 7;
/** Hours from Monday 1969-12-29 00:00 UTC to the epoch, so that (t + WEEK_ORIGIN_H) mod WEEK_H is the week phase. */
export const WEEK_ORIGIN_H = 72;

/** Days in `h` hours. @example hoursToDays(36) // 1.5 */
export function hoursToDays(h: number): number {
  return h / DAY_H;
}

/** Hours in `d` days. @example daysToHours(1.5) // 36 */
export function daysToHours(d: number): number {
  return d * DAY_H;
}

/** Hours since the epoch of an ISO date-time string or Date (NaN for an unreadable string). */
export function toHoursSinceEpoch(d: Date | string): number {
  return (typeof d === 'string' ? Date.parse(d) : d.getTime()) / MS_PER_H;
}

/** The Date of `tH` hours since the epoch, rounded to the millisecond. */
export function fromHoursSinceEpoch(tH: number): Date {
  return new Date(Math.round(tH * MS_PER_H));
}

/**
 * ISO 8601 (UTC, milliseconds) of `tH` hours since the epoch, rounded to the millisecond.
 * @example isoOfHours(0) // '1970-01-01T00:00:00.000Z'
 */
export function isoOfHours(tH: number): string {
  return fromHoursSinceEpoch(tH).toISOString();
}

/**
 * Hours since Monday 00:00 UTC of the week holding `tH` (hours since the epoch), in [0, 168).
 * @example weekPhaseH(0) // 72: the epoch is Thursday 00:00
 */
export function weekPhaseH(tH: number): number {
  // floor-based modulo: ~4x faster than % on doubles here, and never negative.
  const x = tH + WEEK_ORIGIN_H;
  return x - WEEK_H * Math.floor(x / WEEK_H);
}

/** Weekday index (0 = Monday) of each three-letter day name of a timetable. */
export const DAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;
/** The three-letter day names of a timetable. */
export type Weekday = keyof typeof DAY_INDEX;

/**
 * Hours after Monday 00:00 of a weekday and a clock time "hh:mm".
 * @example weekOffsetH('tue', '06:30') // 30.5
 */
export function weekOffsetH(day: Weekday, time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return DAY_INDEX[day] * DAY_H + h + m / 60;
}

/**
 * n evenly spaced weekly offsets from `firstH` (hours after Monday 00:00), each in [0, 168), ascending.
 * @example evenWeeklyOffsetsH(3, 0) // [0, 56, 112]
 */
export function evenWeeklyOffsetsH(n: number, firstH: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((firstH + (i * WEEK_H) / n) % WEEK_H);
  return out.sort((a, b) => a - b);
}

/**
 * Wait in hours from `tH` until the next departure listed in `offsets[from..to)` (sorted weekly offsets).
 * A departure at exactly `tH` is caught (wait 0). Allocation-free; used on the routing hot path.
 */
export function waitForNextDeparture(offsets: ArrayLike<number>, from: number, to: number, tH: number): number {
  if (to <= from) return Number.POSITIVE_INFINITY;
  const phase = weekPhaseH(tH);
  // `?? 0` on reads within [from, to): never taken, and free in V8 once the bounds are checked
  for (let i = from; i < to; i++) {
    const o = offsets[i] ?? 0;
    if (o >= phase - 1e-9) return Math.max(0, o - phase);
  }
  return (offsets[from] ?? 0) + WEEK_H - phase;
}

/**
 * Sum of the squared gaps between consecutive weekly departures (the last gap wraps to next week's first), hours².
 * A departure met at a uniformly random time waits this / (2 * 168) hours on average.
 * @example sumSquaredWeeklyGapsH2([0, 84]) // 2 * 84 * 84
 */
export function sumSquaredWeeklyGapsH2(sortedOffsetsH: ArrayLike<number>): number {
  const offsets = Array.from(sortedOffsetsH);
  const first = offsets[0];
  if (first === undefined) return 0;
  let sq = 0;
  offsets.forEach((a, i) => {
    // the gap to the next departure; after the last one, to next week's first
    const b = offsets[i + 1] ?? first + WEEK_H;
    sq += (b - a) * (b - a);
  });
  return sq;
}
