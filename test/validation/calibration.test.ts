/**
 * Keeps the calibration section of docs/validation.md and its picture honest: the observed journeys are routed
 * on the shipped dataset, the pooled parameters refitted on the tuning journeys, the 5-fold cross-validation and
 * the held-out predictions recomputed, and the generated text between the calibration markers and
 * docs/img/calibration-pit.svg must match. A change to the data, the router or the method that moves a number
 * fails here until the page is refreshed (node --import tsx test/validation/print-calibration.ts --write).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../src/io/context.ts';
import { type CalibrationReport, computeReport, renderSection, renderSvg, sectionOf } from './calibration-report.ts';
import { JOURNEY_CASES, loadJourneys, observedHours } from './journey-cases.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = readFileSync(join(ROOT, 'docs/validation.md'), 'utf8');
const ctx = loadContext();
const journeys = loadJourneys();
let report: CalibrationReport;

beforeAll(() => {
  report = computeReport(ctx);
}, 300_000);

describe('observations/journeys.yaml', () => {
  it('holds at least 60 journeys, each with sources that exist, a claim, a time and a split', () => {
    expect(journeys.length).toBeGreaterThanOrEqual(60);
    expect(new Set(journeys.map((j) => j.id)).size).toBe(journeys.length);
    for (const j of journeys) {
      expect(j.sources.length, j.id).toBeGreaterThan(0);
      for (const s of j.sources) expect(ctx.network.sources.has(s), `${j.id} ${s}`).toBe(true);
      expect(j.quote.length, j.id).toBeGreaterThan(10);
      expect(observedHours(j.observed), j.id).toBeGreaterThan(0);
      expect(['tuning', 'held-out'], j.id).toContain(j.split);
      expect(['scheduled', 'inaugural', 'ad-hoc'], j.id).toContain(j.service);
      expect(JOURNEY_CASES[j.id], `${j.id} has a route case or a reason`).toBeDefined();
    }
  });

  it('spans containers and bulk, both directions, every corridor, and holds out about 30% of each corridor', () => {
    const cargo = new Set(journeys.map((j) => j.cargo));
    expect(cargo.has('containers') && cargo.has('bulk')).toBe(true);
    expect(journeys.some((j) => j.direction === 'eastbound')).toBe(true);
    expect(journeys.some((j) => j.direction === 'westbound')).toBe(true);
    const corridors = [...new Set(journeys.map((j) => j.corridor))];
    for (const c of ['Middle', 'Northern', 'Southern', 'Trans-Afghan', 'Sea', 'Caspian'])
      expect(corridors).toContain(c);
    for (const c of corridors) {
      const of = journeys.filter((j) => j.corridor === c);
      const held = of.filter((j) => j.split === 'held-out').length;
      expect(held, c).toBe(Math.round(0.3 * of.length));
    }
  });
});

describe('docs/validation.md, calibration section', () => {
  it('predicts at least 60 journeys', () => {
    expect(report.routed.length).toBeGreaterThanOrEqual(60);
  });

  it('states the numbers that the data, the fit and the cross-validation give', () => {
    expect(sectionOf(DOC)).toBe(renderSection(report));
  });

  it('draws the picture from the same predictions', () => {
    expect(readFileSync(join(ROOT, 'docs/img/calibration-pit.svg'), 'utf8')).toBe(renderSvg(report));
  });

  it('is the calibration the dataset applies: data/calibration holds the parameters this fit gives', () => {
    const applied = ctx.network.calibration;
    expect(applied?.journeys).toEqual({
      tuning: report.routed.filter((r) => r.journey.split === 'tuning').length,
      heldOut: report.routed.filter((r) => r.journey.split === 'held-out').length,
    });
    for (const [k, p] of Object.entries(report.params)) {
      expect(applied?.params[k]?.medianFactor, k).toBeCloseTo(p?.medianFactor ?? Number.NaN, 4);
      expect(applied?.params[k]?.sigma, k).toBeCloseTo(p?.sigma ?? Number.NaN, 4);
    }
  });
});
