/**
 * The lognormal law's arithmetic: the standard normal quantile (Acklam's rational approximation, relative error
 * below 1.15e-9, for the closed forms and the journey factor), a table-driven e^y, and the Monte Carlo's
 * lognormal sampling loop, which writes the ziggurat's fast path (ziggurat.ts) and e^y out inline (a double
 * returned from a call that V8 does not inline is boxed). The loop lives beside the exponential's constants on
 * purpose: read from another module, each constant is a load from the module's binding on every iteration
 * instead of a number folded into the code (measured: a fifth slower); the ziggurat's tables are copied into
 * locals for the same reason.
 */

import type { Rng } from './rng.ts';
import { normalBeyondFastPart, standardNormal, ZIGGURAT_W, ZIGGURAT_X } from './ziggurat.ts';

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
// function", 2003).
const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const P_LOW = 0.02425;

/** Quantile of the standard normal for 0 < p < 1. */
export function inverseNormalCdf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
      (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
    );
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
}

// expFast: exp(y) = 2^k * 2^(j/64) * exp(r) with y = (64 k + j) ln2/64 + r, |r| <= ln2/128 (Tang's table method).
// ln2/64 is split Cody-Waite style (fdlibm's ln2_hi has 32 significant bits, so n * hi is exact for |n| < 2^21).
const EXP_2_J64 = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
// 2048 entries: the last (2^1024 = Infinity) only so that a masked index always reads inside
const EXP_2_K = Float64Array.from({ length: 2048 }, (_, i) => 2 ** (i - 1023));
const EXP_64_OVER_LN2 = 64 / Math.LN2;
const EXP_LN2_64_HI = 0.6931471803691238 / 64;
const EXP_LN2_64_LO = 1.9082149292705877e-10 / 64;
/** 1.5 * 2^52: adding and subtracting it rounds a double of magnitude below 2^51 to the nearest integer. */
const ROUND_SHIFT = 6755399441055744;

/**
 * e^y within 1.5 ulp of Math.exp (measured over [-700, 700]; tested to 4e-16 relative). About twice as fast
 * as Math.exp, which V8 runs as a call out of optimised code; the lognormal loop spends most of its time here.
 * Outside (-700, 700) it defers to Math.exp.
 */
export function expFast(y: number): number {
  if (!(y < 700 && y > -700)) return Math.exp(y);
  const nf = y * EXP_64_OVER_LN2 + ROUND_SHIFT - ROUND_SHIFT;
  const n = nf | 0;
  const r = y - nf * EXP_LN2_64_HI - nf * EXP_LN2_64_LO;
  // Taylor to r^5 (the r^6 / 720 term is below 3.5e-17 for |r| <= ln2/128), in Estrin's order: a shorter chain
  // of dependent operations than Horner's, which the sampling loops (encoded-draws.ts) overlap better
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
  const t = EXP_2_J64[n & 63] ?? 0;
  return (t + t * q) * (EXP_2_K[(n >> 6) + 1023] ?? 0);
}

/** Largest |z| a ziggurat draw can take: R + ln(2^33) / R (the tail's uniforms are at least 2^-33), rounded up. */
const Z_MAX = 10;

/**
 * acc[at + i] += p50 * exp(sigma * z) for n standard normal draws z (ziggurat.ts), with the ziggurat's fast
 * path, the generator (rng.ts) and expFast written out in the loop (as calls they would box their doubles and
 * keep the generator's state in the object). The inner loop leaves at the first draw outside the fast path
 * (1.5%), which the outer loop finishes through normalBeyondFastPart with the state handed back, then resumes:
 * a call anywhere inside the inner loop, even on a branch rarely taken, makes V8 keep its values in memory
 * (measured: half as fast again). The same draws, in the same order, as standardNormal; the same numbers as
 * p50 * expFast(sigma * standardNormal(rng)). Needs sigma * z inside expFast's fast range for every z; a wider
 * sigma (a p90 over e^89 times the median) takes the functions.
 */
export function addLognormalDraws(
  p50: number,
  sigma: number,
  rng: Rng,
  acc: Float64Array,
  at: number,
  n: number,
): void {
  const end = at + n;
  if (!(Math.abs(sigma) * Z_MAX < 700)) {
    for (let i = at; i < end; i++) acc[i] = (acc[i] ?? 0) + p50 * expFast(sigma * standardNormal(rng));
    return;
  }
  // the tables as locals: read through the module bindings, each would be reloaded in every iteration
  const width = ZIGGURAT_W;
  const inner = ZIGGURAT_X;
  const exp2j = EXP_2_J64;
  const exp2k = EXP_2_K;
  let { a, b, c, d } = rng;
  let i = at;
  for (;;) {
    let layer = 0;
    let z = 0;
    for (; i < end; i++) {
      // xoshiro128** (rng.ts nextUint32) as a signed 32-bit integer
      const m = Math.imul(b, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      c ^= a;
      d ^= b;
      const t = b << 9;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      // standardNormal's fast path: layer from the low 8 bits, a signed point across it from the other 24
      layer = r & 255;
      z = ((r >> 8) + 0.5) * (width[layer] ?? 0);
      if (!(Math.abs(z) < (inner[layer + 1] ?? 0))) break;
      // expFast, operation for operation, without its range test (|sigma z| < 700 above)
      const y = sigma * z;
      const nf = y * EXP_64_OVER_LN2 + ROUND_SHIFT - ROUND_SHIFT;
      const k = nf | 0;
      const rr = y - nf * EXP_LN2_64_HI - nf * EXP_LN2_64_LO;
      const rr2 = rr * rr;
      const qq = rr + rr2 * (0.5 + rr * (1 / 6) + rr2 * (1 / 24 + rr * (1 / 120)));
      const tj = exp2j[k & 63] ?? 0;
      acc[i] = (acc[i] ?? 0) + p50 * ((tj + tj * qq) * (exp2k[(k >> 6) + 1023] ?? 0));
    }
    if (i >= end) break;
    rng.setState(a, b, c, d, 0);
    z = normalBeyondFastPart(rng, layer, z);
    ({ a, b, c, d } = rng);
    acc[i] = (acc[i] ?? 0) + p50 * expFast(sigma * z);
    i++;
  }
  rng.setState(a, b, c, d, n);
}
