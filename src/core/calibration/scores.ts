/**
 * Scores of a predictive distribution given by samples against one observed value: the PIT (where the
 * observation falls in the prediction), band quantiles, and the log density used by the fit. Samples must be
 * sorted ascending; times in hours.
 */
import { KeruenError } from '../errors.ts';

function nonEmpty(sorted: ArrayLike<number>, where: string): void {
  if (sorted.length === 0) throw new KeruenError('KERUEN_INVALID_INPUT', `${where}: no samples`, [], { value: 0 });
}

/** Quantile p of sorted samples by linear interpolation between order statistics. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  nonEmpty(sorted, 'sortedQuantile');
  const x = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const i = Math.floor(x);
  const a = sorted[i] ?? 0;
  const b = sorted[Math.min(i + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (x - i);
}

/** Probability integral transform: share of samples below x, ties counted half (a point mass gives 0.5). */
export function pitOf(sorted: ArrayLike<number>, x: number): number {
  nonEmpty(sorted, 'pitOf');
  let below = 0;
  let equal = 0;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] ?? 0;
    if (s < x) below++;
    else if (s === x) equal++;
    else break;
  }
  return (below + equal / 2) / sorted.length;
}

/**
 * Log density at x of a Gaussian kernel estimate on log time. The bandwidth is Silverman's rule with a floor
 * of `minBandwidth` (log units): published times are rounded to whole days, so no prediction is sharper than
 * that for the fit.
 */
export function logDensity(sorted: ArrayLike<number>, x: number, minBandwidth: number): number {
  nonEmpty(sorted, 'logDensity');
  const n = sorted.length;
  const logs = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    logs[i] = Math.log(Math.max(sorted[i] ?? 0, 1e-6));
    mean += logs[i] ?? 0;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((logs[i] ?? 0) - mean) ** 2;
  const h = Math.max(minBandwidth, 1.06 * Math.sqrt(ss / n) * n ** -0.2);
  const lx = Math.log(x);
  let dens = 0;
  for (let i = 0; i < n; i++) dens += Math.exp(-0.5 * ((lx - (logs[i] ?? 0)) / h) ** 2);
  // density of log time, then of time (Jacobian 1/x); floor so one far miss cannot dominate the fit
  return Math.log(Math.max(dens / (n * h * Math.sqrt(2 * Math.PI)), 1e-12)) - lx;
}
