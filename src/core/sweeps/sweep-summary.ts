/**
 * What a sweep tells: for each scenario and growth factor, the distribution of every KPI over its seeds (and over
 * any other variant that shares them), and the flat tables a spreadsheet or a Parquet writer takes: one row per
 * variant, one per group. Columns are the union over the results, in a fixed order, so that two exports of the
 * same sweep are byte-identical whatever order the workers finished in.
 */
import { csvField } from '../network/export.ts';
import type { VariantResult } from './run-variant.ts';

export interface KpiSpread {
  n: number;
  mean: number;
  min: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

export interface SweepGroup {
  scenario: string;
  growth: number;
  variants: number;
  kpis: Record<string, KpiSpread>;
}

export interface SweepSummary {
  variants: number;
  groups: SweepGroup[];
}

/** The numbers of one result, by column name (null where the variant has no such figure). */
export function flatKpis(r: VariantResult): Record<string, number | null> {
  const out: Record<string, number | null> = {
    generalisedCostUsd: r.generalisedCostUsd,
    userCostUsd: r.userCostUsd ?? null,
    costUsd: r.costUsd,
    co2eTonnes: r.co2eTonnes,
    p90DaysWeighted: r.p90DaysWeighted,
    topUtilisation: r.topBottleneck?.utilisation ?? null,
  };
  for (const c of r.commodities) {
    out[`served:${c.commodity}`] = c.served;
    out[`unserved:${c.commodity}`] = c.unserved;
  }
  for (const [corridor, share] of Object.entries(r.containerCorridorShares)) out[`share:${corridor}`] = share;
  return out;
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

function spread(values: number[]): KpiSpread {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const [min, max] = [s[0] as number, s[s.length - 1] as number];
  return { n: s.length, mean, min, p10: quantile(s, 0.1), p50: quantile(s, 0.5), p90: quantile(s, 0.9), max };
}

export function summariseSweep(results: readonly VariantResult[]): SweepSummary {
  const groups = new Map<string, { scenario: string; growth: number; rows: VariantResult[] }>();
  for (const r of results) {
    const key = `${r.scenario}\u0000${r.growth}`;
    const g = groups.get(key) ?? { scenario: r.scenario, growth: r.growth, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  const out: SweepGroup[] = [];
  for (const g of groups.values()) {
    const byKpi = new Map<string, number[]>();
    for (const r of g.rows)
      for (const [k, v] of Object.entries(flatKpis(r))) if (v !== null) byKpi.set(k, [...(byKpi.get(k) ?? []), v]);
    const kpis: Record<string, KpiSpread> = {};
    for (const k of [...byKpi.keys()].sort()) kpis[k] = spread(byKpi.get(k) as number[]);
    out.push({ scenario: g.scenario, growth: g.growth, variants: g.rows.length, kpis });
  }
  out.sort((a, b) => a.scenario.localeCompare(b.scenario) || a.growth - b.growth);
  return { variants: results.length, groups: out };
}

const VARIANT_KEYS = ['index', 'scenario', 'growth', 'seed', 'converged', 'relativeGap', 'topBottleneck'] as const;

/** One CSV row per variant, by index; KPI columns sorted by name. */
export function variantsCsv(results: readonly VariantResult[]): string {
  const rows = [...results].sort((a, b) => a.index - b.index);
  const flat = rows.map(flatKpis);
  const kpiCols = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  const lines = [[...VARIANT_KEYS, ...kpiCols].join(',')];
  rows.forEach((r, i) => {
    const fixed = [r.index, r.scenario, r.growth, r.seed, r.converged, r.relativeGap, r.topBottleneck?.id ?? ''];
    const kpis = kpiCols.map((c) => flat[i]?.[c] ?? '');
    lines.push([...fixed, ...kpis].map((v) => csvField(String(v))).join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** One CSV row per group and KPI: the spread over the group's variants. */
export function summaryCsv(s: SweepSummary): string {
  const lines = ['scenario,growth,kpi,n,mean,min,p10,p50,p90,max'];
  for (const g of s.groups)
    for (const [k, v] of Object.entries(g.kpis))
      lines.push(
        [g.scenario, g.growth, k, v.n, v.mean, v.min, v.p10, v.p50, v.p90, v.max]
          .map((x) => csvField(String(x)))
          .join(','),
      );
  return `${lines.join('\n')}\n`;
}
