/**
 * A project's yearly economic flows over the reference period (EU CBA guide, AP7): capex by its phasing from the
 * construction start, opex (given, or a share of capex) from opening, benefits from opening (user and reliability
 * benefits converted from USD, CO2e at the EIB shadow price of the year), and the residual value in the last year:
 * the straight-line share of capex whose service life is left at the end of the period (an assumption stated in
 * docs/appraisal.md; the guide's own rule could not be read). Constant prices of the parameters' price year:
 * costs quoted in 2024 or 2025 prices are not deflated against each other (a difference of a few percent).
 */
import { interpolateBenefits, type YearBenefits } from './benefits.ts';
import type { AppraisalParameters, Project } from './schema.ts';

/** EIB shadow cost of carbon in `year`, EUR per tonne: linear through the path's points, extended at both ends. */
export function carbonPriceEur(p: AppraisalParameters, year: number): number {
  const pts = [...p.carbonPriceEurPerTonne].sort((a, b) => a.year - b.year);
  let i = 1;
  while (i < pts.length - 1 && year > (pts[i] as { year: number }).year) i++;
  const lo = pts[i - 1] as { year: number; value: number };
  const hi = pts[i] as { year: number; value: number };
  const v = lo.value + ((hi.value - lo.value) * (year - lo.year)) / (hi.year - lo.year);
  return Math.max(0, v);
}

/** Capex in EUR at the parameters' exchange rates; throws for a project without capex (checked by the caller). */
export function capexEur(p: AppraisalParameters, project: Project): number {
  const c = project.capex;
  if (c === undefined) return 0;
  if (c.currency === 'EUR') return c.value;
  if (c.currency === 'USD') return c.value / p.usdPerEur.value;
  return c.value / p.kztPerUsd.value / p.usdPerEur.value;
}

export interface FlowFactors {
  capex: number;
  demand: number;
  carbon: number;
}
export const UNIT_FACTORS: FlowFactors = { capex: 1, demand: 1, carbon: 1 };

export interface ProjectFlows {
  /** Calendar year of index 0. */
  firstYear: number;
  openingYear: number;
  costsEur: Float64Array;
  benefitsEur: Float64Array;
  /** Components by year, EUR (benefits) for the appraisal sheet. */
  userEur: Float64Array;
  reliabilityEur: Float64Array;
  carbonEur: Float64Array;
  residualEur: number;
}

/**
 * Yearly flows of a project whose construction starts in `startYear`, from the benefits modelled at a few years
 * (interpolated between them). `f` scales capex, benefits from demand, and the carbon price (sensitivity, risk).
 */
export function projectFlows(
  p: AppraisalParameters,
  project: Project,
  points: ReadonlyArray<{ year: number; b: YearBenefits }>,
  startYear: number,
  f: FlowFactors = UNIT_FACTORS,
): ProjectFlows {
  const n = Math.round(p.referencePeriodYears.value);
  const first = p.firstYear;
  const capex = capexEur(p, project) * p.conversionFactor.value * f.capex;
  const phasing = project.phasing ?? [1];
  const opening = startYear + phasing.length;
  const opex = project.opexEurPerYear?.value ?? capex * p.opexShareOfCapexPerYear.value;
  const usdToEur = 1 / p.usdPerEur.value;
  const costs = new Float64Array(n);
  const benefits = new Float64Array(n);
  const user = new Float64Array(n);
  const rel = new Float64Array(n);
  const carbon = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const year = first + t;
    const k = year - startYear;
    if (k >= 0 && k < phasing.length) costs[t] = capex * (phasing[k] as number);
    if (year < opening) continue;
    costs[t] = (costs[t] as number) + opex;
    const b = interpolateBenefits(points, year);
    user[t] = b.userUsd * usdToEur * f.demand;
    rel[t] = b.reliabilityUsd * usdToEur * f.demand;
    carbon[t] = b.co2eSavedTonnes * f.demand * carbonPriceEur(p, year) * f.carbon;
    benefits[t] = (user[t] as number) + (rel[t] as number) + (carbon[t] as number);
  }
  const life = project.serviceLifeYears?.value ?? n;
  const usedYears = Math.max(0, first + n - opening);
  const residual = opening < first + n ? capex * Math.max(0, 1 - usedYears / life) : capex;
  benefits[n - 1] = (benefits[n - 1] as number) + residual;
  return {
    firstYear: first,
    openingYear: opening,
    costsEur: costs,
    benefitsEur: benefits,
    userEur: user,
    reliabilityEur: rel,
    carbonEur: carbon,
    residualEur: residual,
  };
}
