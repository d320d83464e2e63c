/**
 * `keruen scenario ...`: list the scenarios of data/scenarios, compare two of them on a demand set (KPIs side by
 * side and their differences), and rank the investment scenarios by benefit per euro.
 */
import { type Command, Option } from 'commander';
import type {
  AssignmentOptions,
  CorridorLabel,
  DemandSet,
  EmissionsModel,
  Network,
  Scenario,
} from '../../core/index.ts';
import {
  BASELINE_ID,
  type BoundName,
  boundedText,
  calibrateLogit,
  checkScenario,
  chokePrices,
  compareKpis,
  comparisonYear,
  compileNetwork,
  createEmissionsModel,
  flowRunOptions,
  getScenario,
  type InvestmentBenefit,
  investmentBenefit,
  KeruenError,
  parseRequest,
  RANK_KEYS,
  type RankKey,
  rankInvestments,
  runScenario,
  type ScenarioRun,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadDemand, loadScenarios, readScenarios } from '../../io/index.ts';
import { issueLine } from '../format.ts';
import { fmt, fmtMoney, printComparison, signed } from '../scenario-report.ts';

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};

const dataOption = (): Option =>
  new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/');

interface RunFlags {
  data: string;
  demand?: string;
  json?: boolean;
  samples: string;
  seed: string;
  gap?: string;
  model?: 'ue' | 'sue';
  votFactor?: string;
  carbonPrice?: string;
  plannedUpTo?: string;
}

function num(name: string, v: string, min?: number): number;
function num(name: string, v: string | undefined, min?: number): number | undefined;
function num(name: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || x < min)
    throw new KeruenError('KERUEN_INVALID_INPUT', `${name} ${JSON.stringify(v)} must be a number >= ${min}`, [], {
      field: name,
      value: v,
    });
  return x;
}

/** A flag read with the API's bound (src/core/bounds.ts), so that the CLI refuses what the API refuses. */
function within(flag: string, bound: BoundName, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  return parseRequest(boundedText(bound), v, { label: () => flag });
}

const runOptions = (c: Command): Command =>
  c
    .addOption(dataOption())
    .option('--demand <file>', 'demand file (YAML)', undefined)
    .option('--samples <n>', 'Monte Carlo samples per OD pair for P50/P90 (0 skips)', '2000')
    .option('--seed <n>', 'seed of the Monte Carlo', '1')
    .option('--gap <g>', 'relative gap at which the equilibrium stops (default 1e-4; 1e-3 with --model sue)')
    .addOption(
      new Option(
        '--model <m>',
        'route choice: deterministic user equilibrium, or logit stochastic user equilibrium (default: sue when the demand gives a logit dispersion)',
      ).choices(['ue', 'sue']),
    )
    .option('--vot-factor <x>', "multiply every commodity's value of time (shippers' sensitivity)")
    .option('--carbon-price <usd>', 'carbon price in USD per tonne CO2e (overrides the demand file)')
    .option('--planned-up-to <year>', 'count planned links and nodes expected by this year as open')
    .option('--json', 'print the result as JSON');

export function register(program: Command): void {
  const sc = program.command('scenario').description('what-if scenarios: list, compare, rank investments');

  sc.command('list')
    .description('list the scenarios in data/scenarios with their changes, tags and validity against the network')
    .addOption(dataOption())
    .option('--json', 'print the list as JSON')
    .action((opts: { data: string; json?: boolean }) => listCommand(opts));

  runOptions(
    sc
      .command('compare')
      .description('assign the demand on two scenarios and print the KPIs side by side with their differences')
      .argument('<base>', `scenario id, or "${BASELINE_ID}"`)
      .argument('<other>', `scenario id, or "${BASELINE_ID}"`),
  ).action((base: string, other: string, opts: RunFlags) => compareCommand(base, other, opts));

  sc.command('calibrate')
    .description(
      'calibrate the logit dispersion and value of time of one OD pair on the baseline to observed corridor volumes',
    )
    .addOption(dataOption())
    .option('--demand <file>', 'demand file (YAML)', undefined)
    .option('--from <node>', 'origin', 'cn-xian')
    .option('--to <node>', 'destination', 'de-duisburg')
    .option('--commodity <id>', 'commodity', 'containers')
    .option(
      '--observed <list>',
      'observed volumes by corridor, the first matched exactly (default: 2024 China-Europe rail, Northern 412,000 TEU S96, Middle 25,000 TEU S5 minus S6)',
      'Northern=412000,Middle=25000',
    )
    .option(
      '--base-vot <usd>',
      'value of time the factors multiply (default: USD 1.74/TEU-h, S99 S139 S124 S53)',
      '1.74',
    )
    .option(
      '--factors <list>',
      'value-of-time factors tried',
      '1,1.5,2,2.5,3,3.5,4,4.5,5,5.5,6,6.5,7,7.5,8,8.5,9,9.5,10',
    )
    .option('--json', 'print the result as JSON')
    .action((opts: CalibrateFlags) => calibrateCommand(opts));

  runOptions(
    sc
      .command('rank-investments')
      .description(
        'rank the investment scenarios by yearly benefit per million euro of sourced capital cost (a screening ratio; `keruen appraise` gives the cost-benefit analysis and the portfolio)',
      )
      .addOption(new Option('--by <key>', 'benefit to rank by').choices([...RANK_KEYS]).default('shippers-cost'))
      .option('--usd-per-eur <rate>', 'exchange rate to rank costs quoted in USD with the EUR ones'),
  ).action((opts: RunFlags & { by: RankKey; usdPerEur?: string }) => rankCommand(opts));
}

function listCommand(opts: { data: string; json?: boolean }): void {
  const { scenarios, issues } = readScenarios(opts.data);
  const ctx = loadContext(opts.data);
  const rows = scenarios.map((s) => {
    const problems = checkScenario(ctx.network, s);
    return {
      id: s.id,
      name: s.name,
      tags: s.tags,
      changes: s.changes.length,
      sources: s.sources,
      investment: s.investment
        ? { cost: s.investment.cost.value, currency: s.investment.currency, comparedWith: s.investment.comparedWith }
        : null,
      valid: problems.length === 0,
      problems,
      file: s.file,
    };
  });
  if (opts.json) {
    out(JSON.stringify({ scenarios: rows, fileIssues: issues }, null, 2));
  } else {
    out(`${rows.length} scenario(s) in ${opts.data}/scenarios (plus "${BASELINE_ID}", the network as loaded)`);
    for (const r of rows) {
      const cost = r.investment ? `  cost ${fmtMoney(r.investment.cost)} ${r.investment.currency}` : '';
      out(`  ${r.valid ? 'ok ' : 'BAD'} ${r.id.padEnd(30)} ${r.name}`);
      out(`      ${r.changes} change(s); tags: ${r.tags.join(', ') || '-'}; sources: ${r.sources.join(', ')}${cost}`);
      for (const p of r.problems) out(`      ${issueLine(p)}`);
    }
    for (const i of issues) out(`  file problem: ${issueLine(i)}`);
  }
  if (issues.length > 0 || rows.some((r) => !r.valid)) process.exitCode = 1;
}

interface Setup {
  network: Network;
  emissions: EmissionsModel;
  scenarios: Scenario[];
  demand: DemandSet;
  assignment: AssignmentOptions;
  samples: number;
  seed: number;
}

function setup(opts: RunFlags): Setup {
  const ctx = loadContext(opts.data);
  return {
    network: ctx.network,
    emissions: createEmissionsModel(ctx.factors),
    scenarios: loadScenarios(opts.data),
    demand: loadDemand(opts.demand, opts.data),
    assignment: {
      relativeGap: within('--gap', 'relativeGap', opts.gap),
      model: opts.model,
      valueOfTimeFactor: within('--vot-factor', 'votFactor', opts.votFactor),
      carbonPriceUsdPerTonneCo2e: within('--carbon-price', 'carbonPriceUsd', opts.carbonPrice),
      includePlannedUpTo: within('--planned-up-to', 'year', opts.plannedUpTo),
    },
    // 0 skips the Monte Carlo; any other count has the API's bound.
    samples: opts.samples === '0' ? 0 : (within('--samples', 'samples', opts.samples) ?? 0),
    seed: within('--seed', 'seed', opts.seed) ?? 1,
  };
}

const scenarioOf = (s: Setup, id: string) => (id === BASELINE_ID ? undefined : getScenario(s.scenarios, id));

/**
 * A run in a comparison's year; the API's flows run a scenario the same way (one question, one answer). `choke`:
 * the reference run's cost of not shipping by pair, which an investment's run shares (scenarios/surplus.ts).
 */
function run(s: Setup, id: string, year: number | undefined, choke?: Map<string, number>): ScenarioRun {
  const assignment = choke === undefined ? s.assignment : { ...s.assignment, unservedCostUsdPerUnit: choke };
  const options = { emissions: s.emissions, assignment, samples: s.samples, seed: s.seed };
  return runScenario(s.network, scenarioOf(s, id), s.demand, flowRunOptions(year, options));
}

function compareCommand(baseId: string, otherId: string, opts: RunFlags): void {
  const s = setup(opts);
  const year = comparisonYear(scenarioOf(s, baseId), scenarioOf(s, otherId));
  const a = run(s, baseId, year);
  const b = run(s, otherId, year);
  const c = compareKpis(a, b);
  if (opts.json) out(JSON.stringify({ demand: s.demand.id, comparison: c }, null, 2));
  else printComparison(c, s.demand);
}

function rankCommand(opts: RunFlags & { by: RankKey; usdPerEur?: string }): void {
  const s = setup(opts);
  const usdPerEur = num('--usd-per-eur', opts.usdPerEur);
  const investments = s.scenarios.filter((x) => x.tags.includes('investment'));
  const runs = new Map<string, ScenarioRun>();
  const get = (id: string, year: number | undefined, against?: string) => {
    const key = `${id}@${year ?? '-'}@${against ?? ''}`;
    let r = runs.get(key);
    if (!r) {
      r = run(s, id, year, against === undefined ? undefined : chokePrices(get(against, year)));
      runs.set(key, r);
    }
    return r;
  };
  const benefits: InvestmentBenefit[] = investments.map((inv) => {
    const refId = inv.investment?.comparedWith ?? BASELINE_ID;
    const year = comparisonYear(inv, scenarioOf(s, refId));
    return investmentBenefit(get(refId, year).kpis, inv, get(inv.id, year, refId).kpis, usdPerEur);
  });
  const ranked = rankInvestments(benefits, opts.by);
  if (opts.json) {
    out(
      JSON.stringify({ demand: s.demand.id, by: opts.by, usdPerEur: usdPerEur ?? null, investments: ranked }, null, 2),
    );
    return;
  }
  const perLabel = {
    'shippers-cost': 'USD/yr per EUR m',
    'generalised-cost': 'USD/yr per EUR m',
    'teu-days': 'TEU-d/yr per EUR m',
    volume: 'TEU/yr per EUR m',
  }[opts.by];
  out(`Investment scenarios ranked by ${opts.by} per EUR million (demand ${s.demand.id}, ${s.demand.year})`);
  out(
    `${'rank'.padEnd(5)}${'scenario'.padEnd(30)}${'cost EUR m'.padStart(12)}${'shippers USD m/yr'.padStart(19)}${'GC saved USD m/yr'.padStart(19)}` +
      `${'TEU-days saved/yr'.padStart(19)}${'TEU gained'.padStart(12)}${'t gained'.padStart(12)}${perLabel.padStart(20)}`,
  );
  for (const b of ranked) {
    const per =
      opts.by === 'teu-days'
        ? b.perMillionEur.teuDaysSavedPerYear
        : opts.by === 'volume'
          ? b.perMillionEur.teuGainedPerYear
          : opts.by === 'generalised-cost'
            ? b.perMillionEur.generalisedCostSavedUsdPerYear
            : b.perMillionEur.shippersCostSavedUsdPerYear;
    out(
      `${String(b.rank ?? '-').padEnd(5)}${b.id.slice(0, 29).padEnd(30)}${fmt(b.costEur === null ? null : b.costEur / 1e6, 0).padStart(12)}` +
        `${signed(b.shippersCostSavedUsdPerYear / 1e6, 2).padStart(19)}${signed(b.generalisedCostSavedUsdPerYear / 1e6, 2).padStart(19)}${signed(b.teuDaysSavedPerYear).padStart(19)}` +
        `${signed(b.teuGainedPerYear).padStart(12)}${signed(b.tonnesGainedPerYear).padStart(12)}${signed(per, 2).padStart(20)}`,
    );
    if (b.note) out(`     ${b.note}`);
    if (b.costProvenance) out(`     cost: ${b.costProvenance}`);
  }
}

interface CalibrateFlags {
  data: string;
  demand?: string;
  from: string;
  to: string;
  commodity: string;
  observed: string;
  baseVot: string;
  factors: string;
  json?: boolean;
}

function calibrateCommand(opts: CalibrateFlags): void {
  const ctx = loadContext(opts.data);
  const demand = loadDemand(opts.demand, opts.data);
  const flow = demand.flows.find((f) => f.from === opts.from && f.to === opts.to && f.commodity === opts.commodity);
  if (!flow)
    throw new KeruenError('KERUEN_INVALID_INPUT', `no flow ${opts.from} -> ${opts.to} of ${opts.commodity}`, [], {
      field: '--from',
    });
  const total = flow.volumePerYear.value;
  const targets = opts.observed.split(',').map((kv): [CorridorLabel, number] => {
    const [k, v] = kv.split('=');
    if (v === undefined)
      throw new KeruenError('KERUEN_INVALID_INPUT', `--observed ${JSON.stringify(kv)} must be corridor=volume`, [], {
        field: '--observed',
        value: kv,
      });
    return [k as CorridorLabel, num('--observed', v) / total];
  });
  const g = compileNetwork(ctx.network, { emissions: createEmissionsModel(ctx.factors) });
  const r = calibrateLogit(ctx.network, g, demand, {
    commodity: opts.commodity,
    from: opts.from,
    to: opts.to,
    targets,
    baseValueOfTimeUsdPerUnitH: num('--base-vot', opts.baseVot),
    valueOfTimeFactors: opts.factors.split(',').map((x) => num('--factors', x)),
  });
  if (opts.json) {
    out(JSON.stringify({ targets: Object.fromEntries(targets), result: r ?? null }, null, 2));
    return;
  }
  out(`${opts.from} -> ${opts.to}, ${opts.commodity}: ${fmt(total)} per year; observed shares:`);
  for (const [k, v] of targets) out(`  ${k.padEnd(12)} ${fmt(v * 100, 1)} %`);
  if (!r) {
    out('no factor lets the first corridor reach its observed share');
    process.exitCode = 1;
    return;
  }
  const base = num('--base-vot', opts.baseVot);
  out(`value-of-time factor ${r.valueOfTimeFactor} (USD ${fmt(base * r.valueOfTimeFactor, 2)} per unit-hour)`);
  out(`logit dispersion ${r.logitDispersionPerUsd.toPrecision(3)} per USD`);
  out('calibrated baseline shares:');
  for (const [k, v] of Object.entries(r.split.byCorridor).sort((a, b) => b[1] - a[1]))
    out(`  ${k.padEnd(12)} ${fmt((v / r.split.demand) * 100, 1)} %  (${fmt(v)})`);
  out(`  ${'unserved'.padEnd(12)} ${fmt((r.split.unserved / r.split.demand) * 100, 1)} %`);
  out(`squared share error ${r.squaredError.toPrecision(3)}; ${r.trials} equilibria`);
}
