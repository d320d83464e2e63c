/**
 * The shared time arithmetic (src/core/time.ts), with the calendar facts worked by hand: 1970-01-01 was a
 * Thursday, so the epoch is 72 h into its week; 2026-03-02 was a Monday.
 */
import { describe, expect, it } from 'vitest';
import {
  DAY_H,
  daysToHours,
  evenWeeklyOffsetsH,
  fromHoursSinceEpoch,
  hoursToDays,
  isoOfHours,
  MS_PER_H,
  sumSquaredWeeklyGapsH2,
  toHoursSinceEpoch,
  WEEK_H,
  WEEK_ORIGIN_H,
  WEEKS_PER_YEAR,
  waitForNextDeparture,
  weekOffsetH,
  weekPhaseH,
  YEAR_H,
} from '../../src/core/time.ts';

describe('units', () => {
  it('relates hours, days, weeks and years', () => {
    expect(WEEK_H).toBe(7 * DAY_H);
    expect(YEAR_H).toBe(365 * DAY_H);
    expect(WEEKS_PER_YEAR * 7).toBeCloseTo(365, 12);
    expect(MS_PER_H).toBe(3600 * 1000);
    expect(hoursToDays(36)).toBe(1.5);
    expect(daysToHours(1.5)).toBe(36);
  });
});

describe('instants', () => {
  it('reads ISO date-times and Dates as hours since the epoch, and back', () => {
    // 2026-03-02T08:00Z: 20,514 days after the epoch, + 8 h
    const h = toHoursSinceEpoch('2026-03-02T08:00:00Z');
    expect(h).toBe(20514 * 24 + 8);
    expect(toHoursSinceEpoch(new Date(Date.UTC(2026, 2, 2, 8)))).toBe(h);
    expect(isoOfHours(h)).toBe('2026-03-02T08:00:00.000Z');
    expect(fromHoursSinceEpoch(h + 0.5).toISOString()).toBe('2026-03-02T08:30:00.000Z');
    expect(toHoursSinceEpoch('not a date')).toBeNaN();
  });
  it('rounds to the nearest millisecond', () => {
    // 0.4 ms and 0.6 ms after the epoch
    expect(isoOfHours(0.4 / MS_PER_H)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoOfHours(0.6 / MS_PER_H)).toBe('1970-01-01T00:00:00.001Z');
  });
});

describe('week phase', () => {
  it('counts hours from Monday 00:00 UTC', () => {
    expect(WEEK_ORIGIN_H).toBe(72);
    // the epoch is Thursday 00:00: 3 days into the week
    expect(weekPhaseH(0)).toBe(72);
    // Monday 1969-12-29 00:00 and Monday 2026-03-02 08:00
    expect(weekPhaseH(-72)).toBe(0);
    expect(weekPhaseH(toHoursSinceEpoch('2026-03-02T08:00:00Z'))).toBeCloseTo(8, 9);
    // Sunday 23:00 before the epoch: never negative
    expect(weekPhaseH(-73)).toBe(167);
  });
  it('places a weekday and a clock time in the week', () => {
    expect(weekOffsetH('mon', '00:00')).toBe(0);
    expect(weekOffsetH('tue', '06:30')).toBe(30.5);
    expect(weekOffsetH('sun', '23:45')).toBe(6 * 24 + 23.75);
  });
  it('spreads n departures evenly from the first, wrapping into the week, sorted', () => {
    expect(evenWeeklyOffsetsH(3, 0)).toEqual([0, 56, 112]);
    // from Friday 12:00 (108 h): 108, 108 + 84 = 192 -> 24
    expect(evenWeeklyOffsetsH(2, 108)).toEqual([24, 108]);
  });
});

describe('timetable waits', () => {
  const offsets = [24, 108]; // Tuesday 00:00, Friday 12:00
  it('waits for the next departure, catching one that leaves now', () => {
    const monday = -72;
    expect(waitForNextDeparture(offsets, 0, 2, monday)).toBe(24);
    expect(waitForNextDeparture(offsets, 0, 2, monday + 24)).toBe(0);
    expect(waitForNextDeparture(offsets, 0, 2, monday + 25)).toBe(83);
    // after Friday's departure: next Tuesday, 168 - 110 + 24 = 82
    expect(waitForNextDeparture(offsets, 0, 2, monday + 110)).toBe(82);
  });
  it('never comes without departures', () => {
    expect(waitForNextDeparture(offsets, 1, 1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('sums the squared gaps between departures, the last wrapping to next week', () => {
    // gaps 84 and 84 (168 - 108 + 24)
    expect(sumSquaredWeeklyGapsH2(offsets)).toBe(2 * 84 * 84);
    expect(sumSquaredWeeklyGapsH2([0])).toBe(168 * 168);
    expect(sumSquaredWeeklyGapsH2([])).toBe(0);
  });
});
