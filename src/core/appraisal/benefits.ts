/**
 * One year's economic benefits of a project from two equilibrium assignments on the same demand: without the
 * project (the do-minimum) and with it, both with one cost of not shipping per pair (appraise.ts gives the
 * project's run the do-minimum's). Per origin–destination pair and commodity (the EU CBA guide's consumer surplus,
 * AP7; World Bank TRN-6, AP19):
 * - user benefit: demand times the fall in the shippers' expected perceived cost per unit (OdKpi.userCostUsdPerUnit:
 *   the nested logit logsum for a logit class, the cheaper of the cheapest route and not shipping otherwise). With
 *   a fixed demand that may choose not to ship at the choke price, this is the exact change in consumer surplus: it
 *   covers shifted and induced demand (units that ship with the project and not without gain the choke price less
 *   their cost). A pair with no route in one run (a new connection) has no logsum there: its generated traffic is
 *   valued by the rule of a half at the choke price, (P - g1) * Q1 / 2, the willingness to pay between the two
 *   being unknown;
 * - the rule of a half on the mean generalised cost of the served volume, (g0 - g1)(Q0 + Q1)/2, a pair unserved in
 *   one run at the choke price (the larger penalty of the two runs): the classical cross-check (userRuleOfHalfUsd).
 *   It agrees with the logsum for small changes of route costs at given shares; under logit it also counts the cost
 *   of the routes the shares move between, which the logsum rightly does not;
 * - reliability: per route found in both runs (by corridor and key nodes), the fall in its buffer time (P90 minus
 *   mean, RouteSummary.bufferH, drawn with common random numbers) times its mean flow, at the value of time times
 *   the reliability ratio; the flow of routes found in one run only is reported as `reliabilitySkippedUnits`;
 * - CO2e: the change in the assignment's total CO2e (tonnes), valued later at the year's shadow price;
 * - time saved: served-volume-weighted hours, for reporting and validation (already inside the user benefit).
 * Amounts are USD a year, the network's cost currency. Pure; worker-safe.
 */
import type { OdKpi, ScenarioKpis } from '../scenarios/kpis.ts';
import { ruleOfHalf, surplusChange } from '../scenarios/surplus.ts';

export interface YearBenefits {
  /** Change in consumer surplus (logsum difference; rule of a half for new connections), USD a year. */
  userUsd: number;
  /** The rule of a half on the mean generalised cost of the served volume, the cross-check, USD a year. */
  userRuleOfHalfUsd: number;
  /** Value of the fall in buffer time (P90 minus mean) of the routes used in both runs, USD a year. */
  reliabilityUsd: number;
  /** CO2e avoided (negative: more emitted, e.g. by induced traffic), tonnes a year. */
  co2eSavedTonnes: number;
  /** Unit-hours saved (TEU-hours and tonne-hours) on pairs served in both runs. */
  unitHoursSaved: number;
  /** Units (TEU + tonnes) whose cost changed, with or without the project. */
  affectedUnits: number;
  /** Units a year on routes used in one run only, left out of the reliability benefit. */
  reliabilitySkippedUnits: number;
}

const key = (o: OdKpi) => `${o.from} ${o.to} ${o.commodity}`;

/** Flow and flow-weighted buffer time of a pair's routes, by corridor and key nodes. */
function routeBuffers(o: OdKpi): Map<string, { flow: number; bufferH: number }> {
  const m = new Map<string, { flow: number; bufferH: number }>();
  for (const r of o.routes) {
    if (!(r.flow > 0) || r.bufferH === null || r.bufferH === undefined) continue;
    const k = `${r.corridor} ${(r.keyNodes ?? []).join('>')}`;
    const x = m.get(k) ?? { flow: 0, bufferH: 0 };
    x.bufferH = (x.bufferH * x.flow + r.bufferH * r.flow) / (x.flow + r.flow);
    x.flow += r.flow;
    m.set(k, x);
  }
  return m;
}

/** Unit-hours of buffer time saved on the routes used in both runs, and the mean flow on the others. */
export function bufferHoursSaved(a: OdKpi, b: OdKpi): { unitHours: number; skippedUnits: number } {
  const x = routeBuffers(a);
  const y = routeBuffers(b);
  let unitHours = 0;
  let skippedUnits = 0;
  for (const k of new Set([...x.keys(), ...y.keys()])) {
    const r0 = x.get(k);
    const r1 = y.get(k);
    if (r0 !== undefined && r1 !== undefined) unitHours += ((r0.bufferH - r1.bufferH) * (r0.flow + r1.flow)) / 2;
    else skippedUnits += ((r0?.flow ?? 0) + (r1?.flow ?? 0)) / 2;
  }
  return { unitHours, skippedUnits };
}

/**
 * Benefits of `withP` over `without`, both run on the same demand. `votUsdPerUnitH` gives each commodity's value
 * of time (the demand set's), `reliabilityRatio` the value of an hour of buffer time relative to an hour of time.
 */
export function yearBenefits(
  without: ScenarioKpis,
  withP: ScenarioKpis,
  votUsdPerUnitH: ReadonlyMap<string, number>,
  reliabilityRatio: number,
): YearBenefits {
  const other = new Map(withP.ods.map((o) => [key(o), o]));
  const t = zeroBenefits();
  for (const a of without.ods) {
    const b = other.get(key(a));
    if (b === undefined) continue;
    const d = surplusChange(a, b);
    t.userUsd += d;
    t.userRuleOfHalfUsd += ruleOfHalf(a, b) ?? 0;
    if (Math.abs(d) > 1e-9) t.affectedUnits += Math.max(a.served, b.served);
    if (a.meanTimeH !== null && b.meanTimeH !== null && a.served > 0 && b.served > 0)
      t.unitHoursSaved += ((a.meanTimeH - b.meanTimeH) * (a.served + b.served)) / 2;
    const r = bufferHoursSaved(a, b);
    t.reliabilityUsd += r.unitHours * (votUsdPerUnitH.get(a.commodity) ?? 0) * reliabilityRatio;
    t.reliabilitySkippedUnits += r.skippedUnits;
  }
  t.co2eSavedTonnes = without.totals.co2eTonnes - withP.totals.co2eTonnes;
  return t;
}

/** Linear interpolation of benefits between modelled years; flat outside them. */
export function interpolateBenefits(
  points: ReadonlyArray<{ year: number; b: YearBenefits }>,
  year: number,
): YearBenefits {
  const sorted = [...points].sort((x, y) => x.year - y.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return zeroBenefits();
  if (year <= first.year) return first.b;
  if (year >= last.year) return last.b;
  for (let i = 1; i < sorted.length; i++) {
    const lo = sorted[i - 1] as { year: number; b: YearBenefits };
    const hi = sorted[i] as { year: number; b: YearBenefits };
    if (year <= hi.year) {
      const w = (year - lo.year) / (hi.year - lo.year);
      const mix = (k: keyof YearBenefits) => lo.b[k] * (1 - w) + hi.b[k] * w;
      return {
        userUsd: mix('userUsd'),
        userRuleOfHalfUsd: mix('userRuleOfHalfUsd'),
        reliabilityUsd: mix('reliabilityUsd'),
        co2eSavedTonnes: mix('co2eSavedTonnes'),
        unitHoursSaved: mix('unitHoursSaved'),
        affectedUnits: mix('affectedUnits'),
        reliabilitySkippedUnits: mix('reliabilitySkippedUnits'),
      };
    }
  }
  return last.b;
}

export const zeroBenefits = (): YearBenefits => ({
  userUsd: 0,
  userRuleOfHalfUsd: 0,
  reliabilityUsd: 0,
  co2eSavedTonnes: 0,
  unitHoursSaved: 0,
  affectedUnits: 0,
  reliabilitySkippedUnits: 0,
});
