/** The one date grammar: calendar-checked ISO 8601, date-only as midnight UTC, anything else refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDateSchema, isoToHours, parseIsoDate } from '../../../src/core/index.ts';

describe('ISO dates', () => {
  it('reads every real instant of 1990–2100 written as toISOString, with or without milliseconds', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const full = d.toISOString();
          expect(parseIsoDate(full)).toEqual({ ms: d.getTime() });
          expect(parseIsoDate(full.replace(/\.\d{3}Z$/, 'Z'))).toEqual({ ms: Math.floor(d.getTime() / 1000) * 1000 });
        },
      ),
    );
  });

  it('reads a date alone as midnight UTC and honours offsets', () => {
    expect(isoToHours('2026-03-04')).toBe(Date.UTC(2026, 2, 4) / 3_600_000);
    expect(isoToHours('2026-03-04T08:00+05:00')).toBe(Date.UTC(2026, 2, 4, 3) / 3_600_000);
  });

  it.each([
    ['2026-02-30', 'day 30 does not exist in 2026-02'],
    ['2025-02-29', 'day 29 does not exist in 2025-02'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-03-04T24:01Z', 'time 24:01:00 does not exist'],
    ['2026-03-04T08:00', 'not an ISO 8601 date or date-time with a zone'],
    ['04/03/2026', 'not an ISO 8601 date'],
    ['2026-03-04T08:00+15:00', 'time zone +15:00 does not exist'],
    ['1850-01-01', 'year 1850 is outside 1990–2100'],
  ])('refuses %s', (text, problem) => {
    expect(parseIsoDate(text)).toEqual({ problem: expect.stringContaining(problem) });
    expect(IsoDateSchema.safeParse(text).success).toBe(false);
  });

  it('accepts a leap day', () => {
    expect(IsoDateSchema.safeParse('2028-02-29').success).toBe(true);
  });
});
