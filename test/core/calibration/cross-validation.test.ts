import { describe, expect, it } from 'vitest';
import { crossValidate, foldsOf } from '../../../src/core/calibration/cross-validation.ts';
import { cases, opts } from './fixtures.ts';

describe('cross-validation', () => {
  it('deals balanced, reproducible folds', () => {
    const f = foldsOf(23, 5, 16);
    expect(f).toEqual(foldsOf(23, 5, 16));
    const sizes = [0, 1, 2, 3, 4].map((k) => f.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
  it('predicts every case from a fit on the other folds, and the bands cover about as they claim', () => {
    const cv = crossValidate(cases, 4, 16, opts, 1000);
    expect(cv.foldParams).toHaveLength(4);
    expect(cv.predictions.map((p) => p.id)).toEqual(cases.map((c) => c.id));
    const inside = cv.predictions.filter((p) => p.observedH >= p.p10 && p.observedH <= p.p90).length;
    expect(inside / cases.length).toBeGreaterThan(0.6);
    expect(inside / cases.length).toBeLessThan(0.95);
  });
});
