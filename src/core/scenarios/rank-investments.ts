/**
 * Ranks investment scenarios by benefit per euro of capital cost, against a common baseline run on the same
 * demand. Benefits per year:
 * - shippers' cost saved (the default key): the change in consumer surplus, demand times the fall in the expected
 *   perceived cost (the logsum; surplus.ts), as `keruen appraise` counts its user benefit; the investment's run
 *   must share the reference's cost of not shipping (surplus.ts chokePrices);
 * - generalised cost saved (USD per year; shippers' time, money and carbon, including the penalty of
 *   demand that cannot be carried, so carrying more counts as a saving; a pair with no route in the reference
 *   is charged the penalty of the run in which it has one);
 * - TEU-days saved: for every container OD pair served in both runs, the baseline's served TEU times the
 *   change in mean door-to-door time, in days;
 * - volume gained: served TEU and served tonnes, scenario minus baseline.
 * Only scenarios whose cost is given (sourced, or an estimate with its reasoning) are ranked; the others are
 * listed with the reason. Costs stay in the currency their source quotes; a cost in US dollars is ranked with
 * the euro ones only when the caller gives an exchange rate (the dataset holds none). No discounting or
 * appraisal period: these are yearly benefits per euro of capital, a screening ratio, not a cost–benefit
 * analysis.
 */
import { hoursToDays } from '../time.ts';
import type { ScenarioKpis } from './kpis.ts';
import type { Scenario } from './scenario-schema.ts';
import { surplusChange } from './surplus.ts';

export const RANK_KEYS = ['shippers-cost', 'generalised-cost', 'teu-days', 'volume'] as const;
export type RankKey = (typeof RANK_KEYS)[number];

export interface InvestmentBenefit {
  id: string;
  name: string;
  costEur: number | null;
  costProvenance: string | null;
  /** Change in the shippers' consumer surplus (logsum), USD a year. */
  shippersCostSavedUsdPerYear: number;
  generalisedCostSavedUsdPerYear: number;
  teuDaysSavedPerYear: number;
  teuGainedPerYear: number;
  tonnesGainedPerYear: number;
  /** Benefit per million euro of capital cost; null when the cost is unknown. */
  perMillionEur: {
    shippersCostSavedUsdPerYear: number | null;
    generalisedCostSavedUsdPerYear: number | null;
    teuDaysSavedPerYear: number | null;
    teuGainedPerYear: number | null;
    tonnesGainedPerYear: number | null;
  };
  rank: number | null;
  note?: string | undefined;
}

function provenance(s: Scenario): string | null {
  const c = s.investment?.cost;
  if (!c) return null;
  if (c.source !== undefined) return `source ${Array.isArray(c.source) ? c.source.join(', ') : c.source}`;
  return `estimate: ${c.estimate}`;
}

/**
 * Yearly benefits of an investment scenario run (`k`) against its reference run (`base`).
 * `usdPerEur` converts a cost quoted in US dollars; without it such a cost is not ranked.
 */
export function investmentBenefit(
  base: ScenarioKpis,
  scenario: Scenario,
  k: ScenarioKpis,
  usdPerEur?: number | undefined,
): InvestmentBenefit {
  const other = new Map(k.ods.map((o) => [`${o.from} ${o.to} ${o.commodity}`, o]));
  let teuDays = 0;
  for (const o of base.ods) {
    if (o.unit !== 'TEU' || o.meanTimeH === null) continue;
    const p = other.get(`${o.from} ${o.to} ${o.commodity}`);
    if (!p || p.meanTimeH === null) continue;
    teuDays += hoursToDays(o.served * (o.meanTimeH - p.meanTimeH));
  }
  const servedBy = (x: ScenarioKpis, unit: 'TEU' | 't') =>
    x.commodities.filter((c) => c.unit === unit).reduce((s, c) => s + c.served, 0);
  // Generalised cost per OD pair with unserved volume at the penalty; a pair with no route in one run is charged
  // the penalty of the run where it has one, so that a new connection counts as a saving.
  let gc = 0;
  let surplus = 0;
  for (const o of base.ods) {
    const p = other.get(`${o.from} ${o.to} ${o.commodity}`);
    if (!p) continue;
    surplus += surplusChange(o, p);
    const pen = o.penaltyUsdPerUnit ?? p.penaltyUsdPerUnit ?? 0;
    gc +=
      o.servedGeneralisedCostUsd +
      o.unserved * pen -
      (p.servedGeneralisedCostUsd + p.unserved * (p.penaltyUsdPerUnit ?? pen));
  }
  const inv = scenario.investment;
  let costEur: number | null = null;
  let note: string | undefined;
  if (!inv) note = 'no cost given: not ranked';
  else if (inv.currency === 'EUR') costEur = inv.cost.value;
  else if (usdPerEur !== undefined && usdPerEur > 0) {
    costEur = inv.cost.value / usdPerEur;
    note = `cost USD ${inv.cost.value} converted at ${usdPerEur} USD/EUR (rate given by the caller)`;
  } else note = `cost quoted in USD (${inv.cost.value}); give an exchange rate to rank it`;
  const teu = servedBy(k, 'TEU') - servedBy(base, 'TEU');
  const tonnes = servedBy(k, 't') - servedBy(base, 't');
  const per = (v: number) => (costEur !== null && costEur > 0 ? v / (costEur / 1e6) : null);
  return {
    id: scenario.id,
    name: scenario.name,
    costEur,
    costProvenance: provenance(scenario),
    shippersCostSavedUsdPerYear: surplus,
    generalisedCostSavedUsdPerYear: gc,
    teuDaysSavedPerYear: teuDays,
    teuGainedPerYear: teu,
    tonnesGainedPerYear: tonnes,
    perMillionEur: {
      shippersCostSavedUsdPerYear: per(surplus),
      generalisedCostSavedUsdPerYear: per(gc),
      teuDaysSavedPerYear: per(teuDays),
      teuGainedPerYear: per(teu),
      tonnesGainedPerYear: per(tonnes),
    },
    rank: null,
    note,
  };
}

/** Sorts benefits by the chosen ratio, best first; unranked (no cost) last. Returns a new array. */
export function rankInvestments(items: InvestmentBenefit[], by: RankKey = 'shippers-cost'): InvestmentBenefit[] {
  const metric = (b: InvestmentBenefit): number | null => {
    const p = b.perMillionEur;
    if (by === 'shippers-cost') return p.shippersCostSavedUsdPerYear;
    if (by === 'teu-days') return p.teuDaysSavedPerYear;
    if (by === 'volume')
      return p.teuGainedPerYear === null ? null : p.teuGainedPerYear + (p.tonnesGainedPerYear ?? 0) / 10;
    return p.generalisedCostSavedUsdPerYear;
  };
  const scored = items.flatMap((b) => {
    const m = metric(b);
    return m === null ? [] : [{ b, m }];
  });
  const ranked = scored.sort((x, y) => y.m - x.m).map(({ b }, i) => ({ ...b, rank: i + 1 }));
  return [...ranked, ...items.filter((b) => metric(b) === null).map((b) => ({ ...b, rank: null }))];
}
