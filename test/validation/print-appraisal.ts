/**
 * Prints the appraisal section of docs/validation.md recomputed from the shipped dataset; with --write, replaces
 * the section between <!-- appraisal:start --> and <!-- appraisal:end --> (appended when absent).
 * Run: node --import tsx test/validation/print-appraisal.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppraisalContext } from '../../src/io/index.ts';
import { computeAppraisalValidation, END, renderAppraisalSection, START } from './appraisal-report.ts';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../docs/validation.md');
const section = renderAppraisalSection(computeAppraisalValidation(loadAppraisalContext()));
if (process.argv.includes('--write')) {
  const page = readFileSync(DOC, 'utf8');
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  const next =
    a >= 0 && b > a ? page.slice(0, a) + section + page.slice(b + END.length) : `${page.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  process.stdout.write(`wrote the appraisal section of ${DOC}\n`);
} else process.stdout.write(`${section}\n`);
