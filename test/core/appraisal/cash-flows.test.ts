import { describe, expect, it } from 'vitest';
import { zeroBenefits } from '../../../src/core/appraisal/benefits.ts';
import { capexEur, carbonPriceEur, projectFlows } from '../../../src/core/appraisal/cash-flows.ts';
import type { Project } from '../../../src/core/appraisal/schema.ts';
import { PARAMS, PROJECT } from './fixtures.ts';

describe('cash flows', () => {
  it('follows the EIB carbon path, extended backwards along its line', () => {
    expect(carbonPriceEur(PARAMS, 2030)).toBe(250);
    expect(carbonPriceEur(PARAMS, 2040)).toBe(525);
    expect(carbonPriceEur(PARAMS, 2050)).toBe(800);
    // slope 27.5 a year: 250 - 3 * 27.5 = 167.5
    expect(carbonPriceEur(PARAMS, 2027)).toBeCloseTo(167.5, 10);
  });

  it('converts capex quoted in USD and KZT', () => {
    expect(
      capexEur(PARAMS, {
        ...PROJECT,
        capex: { ...(PROJECT.capex as NonNullable<Project['capex']>), currency: 'USD', value: 125 },
      }),
    ).toBeCloseTo(100, 10);
    // 62,500 KZT / 500 = 125 USD / 1.25 = 100 EUR
    expect(
      capexEur(PARAMS, {
        ...PROJECT,
        capex: { ...(PROJECT.capex as NonNullable<Project['capex']>), currency: 'KZT', value: 62500 },
      }),
    ).toBeCloseTo(100, 10);
  });

  it('phases capex, charges opex from opening, adds benefits and the residual value', () => {
    // 1 M USD/yr of user benefit = 0.8 M EUR; 1,000 t CO2e saved at the year's price
    const b = { ...zeroBenefits(), userUsd: 1e6, co2eSavedTonnes: 1000 };
    const f = projectFlows(PARAMS, PROJECT, [{ year: 2030, b }], 2027);
    expect(f.openingYear).toBe(2029);
    expect(Array.from(f.costsEur.slice(0, 3))).toEqual([500, 500, 10]);
    expect(f.userEur[1]).toBe(0);
    expect(f.userEur[2]).toBeCloseTo(0.8e6, 6);
    // 2029: 1,000 t * (250 - 27.5) EUR
    expect(f.carbonEur[2]).toBeCloseTo(222500, 6);
    // opens 2029, period ends 2036: 8 of 20 years used, 60 % of capex left
    expect(f.residualEur).toBeCloseTo(600, 10);
    expect(f.benefitsEur[9]).toBeCloseTo(0.8e6 + 1000 * carbonPriceEur(PARAMS, 2036) + 600, 6);
  });
});
