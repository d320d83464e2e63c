/**
 * Honest bands for figures that rest on estimates only. A figure no source prints (an `estimate:` in the
 * dataset) is drawn at least as wide as a lognormal with P90/P50 = ESTIMATE_MIN_SPREAD, keeping its median:
 * a fixed 24 h estimate becomes lognormal(p50 24, p90 33.6). Narrower estimated laws are widened the same way;
 * wider ones and sourced figures are left alone.
 *
 * Why 1.4: the spread of the same sourced time from one year to the next is of that order. CAREC CPMM rail
 * border time for Kazakhstan went 48.6 → 57.2 → 67.4 → 69.7 h over 2020–2023 (max/min 1.43); PRC 83.8 → 35.4 →
 * 14.4 h; Georgia road 3.6 → 34.8 h (data/sources O1, O2, O4, O33). An estimate borrowed from another place or
 * year cannot be closer than that. The widened lognormal's mean is 3.5% above its median (exp(sigma^2 / 2)
 * with sigma = ln 1.4 / z0.90 = 0.263).
 */
import type { DistributionSpec, Duration, SourceRef } from '../network/figure.ts';
import type { TimelineProvenance } from './timeline.ts';

/** Minimum P90/P50 of a duration that rests on an estimate only. */
export const ESTIMATE_MIN_SPREAD = 1.4;

/** P50 and P90 of a duration spec (exact for every kind the samplers draw; empirical by its order statistics). */
export function medianAndP90(d: DistributionSpec): { p50: number; p90: number } {
  switch (d.dist) {
    case 'fixed':
      return { p50: d.value, p90: d.value };
    case 'uniform':
      return { p50: (d.min + d.max) / 2, p90: d.min + 0.9 * (d.max - d.min) };
    case 'triangular': {
      const w = d.max - d.min;
      const q = (p: number) => {
        if (w === 0) return d.min;
        const fc = (d.mode - d.min) / w;
        return p < fc ? d.min + Math.sqrt(p * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - p) * w * (d.max - d.mode));
      };
      return { p50: q(0.5), p90: q(0.9) };
    }
    case 'lognormal':
      return { p50: d.p50, p90: d.p90 };
    case 'empirical': {
      const xs = [...d.sample].sort((a, b) => a - b);
      const at = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
      return { p50: at(0.5), p90: at(0.9) };
    }
  }
}

/**
 * The spec drawn for a step: as given when sourced, else at least ESTIMATE_MIN_SPREAD wide (see the header).
 * A zero stays zero: there is nothing to spread.
 * @example widenEstimate({ dist: 'fixed', value: 24 }, 'estimated') // { dist: 'lognormal', p50: 24, p90: 33.6 }
 */
export function widenEstimate(d: DistributionSpec, provenance: TimelineProvenance): DistributionSpec {
  if (provenance !== 'estimated' || d.dist === 'empirical') return d;
  const { p50, p90 } = medianAndP90(d);
  if (!(p50 > 0) || p90 >= p50 * ESTIMATE_MIN_SPREAD) return d;
  return { dist: 'lognormal', p50, p90: p50 * ESTIMATE_MIN_SPREAD };
}

/**
 * A figure's provenance in the dataset: sourced when it cites a source (alone, or with the arithmetic that
 * derives it from the source: docs/data.md), estimated when it rests on reasoning only, missing when absent.
 */
export function provenanceOf(
  f: { source?: SourceRef | undefined; estimate?: string | undefined } | undefined,
): TimelineProvenance {
  if (f?.source !== undefined) return 'sourced';
  return f?.estimate !== undefined ? 'estimated' : 'missing';
}

/** The source ids a figure cites, as a list. */
export function sourceIdsOf(f: { source?: SourceRef | undefined } | undefined): string[] {
  const s = f?.source;
  return s === undefined ? [] : typeof s === 'string' ? [s] : [...s];
}

/** The sampler's spec of a dataset duration (provenance fields dropped), or a fixed fallback when absent. */
export function specOf(d: Duration | undefined, fallbackH: number): DistributionSpec {
  if (d === undefined) return { dist: 'fixed', value: fallbackH };
  const { source: _s, estimate: _e, year: _y, note: _n, unit: _u, ...rest } = d as Duration & Record<string, unknown>;
  return rest as DistributionSpec;
}
