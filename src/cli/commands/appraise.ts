/**
 * `keruen appraise`: the EU cost–benefit analysis of the investment candidates (data/appraisal/) and the
 * portfolio that maximises ENPV under a budget, chosen by HiGHS and compared with the greedy ranking by B/C.
 * The same request schema and core functions as POST /appraisal (core/appraisal/answer.ts).
 */
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import {
  type AppraisalAnswer,
  AppraisalFlagsSchema,
  appraisalAnswer,
  appraisalRuns,
  GROWTH_PATHS,
  parseRequest,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, highsSolver, loadAppraisalContext } from '../../io/index.ts';

interface Flags {
  data: string;
  budgetEur?: string;
  annualCapEur?: string;
  growth?: string;
  years?: string;
  samples?: string;
  seed?: string;
  maxDelay?: string;
  context?: string;
  json?: boolean;
  progress?: boolean;
}

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};
const m = (eur: number) => (eur / 1e6).toFixed(0).padStart(9);
const pct = (x: number | null) => (x === null ? '     -' : `${(x * 100).toFixed(1)}%`.padStart(6));

export function register(program: Command): void {
  program
    .command('appraise')
    .description('cost-benefit analysis of the investment candidates and the best portfolio under a budget (HiGHS)')
    .option('--budget-eur <n>', 'capex budget in EUR (default 10e9, the EU pledge)')
    .option('--annual-cap-eur <n>', 'capex allowed in any one year, EUR (lets the optimiser delay starts)')
    .addOption(new Option('--growth <path>', 'demand growth path').choices([...GROWTH_PATHS]))
    .option('--years <list>', 'years at which the assignment runs (default 2024,2030,2040)')
    .option('--samples <n>', 'Monte Carlo draws per project (default 1000)')
    .option('--seed <n>', 'seed of the Monte Carlo (default 1)')
    .option('--max-delay <years>', 'latest delay of a start the optimiser may choose')
    .option('--context <scenario>', 'value every project under this scenario too, e.g. russia-closed')
    .option('--no-progress', 'never draw the progress bar')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .action((opts: Flags) => appraiseCommand(opts));
}

async function appraiseCommand(opts: Flags): Promise<void> {
  const flags = {
    budgetEur: opts.budgetEur,
    annualCapEur: opts.annualCapEur,
    growth: opts.growth,
    years: opts.years,
    samples: opts.samples,
    seed: opts.seed,
    maxDelayYears: opts.maxDelay,
    context: opts.context,
  };
  const label = (f: string) =>
    `--${f
      .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
      .replace('-years', 'years')
      .replace('max-delay-years', 'max-delay')}`;
  const req = parseRequest(
    AppraisalFlagsSchema,
    Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    { label },
  );
  const ctx = loadAppraisalContext(opts.data);
  const solve = await highsSolver();
  const bar =
    opts.progress !== false && !opts.json && process.stderr.isTTY
      ? new SingleBar({ format: 'appraising [{bar}] {value}/{total} assignments | {label}' })
      : undefined;
  let started = false;
  const runs = appraisalRuns(ctx, req, (done, total, l) => {
    if (!started) bar?.start(total, 0, { label: l });
    started = true;
    bar?.update(done, { label: l });
  });
  bar?.stop();
  const answer = appraisalAnswer(runs, req, solve);
  if (opts.json) out(JSON.stringify(answer, null, 2));
  else printAnswer(answer);
}

function printAnswer(a: AppraisalAnswer): void {
  out(
    `Appraisal: demand ${a.demandSet} grown on the ${a.growth} path, assignments in ${a.years.join(', ')}; ` +
      `discount rate ${(a.discountRate * 100).toFixed(1)}%, first year ${a.firstYear} (EUR, 2024 prices)` +
      (a.context === null ? '' : `; every run under the scenario ${a.context}`),
  );
  out(
    `${'project'.padEnd(24)}${'capex m'.padStart(9)}${'ENPV m'.padStart(9)}  ${'EIRR'.padStart(6)}${'B/C'.padStart(7)}  opens  payback  P(ENPV<0)`,
  );
  for (const p of a.projects) {
    const i = p.indicators;
    out(
      `${p.id.slice(0, 23).padEnd(24)}${m(p.capexEur)}${m(i.enpvEur)}  ${pct(i.eirr)}${(i.benefitCostRatio ?? 0).toFixed(2).padStart(7)}  ${p.openingYear}   ${String(i.paybackYear ?? '-').padEnd(7)}  ${p.risk ? `${(p.risk.probabilityNegative * 100).toFixed(0)}%` : '-'}`,
    );
  }
  for (const u of a.unappraised) out(`  not appraised: ${u.id}: ${u.reason}`);
  const o = a.portfolio.optimal;
  out(
    `\nPortfolio under EUR ${m(a.portfolio.budgetEur).trim()} m${a.portfolio.annualCapEur ? ` (at most EUR ${m(a.portfolio.annualCapEur).trim()} m a year)` : ''}:`,
  );
  out(
    `  optimal (HiGHS, ${o.solver.status}, gap ${o.solver.mipGap ?? '-'}): ${o.picks.map((x) => `${x.id}@${x.startYear}`).join(', ') || '(none)'}`,
  );
  out(`    capex EUR ${m(o.capexEur).trim()} m, ENPV EUR ${m(o.enpvEur).trim()} m`);
  const g = a.portfolio.greedy;
  out(
    `  greedy by B/C: ${g.picks.map((x) => `${x.id}@${x.startYear}`).join(', ') || '(none)'}; capex EUR ${m(g.capexEur).trim()} m, ENPV EUR ${m(g.enpvEur).trim()} m`,
  );
  out(`  the optimiser adds EUR ${m(a.portfolio.difference.enpvEur).trim()} m of ENPV`);
  const zero = a.checks.projectsWithTrafficAndZeroBenefits;
  out(
    `\nChecks: capex within the budget: ${a.checks.capexWithinBudget ? 'yes' : 'NO'}; ` +
      `projects with traffic and no benefit: ${zero.length === 0 ? 'none' : zero.join(', ')}`,
  );
}
