/**
 * The metrics of a route comparison between two scenarios (no DOM): itineraries found, fastest and cheapest, and
 * the fastest time on each corridor either run uses.
 */
import type { RouteSummary } from './api.ts';
import type { Better } from './effect.ts';
import { fmtDays, fmtNumber, t } from './i18n.ts';

/** One metric of the comparison: its label, its value in each run (null when unknown), and how to print it. */
export interface RouteMetricRow {
  label: string;
  a: number | null;
  b: number | null;
  fmt: (v: number) => string;
  /** Which way the metric improves (effect.ts). */
  better: Better;
}

/** Fastest door-to-door time of a summary's options on corridor c, hours, or null when none uses it. */
function fastestOn(s: RouteSummary, c: string): number | null {
  const hs = s.options.filter((o) => o.corridor === c).map((o) => o.totals.durationH);
  return hs.length ? Math.min(...hs) : null;
}

/** The metric rows of two route summaries: counts, fastest, cheapest, then fastest per corridor (sorted). */
export function routeMetricRows(A: RouteSummary, B: RouteSummary): RouteMetricRow[] {
  const days = (h: number) => fmtDays(h);
  const rows: RouteMetricRow[] = [
    { label: t('sc.m.itineraries'), a: A.itineraries, b: B.itineraries, fmt: (v) => fmtNumber(v), better: 'higher' },
    { label: t('sc.m.fastest'), a: A.fastestH, b: B.fastestH, fmt: days, better: 'lower' },
    { label: t('sc.m.cheapest'), a: A.cheapestUsd, b: B.cheapestUsd, fmt: (v) => fmtNumber(v), better: 'lower' },
  ];
  const corridors = [...new Set([...A.options, ...B.options].map((o) => o.corridor))].sort();
  for (const c of corridors)
    rows.push({
      label: t('sc.m.fastestOn', { corridor: t(`corridor.${c}`) }),
      a: fastestOn(A, c),
      b: fastestOn(B, c),
      fmt: days,
      better: 'lower',
    });
  return rows;
}
