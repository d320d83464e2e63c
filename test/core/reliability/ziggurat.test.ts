/**
 * The ziggurat's normal draws (ziggurat.ts) against the normal law: the geometry of its layers, then the draws
 * of fixed seeds by a Kolmogorov-Smirnov distance, a chi-square over equiprobable bins, the first four moments
 * and the tails (the base strip's tail algorithm), each bound at about 4 standard errors or the 99.9th
 * percentile, so a wrong table or a wrong branch fails while the sampling noise passes.
 */
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, Rng } from '../../../src/core/reliability/index.ts';
import {
  standardNormal,
  ZIGGURAT_F,
  ZIGGURAT_R,
  ZIGGURAT_W,
  ZIGGURAT_X,
} from '../../../src/core/reliability/ziggurat.ts';

/**
 * Standard normal CDF through erfc by the Chebyshev expansion of Numerical Recipes (3rd ed., section 6.2.2,
 * erfccheb), near double precision; checked below against known values, far more than distances of 1e-3 and
 * tail shares counted to a few percent need.
 */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const c = [
    -1.3026537197817094, 6.419697923564902e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
    3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
    -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = c.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (c[j] ?? 0);
    dd = tmp;
  }
  const erfc = t * Math.exp(-z * z + 0.5 * ((c[0] ?? 0) + ty * d) - dd);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

function draws(seed: number, n: number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = standardNormal(rng);
  return out;
}

describe('normalCdf (the test helper)', () => {
  it('gives known values of the normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 12);
    expect(normalCdf(1.2815515655446004)).toBeCloseTo(0.9, 9);
    expect(normalCdf(-3.090232306167813)).toBeCloseTo(0.001, 9);
    // 1 - Phi(5) = 2.866515718791939e-7
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 6);
  });
});

describe('ziggurat layers', () => {
  it('cut the curve into 256 pieces of equal area, the top one closing at x = 0', () => {
    const f = (x: number) => Math.exp(-0.5 * x * x);
    const area = (ZIGGURAT_X[0] ?? 0) * f(ZIGGURAT_R); // the base strip, tail included
    // layer i >= 1: a rectangle of half-width X[i] from f(X[i]) up to f(X[i + 1]); the top one up to f(0) = 1
    for (let i = 1; i < 256; i++) {
      const a = (ZIGGURAT_X[i] ?? 0) * ((ZIGGURAT_F[i + 1] ?? 0) - (ZIGGURAT_F[i] ?? 0));
      expect(Math.abs(a - area) / area, `layer ${i}`).toBeLessThan(1e-12);
    }
    expect(ZIGGURAT_X[1]).toBe(ZIGGURAT_R);
    expect(ZIGGURAT_X[256]).toBe(0);
    expect(ZIGGURAT_F[256]).toBe(1);
    // the base strip's area is R f(R) + the tail's, sqrt(pi / 2) erfc(R / sqrt 2) = sqrt(2 pi) (1 - Phi(R))
    const tail = Math.sqrt(2 * Math.PI) * normalCdf(-ZIGGURAT_R);
    expect(Math.abs(area - (ZIGGURAT_R * f(ZIGGURAT_R) + tail)) / area).toBeLessThan(1e-6);
    for (let i = 0; i < 256; i++) expect(ZIGGURAT_W[i]).toBe((ZIGGURAT_X[i] ?? 0) / 2 ** 23);
    for (let i = 0; i < 256; i++) expect(ZIGGURAT_X[i + 1] ?? 0).toBeLessThan(ZIGGURAT_X[i] ?? 0);
  });
});

describe('standardNormal', () => {
  it('is reproducible and takes one 32-bit draw for most normals', () => {
    expect(draws(5, 100)).toEqual(draws(5, 100));
    const rng = new Rng(3);
    for (let i = 0; i < 100_000; i++) standardNormal(rng);
    // 1.5% of points fall outside their layer's fast part (a wedge test draws 1-2 more, the tail 2 or more)
    expect(rng.draws / 100_000).toBeGreaterThan(1.01);
    expect(rng.draws / 100_000).toBeLessThan(1.05);
  });

  it('passes a Kolmogorov-Smirnov test against the normal law (1e5 draws, seeds 1-3)', () => {
    // critical distance at the 0.1% level: 1.949 / sqrt(n)
    for (const seed of [1, 2, 3]) {
      const x = draws(seed, 100_000).sort();
      let dMax = 0;
      for (let i = 0; i < x.length; i++) {
        const p = normalCdf(x[i] ?? 0);
        dMax = Math.max(dMax, (i + 1) / x.length - p, p - i / x.length);
      }
      expect(dMax, `seed ${seed}`).toBeLessThan(1.949 / Math.sqrt(x.length));
    }
  });

  it('fills 200 equiprobable bins evenly (chi-square, 1e6 draws)', () => {
    const bins = 200;
    const edges = Array.from({ length: bins - 1 }, (_, k) => inverseNormalCdf((k + 1) / bins));
    const counts = new Array<number>(bins).fill(0);
    for (const z of draws(11, 1_000_000)) {
      let lo = 0;
      let hi = bins - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (z < (edges[mid] ?? 0)) hi = mid;
        else lo = mid + 1;
      }
      counts[lo] = (counts[lo] ?? 0) + 1;
    }
    const want = 1_000_000 / bins;
    const chi = counts.reduce((s, c) => s + (c - want) ** 2 / want, 0);
    // 199 degrees of freedom: the 99.9th percentile is 267.4
    expect(chi).toBeLessThan(267.4);
  });

  it('has the moments of the normal law (1e6 draws)', () => {
    const n = 1_000_000;
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const z of draws(12, n)) {
      m1 += z;
      m2 += z * z;
      m3 += z * z * z;
      m4 += z * z * z * z;
    }
    // standard errors for n = 1e6: mean 0.001, E z^2 0.0014, E z^3 0.0039, E z^4 0.0098
    expect(Math.abs(m1 / n)).toBeLessThan(0.0045);
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.0065);
    expect(Math.abs(m3 / n)).toBeLessThan(0.018);
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.045);
  });

  it('has the normal tails beyond the base strip (4e6 draws), on both sides', () => {
    const n = 4_000_000;
    const cuts = [2.5, ZIGGURAT_R, 4, 4.5];
    const above = cuts.map(() => 0);
    const below = cuts.map(() => 0);
    for (const z of draws(13, n)) {
      cuts.forEach((c, k) => {
        if (z > c) above[k] = (above[k] ?? 0) + 1;
        if (z < -c) below[k] = (below[k] ?? 0) + 1;
      });
    }
    cuts.forEach((c, k) => {
      const want = n * normalCdf(-c); // 24,839 / 516 / 127 / 13.6 expected on each side
      for (const got of [above[k] ?? 0, below[k] ?? 0]) {
        // Poisson counts: within 4 standard deviations, plus 2 for the smallest
        expect(Math.abs(got - want), `beyond ${c}: ${got} against ${want.toFixed(1)}`).toBeLessThan(
          4 * Math.sqrt(want) + 2,
        );
      }
    });
  });
});
