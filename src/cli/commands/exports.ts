/**
 * `keruen exports [--commodity C] [--scenario S] [--json]`: Kazakhstan's export flows from mine gate to EU entry
 * point (issue 18), assigned under capacity, with landed cost, days, CO2e and risk per tonne by commodity and
 * corridor, the unserved tonnes with their bottleneck, and the share of the EU's imports Kazakhstan supplies.
 * The same request schema and core function as GET /exports (core/exports/answer-exports.ts).
 */
import { type Command, Option } from 'commander';
import {
  answerExports,
  type ExportsAnswer,
  ExportsRequestSchema,
  KeruenError,
  libraryScenario,
  parseRequest,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadExportsDataset, loadScenarios } from '../../io/index.ts';

interface Flags {
  data: string;
  commodity?: string;
  scenario?: string;
  json?: boolean;
}

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};
const kt = (t: number) => `${(t / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} kt`;

export function register(program: Command): void {
  program
    .command('exports')
    .description("Kazakhstan's exports to EU ports: landed cost, days and CO2e per tonne, unserved tonnes (issue 18)")
    .option('--commodity <id>', 'only this commodity of data/exports/commodities.yaml (e.g. crude-oil)')
    .option('--scenario <id>', 'under a scenario of data/scenarios (default: baseline)')
    .option('--json', 'print the answer as JSON')
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .action((opts: Flags) => exportsCommand(opts));
}

export function exportsCommand(opts: Flags): void {
  const raw = Object.fromEntries(
    Object.entries({ commodity: opts.commodity, scenario: opts.scenario }).filter(([, v]) => v !== undefined),
  );
  const req = parseRequest(ExportsRequestSchema, raw, { label: (f) => `--${f}` });
  const ctx = loadContext(opts.data);
  const dataset = loadExportsDataset(opts.data);
  if (dataset === undefined)
    throw new KeruenError('KERUEN_INVALID_DATASET', `no exports/ folder in ${opts.data}`, [
      { code: 'missing_folder', file: 'exports/', message: 'the exports dataset (data/exports/*.yaml) is needed' },
    ]);
  const scenario = libraryScenario(loadScenarios(ctx.dataDir), req.scenario, '--scenario');
  const answer = answerExports({ engine: ctx.engine, emissions: ctx.emissions, dataset, scenario }, req);
  if (opts.json) out(JSON.stringify(answer, null, 2));
  else printAnswer(answer);
}

function printAnswer(a: ExportsAnswer): void {
  out(`Kazakhstan's exports to the EU under ${a.scenario.id} (${a.scenario.name}); routes searched for ${a.depart}`);
  out(
    `\n${'commodity'.padEnd(18)}${'corridor'.padEnd(10)}${'to'.padEnd(28)}${'tonnes/yr'.padStart(12)}${'USD/t'.padStart(10)}${'days'.padStart(7)}${'kgCO2e/t'.padStart(10)}${'risk'.padStart(6)}`,
  );
  for (const r of a.byCorridor) {
    const cost = `${r.costUsdPerTonne.toFixed(1)}${r.costComplete ? '' : '+'}`;
    const co2 = r.co2eKgPerTonne === null ? '-' : r.co2eKgPerTonne.toFixed(1);
    out(
      `${r.commodity.padEnd(18)}${r.corridor.padEnd(10)}${r.to.join(',').slice(0, 27).padEnd(28)}${(r.tonnes > 0 ? kt(r.tonnes) : 'priced').padStart(12)}${cost.padStart(10)}${r.days.toFixed(1).padStart(7)}${co2.padStart(10)}${`${(r.riskProbability * 100).toFixed(0)}%`.padStart(6)}`,
    );
  }
  if (a.unserved.length > 0) out('\nUnserved:');
  for (const u of a.unserved) {
    const why =
      u.bottleneck.length > 0
        ? `bottleneck ${u.bottleneck.map((b) => `${b.name} (${b.link}, ${kt(b.capacityTonnesPerYear)}/yr)`).join('; ')}`
        : `no route: ${u.cutBy.join('; ') || 'not connected'}`;
    out(`  ${u.flow}: ${u.tonnes > 0 ? kt(u.tonnes) : 'priced flow'}; ${why}`);
  }
  if (a.againstBaseline !== null) printChanges(a.againstBaseline);
  out("\nKazakhstan's share of the EU's imports:");
  for (const s of a.shares) {
    const sh = s.euImportShare;
    out(
      `  ${s.commodity.padEnd(18)} HS ${s.hsCode.padEnd(8)} CRMA ${s.euCrm.padEnd(9)} ${'missing' in sh ? `not found: ${sh.missing}` : `${(sh.value * 100).toFixed(1)}% (${sh.year ?? 'n.d.'}, ${sh.source.join(', ')})`}`,
    );
  }
  out('\n+ cost is a lower bound (a leg has no published tariff)');
  for (const n of a.notes) out(`- ${n}`);
  out(`Sources: ${a.sources.map((s) => s.id).join(', ')}`);
}

const signed = (v: number, digits = 1) => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;

/** The scenario against the baseline: what shifts, what cannot move, and the extra cost and CO2e of what does. */
function printChanges(rows: NonNullable<ExportsAnswer['againstBaseline']>): void {
  out(
    "\nAgainst the baseline (kt a year; extra cost and CO2e of the tonnes that still move, at each flow's baseline cost):",
  );
  out(
    `${'commodity'.padEnd(18)}${'served'.padStart(20)}${'unserved'.padStart(18)}${'shifted'.padStart(9)}${'USD/t'.padStart(18)}${'extra USD m'.padStart(13)}${'extra kt CO2e'.padStart(15)}`,
  );
  const n = (t: number) => (t / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const usd = (v: number | null) => (v === null ? '-' : v.toFixed(1));
  for (const c of rows) {
    const pair = (p: { baseline: number; scenario: number }) => `${n(p.baseline)} -> ${n(p.scenario)}`;
    const perT = `${usd(c.costUsdPerTonne.baseline)} -> ${usd(c.costUsdPerTonne.scenario)}`;
    const co2 = c.extraCo2eTonnesPerYear === null ? '-' : signed(c.extraCo2eTonnesPerYear / 1000, 1);
    out(
      `${c.commodity.padEnd(18)}${pair(c.servedTonnes).padStart(20)}${pair(c.unservedTonnes).padStart(18)}${n(c.shiftedTonnes).padStart(9)}${perT.padStart(18)}${`${signed(c.extraCostUsdPerYear / 1e6)}${c.costComplete ? '' : '+'}`.padStart(13)}${co2.padStart(15)}`,
    );
  }
}
