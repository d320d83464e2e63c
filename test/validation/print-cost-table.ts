/**
 * Prints the costs section of docs/validation.md recomputed from the shipped dataset; with --write, replaces the
 * section between <!-- costs:start --> and <!-- costs:end --> (appended at the end of the page when absent). With
 * --legs, also every leg and stop of each priced itinerary with its cost, to find the figure behind a miss.
 * Run: node --import tsx test/validation/print-cost-table.ts [--write] [--legs]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContext } from '../../src/io/index.ts';
import { computeCostRows, END, renderCostSection, START } from './cost-table.ts';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../docs/validation.md');
const { network, engine } = loadContext();
const rows = computeCostRows(network, engine);
const section = renderCostSection(network, rows);

if (process.argv.includes('--legs')) {
  for (const r of rows) {
    if (!r.prediction.ok) continue;
    const it = r.prediction.itinerary;
    process.stdout.write(`C${r.n} ${r.obs.id}: ${it.corridor} USD ${it.totals.costUsd.toFixed(0)} total\n`);
    for (const l of it.legs)
      process.stdout.write(
        `    leg ${l.linkId} ${l.mode} ${Math.round(l.distanceKm)} km: USD ${l.costUsd?.toFixed(0)}\n`,
      );
    for (const s of it.stops) process.stdout.write(`    stop ${s.kind} ${s.node}: USD ${s.costUsd.toFixed(0)}\n`);
  }
}

if (process.argv.includes('--write')) {
  const page = readFileSync(DOC, 'utf8');
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  const next =
    a >= 0 && b > a ? page.slice(0, a) + section + page.slice(b + END.length) : `${page.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  process.stdout.write(`wrote the costs section of ${DOC}\n`);
} else process.stdout.write(`${section}\n`);
