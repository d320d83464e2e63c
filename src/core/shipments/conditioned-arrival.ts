/**
 * Re-predicted arrival of a shipment that has been on its current step for a while. The timeline starts at the
 * last known position (tracking.ts remainingTimeline); by the "as of" time the cargo has spent `elapsedH` on its
 * first step without a newer event, so that step's time (its wait for a departure, any cancellations and its
 * duration) is drawn conditioned on being longer than elapsedH, by rejection: draw again until the condition
 * holds, at most `maxAttempts` times. Every step after it is drawn as in the transit-time Monte Carlo
 * (reliability/monte-carlo.ts), from the sample's own end of the first step, so scheduled departures are waited
 * for from the right time.
 *
 * When the condition is improbable (the step should have ended long ago and the event that closes it is
 * missing), rejection would rarely succeed; after maxAttempts draws the sample takes "the step ends now"
 * (elapsedH + FALLBACK_EPSILON_H) and is counted in fallbackSamples, so the caller can tell that the events are
 * overdue rather than trust a tail figure. Two shortcuts keep that case cheap (measured: 200,000 samples of a
 * 20-step timeline took 2.8 s with a lognormal first step far past its median, all drawn out; 0.37 s with them):
 * a step bounded above by at most elapsedH (and with no departure wait) falls back without drawing, since no
 * draw could pass; and a pilot of PILOT_FACTOR x maxAttempts draws from a separate sub-stream, stopped at its
 * first pass, sends every sample to the fallback when none passes. Then the acceptance probability is below
 * 3 / (PILOT_FACTOR x maxAttempts) at 95% confidence, so rejection would have let through fewer than
 * 1 - exp(-3 / PILOT_FACTOR) = 3% of the samples.
 *
 * A calibrated timeline's journey factor (reliability/journey-factor.ts, the pace common to a journey's steps)
 * is drawn with the first step and scales the whole remaining time; the condition is on the paced step, so an
 * overdue step raises the factor the later steps get (the posterior of the pace given "still on this step").
 *
 * The assumption behind the conditioning: no newer event means the cargo is still on that step. When events go
 * unreported, the cargo may be further along and the figure errs late.
 *
 * Reproducibility: samples are drawn in the Monte Carlo's blocks (BLOCK_SAMPLES), block b from sub-stream
 * streamSeed(seed, b); within a block the first step is drawn sample by sample, then each following step for all
 * samples, as referenceTransitTimes does. Without elapsed time (as of the position's time or earlier) the
 * answer is simulateTimeline's, number for number.
 */
import { KeruenError } from '../errors.ts';
import type { DistributionSpec } from '../network/figure.ts';
import {
  type ArrivalDistribution,
  BLOCK_SAMPLES,
  simulateTimeline,
  summariseTransitTimes,
} from '../reliability/monte-carlo.ts';
import { Rng, streamSeed } from '../reliability/rng.ts';
import { inverseNormalCdf, sampleDuration } from '../reliability/samplers.ts';
import { checkTimeline, type Timeline, type TimelineStep } from '../reliability/timeline.ts';
import { departureWaitH, stepTimeH } from './step-draws.ts';

/** A fallback sample ends its step this long after the as-of time (hours; 3.6 ms): "now", strictly after it. */
export const FALLBACK_EPSILON_H = 1e-6;
/** Default cap on draws per sample. Acceptance 5% falls back with probability 0.95^200 ~ 3e-5. */
export const DEFAULT_MAX_ATTEMPTS = 200;
/** Pilot draws per allowed attempt (see the module header). */
export const PILOT_FACTOR = 100;
/** Sub-stream of the pilot draws: far above any block index (200,000 samples are 13 blocks). */
const PILOT_STREAM = 0x7fffffff;

export interface ConditionedArrivalOptions {
  samples: number;
  seed: number;
  /** The time the prediction is made for (server clock), hours since the epoch. */
  asOfH: number;
  /** Deadline, hours since the epoch. */
  deadlineH?: number | undefined;
  bins?: number | undefined;
  /** Cap on draws of the first step per sample (default DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number | undefined;
  /**
   * Journey factors to draw from instead of the prior (pace.ts: the posterior given the time the steps done
   * took); the timeline's journeySigma still marks it as paced.
   */
  paceFactors?: Float64Array | undefined;
}

export interface ConditionedArrival extends ArrivalDistribution {
  asOfH: number;
  /** Time already spent on the first step: asOfH - timeline.departH, 0 when the as-of time is not later. */
  elapsedH: number;
  /** Samples whose first step was drawn under the condition and met it. */
  conditionedSamples: number;
  /** Samples where no draw met it within maxAttempts: the first step ends at elapsedH + FALLBACK_EPSILON_H. */
  fallbackSamples: number;
  maxAttempts: number;
}

/** Upper end of a duration distribution in hours; infinite for the lognormal. */
export function durationMaxH(d: DistributionSpec): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.max;
    case 'lognormal':
      return Number.POSITIVE_INFINITY;
    case 'empirical':
      return d.sample.reduce((m, x) => Math.max(m, x), 0);
  }
}

/**
 * A journey factor: one of `pool` (a posterior, pace.ts) when given, else exp(sigma z) from the prior
 * (reliability/journey-factor.ts); 1 without sigma, drawing nothing.
 */
function journeyFactor(sigma: number, rng: Rng, pool?: Float64Array): number {
  if (sigma === 0) return 1;
  const u = Math.min(1 - 1e-12, Math.max(1e-12, rng.uniform()));
  if (pool !== undefined && pool.length > 0) return pool[Math.floor(u * pool.length)] ?? 1;
  return Math.exp(sigma * inverseNormalCdf(u));
}

/** True when one of at most `draws` pilot draws of the (paced) step time exceeds elapsedH. */
function pilotPasses(step: TimelineStep, tH: number, elapsedH: number, pace: Pace, seed: number, draws: number) {
  const rng = new Rng(streamSeed(seed, PILOT_STREAM));
  for (let i = 0; i < draws; i++)
    if (journeyFactor(pace.sigma, rng, pace.pool) * stepTimeH(step, tH, rng) > elapsedH) return true;
  return false;
}

/** Where a sample's journey factor comes from: the prior of sigma, or a posterior pool. */
interface Pace {
  sigma: number;
  pool?: Float64Array | undefined;
}

/** The checks of simulateTimeline's options (monte-carlo.ts), for the conditioned path that does not call it. */
function checkSampling(o: ConditionedArrivalOptions): void {
  const bad = (message: string, value: unknown): never => {
    throw new KeruenError('KERUEN_INVALID_INPUT', message, [], { value });
  };
  if (!Number.isInteger(o.samples) || o.samples < 1)
    bad(`samples must be a positive integer, got ${o.samples}`, o.samples);
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    bad(`seed must be an integer in [0, 2^32), got ${o.seed}`, o.seed);
  if (o.deadlineH !== undefined && !Number.isFinite(o.deadlineH))
    bad(`deadline ${o.deadlineH} is not a finite time`, o.deadlineH);
}

/**
 * Arrival distribution from the last known position, conditioned on the time already spent on the current
 * step. Quantiles, mean and histogram are in hours after timeline.departH (the position's time), like
 * simulateTimeline's; add them to departH for arrival times. Pure and deterministic for a seed.
 * @example
 * // departed on an 18-22 h crossing 20 h ago: arrival 20-22 h after departure, i.e. within 2 h from now
 * const r = conditionedArrival(
 *   { departH: 0, steps: [{ kind: 'travel', label: 'Aktau - Baku', duration: { dist: 'uniform', min: 18, max: 22 } }] },
 *   { samples: 10000, seed: 1, asOfH: 20 },
 * );
 * r.p50; // close to 21
 */
export function conditionedArrival(timeline: Timeline, options: ConditionedArrivalOptions): ConditionedArrival {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `maxAttempts must be a positive integer, got ${maxAttempts}`, [], {
      value: maxAttempts,
    });
  }
  if (!Number.isFinite(options.asOfH)) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `as-of time ${options.asOfH} is not a finite time`, [], {
      value: options.asOfH,
    });
  }
  const elapsedH = Math.max(0, options.asOfH - timeline.departH);
  const echo = { asOfH: options.asOfH, elapsedH, conditionedSamples: 0, fallbackSamples: 0, maxAttempts };
  const [first, ...later] = timeline.steps;
  const pace: Pace = { sigma: timeline.journeySigma ?? 0, pool: options.paceFactors };
  if ((elapsedH === 0 && pace.pool === undefined) || first === undefined) {
    // Nothing to condition on: the plain Monte Carlo, so the answer is the unconditioned one exactly.
    const mcOptions = {
      samples: options.samples,
      seed: options.seed,
      deadlineH: options.deadlineH,
      bins: options.bins,
    };
    return { ...simulateTimeline(timeline, mcOptions), ...echo };
  }
  checkSampling(options);
  checkTimeline(timeline);

  const { departH } = timeline;
  const bounded =
    pace.sigma === 0 && (first.departuresH ?? []).length === 0 && durationMaxH(first.duration) <= elapsedH;
  const pilot = PILOT_FACTOR * maxAttempts;
  const hopeless = elapsedH > 0 && (bounded || !pilotPasses(first, departH, elapsedH, pace, options.seed, pilot));
  const n = options.samples;
  const out = new Float64Array(n);
  // Each sample's journey factor: the whole remaining time is scaled by it, as simulateTimeline scales a journey.
  const paceOf = new Float64Array(n);
  const rng = new Rng(0);
  let conditioned = 0;
  let fallback = 0;
  for (let b = 0; b * BLOCK_SAMPLES < n; b++) {
    rng.reseed(streamSeed(options.seed, b));
    const start = b * BLOCK_SAMPLES;
    const end = Math.min(n, start + BLOCK_SAMPLES);
    for (let i = start; i < end; i++) {
      // The factor and the step are drawn together and kept when the paced step outlasts elapsedH: a step long
      // overdue thus also tells of a slow journey, and the steps after it are slowed with it.
      let stepH = -1;
      let f = 1;
      if (!hopeless) {
        for (let a = 0; a < maxAttempts; a++) {
          const g = journeyFactor(pace.sigma, rng, pace.pool);
          const x = stepTimeH(first, departH, rng);
          if (g * x > elapsedH || elapsedH === 0) {
            stepH = x;
            f = g;
            break;
          }
        }
      }
      if (stepH < 0) {
        f = journeyFactor(pace.sigma, rng, pace.pool);
        stepH = (elapsedH + FALLBACK_EPSILON_H) / f;
        fallback++;
      } else conditioned++;
      out[i] = stepH;
      paceOf[i] = f;
    }
    for (const step of later) {
      // `?? 0` on reads of out[start .. end): never taken
      if ((step.departuresH ?? []).length > 0) {
        for (let i = start; i < end; i++) {
          const t = out[i] ?? 0;
          out[i] = t + departureWaitH(step, departH + t, rng);
        }
      }
      for (let i = start; i < end; i++) out[i] = (out[i] ?? 0) + sampleDuration(step.duration, rng);
    }
    for (let i = start; i < end; i++) out[i] = (out[i] ?? 0) * (paceOf[i] ?? 1);
  }
  const deadline = options.deadlineH === undefined ? undefined : options.deadlineH - departH;
  const d = summariseTransitTimes(out, options.seed, deadline, options.bins ?? 30);
  return { ...d, ...echo, conditionedSamples: conditioned, fallbackSamples: fallback };
}
