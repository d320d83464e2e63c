/**
 * Prints the router tables of docs/validation.md recomputed from the shipped dataset (the hand-written cells of
 * the observations table are read from the page), so that the page can be refreshed after a change to the data;
 * with --legs, also every leg, stop and timeline step of each chosen itinerary, to find the figure behind a miss.
 * Run: node --import tsx test/validation/print-router-table.ts [--legs] [--write]
 * With --write, the rows and the hit counts of the page are replaced in place (the prose about the misses is not:
 * read it again after a change).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
const fresh = new Map<string, string>();
for (const c of ROUTER_CASES) fresh.set(`\`${c.id}\``, row([`\`${c.id}\``, ...caseCells(c, predictions.get(c.id)!)]));
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
  const line = row([o.row, o.corridor, o.route, o.observed, o.date, o.source, `\`${o.caseId}\``, ...cells]);
  fresh.set(o.row, line);
  process.stdout.write(`${line}\n`);
}
process.stdout.write(
  `\nhits ${hits} of ${observations.length}; independent rows: ${independentHits} of ${independent}\n`,
);

if (process.argv.includes('--write')) {
  const n = observations.length;
  const pct = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;
  const text = readFileSync(DOC, 'utf8')
    .split('\n')
    .map((l) => fresh.get(/^\| (`[a-z0-9-]+`|R\d+) \|/.exec(l)?.[1] ?? '') ?? l)
    .join('\n')
    .replace(/router on the shipped dataset: \*\*\d+ of \d+\*\*/, `router on the shipped dataset: **${hits} of ${n}**`)
    .replace(/\d+ of \d+ independent rows hit/, `${independentHits} of ${independent} independent rows hit`)
    .replace(
      /Result: \d+ of \d+ observations lie within the predicted P10–P90 \(\d+%\); \d+ of the \d+ independent rows \(\d+%\)/,
      `Result: ${hits} of ${n} observations lie within the predicted P10–P90 (${pct(hits, n)}); ${independentHits} of the ${independent} independent rows (${pct(independentHits, independent)})`,
    );
  writeFileSync(DOC, text);
  process.stdout.write(`wrote ${DOC}\n`);
}
