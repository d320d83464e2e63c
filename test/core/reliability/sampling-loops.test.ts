/**
 * The Monte Carlo's inner loops one at a time, against the plain functions they write out: the encoded draws
 * (encoded-draws.ts, lognormal.ts) against sampleDuration from the same generator state, and the departure waits
 * (departure-waits.ts) against waitForNextDeparture of time.ts, number for number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../../src/core/network/figure.ts';
import { addDepartureWaits, departureIndex, HOUR_SLOTS } from '../../../src/core/reliability/departure-waits.ts';
import { addEncodedDraws, BranchFixups } from '../../../src/core/reliability/encoded-draws.ts';
import { type CompiledTimeline, compileTimeline } from '../../../src/core/reliability/monte-carlo.ts';
import { Rng } from '../../../src/core/reliability/rng.ts';
import { encodeDistribution, PARAM_STRIDE, sampleDuration } from '../../../src/core/reliability/samplers.ts';
import { waitForNextDeparture } from '../../../src/core/time.ts';

/** One encoded distribution in slot 0, as compileTimeline lays it out. */
function encode(d: DistributionSpec): { kind: number; params: Float64Array; pool: Float64Array } {
  const kinds = new Uint8Array(1);
  const params = new Float64Array(PARAM_STRIDE);
  const pool: number[] = [];
  encodeDistribution(d, kinds, params, 0, pool);
  return { kind: kinds[0]!, params, pool: Float64Array.from(pool) };
}

const specs: DistributionSpec[] = [
  { dist: 'fixed', value: 7.5 },
  { dist: 'uniform', min: 10, max: 70 },
  { dist: 'triangular', min: 6, mode: 12, max: 48 },
  { dist: 'triangular', min: 5, mode: 5, max: 5 },
  { dist: 'empirical', sample: [2, 3, 4, 6, 9, 14, 30] },
  { dist: 'lognormal', p50: 40, p90: 65 },
  { dist: 'lognormal', p50: 96, p90: 96 },
  // sigma 72: sigma z can leave expFast's fast range, so every draw goes through the functions
  { dist: 'lognormal', p50: 1, p90: 1e40 },
];

describe('addEncodedDraws', () => {
  it('adds the draws sampleDuration makes from the same generator, and leaves the generator where it would', () => {
    for (const d of specs) {
      const n = 20_000;
      const { kind, params, pool } = encode(d);
      const fast = new Rng(99);
      const slow = new Rng(99);
      const acc = new Float64Array(n + 3).fill(1);
      addEncodedDraws(kind, params, 0, pool, fast, acc, 3, n, new BranchFixups(n));
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const want = 1 + sampleDuration(d, slow);
        worst = Math.max(worst, Math.abs(acc[i + 3]! - want) / want);
      }
      // lognormal: the same normal draws; the loop's expFast is within 2 ulp of sampleDuration's Math.exp
      expect(worst).toBeLessThanOrEqual(d.dist === 'lognormal' ? 5e-16 : 0);
      expect([acc[0], acc[1], acc[2]]).toEqual([1, 1, 1]); // nothing written before `at`
      expect(fast.draws).toBe(slow.draws);
      expect(fast.uniform()).toBe(slow.uniform()); // the state handed back is the one single draws reach
    }
  });
});

/** A compiled one-step timeline that waits for `offsets` and may cancel with probability p. */
function sailing(offsets: number[], p: number, departH: number): CompiledTimeline {
  return compileTimeline({
    departH,
    steps: [
      {
        kind: 'sailing',
        label: 'ferry',
        duration: { dist: 'fixed', value: 0 },
        departuresH: offsets,
        cancellationProbability: p,
      },
    ],
  });
}

describe('departure waits', () => {
  it('puts each step behind its own sentinel, next week first departure, and indexes the hours', () => {
    const c = compileTimeline({
      departH: 0,
      steps: [
        { kind: 'sailing', label: 'a', duration: { dist: 'fixed', value: 1 }, departuresH: [10, 100.5] },
        { kind: 'travel', label: 'b', duration: { dist: 'fixed', value: 1 } },
        { kind: 'sailing', label: 'c', duration: { dist: 'fixed', value: 1 }, departuresH: [0] },
      ],
    });
    const ix = departureIndex(c.departures, c.depFrom, c.depTo, c.stepCount);
    expect([...ix.offsets]).toEqual([10, 100.5, 178, 0, 0, 168]);
    expect(ix.firstByHour[0]).toBe(0); // step a, hour 0: the departure at 10
    expect(ix.firstByHour[11]).toBe(1); // hour 11: the one at 100.5
    expect(ix.firstByHour[100]).toBe(1); // hour 100: 100.5 may still be ahead
    expect(ix.firstByHour[101]).toBe(2); // hour 101: only next week's first
    expect(ix.firstByHour[168]).toBe(2); // the slot of a phase rounded up to 168: the sentinel
    expect(ix.firstByHour[2 * HOUR_SLOTS + 5]).toBe(5); // step c, hour 5: its sentinel, 168
  });

  it('without cancellations adds exactly waitForNextDeparture, also on and next to departure times', () => {
    const offsets = [0, 10, 58, 106, 154, 167.5];
    const elapsed = fc.oneof(
      fc.double({ min: 0, max: 5000, noNaN: true }),
      fc.integer({ min: 0, max: 60 }).map((w) => w * 168 + 10 - 72),
      fc.constantFrom(...offsets.map((o) => o - 72 + 168), 167.9999999999, 1e-10, 96 - 72 - 1e-9),
    );
    fc.assert(
      fc.property(fc.array(elapsed, { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 1e6 }), (xs, d) => {
        const departH = d / 7;
        const c = sailing(offsets, 0, departH);
        const ix = departureIndex(c.departures, c.depFrom, c.depTo, c.stepCount);
        const got = Float64Array.from(xs);
        addDepartureWaits(c, ix, 0, new Rng(1), got, 0, xs.length);
        xs.forEach((x, i) => {
          const t0 = departH + x;
          const t = t0 + waitForNextDeparture(offsets, 0, offsets.length, t0);
          expect(got[i]).toBe(x + (t - t0));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('with cancellations draws one uniform per departure that comes up and skips the cancelled ones', () => {
    const offsets = [10, 58, 106, 154];
    const p = 0.3;
    const c = sailing(offsets, p, 480_000);
    const ix = departureIndex(c.departures, c.depFrom, c.depTo, c.stepCount);
    const xs = Array.from({ length: 2000 }, (_, i) => i * 0.731);
    const got = Float64Array.from(xs);
    const fast = new Rng(7);
    addDepartureWaits(c, ix, 0, fast, got, 0, xs.length);
    const slow = new Rng(7);
    xs.forEach((x, i) => {
      let now = 480_000 + x;
      now += waitForNextDeparture(offsets, 0, 4, now);
      while (slow.uniform() < p) {
        now += 1e-6;
        now += waitForNextDeparture(offsets, 0, 4, now);
      }
      expect(got[i]).toBe(x + (now - (480_000 + x)));
    });
    expect(fast.draws).toBe(slow.draws);
  });
});
