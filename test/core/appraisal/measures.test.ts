import { describe, expect, it } from 'vitest';
import { discountedPayback, indicators, internalRate, presentValue } from '../../../src/core/appraisal/measures.ts';

describe('CBA indicators', () => {
  it('discounts from year 0', () => {
    // -100 now, +110 next year at 10 %: -100 + 110 / 1.1 = 0
    expect(presentValue([-100, 110], 0.1)).toBeCloseTo(0, 10);
    // 0 + 100 / 1.05^2 = 90.7029...
    expect(presentValue([0, 0, 100], 0.05)).toBeCloseTo(100 / 1.1025, 10);
  });

  it('finds the internal rate, and none when the stream never changes sign', () => {
    expect(internalRate([-100, 110])).toBeCloseTo(0.1, 6);
    // -100, +60, +60: 60/(1+r) + 60/(1+r)^2 = 100 gives r = 0.130662...
    expect(internalRate([-100, 60, 60])).toBeCloseTo(0.1306623863, 6);
    expect(internalRate([-100, -10])).toBeNull();
    expect(internalRate([10, 10])).toBeNull();
  });

  it('pays back when the cumulative discounted flow turns non-negative for good', () => {
    // at 0 %: -100, -50, +50 (cum -100), +100 (cum 0) -> year 3
    expect(discountedPayback([-100, 50, 50, 100], 0)).toBe(2);
    expect(discountedPayback([-100, 10], 0)).toBeNull();
  });

  it('computes ENPV, B/C and switching values from benefits and costs', () => {
    // costs 100 in year 0; benefits 0, 60, 60 at 0 %: ENPV 20, B/C 1.2; +20 % on costs or -16.7 % on benefits
    const m = indicators([0, 60, 60], [100, 0, 0], 0, 2027);
    expect(m.enpvEur).toBeCloseTo(20, 10);
    expect(m.benefitCostRatio).toBeCloseTo(1.2, 10);
    expect(m.switchingValues.costs).toBeCloseTo(0.2, 10);
    expect(m.switchingValues.benefits).toBeCloseTo(20 / 120, 10);
    expect(m.paybackYear).toBe(2029);
    expect(m.eirr).toBeCloseTo(0.1306623863, 6);
  });

  it('gives no B/C without costs and no switching value without benefits', () => {
    const m = indicators([0, 0], [0, 0], 0.05, 2027);
    expect(m.benefitCostRatio).toBeNull();
    expect(m.switchingValues).toEqual({ costs: null, benefits: null });
  });
});
