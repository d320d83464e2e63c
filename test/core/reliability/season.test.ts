/**
 * Seasonal figures in the Monte Carlo (reliability/season.ts, monte-carlo.ts): the month of an instant, storm
 * cancellations by month of departure, and duration factors by month, each against a hand-worked timeline.
 */
import { describe, expect, it } from 'vitest';
import { referenceTransitTimes, simulateTimeline } from '../../../src/core/reliability/monte-carlo.ts';
import { monthOfHours } from '../../../src/core/reliability/season.ts';
import type { Timeline } from '../../../src/core/reliability/timeline.ts';
import { toHoursSinceEpoch } from '../../../src/core/time.ts';

const storms = [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/** A daily sailing at 00:00 (seven offsets a week), 20 h crossing; half the January departures are cancelled. */
const crossing = (departH: number): Timeline => ({
  departH,
  steps: [
    {
      kind: 'sailing',
      label: 'storm crossing',
      duration: { dist: 'fixed', value: 20 },
      departuresH: [0, 24, 48, 72, 96, 120, 144],
      cancellationByMonth: storms,
    },
  ],
});

describe('monthOfHours', () => {
  it('agrees with Date.getUTCMonth across leap years and centuries', () => {
    for (let day = -40000; day < 60000; day += 7) {
      const h = day * 24 + 23.9;
      expect(monthOfHours(h)).toBe(new Date(h * 3_600_000).getUTCMonth());
    }
  });
});

describe('cancellation by month', () => {
  it('lengthens a January crossing and leaves a June one alone', () => {
    const jan = simulateTimeline(crossing(toHoursSinceEpoch('2026-01-12T00:00:00Z')), { samples: 20000, seed: 3 });
    const jun = simulateTimeline(crossing(toHoursSinceEpoch('2026-06-15T00:00:00Z')), { samples: 20000, seed: 3 });
    // June: the 00:00 departure leaves at once, never cancelled: exactly 20 h
    expect(jun.p90).toBe(20);
    // January: k cancelled departures cost k days with probability 0.5^k (0.5^(k+1) exactly k): P90 after 3 days
    expect(jan.p50).toBeCloseTo(20, 6);
    expect(jan.p90).toBeCloseTo(20 + 3 * 24, 0);
  });
  it('draws the same numbers in the fast and the reference walk', () => {
    const t = crossing(toHoursSinceEpoch('2026-01-31T12:00:00Z'));
    const fast = simulateTimeline(t, { samples: 5000, seed: 9 });
    const ref = Float64Array.from(referenceTransitTimes(t, 9, 5000)).sort();
    expect(fast.p90).toBeCloseTo(ref[Math.floor(0.9 * 5000)] ?? Number.NaN, 6);
  });
});

describe('duration factor by month', () => {
  it('scales a draw by the factor of the month the step starts in', () => {
    const factor = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 1, 1];
    const t = (iso: string): Timeline => ({
      departH: toHoursSinceEpoch(iso),
      steps: [
        { kind: 'travel', label: 'to Aktau', duration: { dist: 'fixed', value: 48 } },
        {
          kind: 'dwell',
          label: 'Aktau in harvest',
          duration: { dist: 'fixed', value: 10 },
          durationFactorByMonth: factor,
        },
      ],
    });
    // starts 30 Sep: the dwell begins 2 Oct (48 h later), an October start: 48 + 10 x 1.5
    expect(simulateTimeline(t('2026-09-30T00:00:00Z'), { samples: 10, seed: 1 }).p50).toBe(63);
    // starts 28 Sep: the dwell begins 30 Sep, a September start: 48 + 10
    expect(simulateTimeline(t('2026-09-28T00:00:00Z'), { samples: 10, seed: 1 }).p50).toBe(58);
  });
  it('rejects a table that is not 12 figures', () => {
    const bad: Timeline = {
      departH: 0,
      steps: [{ kind: 'dwell', label: 'x', duration: { dist: 'fixed', value: 1 }, durationFactorByMonth: [1, 2] }],
    };
    expect(() => simulateTimeline(bad, { samples: 10, seed: 1 })).toThrow(/durationFactorByMonth must be 12 numbers/);
  });
});
