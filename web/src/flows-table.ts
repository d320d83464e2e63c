/**
 * The KPI table of a flows comparison: one row per metric with the base run, the other run and the difference,
 * scaled to the unit shown (millions of USD, thousands of tonnes, days, percent). Rows are computed first
 * (flowsKpiRows, kpiCells: no DOM, so they can be checked on their own), then drawn.
 */
import type { FlowsResult, Pair } from './api.ts';
import { el, headedTable } from './dom.ts';
import { type Better, type Effect, effectOf } from './effect.ts';
import { fmtNumber, t } from './i18n.ts';

export interface KpiRow {
  /** Stable key of the row (data-key), e.g. "served:grain" or "mean:cn-xian:de-duisburg:containers". */
  key: string;
  label: string;
  pair: Pair;
  fmt: (v: number) => string;
  /** Multiplies every value before it is formatted. */
  scale: number;
  /** Which way the metric improves (effect.ts). */
  better: Better;
}

/** The three cells of a row as text, and the sign of a difference that shows as non-zero. */
export function kpiCells(row: Pick<KpiRow, 'pair' | 'fmt' | 'scale'> & { better?: Better }): {
  base: string;
  other: string;
  delta: string;
  sign: 'up' | 'down' | undefined;
  effect?: Effect;
} {
  const { pair: p, fmt, scale } = row;
  const cell = (v: number | null) => (v === null ? t('it.unknown') : fmt(v * scale));
  const d = p.delta === null ? null : p.delta * scale;
  const delta = d === null ? t('it.unknown') : `${d > 0 ? '+' : ''}${fmt(d)}`;
  // Rounded to what is shown: a difference that prints as zero gets no colour.
  const sign = d !== null && fmt(d) !== fmt(0) ? (d > 0 ? 'up' : 'down') : undefined;
  const effect = sign === undefined ? undefined : effectOf(d, row.better ?? 'neither');
  return { base: cell(p.base), other: cell(p.other), delta, sign, ...(effect ? { effect } : {}) };
}

/** The rows of the table: totals, then per commodity, per corridor share, per OD pair (mean and P90 days). */
export function flowsKpiRows(r: FlowsResult, placeName: (id: string) => string): KpiRow[] {
  const rows: KpiRow[] = [];
  const row = (
    key: string,
    label: string,
    pair: Pair,
    fmt: (v: number) => string,
    scale = 1,
    better: Better = 'lower',
  ) => rows.push({ key, label, pair, fmt, scale, better });
  const n1 = (v: number) => fmtNumber(v, 1, 1);
  const n0 = (v: number) => fmtNumber(v);
  row('userCost', t('fl.m.uc'), r.totals.userCostUsd, n1, 1e-6);
  row('generalisedCost', t('fl.m.gc'), r.totals.generalisedCostUsd, n1, 1e-6);
  row('cost', t('fl.m.cost'), r.totals.costUsd, n1, 1e-6);
  row('co2e', t('fl.m.co2e'), r.totals.co2eTonnes, n1, 1e-3);
  for (const c of r.commodities) {
    if ((c.served.base ?? 0) + (c.unserved.base ?? 0) + (c.served.other ?? 0) + (c.unserved.other ?? 0) === 0) continue;
    const k = { commodity: c.commodity, unit: c.unit };
    row(`served:${c.commodity}`, t('fl.m.served', k), c.served, n0, 1, 'higher');
    row(`unserved:${c.commodity}`, t('fl.m.unserved', k), c.unserved, n0);
    row(`unitDays:${c.commodity}`, t('fl.m.unitDays', k), c.unitDays, n1, 1e-6);
  }
  for (const c of r.corridors) {
    if ((c.share.base ?? 0) === 0 && (c.share.other ?? 0) === 0) continue;
    const label = t('fl.m.share', { commodity: c.commodity, corridor: t(`corridor.${c.corridor}`) });
    row(`share:${c.commodity}:${c.corridor}`, label, c.share, n1, 100, 'neither');
  }
  for (const o of r.ods) {
    const pair = `${placeName(o.from)} → ${placeName(o.to)}, ${o.commodity}`;
    row(`mean:${o.from}:${o.to}:${o.commodity}`, t('fl.m.mean', { pair }), o.meanTimeH, n1, 1 / 24);
    row(`p90:${o.from}:${o.to}:${o.commodity}`, t('fl.m.p90', { pair }), o.p90TimeH, n1, 1 / 24);
  }
  return rows;
}

/** The table element (data-testid flows-table) with the run names as column heads. */
export function flowsTable(
  r: FlowsResult,
  nameOf: (id: string) => string,
  placeName: (id: string) => string,
): HTMLTableElement {
  const { table, tbody } = headedTable(
    [t('sc.metric'), nameOf(r.base.id), nameOf(r.other.id), t('sc.delta')],
    'sc-table',
    t('fl.table', { demand: `${r.demand.name} (${r.demand.year})` }),
  );
  table.dataset.testid = 'flows-table';
  for (const row of flowsKpiRows(r, placeName)) {
    const c = kpiCells(row);
    const tr = el('tr');
    tr.dataset.key = row.key;
    const th = el('th', row.label);
    th.scope = 'row';
    const delta = el('td', c.delta, 'num');
    if (c.sign) delta.dataset.sign = c.sign;
    if (c.effect) delta.dataset.effect = c.effect;
    tr.append(th, el('td', c.base, 'num'), el('td', c.other, 'num'), delta);
    tbody.append(tr);
  }
  return table;
}
