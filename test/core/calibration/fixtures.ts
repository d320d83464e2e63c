import { FACILITY_CLASSES, type FacilityClass } from '../../../src/core/calibration/facility-class.ts';
import type { CalibrationCase, FitOptions } from '../../../src/core/calibration/fit.ts';
import { Rng } from '../../../src/core/reliability/rng.ts';
import { inverseNormalCdf } from '../../../src/core/reliability/samplers.ts';

// Synthetic journeys: 40 h of fixed travel plus a port dwell the data puts at median 48 h; the "observed" times
// come from a dwell with median 24 h and sigma 0.5. The fit must find a factor near 0.5 and the spread of the
// total (P90 / P50 = (40 + 24 e^(0.5 z90)) / 64 = 1.34), which the dwell sigma and the journey factor share.
const rng = new Rng(7);
export const cases: CalibrationCase[] = Array.from({ length: 40 }, (_, i) => {
  const dwell = 24 * Math.exp(0.5 * inverseNormalCdf(Math.min(0.999, Math.max(0.001, rng.uniform()))));
  return {
    id: `c${i}`,
    timeline: {
      departH: 0,
      steps: [
        { kind: 'travel', label: 't', duration: { dist: 'fixed', value: 40 } },
        { kind: 'dwell', label: 'd', duration: { dist: 'lognormal', p50: 48, p90: 168 } },
      ],
    },
    classes: [undefined, 'caspian-port'],
    observedH: 40 + dwell,
  };
});
export const priorSigma = Object.fromEntries(FACILITY_CLASSES.map((k) => [k, 0.8])) as Record<FacilityClass, number>;
export const opts: FitOptions = { samples: 400, seed: 3, priorSigma, priorScale: 1, minBandwidth: 0.02 };
