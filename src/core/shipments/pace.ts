/**
 * What the time a shipment has already taken tells of its pace. A calibrated journey's transit time is its
 * steps' times, drawn independently, times one journey factor F, lognormal with median 1 and log-sd sigma
 * (reliability/journey-factor.ts). The steps done so far took A hours; for each draw S of their unpaced time,
 * F = A / S, and its weight is the prior density of ln F, phi(ln(A / S) / sigma): that is the posterior of F under
 * the model (the likelihood of A given S is F's lognormal density at A / S, whose 1 / A is common to all draws).
 * The weighted draws are resampled (systematic resampling) into an equally weighted pool of factors that the
 * conditioned arrival draws from, so a shipment running late is predicted to keep running late, and one on time
 * narrows its band.
 */
import { Rng, streamSeed } from '../reliability/rng.ts';
import type { Timeline } from '../reliability/timeline.ts';
import { stepTimeH } from './step-draws.ts';

/** Sub-stream of the pace draws (distinct from the Monte Carlo's blocks and the conditioned arrival's pilot). */
const PACE_STREAM = 0x70616365;

export interface PaceEvidence {
  /** The steps done, unpaced, from the planned departure. */
  done: Timeline;
  /** Hours they actually took: the last position's time minus the planned departure. */
  observedH: number;
}

export interface PacePosterior {
  /** Journey factors drawn from the posterior, equally weighted. */
  factors: Float64Array;
  /** The posterior median factor: above 1 when the shipment runs slower than planned. */
  median: number;
  /** Kish's effective sample size of the weights: small when the observed time is far in the model's tail. */
  effectiveSamples: number;
}

/** The posterior pool of `n` journey factors, or undefined when nothing is known yet (no step done, no sigma). */
export function pacePosterior(e: PaceEvidence, sigma: number, n: number, seed: number): PacePosterior | undefined {
  if (!(sigma > 0) || e.done.steps.length === 0 || !(e.observedH > 0)) return undefined;
  const rng = new Rng(streamSeed(seed, PACE_STREAM));
  const f = new Float64Array(n);
  const logW = new Float64Array(n);
  let maxLogW = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const step of e.done.steps) s += stepTimeH(step, e.done.departH + s, rng);
    const fi = s > 0 ? e.observedH / s : Number.NaN;
    const z = Math.log(fi) / sigma;
    f[i] = fi;
    logW[i] = Number.isFinite(z) ? -0.5 * z * z : Number.NEGATIVE_INFINITY;
    if ((logW[i] ?? 0) > maxLogW) maxLogW = logW[i] ?? 0;
  }
  if (!Number.isFinite(maxLogW)) return undefined;
  const w = logW.map((x) => Math.exp(x - maxLogW));
  const factors = resample(f, w, rng.uniform());
  const sorted = Float64Array.from(factors).sort();
  return { factors, median: sorted[n >> 1] ?? 1, effectiveSamples: kish(w) };
}

/** Systematic resampling: n values of `x` drawn in proportion to `w`, with one uniform offset u. */
function resample(x: Float64Array, w: Float64Array, u: number): Float64Array {
  const n = x.length;
  const total = w.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n);
  let j = 0;
  let cum = (w[0] ?? 0) / total;
  for (let k = 0; k < n; k++) {
    const target = (u + k) / n;
    while (cum < target && j < n - 1) {
      j++;
      cum += (w[j] ?? 0) / total;
    }
    out[k] = x[j] ?? 1;
  }
  return out;
}

function kish(w: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (const x of w) {
    s += x;
    s2 += x * x;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}
