/** The generator, the samplers, the event heap and the quantile selection, each against a plain computation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FloatList, UnitFifo } from '../../../src/core/reliability/fifo.ts';
import {
  EventHeap,
  expFast,
  inverseNormalCdf,
  irwinHallCdf,
  quantilesInPlace,
  Rng,
  streamSeed,
} from '../../../src/core/reliability/index.ts';

describe('Rng (xoshiro128**)', () => {
  it('is reproducible, fills the same numbers as single draws, and looks uniform', () => {
    const a = new Rng(123);
    const b = new Rng(123);
    const buf = new Float64Array(1000);
    b.fillUniform(buf, 1000);
    let sum = 0;
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 1000; i++) expect(a.uniform()).toBe(buf[i]);
    const c = new Rng(7);
    for (let i = 0; i < 100_000; i++) {
      const u = c.uniform();
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    // chi-square with 9 degrees of freedom: 99.9th percentile is 27.9
    const chi = bins.reduce((s, n) => s + (n - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(27.9);
    expect(c.draws).toBe(100_000);
    expect(streamSeed(1, 0)).not.toBe(streamSeed(1, 1));
    expect(new Rng(1).uniform()).not.toBe(new Rng(2).uniform());
  });
});

describe('inverseNormalCdf', () => {
  it('matches known quantiles of the standard normal to 1e-8', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});

describe('expFast', () => {
  it('is within 2 ulp of Math.exp from -700 to 700, and equals it beyond', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (y) => {
        const want = Math.exp(y);
        expect(Math.abs(expFast(y) - want)).toBeLessThanOrEqual(4.5e-16 * want);
      }),
      { numRuns: 20_000 },
    );
    for (const y of [0, 1, -1, Math.LN2, 699.9, -699.9])
      expect(Math.abs(expFast(y) - Math.exp(y))).toBeLessThanOrEqual(4.5e-16 * Math.exp(y));
    for (const y of [709, -745, 800, Number.NaN, Number.NEGATIVE_INFINITY]) expect(expFast(y)).toBe(Math.exp(y));
    expect(expFast(0)).toBe(1);
  });
});

describe('irwinHallCdf', () => {
  it('is the triangular CDF for n = 2 and symmetric for n = 10', () => {
    expect(irwinHallCdf(2, 0.5)).toBeCloseTo(0.125, 12);
    expect(irwinHallCdf(2, 1.5)).toBeCloseTo(0.875, 12);
    expect(irwinHallCdf(10, 5)).toBeCloseTo(0.5, 10);
  });
});

describe('EventHeap', () => {
  it('pops in time order, first-in first-out among equal times (against a sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const h = new EventHeap(2);
        times.forEach((t, i) => {
          h.push(t, i);
        });
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
        for (const e of expected) {
          expect(h.pop()).toBe(e.i);
          expect(h.lastTimeH).toBe(e.t);
        }
        expect(h.size).toBe(0);
      }),
    );
  });
});

describe('quantilesInPlace', () => {
  it('equals type-7 quantiles of the sorted sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (xs, qs) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const got = quantilesInPlace(Float64Array.from(xs), qs);
          qs.forEach((q, j) => {
            const h = (sorted.length - 1) * q;
            const k = Math.floor(h);
            const want = sorted[k]! + (h - k) * ((sorted[Math.min(k + 1, sorted.length - 1)] ?? 0) - sorted[k]!);
            expect(Math.abs(got[j]! - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
          });
        },
      ),
    );
  });

  it('gives the same type-7 quantiles on large samples (bucketed path), skewed, tied or with an outlier', () => {
    const rng = new Rng(5);
    const n = 50_001;
    const shapes: Float64Array[] = [
      Float64Array.from({ length: n }, () => -Math.log(1 - rng.uniform()) * 10),
      Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * 7)),
      Float64Array.from({ length: n }, (_, i) => (i === 17 ? 1e12 : rng.uniform())),
      new Float64Array(n).fill(3),
    ];
    const qs = [0.05, 0.1, 0.5, 0.9, 0.95, 0, 1, 0.123456];
    for (const xs of shapes) {
      const sorted = Float64Array.from(xs).sort();
      const got = quantilesInPlace(Float64Array.from(xs), qs);
      qs.forEach((q, j) => {
        const h = (n - 1) * q;
        const k = Math.floor(h);
        const want = sorted[k]! + (h - k) * (sorted[Math.min(k + 1, n - 1)]! - sorted[k]!);
        expect(got[j]).toBe(want);
      });
      // a caller that knows the range (the port's waits, the Monte Carlo's first pass) gets the same numbers
      let min = xs[0]!;
      let max = min;
      for (const x of xs) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      expect(quantilesInPlace(Float64Array.from(xs), qs, { min, max })).toEqual(got);
    }
  });
});

describe('UnitFifo and FloatList', () => {
  it('shiftWaits boards the oldest units in order, across the wrap of the ring and the growth of the list', () => {
    const q = new UnitFifo(8);
    const waits = new FloatList(2);
    const model: number[] = []; // arrival times still waiting, oldest first
    const want: number[] = [];
    let t = 0;
    for (let round = 0; round < 40; round++) {
      const arrive = (round * 7) % 11;
      for (let i = 0; i < arrive; i++) {
        q.push(++t, -1);
        model.push(t);
      }
      const k = Math.min(model.length, (round * 5) % 9);
      const now = t + 0.5;
      q.shiftWaits(k, now, waits);
      for (const a of model.splice(0, k)) want.push(now - a);
      expect(q.length).toBe(model.length);
      if (model.length > 0) expect(q.peekArrivalH()).toBe(model[0]);
    }
    expect([...waits.view()]).toEqual(want);
    waits.reserve(1000);
    expect(waits.data.length).toBeGreaterThanOrEqual(waits.length + 1000);
    expect([...waits.view()]).toEqual(want); // growth keeps what was there
  });
});
