/**
 * Samplers for the duration distributions of the dataset (figure.ts DistributionSpec, hours after loading).
 * Each draw uses one uniform from the caller's seeded generator (inverse-transform sampling), so a sample path
 * is a pure function of the seed. Lognormal is given by median and 90th percentile, the way corridor reports
 * quote times: mu = ln p50, sigma = ln(p90 / p50) / z0.90 with z0.90 = 1.2815515655446004. The standard normal
 * quantile is Acklam's rational approximation (relative error below 1.15e-9), which costs no logarithm in the
 * central 95% of draws.
 *
 * Two shapes: `sampleDuration` reads the friendly spec (the reference version, used in tests), and the encoded
 * form (a kind code and four numbers per distribution in a Float64Array) feeds the allocation-free loops. Their
 * typed-array reads within the loops' bounds carry `?? 0`: never taken, and free in V8 (measured with
 * bench/simulation.ts), where a non-null assertion would only silence the compiler.
 */

import { KeruenError } from '../errors.ts';
import { must } from '../must.ts';
import type { DistributionSpec } from '../network/figure.ts';
import type { Rng } from './rng.ts';

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

export const DIST_FIXED = 0;
export const DIST_UNIFORM = 1;
export const DIST_TRIANGULAR = 2;
export const DIST_LOGNORMAL = 3;
export const DIST_EMPIRICAL = 4;
/** Numbers per encoded distribution in the parameter array. */
export const PARAM_STRIDE = 4;

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

/** Throws KERUEN_INVALID_INPUT when a distribution cannot be sampled (negative, inverted or empty). */
export function checkDistribution(d: DistributionSpec, where: string): void {
  const bad = (msg: string): never => {
    throw new KeruenError('KERUEN_INVALID_INPUT', `${where}: ${msg}`, [], { value: d });
  };
  const ok = (x: number) => Number.isFinite(x) && x >= 0;
  switch (d.dist) {
    case 'fixed':
      if (!ok(d.value)) bad(`fixed value ${d.value} must be finite and >= 0`);
      return;
    case 'uniform':
      if (!ok(d.min) || !ok(d.max) || d.min > d.max) bad(`uniform needs 0 <= min <= max, got ${d.min}, ${d.max}`);
      return;
    case 'triangular':
      if (!ok(d.min) || !ok(d.max) || !(d.min <= d.mode && d.mode <= d.max))
        bad(`triangular needs 0 <= min <= mode <= max, got ${d.min}, ${d.mode}, ${d.max}`);
      return;
    case 'lognormal':
      if (!(d.p50 > 0 && d.p90 >= d.p50 && Number.isFinite(d.p90)))
        bad(`lognormal needs 0 < p50 <= p90, got ${d.p50}, ${d.p90}`);
      return;
    case 'empirical':
      if (d.sample.length === 0 || !d.sample.every(ok)) bad('empirical needs a non-empty sample of values >= 0');
      return;
    default:
      bad(`unknown distribution ${JSON.stringify((d as { dist: unknown }).dist)}`);
  }
}

/**
 * One draw from a distribution in hours, straight from the spec (reference version; the Monte Carlo uses the
 * encoded form, which draws the same numbers from the same generator state).
 * @example
 * sampleDuration({ dist: 'uniform', min: 18, max: 22 }, new Rng(1)); // between 18 and 22
 */
export function sampleDuration(d: DistributionSpec, rng: Rng): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.uniform();
    case 'triangular': {
      const w = d.max - d.min;
      if (w === 0) return d.min; // a point: no draw, as in the encoded form
      const u = rng.uniform();
      const fc = (d.mode - d.min) / w;
      return u < fc ? d.min + Math.sqrt(u * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * w * (d.max - d.mode));
    }
    case 'lognormal': {
      const sigma = Math.log(d.p90 / d.p50) / Z90;
      return d.p50 * Math.exp(sigma * inverseNormalCdf(rng.uniformOpen()));
    }
    case 'empirical':
      return must(d.sample[Math.floor(rng.uniform() * d.sample.length)], 'empirical sample value');
  }
}

/**
 * Writes the encoded form of `d` at slot `slot` of `kinds` and `params` (PARAM_STRIDE numbers per slot);
 * empirical samples are appended to `pool` and referenced by offset and length.
 */
export function encodeDistribution(
  d: DistributionSpec,
  kinds: Uint8Array,
  params: Float64Array,
  slot: number,
  pool: number[],
): void {
  const o = slot * PARAM_STRIDE;
  switch (d.dist) {
    case 'fixed':
      kinds[slot] = DIST_FIXED;
      params[o] = d.value;
      return;
    case 'uniform':
      kinds[slot] = DIST_UNIFORM;
      params[o] = d.min;
      params[o + 1] = d.max - d.min;
      return;
    case 'triangular': {
      const w = d.max - d.min;
      if (w === 0) {
        kinds[slot] = DIST_FIXED;
        params[o] = d.min;
        return;
      }
      kinds[slot] = DIST_TRIANGULAR;
      params[o] = d.min;
      params[o + 1] = d.max;
      params[o + 2] = (d.mode - d.min) / w; // CDF at the mode
      params[o + 3] = w;
      return;
    }
    case 'lognormal':
      kinds[slot] = DIST_LOGNORMAL;
      params[o] = d.p50;
      params[o + 1] = Math.log(d.p90 / d.p50) / Z90;
      return;
    case 'empirical':
      kinds[slot] = DIST_EMPIRICAL;
      params[o] = pool.length;
      params[o + 1] = d.sample.length;
      for (const x of d.sample) pool.push(x);
      return;
  }
}

// expFast: exp(y) = 2^k * 2^(j/64) * exp(r) with y = (64 k + j) ln2/64 + r, |r| <= ln2/128 (Tang's table method).
// ln2/64 is split Cody-Waite style (fdlibm's ln2_hi has 32 significant bits, so n * hi is exact for |n| < 2^21).
const EXP_2_J64 = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
const EXP_2_K = Float64Array.from({ length: 2047 }, (_, i) => 2 ** (i - 1023));
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
  // Taylor to r^5: the r^6 / 720 term is below 3.5e-17 for |r| <= ln2/128
  const q = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const t = EXP_2_J64[n & 63] ?? 0;
  return (t + t * q) * (EXP_2_K[(n >> 6) + 1023] ?? 0);
}

/** Offset that turns a uniform on [0, 1) from Rng.uniform into the matching Rng.uniformOpen draw (exact). */
const HALF_ULP_32 = 0.5 / 4294967296;

/** Whether the encoded kind consumes one uniform per draw (all but fixed). */
export function drawsUniform(kind: number): boolean {
  return kind !== DIST_FIXED;
}

/**
 * Adds one draw of the encoded distribution at `slot` to each of acc[at .. at + n), using the uniforms u[0..n)
 * (ignored for fixed). One tight loop per kind, so the hot loop has no branch on the kind. Allocation-free;
 * draws the same numbers as `sampleDuration` given the same uniforms, up to rounding.
 */
export function addEncodedDraws(
  kind: number,
  params: Float64Array,
  slot: number,
  pool: Float64Array,
  u: Float64Array,
  acc: Float64Array,
  at: number,
  n: number,
): void {
  const o = slot * PARAM_STRIDE;
  const p0 = params[o] ?? 0;
  const p1 = params[o + 1] ?? 0;
  switch (kind) {
    case DIST_FIXED:
      for (let i = at; i < at + n; i++) acc[i] = (acc[i] ?? 0) + p0;
      return;
    case DIST_UNIFORM:
      for (let i = 0; i < n; i++) acc[at + i] = (acc[at + i] ?? 0) + (p0 + p1 * (u[i] ?? 0));
      return;
    case DIST_TRIANGULAR: {
      const fc = params[o + 2] ?? 0;
      const w = params[o + 3] ?? 0;
      const left = w * (fc * w);
      const right = w * (p1 - p0 - fc * w);
      for (let i = 0; i < n; i++) {
        const x = u[i] ?? 0;
        acc[at + i] = (acc[at + i] ?? 0) + (x < fc ? p0 + Math.sqrt(x * left) : p1 - Math.sqrt((1 - x) * right));
      }
      return;
    }
    case DIST_LOGNORMAL:
      addLognormalDraws(p0, p1, u, acc, at, n);
      return;
    default:
      for (let i = 0; i < n; i++) acc[at + i] = (acc[at + i] ?? 0) + (pool[p0 + Math.floor((u[i] ?? 0) * p1)] ?? 0);
  }
}

/**
 * acc[at + i] += p50 * exp(sigma * inverseNormalCdf(u[i] + HALF_ULP_32)), with the central branch of Acklam's
 * approximation (95% of draws) and expFast written out in the loop: as calls they cost about three times as
 * much, because a double returned from a call that is not inlined is boxed. Same operations, same numbers as
 * the functions.
 */
function addLognormalDraws(
  p50: number,
  sigma: number,
  u: Float64Array,
  acc: Float64Array,
  at: number,
  n: number,
): void {
  const hiP = 1 - P_LOW;
  for (let i = 0; i < n; i++) {
    const p = (u[i] ?? 0) + HALF_ULP_32;
    let z: number;
    if (p >= P_LOW && p <= hiP) {
      const q = p - 0.5;
      const r = q * q;
      z =
        ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
        (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    } else {
      z = inverseNormalCdf(p);
    }
    const y = sigma * z;
    let e: number;
    if (y < 700 && y > -700) {
      const nf = y * EXP_64_OVER_LN2 + ROUND_SHIFT - ROUND_SHIFT;
      const k = nf | 0;
      const rr = y - nf * EXP_LN2_64_HI - nf * EXP_LN2_64_LO;
      const qq = rr * (1 + rr * (0.5 + rr * (1 / 6 + rr * (1 / 24 + rr * (1 / 120)))));
      const t = EXP_2_J64[k & 63] ?? 0;
      e = (t + t * qq) * (EXP_2_K[(k >> 6) + 1023] ?? 0);
    } else {
      e = Math.exp(y);
    }
    acc[at + i] = (acc[at + i] ?? 0) + p50 * e;
  }
}
