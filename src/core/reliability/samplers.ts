/**
 * Samplers for the duration distributions of the dataset (figure.ts DistributionSpec, hours after loading).
 * Each draw uses one uniform from the caller's seeded generator (inverse-transform sampling; the lognormal's
 * usually one, see below), so a sample path is a pure function of the seed. Lognormal is given by median and 90th percentile, the way corridor reports
 * quote times: mu = ln p50, sigma = ln(p90 / p50) / z0.90 with z0.90 = 1.2815515655446004; its normal draw comes
 * from the ziggurat (ziggurat.ts: one 32-bit draw, a few more for 1.5% of draws), which needs neither the
 * normal quantile's rational function nor a logarithm on its fast path.
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
import { standardNormal } from './ziggurat.ts';

export { expFast, inverseNormalCdf } from './lognormal.ts';

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

export const DIST_FIXED = 0;
export const DIST_UNIFORM = 1;
export const DIST_TRIANGULAR = 2;
export const DIST_LOGNORMAL = 3;
export const DIST_EMPIRICAL = 4;
/** Numbers per encoded distribution in the parameter array. */
export const PARAM_STRIDE = 4;

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
      return d.p50 * Math.exp(sigma * standardNormal(rng));
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
