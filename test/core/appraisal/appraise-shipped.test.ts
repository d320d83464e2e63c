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
    for (const p of answer.projects.filter((x) => x.hasTraffic))
      expect(p.modelled.some((m) => m.userUsd !== 0 || m.co2eSavedTonnes !== 0)).toBe(true);
  });

  it('values the trans-Afghan railway once its announced flow starts', () => {
    const ta = answer.projects.find((p) => p.id === 'trans-afghan-railway');
    expect(ta?.modelled.find((m) => m.year === 2030)?.userUsd).toBeGreaterThan(0);
    expect(ta?.modelled.find((m) => m.year === 2024)?.userUsd).toBe(0);
  });

  it('lists the candidates it cannot appraise and the parameters it lacks, with the reason', () => {
    expect(answer.unappraised.map((u) => u.id)).toEqual(
      expect.arrayContaining(['caspian-one-more-feeder', 'anaklia-port-phase-1']),
    );
    expect(answer.missingParameters.some((m) => m.parameter.startsWith('external costs'))).toBe(true);
  });

  it('runs each (scenario, year) once and reports progress', () => {
    // do-minimum + 5 projects, at 3 years
    expect(runs.runs).toBe(18);
    expect(progress.at(-1)).toBe(18);
  });

  it('chooses less under a tighter budget', async () => {
    const small = appraisalAnswer(runs, { ...req, budgetEur: 5e8 }, await highsSolver());
    expect(small.portfolio.optimal.capexEur).toBeLessThanOrEqual(5e8);
  });
});
