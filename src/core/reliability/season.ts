/**
 * Month of an instant, for seasonal figures (storm stoppages, winter slow-downs, harvest congestion) that the
 * dataset gives by calendar month. Civil-from-days arithmetic (H. Hinnant, "chrono-compatible low-level date
 * algorithms", 2013): a handful of integer operations and no Date object, so the Monte Carlo can call it per
 * sample without allocating.
 */
import { DAY_H } from '../time.ts';

/** Months in a year: seasonal tables hold one figure per month, January first. */
export const MONTHS = 12;

/**
 * Month index (0 = January .. 11 = December, UTC) of `tH` hours since the Unix epoch.
 * @example monthOfHours(0) // 0: 1970-01-01 is in January
 */
export function monthOfHours(tH: number): number {
  const z = Math.floor(tH / DAY_H) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 2 : mp - 10;
}

/**
 * out[at + i] += draws[i] x factor of the month sample i is in (departH + out[at + i], hours since the epoch),
 * the factors being factors[base .. base + 12). Allocation-free; mutates `out` only.
 */
export function addScaledByMonth(
  draws: Float64Array,
  factors: Float64Array,
  base: number,
  departH: number,
  out: Float64Array,
  at: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const f = factors[base + monthOfHours(departH + (out[at + i] ?? 0))] ?? 1;
    out[at + i] = (out[at + i] ?? 0) + (draws[i] ?? 0) * f;
  }
}
