/**
 * `keruen emissions --chain FILE.json`: ISO 14083 / GLEC v3 emissions of a transport chain the user describes
 * (docs/emissions-chain-format.md), per leg and hub and in total, as a table, JSON, or an iLEAP export.
 * Bad input (malformed JSON, unknown mode, negative mass) throws KERUEN_INVALID_INPUT naming the field and value,
 * which the program prints and turns into exit code 1.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { ChainEmissions } from '../../core/index.ts';
import { chainEmissions, KeruenError, parseChain, toIleap } from '../../core/index.ts';
import { loadEmissionFactorsDir } from '../../io/index.ts';

type Format = 'table' | 'json' | 'ileap';

export function register(program: Command): void {
  program
    .command('emissions')
    .description('well-to-wheel CO2e of a transport chain (ISO 14083 / GLEC v3): per leg, per hub and in total')
    .requiredOption('-c, --chain <file>', 'chain description, JSON (see docs/emissions-chain-format.md)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'ileap']).default('table'),
    )
    .option('--factors <dir>', 'emission factor folder (default: the shipped data/emissions)')
    .action((opts: { chain: string; format: Format; factors?: string }) => emissionsCommand(opts));
}

export function emissionsCommand(opts: { chain: string; format: Format; factors?: string | undefined }): void {
  const chain = parseChain(readJson(opts.chain), opts.chain);
  const factors = loadEmissionFactorsDir(opts.factors);
  const result = chainEmissions(factors, chain);
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (opts.format === 'ileap') {
    const teu = chain.cargo.kind === 'containers' ? chain.cargo.teu : undefined;
    process.stdout.write(`${JSON.stringify(toIleap(factors, result, { teu }), null, 2)}\n`);
    return;
  }
  process.stdout.write(formatTable(result));
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `cannot read chain file ${file}`, [
      { code: 'unreadable', file, message: (e as Error).message },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `chain file ${file} is not valid JSON`, [
      { code: 'json_syntax', file, message: (e as Error).message },
    ]);
  }
}

const kg = (x: number | null): string => (x === null ? '-' : x.toFixed(1));

/** Fixed-width table: one line per element, totals, then every assumption the figures rest on. */
export function formatTable(r: ChainEmissions): string {
  const head = ['#', 'element', 'factor', 'activity', 'DAF', 'WTT kg', 'TTW kg', 'WTW kg'];
  const rows = r.elements.map((e, i) => [
    String(i + 1),
    e.label,
    e.factor.id,
    `${Math.round(e.activity.value * 100) / 100} ${e.activity.unit}${e.activity.basis === 'gross' ? ' gross' : ''}`,
    e.distanceAdjustment === 1 ? '' : `x${e.distanceAdjustment}`,
    kg(e.wttKg),
    kg(e.ttwKg),
    kg(e.wtwKg),
  ]);
  const t = r.totals;
  rows.push([
    '',
    `total (${Math.round(t.distanceKm)} km, ${Math.round(t.tkm)} tkm)`,
    '',
    '',
    '',
    kg(t.wttKg),
    kg(t.ttwKg),
    kg(t.wtwKg),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const numeric = new Set([4, 5, 6, 7]);
  const line = (cells: string[]): string =>
    cells
      .map((s, c) => (numeric.has(c) ? s.padStart(widths[c] ?? 0) : s.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [`shipment ${r.shipmentId}: ${r.massTonnes} t`, line(head), ...rows.map(line)];
  if (t.wtwUnsplitKg > 0)
    out.push(`WTT and TTW totals exclude ${t.wtwUnsplitKg.toFixed(1)} kg WTW of hubs whose source gives WTW only.`);
  // ISO 14083 asks a report to state how much of it rests on primary (carrier's own) data.
  if (t.primaryWtwKg > 0)
    out.push(
      `primary data: ${t.primaryWtwKg.toFixed(1)} kg of ${t.wtwKg.toFixed(1)} kg WTW (${((100 * t.primaryWtwKg) / t.wtwKg).toFixed(1)}%); the rest uses default factors.`,
    );
  if (r.fallbacks.length > 0) out.push('assumptions and fallbacks:', ...r.fallbacks.map((f) => `  - ${f}`));
  return `${out.join('\n')}\n`;
}
