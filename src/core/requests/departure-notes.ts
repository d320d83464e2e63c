/**
 * What an answer says about its departure date: a ready date in the past is planned as asked (a user may
 * re-plan a past journey or check a quote), but the answer labels it, so a past date mistyped is never read as a
 * forecast.
 */
import { parseIsoDate } from './dates.ts';

export interface RouteNote {
  code: 'past_departure';
  field: string;
  value: string;
  message: string;
}

/** A departure more than this before the asker's clock is "in the past" (a few minutes of clock skew are not). */
const PAST_SLACK_MS = 3_600_000;

/**
 * The notes on a requested departure as of `now`; none when the date is absent (now), current or future.
 * @example departureNotes('2025-01-01', new Date('2026-12-06T00:00:00Z'))[0]?.code // 'past_departure'
 */
export function departureNotes(depart: string | undefined, now: Date, field = 'depart'): RouteNote[] {
  if (depart === undefined) return [];
  const r = parseIsoDate(depart);
  if ('problem' in r || r.ms >= now.getTime() - PAST_SLACK_MS) return [];
  const days = Math.floor((now.getTime() - r.ms) / 86_400_000);
  const ago = days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : 'less than a day';
  return [
    {
      code: 'past_departure',
      field,
      value: depart,
      message:
        `${field} ${depart} is ${ago} before now (${now.toISOString().slice(0, 10)}): the answer plans as if the ` +
        'cargo had been ready then; for cargo already under way, book it and record its milestones',
    },
  ];
}
