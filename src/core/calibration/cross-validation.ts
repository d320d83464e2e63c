/**
 * K-fold cross-validation of the calibration: each journey is predicted with parameters fitted on the other
 * folds only, so its PIT and band say how the method does on a journey it has not seen. Folds are a seeded
 * shuffle, so the result is reproducible.
 */
import { Rng } from '../reliability/rng.ts';
import type { CalibrationParams } from './calibrated-timeline.ts';
import type { BandPrediction } from './coverage.ts';
import { type CalibrationCase, type FitOptions, fitCalibration, predictCase } from './fit.ts';
import { pitOf, sortedQuantile } from './scores.ts';

export interface CasePrediction extends BandPrediction {
  id: string;
}

/** Fold index (0 … k-1) of each of n items: a seeded shuffle dealt round-robin. */
export function foldsOf(n: number, k: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const fold = new Array<number>(n).fill(0);
  order.forEach((item, pos) => {
    fold[item] = pos % k;
  });
  return fold;
}

/** Band quantiles and PIT of a case under parameters, from `samples` simulated transit times. */
export function bandOf(c: CalibrationCase, params: CalibrationParams, samples: number, seed: number): CasePrediction {
  const s = predictCase(c, params, samples, seed);
  const q = (p: number) => sortedQuantile(s, p);
  return {
    id: c.id,
    observedH: c.observedH,
    p5: q(0.05),
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    pit: pitOf(s, c.observedH),
  };
}

export interface CrossValidation {
  predictions: CasePrediction[];
  foldParams: CalibrationParams[];
}

/** Predicts every case from a fit on the other k-1 folds; `evalSamples` draws per prediction. */
export function crossValidate(
  cases: readonly CalibrationCase[],
  k: number,
  seed: number,
  fit: FitOptions,
  evalSamples: number,
): CrossValidation {
  const fold = foldsOf(cases.length, k, seed);
  const predictions: CasePrediction[] = new Array(cases.length);
  const foldParams: CalibrationParams[] = [];
  for (let f = 0; f < k; f++) {
    const train = cases.filter((_, i) => fold[i] !== f);
    const { params } = fitCalibration(train, fit);
    foldParams.push(params);
    cases.forEach((c, i) => {
      if (fold[i] === f) predictions[i] = bandOf(c, params, evalSamples, fit.seed);
    });
  }
  return { predictions, foldParams };
}
