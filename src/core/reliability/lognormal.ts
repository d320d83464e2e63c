/**
 * The lognormal law's arithmetic: the standard normal quantile (Acklam's rational approximation, relative error
 * below 1.15e-9, no logarithm in the central 95% of draws), a table-driven e^y, and the Monte Carlo's lognormal
 * sampling loop, which writes both out inline (a double returned from a call that V8 does not inline is boxed).
 * The loop lives beside the constants on purpose: read from another module, each constant is a load from the
 * module's binding on every iteration instead of a number folded into the code (measured: a fifth slower).
 */

import type { Rng } from './rng.ts';

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
const INV_2_32 = 1 / 4294967296;
/** Offset that turns a uniform on [0, 1) into the matching Rng.uniformOpen draw (exact). */
const HALF_ULP_32 = 0.5 / 4294967296;

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

/**
 * Scratch of the loops that take one branch for every sample and redo the few samples of the other branch
 * afterwards (addLognormalDraws, the triangular loop of encoded-draws.ts): which samples, what they held before,
 * their uniform. A branch taken at random in a loop of long dependency chains costs far more than its own
 * work: each misprediction throws away the iterations the processor was overlapping.
 */
export class BranchFixups {
  readonly index: Int32Array;
  readonly before: Float64Array;
  readonly u: Float64Array;

  /** For loops of at most n samples. */
  constructor(n: number) {
    this.index = new Int32Array(n + 1);
    this.before = new Float64Array(n + 1);
    this.u = new Float64Array(n + 1);
  }
}

/** Largest |z| of the central branch (z at p = 1 - P_LOW), rounded up. */
const CENTRAL_Z_MAX = 1.98;

/**
 * acc[at + i] += p50 * exp(sigma * inverseNormalCdf(uniformOpen)), with the central branch of Acklam's
 * approximation and expFast written out in the loop (above): as calls they cost about three times as much.
 * expFast's operations exactly; the central branch in another order (see there). Every draw takes the central
 * branch; the 4.85% in the tails (p < P_LOW or p > 1 - P_LOW, a random branch) are listed without a branch and
 * redone after the loop through inverseNormalCdf and expFast, from the value they held before: the same
 * numbers as a branch per draw. Needs sigma * z to stay inside expFast's fast range for every central z; a
 * wider sigma (a p90 over e^450 times the median) takes every draw through the functions.
 */
export function addLognormalDraws(
  p50: number,
  sigma: number,
  rng: Rng,
  acc: Float64Array,
  at: number,
  n: number,
  fix: BranchFixups,
): void {
  const hiP = 1 - P_LOW;
  const { index, before, u } = fix;
  const allCentral = Math.abs(sigma) * CENTRAL_Z_MAX < 700;
  let tails = 0;
  let { a, b, c, d } = rng;
  for (let i = at; i < at + n; i++) {
    const m = Math.imul(b, 5);
    const p = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) * INV_2_32 + HALF_ULP_32;
    c ^= a;
    d ^= b;
    const t = b << 9;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    // Acklam's central rational function in Estrin's order: the same polynomials as inverseNormalCdf's Horner
    // form, with half the chain of dependent operations (the iterations overlap only as far as the processor's
    // window reaches); the two differ by rounding. In the tails it gives a wrong (maybe infinite) number that
    // the fix-up replaces.
    const q = p - 0.5;
    const r = q * q;
    const r2 = r * r;
    const z =
      ((((A1 * r + A2) * r2 + (A3 * r + A4)) * r2 + (A5 * r + A6)) * q) /
      (((B1 * r + B2) * r2 + (B3 * r + B4)) * r2 + (B5 * r + 1));
    // expFast, operation for operation, without its range test (allCentral); the table index is masked so
    // that a tail's wrong number reads inside the table
    const y = sigma * z;
    const nf = y * EXP_64_OVER_LN2 + ROUND_SHIFT - ROUND_SHIFT;
    const k = nf | 0;
    const rr = y - nf * EXP_LN2_64_HI - nf * EXP_LN2_64_LO;
    const rr2 = rr * rr;
    const qq = rr + rr2 * (0.5 + rr * (1 / 6) + rr2 * (1 / 24 + rr * (1 / 120)));
    const tj = EXP_2_J64[k & 63] ?? 0;
    const e = (tj + tj * qq) * (EXP_2_K[((k >> 6) + 1023) & 2047] ?? 0);
    const old = acc[i] ?? 0;
    acc[i] = old + p50 * e;
    // listed unconditionally, kept (tails + 1) only for a tail draw
    index[tails] = i;
    before[tails] = old;
    u[tails] = p;
    tails += +(p < P_LOW) | +(p > hiP) | +!allCentral;
  }
  rng.setState(a, b, c, d, n);
  for (let j = 0; j < tails; j++) {
    const i = index[j] ?? 0;
    acc[i] = (before[j] ?? 0) + p50 * expFast(sigma * inverseNormalCdf(u[j] ?? 0.5));
  }
}
