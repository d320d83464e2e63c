/**
 * The acceptance of issue #19 on the shipped data: `keruen appraise --budget-eur 10e9` returns a portfolio within
 * the budget, ENPV, EIRR and B/C per project, a sensitivity table, the solver's gap and the difference from the
 * greedy ranking, and every project with traffic on its own elements has non-zero benefits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AppraisalAnswer,
  appraisalAnswer,
  appraisalRuns,
  hasBenefits,
  NEGLIGIBLE_BENEFIT,
  type ProjectAppraisals,
} from '../../../src/core/appraisal/index.ts';
import { AppraisalRequestSchema } from '../../../src/core/requests/appraisal.ts';
import { parseRequest } from '../../../src/core/requests/parse.ts';
import { loadAppraisalContext } from '../../../src/io/appraisal.ts';
import { highsSolver } from '../../../src/io/highs-solver.ts';

const req = parseRequest(AppraisalRequestSchema, { budgetEur: 10e9, samples: 100 });
let runs: ProjectAppraisals;
let answer: AppraisalAnswer;
const progress: number[] = [];

beforeAll(async () => {
  runs = appraisalRuns(loadAppraisalContext(), req, (done) => progress.push(done));
  answer = appraisalAnswer(runs, req, await highsSolver());
}, 60_000);

describe('appraisal of the shipped candidates', () => {
  it('keeps the portfolio within the budget and reports the solver gap and the greedy difference', () => {
    const o = answer.portfolio.optimal;
    expect(o.capexEur).toBeLessThanOrEqual(10e9);
    expect(o.solver.status).toBe('Optimal');
    expect(o.solver.mipGap).toBe(0);
    expect(answer.portfolio.difference.enpvEur).toBeGreaterThanOrEqual(-1);
    expect(o.enpvEur).toBeCloseTo(
      o.picks.reduce((s, p) => s + p.enpvEur, 0),
      0,
    );
  });

  it('gives ENPV, EIRR or a reason, B/C and a sensitivity table per project', () => {
    expect(answer.projects.length).toBeGreaterThanOrEqual(5);
    for (const p of answer.projects) {
      expect(Number.isFinite(p.indicators.enpvEur)).toBe(true);
      expect(p.indicators.benefitCostRatio).not.toBeNull();
      expect(p.sensitivity.map((r) => r.case)).toEqual(expect.arrayContaining(['base', 'capex +20%', 'demand -20%']));
      expect(p.risk?.samples).toBe(100);
    }
  });

  it('gives every project with traffic on its elements non-zero benefits', () => {
    expect(answer.checks.projectsWithTrafficAndZeroBenefits).toEqual([]);
    const withTraffic = answer.projects.filter((x) => x.hasTraffic);
    // Not vacuous: the lines and the crossing carry traffic on the shipped demand (Darbaza–Maktaaral through the
    // Kazakhstan–Uzbekistan cells of growth.yaml).
    expect(withTraffic.map((p) => p.id)).toEqual(
      expect.arrayContaining(['moyinty-kyzylzhar', 'darbaza-maktaaral', 'bakhty-ayagoz', 'trans-afghan-railway']),
    );
    for (const p of withTraffic) {
      expect(hasBenefits(p), p.id).toBe(true);
      // in a year when the project carries traffic, its time-and-money benefit is more than rounding noise
      const busy = p.modelled.filter((m) => p.traffic.some((t) => t.year === m.year && t.teu + t.tonnes > 0));
      expect(
        busy.some((m) => Math.abs(m.userUsd) >= NEGLIGIBLE_BENEFIT.usdPerYear),
        p.id,
      ).toBe(true);
    }
  });

  it('offers more candidate capex than the budget, so that the budget can bind', () => {
    const total = answer.projects.reduce((s, p) => s + p.capexEur, 0);
    expect(total).toBeGreaterThan(10e9);
  });

  it('never does worse than greedy ranking, under budgets from EUR 0.3 bn to 10 bn', async () => {
    // Which budget makes greedy lose depends on the candidates' ENPVs (portfolio.test.ts has a knapsack where it
    // does); here the optimiser must stay within each budget and never fall below greedy.
    const solve = await highsSolver();
    for (const budgetEur of [3e8, 5e8, 1e9, 2e9, 5e9, 10e9]) {
      const a = appraisalAnswer(runs, { ...req, budgetEur }, solve);
      expect(a.portfolio.optimal.capexEur).toBeLessThanOrEqual(budgetEur);
      expect(a.portfolio.greedy.capexEur).toBeLessThanOrEqual(budgetEur);
      expect(a.portfolio.difference.enpvEur).toBeGreaterThanOrEqual(-1);
    }
  });

  it('values the trans-Afghan railway once its announced flow starts', () => {
    const ta = answer.projects.find((p) => p.id === 'trans-afghan-railway');
    expect(ta?.modelled.find((m) => m.year === 2030)?.userUsd).toBeGreaterThan(0);
    expect(ta?.modelled.find((m) => m.year === 2024)?.userUsd).toBe(0);
  });

  it('lists the candidates it cannot appraise and the parameters it lacks, with the reason', () => {
    expect(answer.unappraised.map((u) => u.id)).toEqual(
      expect.arrayContaining(['anaklia-port-phase-1', 'kuryk-port-hub-phase-1']),
    );
    expect(answer.missingParameters.some((m) => m.parameter.startsWith('external costs'))).toBe(true);
  });

  it('runs each (scenario, year) once and reports progress', () => {
    // do-minimum + 9 appraised projects, at 3 years
    expect(runs.projects.length).toBe(9);
    expect(runs.runs).toBe(30);
    expect(progress.at(-1)).toBe(30);
  });

  it('chooses less under a tighter budget', async () => {
    const small = appraisalAnswer(runs, { ...req, budgetEur: 5e8 }, await highsSolver());
    expect(small.portfolio.optimal.capexEur).toBeLessThanOrEqual(5e8);
  });
});
