/**
 * Recomputes the calibration section of docs/validation.md (between <!-- calibration:start --> and
 * <!-- calibration:end -->) and its picture docs/img/calibration-pit.svg from the shipped dataset and
 * observations/journeys.yaml. Prints the section; with --write, rewrites the section, the picture and the fitted
 * calibration the dataset applies (data/calibration/transit-times.yaml).
 * Run: node --import tsx test/validation/print-calibration.ts [--write]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContext } from '../../src/io/context.ts';
import { calibrationRecord, computeReport, END, renderSection, renderSvg, START } from './calibration-report.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = join(ROOT, 'docs/validation.md');
const SVG = join(ROOT, 'docs/img/calibration-pit.svg');
const RECORD = join(ROOT, 'data/calibration/transit-times.yaml');

const ctx = loadContext();
const report = computeReport(ctx);
const section = renderSection(report);
process.stdout.write(`${section}\n`);
if (process.argv.includes('--write')) {
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC}: add the markers ${START} and ${END} first`);
  writeFileSync(DOC, `${doc.slice(0, a + START.length)}\n${section}\n${doc.slice(b)}`);
  mkdirSync(dirname(SVG), { recursive: true });
  writeFileSync(SVG, renderSvg(report));
  mkdirSync(dirname(RECORD), { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(RECORD, calibrationRecord(report, ctx.network.manifest.version, today));
  process.stdout.write(`wrote ${DOC}, ${SVG} and ${RECORD}\n`);
}
