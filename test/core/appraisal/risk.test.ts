import { describe, expect, it } from 'vitest';
import { zeroBenefits } from '../../../src/core/appraisal/benefits.ts';
import { riskAnalysis, sensitivityTable, triangular } from '../../../src/core/appraisal/risk.ts';
import { PARAMS, PROJECT } from './fixtures.ts';

const pts = [{ year: 2030, b: { ...zeroBenefits(), userUsd: 300 } }];

describe('sensitivity and risk', () => {
  it('draws the triangular distribution within its bounds, at its mode where the CDF says', () => {
    expect(triangular(0, 1, 2, 4)).toBe(1);
    expect(triangular(1, 1, 2, 4)).toBe(4);
    // F(mode) = (mode - min) / (max - min) = 1/3
    expect(triangular(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12);
  });

  it('moves the ENPV the right way in each sensitivity case', () => {
    const rows = new Map(sensitivityTable(PARAMS, PROJECT, pts, 2027).map((r) => [r.case, r.enpvEur]));
    const base = rows.get('base') as number;
    expect(rows.get('capex +20%')).toBeLessThan(base);
    expect(rows.get('demand -20%')).toBeLessThan(base);
    // no CO2e in these benefits: the carbon cases change nothing
    expect(rows.get('carbon price 0')).toBeCloseTo(base, 6);
  });

  it('is reproducible from its seed and echoes it', () => {
    const a = riskAnalysis(PARAMS, PROJECT, pts, 2027, 500, 7);
    const b = riskAnalysis(PARAMS, PROJECT, pts, 2027, 500, 7);
    const c = riskAnalysis(PARAMS, PROJECT, pts, 2027, 500, 8);
    expect(a).toEqual(b);
    expect(a.meanEnpvEur).not.toBe(c.meanEnpvEur);
    expect(a).toMatchObject({ seed: 7, samples: 500, draws: 1500 });
    expect(a.p10EnpvEur).toBeLessThanOrEqual(a.p50EnpvEur);
    expect(a.p50EnpvEur).toBeLessThanOrEqual(a.p90EnpvEur);
    expect(a.probabilityNegative).toBeGreaterThanOrEqual(0);
    expect(a.probabilityNegative).toBeLessThanOrEqual(1);
  });
});
