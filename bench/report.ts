/**
 * Renders bench/results/latest.json into docs/performance.md, between the markers
 * `<!-- bench:results:start -->` and `<!-- bench:results:end -->` (added under the title on the first run); the
 * hand-written method text around them stays as it is. Run by bench/run-all.ts after each run, or alone:
 * `node --import tsx bench/report.ts` re-renders the last results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ResultRow } from './results.ts';

const DOC = 'docs/performance.md';
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const cell = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

export interface ReportMeta {
  quick: boolean;
  date: string;
  tmpLeft?: readonly string[] | undefined;
}

/** The generated section: how it was run, then one table row per result. */
export function renderResults(rows: readonly ResultRow[], meta: ReportMeta): string {
  const loads = rows.flatMap((r) => r.loadAvg);
  const lines = [
    START,
    '## Results of `npm run bench` (generated)',
    '',
    `Generated from bench/results/latest.json by bench/report.ts. Run of ${meta.date.slice(0, 16).replace('T', ' ')} UTC` +
      `${meta.quick ? ' with `--quick` (a tenth of the routing queries: within its noise, not for quoting)' : ''}; ` +
      `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; 1-minute load average ` +
      `${loads.length ? `${Math.min(...loads)}–${Math.max(...loads)}` : 'unknown'} during the run. ` +
      'Ratio = peer / ours (above 1: ours is faster), except the risk rows (see below). Peak RSS is the whole ' +
      'benchmark process. New files in the temporary folder during the run (on a shared machine, possibly ' +
      "another process's): " +
      `${meta.tmpLeft && meta.tmpLeft.length > 0 ? meta.tmpLeft.join(', ') : 'none'}.`,
    '',
    '| id | what | ours | peer | ratio | unit | target | peak RSS MB | load | queries | reproduce |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.id}\` | ${r.what}${r.note ? ` (${r.note})` : ''} | **${cell(r.ours)}** | ${cell(r.peer)} | ${cell(r.ratio)} | ` +
        `${r.unit} | ${r.target ?? ''} | ${cell(r.peakRssMb)} | ${r.loadAvg.join('–')} | ${cell(r.queries)} | \`${r.reproduce}\` |`,
    ),
    '',
    '- `pareto-*-route-*`: `engine.route()` with itineraries (and the no-route diagnosis); `pareto-*-search-*`: the bare',
    '  search, against the unbounded search it replaced, on the same queries in the same process.',
    '- `risk-*`: the peer is our own three-criterion run on the same queries, so the ratio (three / four) says what risk',
    '  as a fourth criterion costs; the target is a ratio of at least 0.5. `risk-free-10x-*`: the search on three',
    '  criteria over the links exposed to no risk event only, against the same queries over all links; every',
    '  four-criterion answer holds these routes, so its ratio bounds what any search that finds them can reach.',
    '- Reproduce everything: `npm run bench` (about 10 minutes) or `npm run bench -- --quick`.',
    END,
  ];
  return lines.join('\n');
}

/** Replaces the generated section of docs/performance.md (or adds it under the title). */
export function writePerformanceDoc(rows: readonly ResultRow[], meta: ReportMeta, path = DOC): void {
  const doc = readFileSync(path, 'utf8');
  const section = renderResults(rows, meta);
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  let next: string;
  if (a >= 0 && b > a) next = doc.slice(0, a) + section + doc.slice(b + END.length);
  else {
    const title = doc.indexOf('\n');
    next = `${doc.slice(0, title + 1)}\n${section}\n${doc.slice(title + 1)}`;
  }
  writeFileSync(path, next);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = JSON.parse(readFileSync('bench/results/latest.json', 'utf8')) as ResultRow[];
  writePerformanceDoc(rows, { quick: process.argv.includes('--quick'), date: new Date().toISOString() });
}
