/**
 * Keeps the router tables of docs/validation.md honest: every case is routed on the shipped dataset and
 * simulated (20,000 samples, seed 2025, departure Monday 3 March 2025 08:00 UTC); the route taken, mean,
 * P10/P50/P90, each verdict (hit = the observation, or the middle of a range, lies within [P10, P90]), whether
 * the data cites the observation's own source, and the hit counts of the summary must match the page. A change
 * to the data or the router that moves a number fails here until the page is refreshed
 * (node --import tsx test/validation/print-router-table.ts prints the new rows).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../src/io/context.ts';
import { predictCase, ROUTER_CASES, type RouterPrediction } from './router-cases.ts';
import { caseCells, observationCells, observedDays, parseRouterDoc } from './router-doc.ts';

const DOC_TEXT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/validation.md'), 'utf8');
const doc = parseRouterDoc(DOC_TEXT);
const ctx = loadContext();
const predictions = new Map<string, RouterPrediction>();

beforeAll(() => {
  for (const c of ROUTER_CASES) predictions.set(c.id, predictCase(ctx.engine, c));
}, 60_000);

describe('docs/validation.md, router tables', () => {
  it('lists every router case once and compares at least 17 observations', () => {
    expect(doc.cases.map((c) => c.caseId).sort()).toEqual(ROUTER_CASES.map((c) => c.id).sort());
    expect(doc.observations.length).toBeGreaterThanOrEqual(17);
    expect(new Set(doc.observations.map((o) => o.row)).size).toBe(doc.observations.length);
  });

  it('cites sources that exist in data/sources/', () => {
    for (const o of doc.observations) {
      for (const s of o.source.split(/[ ,]+/).filter(Boolean))
        expect(ctx.network.sources.has(s), `${o.row} ${s}`).toBe(true);
    }
  });

  it('states for each case the route, mean and P10/P50/P90 that the router and the simulator give', () => {
    for (const r of doc.cases) {
      const c = ROUTER_CASES.find((x) => x.id === r.caseId)!;
      expect(r.cells, r.caseId).toEqual(caseCells(c, predictions.get(c.id)!));
    }
  });

  it('states for each observation the predicted P10/P50/P90 and the verdict that follows from them', () => {
    for (const o of doc.observations) {
      const p = predictions.get(o.caseId);
      expect(p, `${o.row}: case ${o.caseId}`).toBeDefined();
      expect(observedDays(o.observed)[0]).toBeGreaterThan(0);
      expect(o.predicted, o.row).toEqual(observationCells(ctx.network, o, p!));
    }
  });

  it('summarises the hit counts of both tables as the tables give them', () => {
    const routerHits = doc.observations.filter((o) => o.predicted[3] === 'hit');
    const independent = doc.observations.filter((o) => o.predicted[4] === 'no');
    const independentHits = independent.filter((o) => o.predicted[3] === 'hit');
    expect(DOC_TEXT).toContain(`router on the shipped dataset: **${routerHits.length} of ${doc.observations.length}**`);
    expect(DOC_TEXT).toContain(`${independentHits.length} of ${independent.length} independent`);
    expect(DOC_TEXT).toContain(`Result: ${routerHits.length} of ${doc.observations.length} observations`);
    // The page says every miss is too slow; that holds only while no observation lies above P90.
    if (DOC_TEXT.includes('Every miss lies below P10'))
      expect(doc.observations.filter((o) => o.predicted[3] === 'miss: slower than P90')).toEqual([]);
    // The timeline table (first cell a plain number) and its verdicts.
    const timelineRows = DOC_TEXT.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const timelineHits = timelineRows.filter((l) => / \| hit[^|]*\|$/.test(l));
    expect(DOC_TEXT).toContain(`timelines: **${timelineHits.length} of ${timelineRows.length}**`);
  });
});
