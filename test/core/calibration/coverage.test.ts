import { describe, expect, it } from 'vitest';
import {
  type BandPrediction,
  calibrationCurve,
  median,
  pitHistogram,
  summariseCoverage,
} from '../../../src/core/calibration/coverage.ts';

const band = (observedH: number, pit: number): BandPrediction => ({
  observedH,
  p5: 8,
  p10: 9,
  p50: 10,
  p90: 11,
  p95: 12,
  pit,
});

describe('coverage', () => {
  it('counts observations within each band and on each side', () => {
    const s = summariseCoverage([band(10, 0.5), band(8.5, 0.07), band(11.5, 0.93), band(20, 1)]);
    expect([s.n, s.in80, s.in90, s.below10, s.above90]).toEqual([4, 1, 3, 1, 2]);
    expect(s.coverage80).toBe(0.25);
    expect(s.medianWidth80H).toBe(2);
    expect(s.medianWidth90H).toBe(4);
    expect(s.medianRelativeWidth80).toBeCloseTo(0.2, 12);
  });
  it('bins PIT values and puts 1 in the last bin', () => {
    expect(pitHistogram([0, 0.05, 0.5, 0.99, 1], 10)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });
  it('draws the calibration curve from central bands', () => {
    expect(calibrationCurve([0.1, 0.5, 0.55, 0.9], [0.2, 0.8])).toEqual([0.5, 1]);
  });
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
