/**
 * Recomputes the calibration section of docs/validation.md (between <!-- calibration:start --> and
 * <!-- calibration:end -->) and its picture docs/img/calibration-pit.svg from the shipped dataset and
 * observations/journeys.yaml. Prints the section; with --write, rewrites the section and the picture.
 * Run: node --import tsx test/validation/print-calibration.ts [--write]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContext } from '../../src/io/context.ts';
import { computeReport, END, renderSection, renderSvg, START } from './calibration-report.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = join(ROOT, 'docs/validation.md');
const SVG = join(ROOT, 'docs/img/calibration-pit.svg');

const report = computeReport(loadContext());
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
  process.stdout.write(`wrote ${DOC} and ${SVG}\n`);
}
