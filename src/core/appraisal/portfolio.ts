/**
 * The portfolio under a budget: choose which projects to fund, and in which year each starts, to maximise the
 * total ENPV, with total capex within the budget, each year's capex within an optional annual cap, a project only
 * with (and not before) the projects it depends on, and never two that exclude each other. A 0-1 mixed-integer
 * programme, one binary per (project, start year), solved by an injected MILP solver (HiGHS, src/io/highs-solver.ts;
 * the core stays free of the WebAssembly loader). `greedyPortfolio` is the ranking by B/C the optimiser is compared
 * with; `exhaustivePortfolio` is the plain reference the tests check the solver against.
 */
import { KeruenError } from '../errors.ts';

export interface StartOption {
  startYear: number;
  enpvEur: number;
  benefitCostRatio: number | null;
  /** Capex by calendar year, EUR (undiscounted). */
  capexByYear: ReadonlyMap<number, number>;
}

export interface Candidate {
  id: string;
  capexEur: number;
  options: StartOption[];
  dependsOn: readonly string[];
  excludes: readonly string[];
}

export interface PortfolioProblem {
  candidates: Candidate[];
  budgetEur: number;
  /** Capex allowed in each calendar year, EUR; absent: no annual cap. */
  annualCapEur?: number | undefined;
}

export interface Pick {
  id: string;
  startYear: number;
  enpvEur: number;
  capexEur: number;
}

export interface PortfolioResult {
  picks: Pick[];
  enpvEur: number;
  capexEur: number;
}

/** The solver's answer in the variables' names. */
export interface MilpSolution {
  status: string;
  objective: number;
  values: Record<string, number>;
  /** Relative gap between the incumbent and the best bound at the end of the search (0 when proved optimal). */
  mipGap: number | null;
  dualBound: number | null;
}
/** Solves a model in CPLEX LP format (maximisation, binaries). */
export type MilpSolver = (lp: string) => MilpSolution;

const SCALE = 1e6; // the model is in EUR million, to keep coefficients near 1
const varName = (i: number, s: number) => `x_${i}_${s}`;
const num = (v: number) => (Math.round((v / SCALE) * 1e6) / 1e6).toString();

function years(p: PortfolioProblem): number[] {
  const ys = new Set<number>();
  for (const c of p.candidates) for (const o of c.options) for (const y of o.capexByYear.keys()) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}

/** The model in CPLEX LP format; variable x_i_s is 1 when candidate i starts in year s. */
export function portfolioModel(p: PortfolioProblem): string {
  const idx = new Map(p.candidates.map((c, i) => [c.id, i]));
  const terms = (i: number, f: (o: StartOption) => number) =>
    (p.candidates[i] as Candidate).options.map(
      (o) => `${num(f(o)) === '0' ? '0' : num(f(o))} ${varName(i, o.startYear)}`,
    );
  const rows: string[] = [];
  const excluded = new Set<string>();
  const obj = p.candidates.flatMap((_, i) => terms(i, (o) => o.enpvEur));
  const budget = p.candidates.flatMap((c, i) => terms(i, () => c.capexEur));
  rows.push(` budget: ${budget.join(' + ') || '0 x_none'} <= ${num(p.budgetEur)}`);
  p.candidates.forEach((c, i) => {
    if (c.options.length > 1)
      rows.push(` once_${i}: ${c.options.map((o) => varName(i, o.startYear)).join(' + ')} <= 1`);
    for (const d of c.dependsOn) {
      const j = idx.get(d);
      if (j === undefined) {
        rows.push(` dep_${i}_missing: ${c.options.map((o) => varName(i, o.startYear)).join(' + ')} <= 0`);
        continue;
      }
      // By every year s, i may have started only if j has started by then.
      for (const o of c.options) {
        const mine = c.options.filter((x) => x.startYear <= o.startYear).map((x) => varName(i, x.startYear));
        const theirs = (p.candidates[j] as Candidate).options
          .filter((x) => x.startYear <= o.startYear)
          .map((x) => `- ${varName(j, x.startYear)}`);
        rows.push(` dep_${i}_${j}_${o.startYear}: ${[mine.join(' + '), ...theirs].join(' ')} <= 0`);
      }
    }
    for (const e of c.excludes) {
      const j = idx.get(e);
      if (j === undefined) continue;
      const pair = `${Math.min(i, j)}_${Math.max(i, j)}`;
      if (excluded.has(pair)) continue;
      excluded.add(pair);
      const all = [
        ...c.options.map((o) => varName(i, o.startYear)),
        ...(p.candidates[j] as Candidate).options.map((o) => varName(j, o.startYear)),
      ];
      rows.push(` excl_${pair}: ${all.join(' + ')} <= 1`);
    }
  });
  if (p.annualCapEur !== undefined)
    for (const y of years(p)) {
      const t = p.candidates.flatMap((c, i) =>
        c.options.flatMap((o) => {
          const v = o.capexByYear.get(y) ?? 0;
          return v > 0 ? [`${num(v)} ${varName(i, o.startYear)}`] : [];
        }),
      );
      if (t.length > 0) rows.push(` cap_${y}: ${t.join(' + ')} <= ${num(p.annualCapEur)}`);
    }
  const vars = p.candidates.flatMap((c, i) => c.options.map((o) => varName(i, o.startYear)));
  return [
    'Maximize',
    ` obj: ${obj.join(' + ') || '0 x_none'}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${vars.join(' ') || 'x_none'}`,
    'End',
  ]
    .join('\n')
    .replaceAll('+ -', '- ');
}

function resultOf(p: PortfolioProblem, chosen: Array<{ i: number; o: StartOption }>): PortfolioResult {
  const picks = chosen.map(({ i, o }) => {
    const c = p.candidates[i] as Candidate;
    return { id: c.id, startYear: o.startYear, enpvEur: o.enpvEur, capexEur: c.capexEur };
  });
  return {
    picks,
    enpvEur: picks.reduce((s, x) => s + x.enpvEur, 0),
    capexEur: picks.reduce((s, x) => s + x.capexEur, 0),
  };
}

/** Solves the portfolio with the MILP solver; reports its status and gap. */
export function optimalPortfolio(
  p: PortfolioProblem,
  solve: MilpSolver,
): PortfolioResult & { solver: Omit<MilpSolution, 'values'> } {
  const lp = portfolioModel(p);
  const s = solve(lp);
  if (s.status !== 'Optimal' && s.status !== 'Time limit reached')
    throw new KeruenError('KERUEN_INVALID_INPUT', `the MILP solver ended with status ${s.status}`, [], {
      field: 'portfolio',
    });
  const chosen: Array<{ i: number; o: StartOption }> = [];
  p.candidates.forEach((c, i) => {
    for (const o of c.options) if ((s.values[varName(i, o.startYear)] ?? 0) > 0.5) chosen.push({ i, o });
  });
  const { values: _values, ...solver } = s;
  return {
    ...resultOf(p, chosen),
    solver: { ...solver, objective: s.objective * SCALE, dualBound: s.dualBound === null ? null : s.dualBound * SCALE },
  };
}

/** Whether adding option o of candidate i keeps the choice feasible. */
function fits(p: PortfolioProblem, chosen: Array<{ i: number; o: StartOption }>, i: number, o: StartOption): boolean {
  const c = p.candidates[i] as Candidate;
  const capex = chosen.reduce((s, x) => s + (p.candidates[x.i] as Candidate).capexEur, 0);
  if (capex + c.capexEur > p.budgetEur * (1 + 1e-12)) return false;
  const ids = new Map(chosen.map((x) => [(p.candidates[x.i] as Candidate).id, x.o.startYear]));
  for (const d of c.dependsOn) if (!((ids.get(d) ?? Number.POSITIVE_INFINITY) <= o.startYear)) return false;
  for (const x of chosen) {
    const other = p.candidates[x.i] as Candidate;
    if (c.excludes.includes(other.id) || other.excludes.includes(c.id)) return false;
  }
  if (p.annualCapEur !== undefined)
    for (const [y, v] of o.capexByYear) {
      const used = chosen.reduce((s, x) => s + (x.o.capexByYear.get(y) ?? 0), 0);
      if (used + v > p.annualCapEur * (1 + 1e-12)) return false;
    }
  return true;
}

/** Greedy ranking by B/C: best ratio first, each at its earliest start that fits; only ENPV > 0. */
export function greedyPortfolio(p: PortfolioProblem): PortfolioResult {
  const order = p.candidates
    .map((c, i) => ({ i, bc: c.options[0]?.benefitCostRatio ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.bc - a.bc);
  const chosen: Array<{ i: number; o: StartOption }> = [];
  for (const { i } of order) {
    const o = (p.candidates[i] as Candidate).options.find((x) => x.enpvEur > 0 && fits(p, chosen, i, x));
    if (o !== undefined) chosen.push({ i, o });
  }
  return resultOf(p, chosen);
}

/** Every combination, for small problems (the tests' reference); throws beyond 16 candidates. */
export function exhaustivePortfolio(p: PortfolioProblem): PortfolioResult {
  if (p.candidates.length > 16)
    throw new KeruenError('KERUEN_INVALID_INPUT', 'exhaustive search is for at most 16 candidates');
  let best: Array<{ i: number; o: StartOption }> = [];
  let bestV = 0;
  const walk = (i: number, chosen: Array<{ i: number; o: StartOption }>, v: number) => {
    if (i === p.candidates.length) {
      // Dependencies are checked on the full set (a project may depend on a later one).
      const ok = chosen.every((x, k) =>
        fits(
          p,
          chosen.filter((_, m) => m !== k),
          x.i,
          x.o,
        ),
      );
      if (ok && v > bestV) {
        bestV = v;
        best = [...chosen];
      }
      return;
    }
    walk(i + 1, chosen, v);
    for (const o of (p.candidates[i] as Candidate).options) walk(i + 1, [...chosen, { i, o }], v + o.enpvEur);
  };
  walk(0, [], 0);
  return resultOf(p, best);
}
