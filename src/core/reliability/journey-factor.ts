/**
 * The journey factor of a calibrated timeline (calibration/calibrated-timeline.ts): the pace common to all steps
 * of one journey (priority paths, congestion, weather), a lognormal factor with median 1 on each whole transit
 * time. Steps drawn independently miss this common part, so long routes would get too narrow a band without it.
 */
import { KeruenError } from '../errors.ts';
import { Rng, streamSeed } from './rng.ts';
import { inverseNormalCdf } from './samplers.ts';

/**
 * Multiplies each simulated transit time (in place) by the journey factor exp(sigma z), z standard normal from
 * its own sub-stream of `seed`, so that the step draws are unchanged. Sigma 0 leaves the times as they are.
 */
export function applyJourneyFactor(times: Float64Array, sigma: number, seed: number): Float64Array {
  if (!(sigma >= 0 && Number.isFinite(sigma))) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `calibration journey: sigma ${sigma} must be >= 0`, [], {
      value: sigma,
    });
  }
  if (sigma === 0) return times;
  const rng = new Rng(streamSeed(seed, 0x6a6f));
  for (let i = 0; i < times.length; i++) {
    const u = Math.min(1 - 1e-12, Math.max(1e-12, rng.uniform()));
    times[i] = (times[i] ?? 0) * Math.exp(sigma * inverseNormalCdf(u));
  }
  return times;
}
