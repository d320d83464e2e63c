/**
 * Sensitivity and risk analysis of one project (EU CBA guide, AP7): the indicators again with capex +20 %, demand
 * (every benefit that comes from traffic) -20 %, the carbon price at zero and at +50 %, and at the other discount
 * rates of the parameters; and a Monte Carlo of the ENPV with capex, demand and carbon-price factors drawn from the
 * parameters' distributions by a seeded generator (the result echoes the seed and the number of draws).
 */
import { Rng } from '../reliability/rng.ts';
import { inverseNormalCdf } from '../reliability/samplers.ts';
import type { YearBenefits } from './benefits.ts';
import { type FlowFactors, projectFlows, UNIT_FACTORS } from './cash-flows.ts';
import { indicators } from './measures.ts';
import type { AppraisalParameters, Project } from './schema.ts';

export interface SensitivityRow {
  case: string;
  enpvEur: number;
  eirr: number | null;
  benefitCostRatio: number | null;
}

type Points = ReadonlyArray<{ year: number; b: YearBenefits }>;

function row(
  p: AppraisalParameters,
  pr: Project,
  pts: Points,
  start: number,
  name: string,
  f: FlowFactors,
  r: number,
): SensitivityRow {
  const fl = projectFlows(p, pr, pts, start, f);
  const m = indicators(fl.benefitsEur, fl.costsEur, r, p.firstYear);
  return { case: name, enpvEur: m.enpvEur, eirr: m.eirr, benefitCostRatio: m.benefitCostRatio };
}

/** The sensitivity table of a project starting construction in `start`. */
export function sensitivityTable(p: AppraisalParameters, pr: Project, pts: Points, start: number): SensitivityRow[] {
  const r = p.socialDiscountRate.value;
  const rows = [
    row(p, pr, pts, start, 'base', UNIT_FACTORS, r),
    row(p, pr, pts, start, 'capex +20%', { ...UNIT_FACTORS, capex: 1.2 }, r),
    row(p, pr, pts, start, 'demand -20%', { ...UNIT_FACTORS, demand: 0.8 }, r),
    row(p, pr, pts, start, 'carbon price 0', { ...UNIT_FACTORS, carbon: 0 }, r),
    row(p, pr, pts, start, 'carbon price +50%', { ...UNIT_FACTORS, carbon: 1.5 }, r),
  ];
  for (const d of p.discountRateSensitivities)
    rows.push(row(p, pr, pts, start, `discount rate ${(d.value * 100).toFixed(0)}%`, UNIT_FACTORS, d.value));
  return rows;
}

/** A draw from the triangular distribution (min, mode, max) by inversion. */
export function triangular(u: number, min: number, mode: number, max: number): number {
  const c = (mode - min) / (max - min);
  return u < c
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

export interface RiskResult {
  seed: number;
  samples: number;
  draws: number;
  meanEnpvEur: number;
  p10EnpvEur: number;
  p50EnpvEur: number;
  p90EnpvEur: number;
  /** Share of draws with a negative ENPV. */
  probabilityNegative: number;
}

/** Monte Carlo of the ENPV: `samples` draws of (capex, demand, carbon) factors, three uniforms each. */
export function riskAnalysis(
  p: AppraisalParameters,
  pr: Project,
  pts: Points,
  start: number,
  samples: number,
  seed: number,
): RiskResult {
  const rng = new Rng(seed);
  const r = p.socialDiscountRate.value;
  const k = p.risk;
  const enpv = new Float64Array(samples);
  let neg = 0;
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    const capex = triangular(rng.uniform(), k.capexFactor.min, k.capexFactor.mode, k.capexFactor.max);
    const u = Math.min(Math.max(rng.uniform(), 1e-12), 1 - 1e-12);
    const demand = Math.exp(k.demandFactor.sd * inverseNormalCdf(u));
    const carbon = k.carbonFactor.min + rng.uniform() * (k.carbonFactor.max - k.carbonFactor.min);
    const fl = projectFlows(p, pr, pts, start, { capex, demand, carbon });
    const v = indicators(fl.benefitsEur, fl.costsEur, r, p.firstYear).enpvEur;
    enpv[i] = v;
    sum += v;
    if (v < 0) neg++;
  }
  enpv.sort();
  const q = (f: number) => (samples === 0 ? 0 : (enpv[Math.min(samples - 1, Math.floor(f * samples))] as number));
  return {
    seed,
    samples,
    draws: samples * 3,
    meanEnpvEur: samples === 0 ? 0 : sum / samples,
    p10EnpvEur: q(0.1),
    p50EnpvEur: q(0.5),
    p90EnpvEur: q(0.9),
    probabilityNegative: samples === 0 ? 0 : neg / samples,
  };
}
