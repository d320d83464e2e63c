/** A small parameter set and project for the appraisal tests, numbers chosen for hand arithmetic. */
import { ParametersSchema, type Project } from '../../../src/core/appraisal/schema.ts';

export const est = (value: number) => ({ value, estimate: 'a test value, an assumption' });
export const PARAMS = ParametersSchema.parse({
  priceYear: 2024,
  firstYear: 2027,
  socialDiscountRate: est(0.05),
  referencePeriodYears: est(10),
  usdPerEur: est(1.25),
  kztPerUsd: est(500),
  carbonPriceEurPerTonne: [
    { year: 2030, ...est(250) },
    { year: 2050, ...est(800) },
  ],
  reliabilityRatio: est(1),
  conversionFactor: est(1),
  opexShareOfCapexPerYear: est(0.01),
  risk: {
    capexFactor: { min: 0.9, mode: 1.1, max: 1.6, estimate: 'test draw, an assumption' },
    demandFactor: { sd: 0.25, estimate: 'test draw, an assumption' },
    carbonFactor: { min: 0.5, max: 1.5, estimate: 'test draw, an assumption' },
  },
});

export const PROJECT: Project = {
  id: 'p',
  name: 'test line',
  kind: 'rail-line',
  country: 'KZ',
  scenario: 's',
  capex: { value: 1000, currency: 'EUR', priceYear: 2024, estimate: 'test capex, an assumption' },
  phasing: [0.5, 0.5],
  serviceLifeYears: est(20),
  dependsOn: [],
  excludes: [],
};
