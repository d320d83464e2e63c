/**
 * The investment appraisal, end to end: for every candidate with a cost and a network change, run the flows
 * assignment without and with the project (the do-minimum is the network of operational links; the project's
 * scenario opens its own) on the demand grown to each modelled year, turn the differences into yearly economic
 * benefits (benefits.ts), and compute the EU CBA indicators, the sensitivity table and a seeded Monte Carlo.
 * Runs are cached per (scenario, year, growth path) within a call. `choosePortfolio` then selects the set and
 * start years under the budget with a MILP solver and compares it with the greedy ranking by B/C.
 * Pure (the solver is injected); worker-safe; `onProgress` hears the share of assignments done.
 */
import { runScenario, type ScenarioRun } from '../scenarios/run-scenario.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';
import { chokePrices } from '../scenarios/surplus.ts';
import { type YearBenefits, yearBenefits } from './benefits.ts';
import { capexEur, projectFlows } from './cash-flows.ts';
import { demandForYear } from './growth.ts';
import { type Indicators, indicators } from './measures.ts';
import {
  type Candidate,
  greedyPortfolio,
  type MilpSolver,
  optimalPortfolio,
  type PortfolioResult,
  type StartOption,
} from './portfolio.ts';
import { containersOnly, type ProjectTraffic, scenarioElementIds, trafficOn } from './project-traffic.ts';
import { type RiskResult, riskAnalysis, type SensitivityRow, sensitivityTable } from './risk.ts';
import {
  type AppraisalContext,
  checkAddedFlows,
  contextNetwork,
  projectScenario,
  unappraisedReason,
} from './run-inputs.ts';
import type { AppraisalData, GrowthPath, Project } from './schema.ts';

export interface AppraisalOptions {
  growth: GrowthPath;
  /** Years at which the assignment is run; benefits are interpolated between them. */
  years: number[];
  /** Monte Carlo draws per project (0 skips the risk analysis). */
  samples: number;
  seed: number;
  /** Monte Carlo samples per OD pair for the P90 times of the assignment's KPIs. */
  reliabilitySamples: number;
  /** Latest delay of a project's start, in years, the portfolio may choose (0: start in the first year or never). */
  maxDelayYears: number;
  /** Id of a scenario of the library applied to every run, with and without each project (e.g. russia-closed). */
  context?: string | undefined;
  onProgress?: ((done: number, total: number, label: string) => void) | undefined;
}

export interface ProjectAppraisal {
  id: string;
  name: string;
  kind: Project['kind'];
  country: string;
  scenario: string;
  capexEur: number;
  capexQuoted: { value: number; currency: string; priceYear: number; source: unknown };
  startYear: number;
  openingYear: number;
  indicators: Indicators;
  byYear: Array<{
    year: number;
    costsEur: number;
    benefitsEur: number;
    userEur: number;
    reliabilityEur: number;
    carbonEur: number;
  }>;
  residualEur: number;
  modelled: Array<{ year: number } & YearBenefits>;
  sensitivity: SensitivityRow[];
  risk: RiskResult | null;
  dependsOn: string[];
  excludes: string[];
  /** Ids of the links, nodes and services the project's scenario opens or changes (for the map). */
  elements: string[];
  /** Units a year on the project's own links, nodes and services in the with-project runs. */
  traffic: Array<{ year: number } & ProjectTraffic>;
  hasTraffic: boolean;
}

export interface Unappraised {
  id: string;
  name: string;
  reason: string;
}

export interface ProjectAppraisals {
  growth: GrowthPath;
  /** The context scenario every run was made under, or null. */
  context: string | null;
  years: number[];
  demandSet: string;
  firstYear: number;
  discountRate: number;
  projects: ProjectAppraisal[];
  unappraised: Unappraised[];
  candidates: Candidate[];
  /** Parameters the method calls for that could not be sourced (parameters.yaml), with the reason. */
  missingParameters: Array<{ parameter: string; reason: string }>;
  runs: number;
}

type Run = (s: Scenario | undefined, year: number) => ScenarioRun;

/** The cached runner of one call: each (scenario, year, growth path) is assigned once; progress per new run. */
function cachedRunner(ctx: AppraisalContext, o: AppraisalOptions, total: number): { run: Run; size: () => number } {
  const cache = new Map<string, ScenarioRun>();
  const network = contextNetwork(ctx, o.context);
  const run: Run = (s, year) => {
    const key = `${s?.id ?? 'do-minimum'} ${year} ${o.growth}`;
    const hit = cache.get(key);
    if (hit) return hit;
    // The cost of not shipping is a property of the demand: a project's run keeps the do-minimum's (a pair the
    // do-minimum cannot route keeps the factor's), so that a cheap new path does not lower the choke price.
    const choke = s === undefined ? undefined : chokePrices(run(undefined, year));
    const demand = demandForYear(ctx.baseDemand, ctx.data.growth, o.growth, year);
    const r = runScenario(network, s, demand, {
      emissions: ctx.emissions,
      // Carbon is valued at the shadow price in the appraisal, not charged to shippers' route choice.
      assignment: { carbonPriceUsdPerTonneCo2e: 0, unservedCostUsdPerUnit: choke },
      kpis: { samples: o.reliabilitySamples, seed: o.seed },
    });
    cache.set(key, r);
    o.onProgress?.(cache.size, total, s?.id ?? 'do-minimum');
    return r;
  };
  return { run, size: () => cache.size };
}

/** One project's appraisal sheet and its portfolio candidate, from the runs with and without it. */
function appraiseOne(
  ctx: AppraisalContext,
  o: AppraisalOptions,
  run: Run,
  p: Project,
  s: Scenario,
): { sheet: ProjectAppraisal; candidate: Candidate } {
  const par = ctx.data.parameters;
  const vot = new Map(ctx.baseDemand.commodities.map((c) => [c.id, c.valueOfTimeUsdPerUnitH.value]));
  const pts = o.years.map((year) => ({
    year,
    b: yearBenefits(run(undefined, year).kpis, run(s, year).kpis, vot, par.reliabilityRatio.value),
  }));
  const elements = scenarioElementIds(s);
  const traffic = o.years.map((year) => ({ year, ...trafficOn(run(s, year), elements, containersOnly(s)) }));
  const start = par.firstYear;
  const fl = projectFlows(par, p, pts, start);
  const capex = capexEur(par, p) * par.conversionFactor.value;
  const c = p.capex as NonNullable<Project['capex']>;
  const sheet: ProjectAppraisal = {
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country,
    scenario: s.id,
    capexEur: capex,
    capexQuoted: { value: c.value, currency: c.currency, priceYear: c.priceYear, source: c.source ?? c.estimate },
    startYear: start,
    openingYear: fl.openingYear,
    indicators: indicators(fl.benefitsEur, fl.costsEur, par.socialDiscountRate.value, par.firstYear),
    byYear: Array.from(fl.costsEur, (cost, t) => ({
      year: par.firstYear + t,
      costsEur: cost,
      benefitsEur: fl.benefitsEur[t] as number,
      userEur: fl.userEur[t] as number,
      reliabilityEur: fl.reliabilityEur[t] as number,
      carbonEur: fl.carbonEur[t] as number,
    })),
    residualEur: fl.residualEur,
    modelled: pts.map((x) => ({ year: x.year, ...x.b })),
    sensitivity: sensitivityTable(par, p, pts, start),
    risk: o.samples > 0 ? riskAnalysis(par, p, pts, start, o.samples, o.seed) : null,
    dependsOn: [...p.dependsOn],
    excludes: [...p.excludes],
    elements: [...elements],
    traffic,
    hasTraffic: traffic.some((x) => x.teu > 0 || x.tonnes > 0),
  };
  return { sheet, candidate: candidateOf(par, p, pts, capex, o.maxDelayYears) };
}

/** Appraises every candidate of the data (see the module header). */
export function appraiseProjects(ctx: AppraisalContext, o: AppraisalOptions): ProjectAppraisals {
  checkAddedFlows(ctx);
  const par = ctx.data.parameters;
  const unappraised: Unappraised[] = [];
  const todo: Array<{ p: Project; s: Scenario }> = [];
  for (const p of ctx.data.projects) {
    const why = unappraisedReason(p, ctx.scenarios);
    if (why !== null) unappraised.push({ id: p.id, name: p.name, reason: why });
    else todo.push({ p, s: projectScenario(p, ctx.scenarios) });
  }
  const runner = cachedRunner(ctx, o, o.years.length * (1 + todo.length));
  const done = todo.map(({ p, s }) => appraiseOne(ctx, o, runner.run, p, s));
  // A dependency on a project that cannot be appraised cannot be met: the model then forbids the dependent one.
  return {
    growth: o.growth,
    context: o.context ?? null,
    years: o.years,
    demandSet: ctx.baseDemand.id,
    firstYear: par.firstYear,
    discountRate: par.socialDiscountRate.value,
    projects: done.map((x) => x.sheet),
    unappraised,
    candidates: done.map((x) => x.candidate),
    missingParameters: par.missing.map((m) => ({ ...m })),
    runs: runner.size(),
  };
}

function candidateOf(
  par: AppraisalData['parameters'],
  p: Project,
  pts: ReadonlyArray<{ year: number; b: YearBenefits }>,
  capex: number,
  maxDelay: number,
): Candidate {
  const options: StartOption[] = [];
  for (let d = 0; d <= maxDelay; d++) {
    const start = par.firstYear + d;
    const fl = projectFlows(par, p, pts, start);
    const m = indicators(fl.benefitsEur, fl.costsEur, par.socialDiscountRate.value, par.firstYear);
    const capexByYear = new Map<number, number>();
    for (const [k, share] of (p.phasing ?? [1]).entries()) capexByYear.set(start + k, capex * share);
    options.push({ startYear: start, enpvEur: m.enpvEur, benefitCostRatio: m.benefitCostRatio, capexByYear });
  }
  return { id: p.id, capexEur: capex, options, dependsOn: p.dependsOn, excludes: p.excludes };
}

export interface PortfolioAnswer {
  budgetEur: number;
  annualCapEur: number | null;
  optimal: PortfolioResult & {
    solver: { status: string; objective: number; mipGap: number | null; dualBound: number | null };
  };
  greedy: PortfolioResult;
  /** What the optimiser adds over the greedy ranking. */
  difference: { enpvEur: number; onlyOptimal: string[]; onlyGreedy: string[] };
}

/** The MILP portfolio and the greedy one for the appraised candidates. */
export function choosePortfolio(
  a: ProjectAppraisals,
  budgetEur: number,
  annualCapEur: number | undefined,
  solve: MilpSolver,
): PortfolioAnswer {
  const problem = { candidates: a.candidates, budgetEur, annualCapEur };
  const optimal = optimalPortfolio(problem, solve);
  const greedy = greedyPortfolio(problem);
  const o = new Set(optimal.picks.map((x) => x.id));
  const g = new Set(greedy.picks.map((x) => x.id));
  return {
    budgetEur,
    annualCapEur: annualCapEur ?? null,
    optimal,
    greedy,
    difference: {
      enpvEur: optimal.enpvEur - greedy.enpvEur,
      onlyOptimal: [...o].filter((x) => !g.has(x)),
      onlyGreedy: [...g].filter((x) => !o.has(x)),
    },
  };
}
