/**
 * The shippers' consumer surplus between two assignments on the same demand, per origin–destination pair and
 * commodity: demand times the fall in the expected perceived cost (OdKpi.userCostUsdPerUnit, the nested logit
 * logsum with not shipping among the choices), and for a pair with no route in one run (a new connection) the rule
 * of a half at the choke price. Both runs must share one cost of not shipping per pair (`chokePrices` of the
 * reference run, passed as AssignmentOptions.unservedCostUsdPerUnit), or a cheap new path would lower the choke
 * price and read as a loss. Used by the appraisal (appraisal/benefits.ts) and by scenario rank-investments.
 */
import type { OdKpi } from './kpis.ts';
import type { ScenarioRun } from './run-scenario.ts';

/** A run's cost of not shipping by pair (`from to commodity`), USD per unit: what the other run should share. */
export function chokePrices(r: ScenarioRun): Map<string, number> {
  const m = new Map<string, number>();
  for (const od of r.kpis.ods)
    if (od.penaltyUsdPerUnit !== null) m.set(`${od.from} ${od.to} ${od.commodity}`, od.penaltyUsdPerUnit);
  return m;
}

/**
 * Generalised cost per unit: of the served volume, or of not shipping when nothing is served. The cost of not
 * shipping is the pair's choke price, a property of its demand, so one value serves both runs: the larger of the
 * two penalties.
 */
function costPerUnit(o: OdKpi, other: OdKpi): number | null {
  if (o.served > 0) return o.servedGeneralisedCostUsd / o.served;
  const a = o.penaltyUsdPerUnit;
  const b = other.penaltyUsdPerUnit;
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

/** Rule of a half on the mean generalised cost of the served volume, USD a year (null: no cost in a run). */
export function ruleOfHalf(a: OdKpi, b: OdKpi): number | null {
  const g0 = costPerUnit(a, b);
  const g1 = costPerUnit(b, a);
  if (g0 === null || g1 === null) return null;
  return ((g0 - g1) * (a.served + b.served)) / 2;
}

/**
 * Change in consumer surplus of a pair, USD a year: demand times the fall in its expected perceived cost, or for a
 * pair with no route in one run the rule of a half at the choke price.
 */
export function surplusChange(a: OdKpi, b: OdKpi): number {
  const u0 = a.userCostUsdPerUnit;
  const u1 = b.userCostUsdPerUnit;
  if (u0 !== null && u1 !== null) return ((a.demand + b.demand) / 2) * (u0 - u1);
  return ruleOfHalf(a, b) ?? 0;
}
