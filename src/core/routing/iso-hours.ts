/**
 * ISO 8601 instants for itineraries, formatted fast: an itinerary of 30 legs writes about 90 of them, and
 * `Date#toISOString` (time.ts isoOfHours) was a fifth of the time of building one (CPU profile of bench/routing.ts,
 * 10x network). The calendar day is formatted once by `toISOString` and kept in a small direct-mapped table by day
 * number; the time of day is written from integer arithmetic. The output is isoOfHours's to the character
 * (test/core/routing/iso-hours.test.ts compares both on random and edge instants), including the rounding to the
 * millisecond; outside years 1970-9999 (and for NaN) it is isoOfHours itself.
 */
import { isoOfHours, MS_PER_H } from '../time.ts';

const MS_PER_DAY = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from here toISOString writes a six-digit signed year. */
const MAX_MS = 253_402_300_800_000;
const SLOTS = 64;
const dayOfSlot = new Float64Array(SLOTS).fill(Number.NaN);
const prefixOfSlot: string[] = new Array<string>(SLOTS).fill('');
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * The instant `tH` hours after the epoch as `YYYY-MM-DDTHH:mm:ss.sssZ`, exactly as isoOfHours writes it. Keeps a
 * module-level table of 64 formatted days (worker-safe: each worker has its own).
 * @example isoOfHoursFast(491_921.5) // '2026-02-13T17:30:00.000Z'
 */
export function isoOfHoursFast(tH: number): string {
  const ms = Math.round(tH * MS_PER_H);
  if (!(ms >= 0 && ms < MAX_MS)) return isoOfHours(tH);
  const day = Math.floor(ms / MS_PER_DAY);
  const slot = day & (SLOTS - 1);
  let prefix = prefixOfSlot[slot] ?? '';
  if (dayOfSlot[slot] !== day) {
    prefix = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    dayOfSlot[slot] = day;
    prefixOfSlot[slot] = prefix;
  }
  let r = ms - day * MS_PER_DAY;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[r - s * 1000]}Z`;
}
