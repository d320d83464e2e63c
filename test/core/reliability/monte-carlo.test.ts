/**
 * Monte Carlo over a timeline against closed forms: quantiles of sums of known distributions, the geometric
 * number of cancelled sailings, reproducibility by seed, and the fast block sampler against the plain reference.
 * Tolerances: with n samples the standard error of the q-quantile is sqrt(q (1 - q) / n) / f(x_q); the bounds
 * below are at least four such errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import type { DistributionSpec } from '../../../src/core/network/figure.ts';
import {
  compileTimeline,
  inverseNormalCdf,
  irwinHallQuantile,
  quantileOf,
  quantilesInPlace,
  referenceTransitTimes,
  sampleBlocks,
  sampleTransitTimes,
  simulateTimeline,
  type Timeline,
  type TimelineStep,
} from '../../../src/core/reliability/index.ts';

const MONDAY_H = Date.parse('2025-03-03T00:00:00Z') / 3_600_000; // a Monday 00:00 UTC
const step = (duration: DistributionSpec, extra: Partial<TimelineStep> = {}): TimelineStep => ({
  kind: 'travel',
  label: 'leg',
  duration,
  ...extra,
});

describe('simulateTimeline against closed forms', () => {
  it('a single lognormal leg has the quantiles of its lognormal law', () => {
    const d: DistributionSpec = { dist: 'lognormal', p50: 96, p90: 150 };
    const r = simulateTimeline({ departH: MONDAY_H, steps: [step(d)] }, { samples: 200_000, seed: 7 });
    for (const [q, got] of [
      [0.05, r.p5],
      [0.5, r.p50],
      [0.9, r.p90],
      [0.95, r.p95],
    ] as const) {
      expect(Math.abs(got - quantileOf(d, q)) / quantileOf(d, q)).toBeLessThan(0.01);
    }
    // mean of a lognormal: p50 exp(sigma^2 / 2)
    const sigma = Math.log(150 / 96) / 1.2815515655446004;
    expect(r.mean).toBeCloseTo(96 * Math.exp((sigma * sigma) / 2), 0);
  });

  it('a lognormal leg hits its quantiles from P1 to P99 within four standard errors, seeds 1-3', () => {
    // log x_q = ln p50 + sigma z_q, so the q-quantile's relative standard error is
    // sigma sqrt(q (1 - q) / n) / phi(z_q): 0.1% at the median, 0.4% at P1 and P99 for n = 400,000
    const d: DistributionSpec = { dist: 'lognormal', p50: 40, p90: 65 };
    const sigma = Math.log(65 / 40) / 1.2815515655446004;
    const n = 400_000;
    const qs = [0.01, 0.05, 0.1, 0.5, 0.9, 0.95, 0.99];
    for (const seed of [1, 2, 3]) {
      const got = quantilesInPlace(
        sampleTransitTimes(compileTimeline({ departH: MONDAY_H, steps: [step(d)] }), seed, n),
        qs,
      );
      qs.forEach((q, k) => {
        const z = inverseNormalCdf(q);
        const se = (sigma * Math.sqrt((q * (1 - q)) / n)) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI));
        expect(Math.abs(Math.log((got[k] ?? 0) / quantileOf(d, q))), `seed ${seed}, q ${q}`).toBeLessThan(4 * se);
      });
    }
  });

  it('the sum of 10 uniform legs on [0, 24] h follows 24 x Irwin-Hall(10)', () => {
    const steps = Array.from({ length: 10 }, () => step({ dist: 'uniform', min: 0, max: 24 }));
    const r = simulateTimeline({ departH: MONDAY_H, steps }, { samples: 200_000, seed: 11 });
    // sd of the sum = 24 sqrt(10 / 12) = 21.9 h; the density near the median is 1 / (21.9 sqrt(2 pi)) = 0.018,
    // so the median's standard error is 0.5 / sqrt(2e5) / 0.018 = 0.06 h; P5/P95 about 0.11 h.
    expect(r.p50).toBeCloseTo(24 * irwinHallQuantile(10, 0.5), 0);
    expect(Math.abs(r.p5 - 24 * irwinHallQuantile(10, 0.05))).toBeLessThan(0.5);
    expect(Math.abs(r.p95 - 24 * irwinHallQuantile(10, 0.95))).toBeLessThan(0.5);
    expect(Math.abs(r.mean - 120)).toBeLessThan(0.25);
  });

  it('two equal uniform legs add up to a triangular law, plus fixed legs shifting it', () => {
    const steps = [
      step({ dist: 'uniform', min: 10, max: 70 }),
      step({ dist: 'uniform', min: 10, max: 70 }),
      step({ dist: 'fixed', value: 5 }),
    ];
    const r = simulateTimeline({ departH: MONDAY_H, steps }, { samples: 200_000, seed: 3 });
    const tri: DistributionSpec = { dist: 'triangular', min: 25, mode: 85, max: 145 };
    expect(Math.abs(r.p10 - quantileOf(tri, 0.1))).toBeLessThan(0.5);
    expect(Math.abs(r.p90 - quantileOf(tri, 0.9))).toBeLessThan(0.5);
  });

  it('a weekly sailing cancelled with probability p adds a geometric number of weeks', () => {
    // Depart Monday 00:00; one sailing a week on Monday 10:00; crossing 20 h. K cancellations in a row cost
    // K weeks, P(K = k) = (1 - p) p^k, so the time is 10 + 20 + 168 K hours.
    const p = 0.3;
    const timeline: Timeline = {
      departH: MONDAY_H,
      steps: [step({ dist: 'fixed', value: 20 }, { kind: 'sailing', departuresH: [10], cancellationProbability: p })],
    };
    const times = sampleTransitTimes(compileTimeline(timeline), 5, 100_000);
    const counts = [0, 0, 0, 0];
    let offGrid = 0;
    for (const t of times) {
      const k = Math.round((t - 30) / 168);
      offGrid = Math.max(offGrid, Math.abs(t - 30 - 168 * k));
      if (k < 4) counts[k]!++;
    }
    expect(offGrid).toBeLessThan(1e-3);
    for (let k = 0; k < 4; k++) expect(counts[k]! / 1e5).toBeCloseTo((1 - p) * p ** k, 2);
    // deadline at departure + 40 h: on time only without a cancellation
    const r = simulateTimeline(timeline, { samples: 100_000, seed: 5, deadlineH: MONDAY_H + 40 });
    expect(r.onTimeProbability).toBeCloseTo(1 - p, 2);
  });

  it('waits for the actual next departure from the sampled arrival time', () => {
    // Leave Monday 00:00, 30 h by rail (Tuesday 06:00), sailings Mon 10:00 and Wed 10:00 -> wait 28 h, cross 20 h.
    const timeline: Timeline = {
      departH: MONDAY_H,
      steps: [
        step({ dist: 'fixed', value: 30 }),
        step({ dist: 'fixed', value: 20 }, { kind: 'sailing', departuresH: [10, 58] }),
      ],
    };
    const r = simulateTimeline(timeline, { samples: 10, seed: 1 });
    expect(r.p5).toBe(78);
    expect(r.p95).toBe(78);
  });
});

describe('reproducibility and the reference version', () => {
  const timeline: Timeline = {
    departH: MONDAY_H + 13.5,
    steps: [
      step({ dist: 'lognormal', p50: 40, p90: 70 }),
      step({ dist: 'triangular', min: 5, mode: 8, max: 30 }, { kind: 'dwell' }),
      step({ dist: 'empirical', sample: [40, 55, 70, 120] }, { kind: 'border' }),
      step(
        { dist: 'uniform', min: 18, max: 22 },
        { kind: 'sailing', departuresH: [10, 58, 130], cancellationProbability: 0.1 },
      ),
    ],
  };

  it('the same seed gives the same numbers, another seed other numbers, and the result echoes both', () => {
    const a = simulateTimeline(timeline, { samples: 40_000, seed: 42, deadlineH: MONDAY_H + 300 });
    const b = simulateTimeline(timeline, { samples: 40_000, seed: 42, deadlineH: MONDAY_H + 300 });
    const c = simulateTimeline(timeline, { samples: 40_000, seed: 43, deadlineH: MONDAY_H + 300 });
    expect(a).toEqual(b);
    expect(c.p50).not.toBe(a.p50);
    expect(a.seed).toBe(42);
    expect(a.samples).toBe(40_000);
    expect(a.histogram.counts.reduce((x, y) => x + y, 0)).toBe(40_000);
    expect(a.p5 <= a.p10 && a.p10 <= a.p50 && a.p50 <= a.p90 && a.p90 <= a.p95).toBe(true);
  });

  it('splitting the blocks over workers gives the same samples as one run', () => {
    const c = compileTimeline(timeline);
    const whole = sampleTransitTimes(c, 9, 50_000);
    const parts = new Float64Array(50_000);
    // blocks 0-1 then 2-3 (16,384 samples each), as two workers would
    const n1 = sampleBlocks(c, 9, 0, 2, 50_000, parts, 0);
    sampleBlocks(c, 9, 2, 2, 50_000, parts, n1);
    expect(parts).toEqual(whole);
  });

  it('the fast sampler agrees with the plain reference on random timelines', () => {
    const dist = fc.oneof(
      fc.record({ dist: fc.constant('fixed' as const), value: fc.double({ min: 0, max: 100, noNaN: true }) }),
      fc
        .tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }))
        .map(([a, w]) => ({ dist: 'uniform' as const, min: a, max: a + w })),
      fc
        .tuple(
          fc.double({ min: 0, max: 50, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 50, noNaN: true }),
        )
        .map(([a, m, w]) => ({ dist: 'triangular' as const, min: a, mode: a + m * w, max: a + w })),
      fc
        .tuple(fc.double({ min: 0.5, max: 100, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }))
        .map(([p50, k]) => ({ dist: 'lognormal' as const, p50, p90: p50 * k })),
      fc
        .array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 6 })
        .map((sample) => ({ dist: 'empirical' as const, sample })),
    );
    const stepArb = fc.record({
      duration: dist,
      departures: fc.uniqueArray(fc.integer({ min: 0, max: 167 }), { maxLength: 4 }),
      p: fc.double({ min: 0, max: 0.6, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (specs, seed) => {
          const t: Timeline = {
            departH: MONDAY_H + 5.25,
            steps: specs.map((s) => {
              const deps = [...s.departures].sort((a, b) => a - b);
              return deps.length > 0
                ? step(s.duration, { kind: 'sailing', departuresH: deps, cancellationProbability: s.p })
                : step(s.duration);
            }),
          };
          const fast = sampleTransitTimes(compileTimeline(t), seed, 300);
          const ref = referenceTransitTimes(t, seed, 300);
          for (let i = 0; i < 300; i++) expect(Math.abs(fast[i]! - ref[i]!)).toBeLessThan(1e-6 * (1 + ref[i]!));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('input checks', () => {
  it('rejects bad distributions, departures and options with KERUEN_INVALID_INPUT', () => {
    const bad: Timeline[] = [
      { departH: 0, steps: [step({ dist: 'uniform', min: 5, max: 1 })] },
      { departH: 0, steps: [step({ dist: 'lognormal', p50: 10, p90: 5 })] },
      { departH: 0, steps: [step({ dist: 'fixed', value: 1 }, { departuresH: [50, 10] })] },
      { departH: 0, steps: [step({ dist: 'fixed', value: 1 }, { departuresH: [10], cancellationProbability: 1 })] },
      { departH: 0, steps: [step({ dist: 'fixed', value: 1 }, { cancellationProbability: 0.2 })] },
    ];
    for (const t of bad) {
      expect(() => simulateTimeline(t, { samples: 10, seed: 1 })).toThrow(KeruenError);
    }
    const ok: Timeline = { departH: 0, steps: [step({ dist: 'fixed', value: 1 })] };
    for (const o of [
      { samples: 0, seed: 1 },
      { samples: 10, seed: -1 },
      { samples: 1.5, seed: 1 },
    ]) {
      try {
        simulateTimeline(ok, o);
        expect.unreachable();
      } catch (e) {
        expect((e as KeruenError).code).toBe('KERUEN_INVALID_INPUT');
      }
    }
  });
});
