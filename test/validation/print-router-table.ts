/**
 * Prints the router tables of docs/validation.md recomputed from the shipped dataset (the hand-written cells of
 * the observations table are read from the page), so that the page can be refreshed after a change to the data;
 * with --legs, also every leg, stop and timeline step of each chosen itinerary, to find the figure behind a miss.
 * Run: node --import tsx test/validation/print-router-table.ts [--legs]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContext } from '../../src/io/context.ts';
import { days, predictCase, ROUTER_CASES, type RouterPrediction, timeSourcesOf } from './router-cases.ts';
import { caseCells, observationCells, parseRouterDoc, row } from './router-doc.ts';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../docs/validation.md');
const legs = process.argv.includes('--legs');
const { network, engine } = loadContext();
const predictions = new Map<string, RouterPrediction>(ROUTER_CASES.map((c) => [c.id, predictCase(engine, c)]));
const h = (x: number) => `${x.toFixed(1)} h`;

for (const c of ROUTER_CASES) {
  const p = predictions.get(c.id)!;
  process.stdout.write(`${row([`\`${c.id}\``, ...caseCells(c, p)])}\n`);
  if (!legs) continue;
  const it = p.itinerary;
  for (const l of it.legs) {
    process.stdout.write(
      `    leg ${l.linkId} ${l.mode} ${Math.round(l.distanceKm)} km: wait ${h(l.waitH)}, travel ${h(l.travelH)} (border ${h(l.borderH)})${l.service ? ` [${l.service.id}]` : ''}\n`,
    );
  }
  for (const s of it.stops) process.stdout.write(`    stop ${s.kind} ${s.node}: ${h(s.durationH)}\n`);
  for (const s of it.timeline.steps)
    process.stdout.write(`    step ${s.kind} ${s.label}: ${JSON.stringify(s.duration)}\n`);
  process.stdout.write(
    `    totals: ${days(it.totals.durationH)} d, wait ${h(it.totals.waitH)}, border ${h(it.totals.borderH)}, ${Math.round(it.totals.distanceKm)} km; time sources ${[...timeSourcesOf(network, it)].sort().join(' ')}\n`,
  );
}

process.stdout.write('\n');
let hits = 0;
let independentHits = 0;
let independent = 0;
const observations = parseRouterDoc(readFileSync(DOC, 'utf8')).observations;
for (const o of observations) {
  const p = predictions.get(o.caseId);
  if (p === undefined) {
    process.stdout.write(`${o.row}: unknown case ${o.caseId}\n`);
    continue;
  }
  const cells = observationCells(network, o, p);
  const hit = cells[3] === 'hit';
  hits += hit ? 1 : 0;
  if (cells[4] === 'no') {
    independent++;
    independentHits += hit ? 1 : 0;
  }
  process.stdout.write(
    `${row([o.row, o.corridor, o.route, o.observed, o.date, o.source, `\`${o.caseId}\``, ...cells])}\n`,
  );
}
process.stdout.write(
  `\nhits ${hits} of ${observations.length}; independent rows: ${independentHits} of ${independent}\n`,
);
