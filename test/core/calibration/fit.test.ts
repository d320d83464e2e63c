import { describe, expect, it } from 'vitest';
import { type CalibrationCase, fitCalibration, predictCase } from '../../../src/core/calibration/fit.ts';
import { sortedQuantile } from '../../../src/core/calibration/scores.ts';
import { cases, opts } from './fixtures.ts';

describe('fitCalibration', () => {
  it('recovers the median factor and sigma of a simulated port dwell', () => {
    const fit = fitCalibration(cases, opts);
    const p = fit.params['caspian-port'];
    expect(p?.medianFactor).toBeGreaterThan(0.4);
    expect(p?.medianFactor).toBeLessThan(0.62);
    const s = predictCase(cases[0] as CalibrationCase, fit.params, 8000, 5);
    const ratio = sortedQuantile(s, 0.9) / sortedQuantile(s, 0.5);
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.5);
    expect(fit.support['caspian-port']).toBe(40);
  });
});
