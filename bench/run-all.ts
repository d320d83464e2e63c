/**
 * One harness: `npm run bench` (node --import tsx bench/run-all.ts [--quick]) runs the routing, sweep and
 * simulation benchmarks one after the other, each in a child process of its own (so that each one's peak memory
 * is its own), reads the JSON line each ends with, and writes bench/results/latest.json: an array of rows
 * { id, ours, peer, ratio, unit, peakRssMb, loadAvg, queries } (bench/results.ts), then the results tables of
 * docs/performance.md (bench/report.ts). `--quick` passes on to the benchmarks that have it (a tenth of the
 * queries: to check the harness and the targets within their noise). The API and heavy-load benchmarks start
 * servers and run for minutes; they stay separate (npm run bench:api, bench:heavy).
 *
 * Temporary files: the benchmarks run here write none outside bench/.cache (the routing graph, kept between
 * runs, ignored by git); the harness checks the temporary folder before and after and names any file left.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writePerformanceDoc } from './report.ts';
import { type ResultRow, routingRows, simulationRows, sweepRows } from './results.ts';

const quick = process.argv.includes('--quick');
const log = (line: string) => process.stdout.write(`${line}\n`);

const BENCHES: { file: string; quickFlag: boolean; rows: (j: Record<string, unknown>) => ResultRow[] }[] = [
  { file: 'bench/routing.ts', quickFlag: true, rows: routingRows },
  { file: 'bench/sweep.ts', quickFlag: true, rows: sweepRows },
  { file: 'bench/simulation.ts', quickFlag: false, rows: simulationRows },
];

/** The last line of a benchmark's output that parses as a JSON object. */
function lastJson(out: string): Record<string, unknown> | undefined {
  const lines = out.trim().split('\n').reverse();
  for (const l of lines) {
    if (!l.startsWith('{')) continue;
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      // a log line that starts with a brace: keep looking
    }
  }
  return undefined;
}

const tmpBefore = new Set(readdirSync(tmpdir()));
const rows: ResultRow[] = [];
const failures: string[] = [];
for (const b of BENCHES) {
  const args = ['--import', 'tsx', b.file, ...(quick && b.quickFlag ? ['--quick'] : [])];
  log(`== ${b.file}${quick && b.quickFlag ? ' --quick' : ''}`);
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const j = lastJson(r.stdout ?? '');
  log(`   ${((performance.now() - t) / 1000).toFixed(0)} s, exit ${r.status}`);
  if (r.status !== 0 || j === undefined) {
    failures.push(`${b.file}: exit ${r.status}; ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
    continue;
  }
  rows.push(...b.rows(j));
}
// on a shared machine, files another process made meanwhile show up here too: they are named, not deleted
const left = readdirSync(tmpdir()).filter((f) => !tmpBefore.has(f) && f.startsWith('keruen'));

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(rows, null, 2)}\n`);
// in the formatter's layout, so that `npm test` (biome check) passes with the file as written
spawnSync(process.execPath, [
  'node_modules/@biomejs/biome/bin/biome',
  'format',
  '--write',
  'bench/results/latest.json',
]);
writePerformanceDoc(rows, { quick, date: new Date().toISOString(), tmpLeft: left });
for (const r of rows)
  log(
    `${r.id.padEnd(28)} ours ${String(r.ours).padStart(9)}  peer ${String(r.peer).padStart(9)}  ratio ${String(r.ratio).padStart(6)}  ${r.unit}` +
      `${r.note ? `  (${r.note})` : ''}`,
  );
if (left.length > 0) log(`new files in ${tmpdir()} (this run's or another process's): ${left.join(', ')}`);
for (const f of failures) log(`FAILED ${f}`);
log('wrote bench/results/latest.json and the tables of docs/performance.md');
process.exitCode = failures.length > 0 ? 1 : 0;
