/**
 * `keruen sweep --spec sweep.yaml`: runs every variant of a sweep (scenarios × demand growth × seeds, or a sample)
 * and prints the spread of each KPI per scenario and growth factor; `--out-dir` writes variants.csv and
 * summary.csv. Embedded by default (variants run here, one after another); with `--db postgres://…` the
 * variants go to the shared queue and `keruen worker`s on any machine run them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import {
  checkSweep,
  KeruenError,
  listVariants,
  parseSweepSpecText,
  runVariant,
  type SweepSpec,
  type SweepSummary,
  summariseSweep,
  summaryCsv,
  type VariantResult,
  variantsCsv,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadScenarioLibrary } from '../../io/index.ts';
import { bossFromEnv } from './worker.ts';

interface SweepOptions {
  spec: string;
  db?: string;
  outDir?: string;
  json?: boolean;
  data: string;
}

function readSpec(path: string): SweepSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `spec: cannot read ${path}: ${(e as Error).message}`, [], {
      field: 'spec',
      value: path,
    });
  }
  return parseSweepSpecText(path, text);
}

function runHere(o: SweepOptions, spec: SweepSpec, bar: SingleBar | undefined): VariantResult[] {
  const ctx = loadContext(o.data);
  const sweepCtx = {
    network: ctx.network,
    emissions: ctx.emissions,
    library: loadScenarioLibrary(ctx.network, o.data),
  };
  checkSweep(spec, sweepCtx.library);
  return listVariants(spec).map((v, i) => {
    const r = runVariant(sweepCtx, spec, v);
    bar?.update(i + 1);
    return r;
  });
}

const fmt = (x: number) => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

function printSummary(s: SweepSummary): void {
  const kpis = ['userCostUsd', 'generalisedCostUsd', 'co2eTonnes', 'p90DaysWeighted', 'topUtilisation'];
  process.stdout.write(
    `${s.variants} variants\n\nscenario\tgrowth\tn\t${kpis.map((k) => `${k} P10–P50–P90`).join('\t')}\n`,
  );
  for (const g of s.groups) {
    const cells = kpis.map((k) => {
      const v = g.kpis[k];
      return v === undefined ? '—' : `${fmt(v.p10)}–${fmt(v.p50)}–${fmt(v.p90)}`;
    });
    process.stdout.write(`${g.scenario}\t${g.growth}\t${g.variants}\t${cells.join('\t')}\n`);
  }
}

export function register(program: Command): void {
  program
    .command('sweep')
    .description('run a sweep of scenario variants (scenarios × demand growth × seeds) and summarise their KPIs')
    .requiredOption('--spec <file>', 'the sweep, YAML: name, scenarios, growth, seeds, samplesPerOd, sample')
    .option('--db <url>', 'postgres:// database of `keruen worker`s: run the variants on the shared queue')
    .option('-o, --out-dir <dir>', 'write variants.csv (one row per variant) and summary.csv (spread per group)')
    .option('--json', 'print {summary, variants} as JSON')
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .action(async (o: SweepOptions) => {
      const spec = readSpec(o.spec);
      const n = listVariants(spec).length;
      const bar =
        process.stderr.isTTY && !o.json
          ? new SingleBar({ format: 'sweep [{bar}] {value}/{total} variants' })
          : undefined;
      bar?.start(n, 0);
      let results: VariantResult[];
      if (o.db === undefined) results = runHere(o, spec, bar);
      else {
        // Imported only for a queued sweep (see serve.ts).
        const { describeDb, runQueuedSweep } = await import('../../server/index.ts');
        process.stderr.write(`queued on ${describeDb(o.db)}; variants run on its keruen workers\n`);
        const q = await runQueuedSweep(o.db, spec, n, { boss: bossFromEnv(), onProgress: (d) => bar?.update(d) });
        if (q.status !== 'done')
          throw new KeruenError('KERUEN_INVALID_INPUT', `sweep ${q.jobId} ended ${q.status}: ${q.error ?? ''}`, [], {});
        results = q.results;
      }
      bar?.stop();
      const summary = summariseSweep(results);
      if (o.outDir !== undefined) {
        mkdirSync(o.outDir, { recursive: true });
        writeFileSync(join(o.outDir, 'variants.csv'), variantsCsv(results));
        writeFileSync(join(o.outDir, 'summary.csv'), summaryCsv(summary));
      }
      if (o.json) process.stdout.write(`${JSON.stringify({ summary, variants: results }, null, 2)}\n`);
      else printSummary(summary);
    });
}
