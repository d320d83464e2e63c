/**
 * Reads and writes the router tables of docs/validation.md. The cases table has one row per router case (first
 * cell the case id in backticks); the observations table has one row per observation (first cell R1, R2, ...),
 * so that the timeline table (first cell a plain number) and its own test stay apart. The hand-written cells
 * (what was observed, when, where it was published) are read; every predicted cell is recomputed.
 */
import type { Network } from '../../src/core/network/network.ts';
import {
  constraintsOf,
  days,
  type RouterCase,
  type RouterPrediction,
  timeSourcesOf,
  verdictOf,
  viaOf,
} from './router-cases.ts';

export interface ObservationRow {
  row: string;
  corridor: string;
  route: string;
  observed: string;
  date: string;
  source: string;
  caseId: string;
  /** The computed cells as printed: P10, P50, P90, verdict, calibrated. */
  predicted: string[];
}

export interface CaseRow {
  caseId: string;
  /** Every cell after the id as printed: from → to, constraints, corridor, via, mean, P10, P50, P90. */
  cells: string[];
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseRouterDoc(text: string): { cases: CaseRow[]; observations: ObservationRow[] } {
  const cases: CaseRow[] = [];
  const observations: ObservationRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    const c = cellsOf(line);
    if (/^R\d+$/.test(c[0] ?? '')) {
      const [row, corridor, route, observed, date, source, caseCell, ...predicted] = c;
      observations.push({
        row: row!,
        corridor: corridor!,
        route: route!,
        observed: observed!,
        date: date!,
        source: source!,
        caseId: caseCell!.replace(/`/g, ''),
        predicted,
      });
    } else if (/^`[a-z0-9-]+`$/.test(c[0] ?? '')) {
      cases.push({ caseId: c[0]!.replace(/`/g, ''), cells: c.slice(1) });
    }
  }
  return { cases, observations };
}

/** "9" or "20–22" (en dash or hyphen) to [low, high] days. */
export function observedDays(s: string): [number, number] {
  const xs = s.split(/[–-]/).map((x) => Number(x.trim()));
  if (xs.length < 1 || xs.length > 2 || xs.some((x) => !Number.isFinite(x))) throw new Error(`observed "${s}"`);
  return [xs[0]!, xs[xs.length - 1]!];
}

export function caseCells(c: RouterCase, p: RouterPrediction): string[] {
  const a = p.arrival;
  return [
    `${c.from} → ${c.to}`,
    constraintsOf(c),
    c.corridor,
    viaOf(p.itinerary),
    days(a.mean),
    days(a.p10),
    days(a.p50),
    days(a.p90),
  ];
}

/** The predicted cells of an observation row: P10, P50, P90 (days), verdict, and whether the data used it. */
export function observationCells(net: Network, o: ObservationRow, p: RouterPrediction): string[] {
  const a = p.arrival;
  const calibrated = o.source
    .split(/[ ,]+/)
    .filter(Boolean)
    .some((s) => timeSourcesOf(net, p.itinerary).has(s));
  return [days(a.p10), days(a.p50), days(a.p90), verdictOf(observedDays(o.observed), a), calibrated ? 'yes' : 'no'];
}

export const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
