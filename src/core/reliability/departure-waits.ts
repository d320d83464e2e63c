/**
 * The Monte Carlo's waits for scheduled departures (monte-carlo.ts sampleBlocks): for each sample, the wait from
 * its elapsed time to the next weekly departure of a step, and for each cancelled departure the wait for the
 * following one. The week phase and the comparisons repeat ../time.ts (weekPhaseH, waitForNextDeparture)
 * operation for operation, so the numbers are the same; two tables make the scan short and its branches
 * predictable (departureIndex).
 */

import { WEEK_H, WEEK_ORIGIN_H } from '../time.ts';
import type { Rng } from './rng.ts';
import { MONTHS, monthOfHours } from './season.ts';

/** After a cancelled departure the search for the next one starts this long after it (hours; 3.6 ms). */
export const AFTER_DEPARTURE_H = 1e-6;
const INV_2_32 = 1 / 4294967296;

/** What the waits read of a compiled timeline (monte-carlo.ts CompiledTimeline). */
export interface ScheduledSteps {
  departH: number;
  cancellation: Float64Array;
  seasonalCancellation: Uint8Array;
  monthlyCancellation: Float64Array;
}

/** Where each scheduled step's scan for its next departure starts, and what it scans. */
export interface DepartureIndex {
  /**
   * Step k's weekly offsets at [depFrom[k] + k, depTo[k] + k), followed by its first offset plus 168 h: the
   * first departure of the next week, where every scan stops at the latest (no end-of-week branch).
   */
  offsets: Float64Array;
  /**
   * Slot k * HOUR_SLOTS + h: the index in `offsets` of step k's first departure at or after h - 1e-9. Every
   * departure before it leaves before any phase in [h, h + 1), so the scan can start there and usually stops at
   * once; a scan from the first departure of the week would take an unpredictable branch per departure. Hour
   * 168 (the sentinel) is there for a phase that rounding puts at 168: the slot is the phase truncated, with no
   * clamp to [0, 167].
   */
  firstByHour: Int32Array;
}

/** Hour slots per step in DepartureIndex.firstByHour: the week's 168 and one for a phase rounded up to 168. */
export const HOUR_SLOTS = WEEK_H + 1;

/** Builds the scan tables of every step of a compiled timeline (steps without departures get an unused slot). */
export function departureIndex(
  departures: Float64Array,
  depFrom: Int32Array,
  depTo: Int32Array,
  stepCount: number,
): DepartureIndex {
  const offsets = new Float64Array(departures.length + stepCount);
  const firstByHour = new Int32Array(stepCount * HOUR_SLOTS);
  for (let k = 0; k < stepCount; k++) {
    const from = depFrom[k] ?? 0;
    const to = depTo[k] ?? 0;
    offsets.set(departures.subarray(from, to), from + k);
    offsets[to + k] = to > from ? (departures[from] ?? 0) + WEEK_H : 0;
    let i = from;
    for (let h = 0; h < HOUR_SLOTS; h++) {
      while (i < to && (departures[i] ?? 0) < h - 1e-9) i++;
      firstByHour[k * HOUR_SLOTS + h] = i + k;
    }
  }
  return { offsets, firstByHour };
}

/**
 * Adds to each elapsed time of elapsed[at .. at + n) the wait for step `step`'s next departure that is not
 * cancelled (one uniform per departure that can be cancelled). The wait to next week's first departure,
 * first + 168 - phase in time.ts, is the sentinel's offset minus the phase: the same operations. The inner loop
 * takes each sample to its first departure and that departure's cancellation draw, and leaves at a cancelled
 * one (8% of samples in the bench), which the outer loop finishes through waitPastCancellations with the
 * generator's state handed back, then resumes: a call inside the inner loop, even on a branch rarely taken,
 * makes V8 keep the loop's values in memory (lognormal.ts).
 */
export function addDepartureWaits(
  steps: ScheduledSteps,
  index: DepartureIndex,
  step: number,
  rng: Rng,
  elapsed: Float64Array,
  at: number,
  n: number,
): void {
  const { offsets, firstByHour } = index;
  const departH = steps.departH;
  // the week's length and origin as locals: imported constants are read from their module in every iteration
  const week = WEEK_H;
  const origin = WEEK_ORIGIN_H;
  const flatP = steps.cancellation[step] ?? 0;
  const monthly = steps.monthlyCancellation;
  // -1: the flat probability; else where the step's 12 monthly probabilities start in monthlyCancellation
  const monthBase = steps.seasonalCancellation[step] === 1 ? step * MONTHS : -1;
  const base = step * HOUR_SLOTS;
  // where a scan starts when the phase is no hour of the week (a departH far beyond any date): the first offset
  const firstOffset = firstByHour[base] ?? 0;
  const end = at + n;
  // the generator's state in locals, as in encoded-draws.ts: Rng.uniform() written out
  let { a, b, c, d } = rng;
  let draws = 0;
  let i = at;
  for (;;) {
    let t0 = 0;
    let t = 0;
    let p = 0;
    for (; i < end; i++) {
      t0 = departH + (elapsed[i] ?? 0);
      // nextDepartureWaitH written out: as a call that V8 does not inline, its result would be boxed
      const x = t0 + origin;
      const phase = x - week * Math.floor(x / week);
      const after = phase - 1e-9;
      // the phase is in [0, 168] up to rounding, so its truncation is its hour slot (-0.x truncates to 0)
      let j = firstByHour[base + (phase | 0)] ?? firstOffset;
      let o = offsets[j] ?? 0;
      while (o < after) o = offsets[++j] ?? Number.POSITIVE_INFINITY;
      t = t0 + Math.max(0, o - phase);
      // a seasonal sailing's cancellation odds are those of the month it is due to leave in
      p = monthBase < 0 ? flatP : (monthly[monthBase + monthOfHours(t)] ?? 0);
      if (p > 0) {
        const m = Math.imul(b, 5);
        const u = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * INV_2_32;
        c ^= a;
        d ^= b;
        const s9 = b << 9;
        b ^= c;
        a ^= d;
        c ^= s9;
        d = (d << 11) | (d >>> 21);
        draws++;
        if (u < p) break;
      }
      elapsed[i] = (elapsed[i] ?? 0) + (t - t0);
    }
    if (i >= end) break;
    rng.setState(a, b, c, d, draws);
    draws = 0;
    waitPastCancellations(index, base, p, rng, t, t0, elapsed, i);
    ({ a, b, c, d } = rng);
    i++;
  }
  rng.setState(a, b, c, d, draws);
}

/**
 * After the departure at `tH` of sample i is cancelled: waits for the next departure, draws whether it is
 * cancelled too (probability p), and so on; adds the time from t0 to the departure taken to elapsed[i].
 */
function waitPastCancellations(
  index: DepartureIndex,
  base: number,
  p: number,
  rng: Rng,
  tH: number,
  t0: number,
  elapsed: Float64Array,
  i: number,
): void {
  let t = tH;
  do {
    t += AFTER_DEPARTURE_H;
    t += nextDepartureWaitH(index, base, t);
  } while (rng.uniform() < p);
  elapsed[i] = (elapsed[i] ?? 0) + (t - t0);
}

/**
 * waitForNextDeparture of ../time.ts for a step's departures (slot `base` of the hour index), scanning from the
 * hour index to the sentinel at the latest: the same arithmetic and the same departure, so the same number.
 */
function nextDepartureWaitH(index: DepartureIndex, base: number, tH: number): number {
  const { offsets, firstByHour } = index;
  const x = tH + WEEK_ORIGIN_H;
  const phase = x - WEEK_H * Math.floor(x / WEEK_H);
  // phase is in [0, 168) up to rounding; clamping keeps the start index valid
  const h = phase < 0 ? 0 : phase >= WEEK_H ? WEEK_H - 1 : Math.floor(phase);
  const after = phase - 1e-9;
  let j = firstByHour[base + h] ?? 0;
  let o = offsets[j] ?? 0;
  while (o < after) o = offsets[++j] ?? Number.POSITIVE_INFINITY;
  return Math.max(0, o - phase);
}
