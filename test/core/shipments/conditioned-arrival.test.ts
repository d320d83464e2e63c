import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import type { DistributionSpec } from '../../../src/core/network/figure.ts';
import { simulateTimeline } from '../../../src/core/reliability/monte-carlo.ts';
import type { Timeline, TimelineStep } from '../../../src/core/reliability/timeline.ts';
import { toHoursSinceEpoch } from '../../../src/core/routing/timetable.ts';
import { conditionedArrival, FALLBACK_EPSILON_H } from '../../../src/core/shipments/conditioned-arrival.ts';

const T0 = toHoursSinceEpoch('2026-03-02T00:00:00Z'); // a Monday, 00:00 UTC
const N = 20_000;
const crossing = (duration: DistributionSpec, extra: Partial<TimelineStep> = {}): TimelineStep => ({
  kind: 'travel',
  label: 'ferry Aktau - Baku',
  duration,
  ...extra,
});
const uniform1822: DistributionSpec = { dist: 'uniform', min: 18, max: 22 };

describe('conditionedArrival', () => {
  it('departed on an 18-22 h crossing 20 h ago: the rest is uniform on 0-2 h', () => {
    // X ~ U(18, 22) given X > 20 is U(20, 22), so the remaining time X - 20 is U(0, 2): its q-quantile is 2q and
    // its mean 1 h. Standard error of a quantile of U(0, 2) with 20,000 samples: 2 sqrt(q(1 - q) / N) <= 0.0071 h;
    // the tolerance 0.04 h is over 5 of them. The deadline half an hour from now is met with probability 1/4
    // (standard error 0.003).
    const t: Timeline = { departH: T0, steps: [crossing(uniform1822)] };
    const r = conditionedArrival(t, { samples: N, seed: 7, asOfH: T0 + 20, deadlineH: T0 + 20.5 });
    const rest = (x: number) => x - 20;
    for (const [got, want] of [
      [r.p5, 0.1],
      [r.p10, 0.2],
      [r.p50, 1],
      [r.p90, 1.8],
      [r.p95, 1.9],
    ] as const) {
      expect(Math.abs(rest(got) - want)).toBeLessThan(0.04);
    }
    expect(Math.abs(rest(r.mean) - 1)).toBeLessThan(0.02);
    expect(r.histogram.binStartH[0]).toBeGreaterThan(20);
    expect(Math.abs(r.onTimeProbability! - 0.25)).toBeLessThan(0.015);
    expect(r).toMatchObject({
      seed: 7,
      samples: N,
      asOfH: T0 + 20,
      elapsedH: 20,
      conditionedSamples: N,
      fallbackSamples: 0,
    });
  });

  it('adds the following steps after the conditioned one', () => {
    // Same crossing, then a fixed 5 h dwell: the median is 20 + 1 + 5 = 26 h after departure.
    const t: Timeline = {
      departH: T0,
      steps: [crossing(uniform1822), { kind: 'dwell', label: 'Baku', duration: { dist: 'fixed', value: 5 } }],
    };
    const r = conditionedArrival(t, { samples: N, seed: 7, asOfH: T0 + 20 });
    expect(Math.abs(r.p50 - 26)).toBeLessThan(0.04);
    expect(r.histogram.binStartH[0]).toBeGreaterThan(25);
  });

  it('waits for a later departure from each sample own end of the conditioned step', () => {
    // Crossing U(18, 22) left Monday 00:00, 20 h ago; then a train slot at Monday 21:00 taking 1 h. Samples
    // ending in (20, 21] catch it and arrive at 22 h; those ending in (21, 22] wait a week: 21 + 168 + 1 = 190 h.
    // Each half has probability 1/2 under the condition; the deadline 23 h after departure splits them.
    const t: Timeline = {
      departH: T0,
      steps: [
        crossing(uniform1822),
        { kind: 'travel', label: 'Baku - Tbilisi', duration: { dist: 'fixed', value: 1 }, departuresH: [21] },
      ],
    };
    const r = conditionedArrival(t, { samples: N, seed: 3, asOfH: T0 + 20, deadlineH: T0 + 23 });
    expect(Math.abs(r.onTimeProbability! - 0.5)).toBeLessThan(0.015);
    expect(r.p5).toBeCloseTo(22, 6);
    expect(r.p95).toBeCloseTo(190, 6);
  });

  it('conditions the wait for a sailing the cargo is loaded on, cancellations included', () => {
    // Loaded Monday 00:00 for the Monday 12:00 sailing (20 h crossing): 32 h without a cancellation. 40 h later
    // with no departure reported, the first sailing must have been cancelled (probability 1/2 each), so given the
    // condition k >= 1 cancellations have probability 1/2^k and the cargo arrives 32 + 168k h after loading:
    // 200 h with probability 1/2, 368 h with 1/4, 536 h with 1/8, 704 h with 1/16. P5 and P10 are 200 h (to the
    // 1e-6 h steps after each cancelled departure); P90 lies between the shares 0.875 and 0.9375: 704 h.
    const t: Timeline = {
      departH: T0,
      steps: [
        {
          kind: 'sailing',
          label: 'ferry',
          duration: { dist: 'fixed', value: 20 },
          departuresH: [12],
          cancellationProbability: 0.5,
        },
      ],
    };
    const r = conditionedArrival(t, { samples: N, seed: 5, asOfH: T0 + 40 });
    expect(r.p10).toBeCloseTo(200, 4);
    expect(r.p5).toBeCloseTo(200, 4);
    expect(r.p90).toBeCloseTo(704, 4);
    expect(r.fallbackSamples).toBe(0);
  });

  it('flags every sample when the elapsed time is beyond the step maximum, and starts the rest now', () => {
    // 25 h after departure on an 18-22 h crossing: no draw can pass, so each sample ends the crossing now
    // (25 h + epsilon) and then takes the 5 h dwell: 30 h.
    const t: Timeline = {
      departH: T0,
      steps: [crossing(uniform1822), { kind: 'dwell', label: 'Baku', duration: { dist: 'fixed', value: 5 } }],
    };
    const r = conditionedArrival(t, { samples: 1000, seed: 1, asOfH: T0 + 25 });
    expect(r).toMatchObject({ fallbackSamples: 1000, conditionedSamples: 0, elapsedH: 25 });
    expect(r.p5).toBeCloseTo(30 + FALLBACK_EPSILON_H, 9);
    expect(r.p95).toBeCloseTo(30 + FALLBACK_EPSILON_H, 9);
  });

  it('falls back after the attempt cap on an unbounded but improbable condition', () => {
    // Lognormal with median 20 h and P90 22 h: 40 h is about 9 standard deviations out, never drawn.
    const t: Timeline = { departH: T0, steps: [crossing({ dist: 'lognormal', p50: 20, p90: 22 })] };
    const r = conditionedArrival(t, { samples: 500, seed: 1, asOfH: T0 + 40, maxAttempts: 50 });
    expect(r).toMatchObject({ fallbackSamples: 500, conditionedSamples: 0, maxAttempts: 50 });
  });

  it('counts fallbacks as the cap predicts', () => {
    // U(0, 100) given X > 99: each draw passes with probability 0.01, so a sample falls back after 10 failed
    // draws with probability 0.99^10 = 0.9044 (standard error with 5,000 samples: 0.004).
    const t: Timeline = { departH: T0, steps: [crossing({ dist: 'uniform', min: 0, max: 100 })] };
    const r = conditionedArrival(t, { samples: 5000, seed: 11, asOfH: T0 + 99, maxAttempts: 10 });
    expect(Math.abs(r.fallbackSamples / 5000 - 0.99 ** 10)).toBeLessThan(0.02);
    expect(r.conditionedSamples + r.fallbackSamples).toBe(5000);
  });

  it('without elapsed time gives the unconditioned answer exactly', () => {
    const t: Timeline = {
      departH: T0,
      steps: [
        crossing({ dist: 'lognormal', p50: 20, p90: 30 }),
        { kind: 'sailing', label: 'ferry', duration: uniform1822, departuresH: [12, 60], cancellationProbability: 0.2 },
      ],
    };
    const plain = simulateTimeline(t, { samples: 5000, seed: 9, deadlineH: T0 + 100 });
    for (const asOfH of [T0, T0 - 0.5]) {
      const r = conditionedArrival(t, { samples: 5000, seed: 9, asOfH, deadlineH: T0 + 100 });
      const { asOfH: _a, elapsedH, conditionedSamples, fallbackSamples, maxAttempts: _m, ...dist } = r;
      expect(dist).toEqual(plain);
      expect({ elapsedH, conditionedSamples, fallbackSamples }).toEqual({
        elapsedH: 0,
        conditionedSamples: 0,
        fallbackSamples: 0,
      });
    }
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const t: Timeline = { departH: T0, steps: [crossing({ dist: 'triangular', min: 18, mode: 20, max: 28 })] };
    const a = conditionedArrival(t, { samples: 3000, seed: 4, asOfH: T0 + 21 });
    expect(conditionedArrival(t, { samples: 3000, seed: 4, asOfH: T0 + 21 })).toEqual(a);
    expect(conditionedArrival(t, { samples: 3000, seed: 5, asOfH: T0 + 21 }).p50).not.toBe(a.p50);
  });

  it('rejects a bad attempt cap or sample count with KERUEN_INVALID_INPUT', () => {
    const t: Timeline = { departH: T0, steps: [crossing(uniform1822)] };
    expect(() => conditionedArrival(t, { samples: 10, seed: 1, asOfH: T0 + 1, maxAttempts: 0 })).toThrow(KeruenError);
    expect(() => conditionedArrival(t, { samples: 0, seed: 1, asOfH: T0 + 1 })).toThrow(KeruenError);
  });

  describe("with a calibrated timeline's journey factor", () => {
    const sigma = 0.2;
    const paced = (extra: TimelineStep[] = []): Timeline => ({
      departH: T0,
      steps: [crossing(uniform1822), ...extra],
      journeySigma: sigma,
    });
    const after = [{ kind: 'dwell', label: 'Baku', duration: { dist: 'fixed', value: 100 } }] as TimelineStep[];

    it('barely started, it gives the plain Monte Carlo of the journey (with its factor) within sampling noise', () => {
      const plain = simulateTimeline(paced(after), { samples: N, seed: 5 });
      const r = conditionedArrival(paced(after), { samples: N, seed: 5, asOfH: T0 + 1e-9 });
      expect(r.conditionedSamples).toBe(N);
      // The factor's spread (sigma 0.2 on ~120 h, P10-P90 about 60 h) shows in both; without it the band is 4 h.
      expect(plain.p90 - plain.p10).toBeGreaterThan(40);
      for (const q of ['p10', 'p50', 'p90'] as const) expect(Math.abs(r[q] - plain[q])).toBeLessThan(0.02 * plain[q]);
    });

    it('an overdue step tells of a slow journey: the steps after it are slowed too', () => {
      // 30 h on an 18-22 h crossing needs a factor of at least 30 / 22 = 1.36, which then paces the 100 h after
      // it: each sample's rest takes at least 136 h. Without the factor the crossing would be overdue (fallback)
      // and the rest 100 h.
      const r = conditionedArrival(paced(after), { samples: N, seed: 5, asOfH: T0 + 30 });
      // The condition is rare (a few % of draws), so a few samples use up the attempt cap.
      expect(r.fallbackSamples).toBeLessThan(N / 50);
      expect(r.p5).toBeGreaterThan(30 + 136);
      const flat = conditionedArrival({ ...paced(after), journeySigma: 0 }, { samples: N, seed: 5, asOfH: T0 + 30 });
      expect(flat.fallbackSamples).toBe(N);
      expect(flat.p50).toBeCloseTo(130, 3);
    });
  });
});
