/**
 * The one date grammar of every interface: ISO 8601 calendar dates, `2026-03-04` (midnight UTC) or a date-time
 * with seconds optional and an explicit zone, `2026-03-04T08:00Z` or `2026-03-04T08:00:00+05:00`. Impossible
 * dates (2026-02-30, 24:01) are refused, not rolled over, and so is anything else (`04/03/2026` is ambiguous).
 */
import { z } from 'zod';
import { BOUNDS } from '../bounds.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const EXAMPLE = 'use ISO 8601, e.g. 2026-03-04 or 2026-03-04T08:00:00Z';

/** Milliseconds since the epoch of a valid ISO 8601 date or date-time, or a reason why it is not one. */
export function parseIsoDate(text: string): { ms: number } | { problem: string } {
  const m = ISO.exec(text);
  if (m === null) return { problem: `not an ISO 8601 date or date-time with a zone; ${EXAMPLE}` };
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12) return { problem: `month ${mo} does not exist; ${EXAMPLE}` };
  if (day < 1 || day > daysInMonth) return { problem: `day ${d} does not exist in ${y}-${mo}; ${EXAMPLE}` };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { problem: `time ${h}:${mi}:${s} does not exist` };
  if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4)) > 59))
    return { problem: `time zone ${zone} does not exist` };
  if (year < BOUNDS.year.min || year > BOUNDS.year.max)
    return { problem: `year ${y} is outside ${BOUNDS.year.min}–${BOUNDS.year.max}` };
  // Date-only means midnight UTC; Date.parse reads a date-time without zone as local time, hence the guard above.
  return { ms: Date.parse(m[4] === undefined ? `${text}T00:00:00Z` : text) };
}

/** An ISO 8601 date or date-time (see above), kept as the caller wrote it. */
export const IsoDateSchema = z
  .string()
  .max(40, `too long for a date; ${EXAMPLE}`)
  .superRefine((s, ctx) => {
    const r = parseIsoDate(s);
    if ('problem' in r) ctx.addIssue({ code: 'custom', message: r.problem });
  })
  .describe('ISO 8601 date (2026-03-04, midnight UTC) or date-time with zone (2026-03-04T08:00:00Z)');

/** Hours since the epoch of a date that IsoDateSchema accepted. */
export function isoToHours(text: string): number {
  const r = parseIsoDate(text);
  if ('problem' in r) throw new RangeError(`${text}: ${r.problem}`);
  return r.ms / 3_600_000;
}
