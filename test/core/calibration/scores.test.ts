import { describe, expect, it } from 'vitest';
import { logDensity, pitOf, sortedQuantile } from '../../../src/core/calibration/scores.ts';

const s = Float64Array.from([10, 20, 30, 40, 50]);

describe('scores', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(sortedQuantile(s, 0)).toBe(10);
    expect(sortedQuantile(s, 0.5)).toBe(30);
    expect(sortedQuantile(s, 0.625)).toBe(35);
    expect(sortedQuantile(s, 1)).toBe(50);
  });
  it('gives the PIT with ties counted half', () => {
    expect(pitOf(s, 5)).toBe(0);
    expect(pitOf(s, 30)).toBe(0.5);
    expect(pitOf(s, 35)).toBe(0.6);
    expect(pitOf(s, 99)).toBe(1);
    expect(pitOf(Float64Array.from([7, 7, 7]), 7)).toBe(0.5);
  });
  it('scores an observation at the centre higher than one in the tail', () => {
    expect(logDensity(s, 30, 0.05)).toBeGreaterThan(logDensity(s, 80, 0.05));
    expect(logDensity(s, 30, 0.05)).toBeGreaterThan(logDensity(s, 3, 0.05));
  });
  it('refuses an empty sample', () => {
    expect(() => pitOf(new Float64Array(0), 1)).toThrow(/no samples/);
  });
});
