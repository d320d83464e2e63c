/**
 * The calibration layer: pooled parameters per facility type turn a router timeline into a calibrated one. A
 * step of a calibrated type becomes a lognormal whose median is the step's own median times the type's factor
 * and whose spread is the type's sigma. Factors multiply the dataset's figures rather than replace them, so the
 * differences between places that the sources give survive the pooling.
 */
import { KeruenError } from '../errors.ts';
import type { DistributionSpec } from '../network/figure.ts';
import { Z90 } from '../reliability/samplers.ts';
import type { Timeline } from '../reliability/timeline.ts';
import { type FacilityClass, WAIT_CLASSES } from './facility-class.ts';

export interface ClassParams {
  /** Multiplies the step's median. */
  medianFactor: number;
  /** Log-standard deviation of the calibrated lognormal. */
  sigma: number;
}

export type CalibrationParams = Partial<Record<FacilityClass, ClassParams>>;

/** Types that rescale no step: the journey factors and the inaugural factor. */
const NOT_STEPS: ReadonlySet<FacilityClass> = new Set(['journey', 'journey-sea', 'inaugural']);

/** Median of a duration distribution, hours. */
export function medianOf(d: DistributionSpec): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular': {
      const w = d.max - d.min;
      if (w === 0) return d.min;
      const half = w * (d.mode - d.min);
      return d.mode - d.min >= w / 2 ? d.min + Math.sqrt(half / 2) : d.max - Math.sqrt((w * (d.max - d.mode)) / 2);
    }
    case 'lognormal':
      return d.p50;
    case 'empirical': {
      const s = [...d.sample].sort((a, b) => a - b);
      return s[Math.floor((s.length - 1) / 2)] ?? 0;
    }
  }
}

function check(c: FacilityClass, p: ClassParams): void {
  if (!(p.medianFactor > 0 && Number.isFinite(p.medianFactor)) || !(p.sigma >= 0 && Number.isFinite(p.sigma))) {
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `calibration ${c}: medianFactor ${p.medianFactor} must be > 0 and sigma ${p.sigma} >= 0`,
      [],
      { value: p },
    );
  }
}

/**
 * The timeline with every step of a calibrated type redrawn; `classes` is aligned with the steps. For an
 * inaugural or showcase train the port, border and gauge-change medians also take the 'inaugural' factor.
 */
export function calibrateTimeline(
  t: Timeline,
  classes: readonly (FacilityClass | undefined)[],
  params: CalibrationParams,
  inaugural = false,
): Timeline {
  const showcase = inaugural ? params.inaugural : undefined;
  if (showcase) check('inaugural', showcase);
  const steps = t.steps.map((s, i) => {
    const c = classes[i];
    const p = c === undefined || NOT_STEPS.has(c) ? undefined : params[c];
    if (c === undefined || p === undefined) return s;
    check(c, p);
    const f = showcase && WAIT_CLASSES.has(c) ? showcase.medianFactor : 1;
    const m = medianOf(s.duration) * p.medianFactor * f;
    if (!(m > 0)) return s;
    return { ...s, duration: { dist: 'lognormal', p50: m, p90: m * Math.exp(p.sigma * Z90) } as DistributionSpec };
  });
  return { ...t, steps };
}

export { applyJourneyFactor } from '../reliability/journey-factor.ts';
