/** Order statistics of timing samples (milliseconds), nearest-rank definition. */

/** The q-quantile (0..1) of the samples by nearest rank; NaN when there are none. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(samples).sort();
  if (a.length === 0) return Number.NaN;
  const rank = Math.min(a.length - 1, Math.max(0, Math.ceil(q * a.length) - 1));
  return a[rank] ?? Number.NaN;
}

export const median = (samples: ArrayLike<number>): number => quantile(samples, 0.5);

/** The median of each column of `runs` (one row per repeat, one column per query): each query's own median. */
export function columnMedians(runs: readonly (readonly number[])[]): number[] {
  const [first = []] = runs;
  return first.map((_, i) => median(runs.map((ts) => ts[i] ?? Number.NaN)));
}

export function mean(samples: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < samples.length; i++) s += samples[i] ?? 0;
  return samples.length === 0 ? Number.NaN : s / samples.length;
}

/** Rounds for printing and JSON, keeping `digits` significant decimals. */
export const round = (x: number, digits = 3): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
