/**
 * The time zone the page shows dates in: UTC by default (the API's and the CLI's, so numbers match across them),
 * or one the planner works in: the browser's own, or a corridor hub's (Chinese, Kazakh, Azerbaijani, Georgian,
 * Turkish, Central European time). Only display changes: departures typed in the form stay calendar days, read at
 * 08:00 UTC, as the server reads them; each shown time names its zone, so nothing is mixed silently.
 */

export const HUB_ZONES = [
  'UTC',
  'Asia/Shanghai',
  'Asia/Almaty',
  'Asia/Baku',
  'Asia/Tbilisi',
  'Europe/Istanbul',
  'Europe/Berlin',
] as const;

const KEY = 'keruen.tz';
let zone = 'UTC';

/** A zone the browser knows (IANA name), else undefined. */
export function checkedZone(z: string | null | undefined): string | undefined {
  if (z === null || z === undefined || z === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    return z;
  } catch {
    return undefined;
  }
}

/** The browser's own zone (the "my time" choice). */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zones offered: UTC, the browser's, then the hubs' (no repeats). */
export function zoneChoices(): string[] {
  return [...new Set(['UTC', browserZone(), ...HUB_ZONES])];
}

export const currentZone = (): string => zone;

/** The zone to start with: ?tz=, then the stored choice, then UTC. */
export function initialZone(): string {
  const q = checkedZone(new URLSearchParams(location.search).get('tz'));
  if (q !== undefined) return q;
  try {
    return checkedZone(localStorage.getItem(KEY)) ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

export function setZone(z: string): void {
  zone = checkedZone(z) ?? 'UTC';
  try {
    localStorage.setItem(KEY, zone);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}
