/**
 * isoOfHoursFast (routing/iso-hours.ts) must write exactly what isoOfHours (Date#toISOString) writes: on random
 * instants over 1970-2200, on the edges of days, seconds and milliseconds (rounding to the millisecond), and
 * outside the fast range (before 1970, after 9999, NaN), where it is isoOfHours itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfHoursFast } from '../../../src/core/routing/iso-hours.ts';
import { isoOfHours } from '../../../src/core/time.ts';

const same = (tH: number) => expect(isoOfHoursFast(tH)).toBe(isoOfHours(tH));

describe('isoOfHoursFast', () => {
  it('equals isoOfHours on random instants, called in any order (the day table is reused)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2_000_000, noNaN: true }), (tH) => {
        same(tH);
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals isoOfHours at day, second and millisecond edges', () => {
    for (const day of [0, 1, 20_454, 20_455, 2_932_896]) {
      for (const ms of [0, 0.4, 0.5, 0.6, 999.4, 999.5, 59_999.5, 86_399_999, 86_399_999.4, 86_399_999.5]) {
        same((day * 86_400_000 + ms) / 3_600_000);
      }
    }
    // the hours of an itinerary: a departure plus sums of leg times
    let t = 491_921.318;
    for (let i = 0; i < 1000; i++) {
      t += 0.1 * (i % 37) + 1 / 3;
      same(t);
    }
  });

  it('falls back to isoOfHours outside 1970-9999, and throws as it does for NaN', () => {
    for (const tH of [-1, -1e-7, -876_000, 87_658_128, 87_658_127.99, 1e9]) same(tH);
    expect(() => isoOfHoursFast(Number.NaN)).toThrow(RangeError);
    expect(() => isoOfHoursFast(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
