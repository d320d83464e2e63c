/**
 * Fits the pooled calibration parameters (a median factor and a sigma per facility type) to observed journey
 * times by maximum a posteriori: the log-likelihood of each observed time under the simulated predictive
 * distribution (kernel density, calibration/scores.ts), plus a weak lognormal prior that keeps a type's
 * parameters near the dataset's figures when few journeys inform them. Coordinate descent on the log
 * parameters with halving steps; common random numbers (one seed) keep the objective smooth and the result
 * reproducible.
 */
import { compileTimeline, sampleTransitTimes } from '../reliability/monte-carlo.ts';
import type { Timeline } from '../reliability/timeline.ts';
import { applyJourneyFactor, type CalibrationParams, calibrateTimeline, medianOf } from './calibrated-timeline.ts';
import { FACILITY_CLASSES, type FacilityClass, journeyClassOf, WAIT_CLASSES } from './facility-class.ts';
import { logDensity } from './scores.ts';

export interface CalibrationCase {
  id: string;
  timeline: Timeline;
  /** Facility type of each timeline step (classifySteps). */
  classes: readonly (FacilityClass | undefined)[];
  /** Observed transit time, hours (the middle of a published range). */
  observedH: number;
  /** A first or showcase train (the 'inaugural' factor applies). */
  inaugural?: boolean;
}

export interface FitOptions {
  samples: number;
  seed: number;
  /** Prior sigma of every type, by type (log units); the prior median factor is 1. */
  priorSigma: Readonly<Record<FacilityClass, number>>;
  /** Prior standard deviation of the log parameters. */
  priorScale: number;
  /** Kernel bandwidth floor, log units (scores.ts logDensity). */
  minBandwidth: number;
}

export interface FitResult {
  params: CalibrationParams;
  /** Journeys that inform each fitted type. */
  support: Partial<Record<FacilityClass, number>>;
  objective: number;
  evaluations: number;
}

/** Sorted simulated transit times of a case under the parameters. */
export function predictCase(c: CalibrationCase, params: CalibrationParams, samples: number, seed: number) {
  const t = calibrateTimeline(c.timeline, c.classes, params, c.inaugural ?? false);
  const times = sampleTransitTimes(compileTimeline(t), seed, samples);
  return applyJourneyFactor(times, params[journeyClassOf(c.classes)]?.sigma ?? 0, seed).sort();
}

/** Types that have at least one step with a positive median in the case. */
function typesOf(c: CalibrationCase): Set<FacilityClass> {
  const out = new Set<FacilityClass>([journeyClassOf(c.classes)]);
  c.classes.forEach((k, i) => {
    const s = c.timeline.steps[i];
    if (k !== undefined && s !== undefined && medianOf(s.duration) > 0) {
      out.add(k);
      if (c.inaugural && WAIT_CLASSES.has(k)) out.add('inaugural');
    }
  });
  return out;
}

type Coord = { cls: FacilityClass; field: 'medianFactor' | 'sigma' };

export function fitCalibration(cases: readonly CalibrationCase[], o: FitOptions): FitResult {
  const types = cases.map(typesOf);
  const support: Partial<Record<FacilityClass, number>> = {};
  for (const ts of types) for (const k of ts) support[k] = (support[k] ?? 0) + 1;
  const fitted = FACILITY_CLASSES.filter((k) => (support[k] ?? 0) > 0);
  const params: CalibrationParams = {};
  for (const k of fitted) params[k] = { medianFactor: 1, sigma: o.priorSigma[k] };
  let evaluations = 0;
  const score = (i: number) => {
    evaluations++;
    const c = cases[i] as CalibrationCase;
    return -logDensity(predictCase(c, params, o.samples, o.seed), c.observedH, o.minBandwidth);
  };
  const nll = cases.map((_, i) => score(i));
  const prior = (k: FacilityClass) => {
    const p = params[k];
    if (p === undefined) return 0;
    const a = Math.log(p.medianFactor) / o.priorScale;
    const b = Math.log(p.sigma / o.priorSigma[k]) / o.priorScale;
    return (a * a + b * b) / 2;
  };
  // the journey factor keeps median 1 (only its spread is fitted); the inaugural factor has no spread of its own
  const coords: Coord[] = fitted.flatMap((cls): Coord[] =>
    cls === 'journey' || cls === 'journey-sea'
      ? [{ cls, field: 'sigma' }]
      : cls === 'inaugural'
        ? [{ cls, field: 'medianFactor' }]
        : [
            { cls, field: 'medianFactor' as const },
            { cls, field: 'sigma' as const },
          ],
  );
  for (const step of [0.4, 0.2, 0.1, 0.05]) {
    for (let sweep = 0; sweep < 2; sweep++) {
      let moved = false;
      for (const { cls, field } of coords) moved = tryCoordinate(cls, field, step) || moved;
      if (!moved) break;
    }
  }
  const objective = nll.reduce((a, b) => a + b, 0) + fitted.reduce((a, k) => a + prior(k), 0);
  return { params, support, objective, evaluations };

  /** Moves one log parameter by ±step when that lowers the local objective (its journeys plus its prior). */
  function tryCoordinate(cls: FacilityClass, field: Coord['field'], step: number): boolean {
    const p = params[cls] as { medianFactor: number; sigma: number };
    const idx = types.flatMap((ts, i) => (ts.has(cls) ? [i] : []));
    const local = () => idx.reduce((a, i) => a + (nll[i] ?? 0), 0) + prior(cls);
    let best = local();
    const start = p[field];
    let moved = false;
    for (const dir of [1, -1]) {
      const old = p[field];
      const saved = idx.map((i) => nll[i] ?? 0);
      p[field] = start * Math.exp(dir * step);
      for (const i of idx) nll[i] = score(i);
      const v = local();
      if (v < best - 1e-9) {
        best = v;
        moved = true;
        break;
      }
      p[field] = old;
      idx.forEach((i, j) => {
        nll[i] = saved[j] ?? 0;
      });
    }
    return moved;
  }
}
