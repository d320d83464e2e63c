/**
 * One year's economic benefits of a project from two equilibrium assignments on the same demand: without the
 * project (the do-minimum) and with it. Per origin–destination pair and commodity (World Bank TRN-6, AP19; the EU
 * CBA guide's consumer surplus, AP7):
 * - user benefit by the rule of a half: (g0 - g1) * (Q0 + Q1) / 2, where g is the shippers' generalised cost per
 *   unit (time at their value of time, plus money; carbon is left out of it and valued below) and Q the served
 *   volume. Shifted demand (a pair whose routes change) and induced demand (more served, e.g. a capacity that let
 *   unserved volume through, or a pair that had no route) are both covered: a pair unserved in one run is charged
 *   the cost of not shipping (the assignment's penalty, the larger of the two runs'), its choke price;
 * - reliability: the fall in buffer time (P90 minus mean door-to-door time) times the mean served volume, at the
 *   value of time times the reliability ratio; only on pairs whose route shares (corridor and key nodes) stay
 *   within a percentage point (a pair that shifts routes has a P90 of a mixture of routes that no shipper faces:
 *   its change says how the mix moved, not how reliable either route became);
 * - CO2e: the change in the assignment's total CO2e (tonnes), valued later at the year's shadow price;
 * - time saved: served-volume-weighted hours, for reporting and validation (already inside the user benefit).
 * Amounts are USD a year, the network's cost currency. Pure; worker-safe.
 */
import type { OdKpi, ScenarioKpis } from '../scenarios/kpis.ts';

export interface YearBenefits {
  /** Rule-of-half change in generalised cost (time + money), USD a year. */
  userUsd: number;
  /** Value of the fall in buffer time (P90 minus mean), USD a year. */
  reliabilityUsd: number;
  /** CO2e avoided (negative: more emitted, e.g. by induced traffic), tonnes a year. */
  co2eSavedTonnes: number;
  /** Unit-hours saved (TEU-hours and tonne-hours) on pairs served in both runs. */
  unitHoursSaved: number;
  /** Units (TEU + tonnes) whose cost changed, with or without the project. */
  affectedUnits: number;
  /** Served units of pairs whose corridor shares moved, left out of the reliability benefit. */
  reliabilitySkippedUnits: number;
}

/**
 * Largest change in a pair's route shares between two runs (0..1). A route is its corridor and key nodes, so a
 * pair that splits between two crossings of one corridor (Saryagash and the new Syrdarya crossing, both Southern)
 * counts as shifted: its P90 then describes a mixture of two routes too.
 */
export function corridorShift(a: OdKpi, b: OdKpi): number {
  const share = (o: OdKpi) => {
    const m = new Map<string, number>();
    for (const r of o.routes) {
      const k = `${r.corridor} ${(r.keyNodes ?? []).join('>')}`;
      m.set(k, (m.get(k) ?? 0) + r.share);
    }
    return m;
  };
  const x = share(a);
  const y = share(b);
  let d = 0;
  for (const k of new Set([...x.keys(), ...y.keys()])) d = Math.max(d, Math.abs((x.get(k) ?? 0) - (y.get(k) ?? 0)));
  return d;
}

/** Corridor shares may move this much before a pair's reliability change is left out. */
const SHIFT_TOLERANCE = 0.01;

const key = (o: OdKpi) => `${o.from} ${o.to} ${o.commodity}`;

/**
 * Generalised cost per unit: of the served volume, or of not shipping when nothing is served. The cost of not
 * shipping is the pair's choke price, a property of its demand, so one value serves both runs: the larger of the
 * two penalties. (The assignment sets each run's penalty from that run's cheapest free-flow cost, so a project that
 * opens a cheap path of small capacity lowers it: taking each run's own would count a pair it leaves unserved as a
 * gain.)
 */
function costPerUnit(o: OdKpi, other: OdKpi): number | null {
  if (o.served > 0) return o.servedGeneralisedCostUsd / o.served;
  const a = o.penaltyUsdPerUnit;
  const b = other.penaltyUsdPerUnit;
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
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
  let user = 0;
  let reliability = 0;
  let hours = 0;
  let affected = 0;
  let skipped = 0;
  for (const a of without.ods) {
    const b = other.get(key(a));
    if (b === undefined) continue;
    const g0 = costPerUnit(a, b);
    const g1 = costPerUnit(b, a);
    const qBar = (a.served + b.served) / 2;
    if (g0 !== null && g1 !== null && qBar > 0) {
      const d = (g0 - g1) * qBar;
      user += d;
      if (Math.abs(g0 - g1) > 1e-9) affected += Math.max(a.served, b.served);
    }
    const vot = votUsdPerUnitH.get(a.commodity) ?? 0;
    if (a.meanTimeH !== null && b.meanTimeH !== null && a.served > 0 && b.served > 0) {
      hours += (a.meanTimeH - b.meanTimeH) * qBar;
      if (corridorShift(a, b) > SHIFT_TOLERANCE) skipped += qBar;
      else if (a.p90TimeH !== null && b.p90TimeH !== null) {
        const buffer0 = a.p90TimeH - a.meanTimeH;
        const buffer1 = b.p90TimeH - b.meanTimeH;
        reliability += (buffer0 - buffer1) * qBar * vot * reliabilityRatio;
      }
    }
  }
  return {
    userUsd: user,
    reliabilityUsd: reliability,
    co2eSavedTonnes: without.totals.co2eTonnes - withP.totals.co2eTonnes,
    unitHoursSaved: hours,
    affectedUnits: affected,
    reliabilitySkippedUnits: skipped,
  };
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
  reliabilityUsd: 0,
  co2eSavedTonnes: 0,
  unitHoursSaved: 0,
  affectedUnits: 0,
  reliabilitySkippedUnits: 0,
});
