/**
 * The appraisal question, answered the same way by the CLI (`keruen appraise`), the API (POST /appraisal) and
 * the page: `appraisalRuns` does the heavy part (the assignments, per project; worker-safe), `appraisalAnswer`
 * the light one (the MILP portfolio and the greedy comparison) on its output. A request's defaults and bounds
 * come from core/requests/appraisal.ts.
 */
import type { AppraisalRequest } from '../requests/appraisal.ts';
import { type AppraisalContext, appraiseProjects, choosePortfolio, type ProjectAppraisals } from './appraise.ts';
import type { MilpSolver } from './portfolio.ts';

/** Reliability Monte Carlo samples per OD pair in each assignment (P90 times for the reliability benefit). */
export const APPRAISAL_RELIABILITY_SAMPLES = 200;

/** The heavy part: every project's appraisal on the request's growth path and years. */
export function appraisalRuns(
  ctx: AppraisalContext,
  req: AppraisalRequest,
  onProgress?: (done: number, total: number, label: string) => void,
): ProjectAppraisals {
  return appraiseProjects(ctx, {
    growth: req.growth,
    years: [...new Set(req.years)].sort((a, b) => a - b),
    samples: req.samples,
    seed: req.seed,
    reliabilitySamples: APPRAISAL_RELIABILITY_SAMPLES,
    maxDelayYears: req.maxDelayYears ?? (req.annualCapEur === undefined ? 0 : 5),
    onProgress,
  });
}

/** The full answer: the projects' appraisals, the optimal and greedy portfolios, and the solver's report. */
export function appraisalAnswer(a: ProjectAppraisals, req: AppraisalRequest, solve: MilpSolver) {
  const portfolio = choosePortfolio(a, req.budgetEur, req.annualCapEur, solve);
  const { candidates: _c, ...rest } = a;
  return {
    request: req,
    ...rest,
    portfolio,
    sensitivity: a.projects.map((p) => ({ id: p.id, rows: p.sensitivity })),
    checks: {
      capexWithinBudget: portfolio.optimal.capexEur <= req.budgetEur,
      projectsWithTrafficAndZeroBenefits: a.projects
        .filter(
          (p) =>
            p.hasTraffic &&
            p.modelled.every((m) => m.userUsd === 0 && m.reliabilityUsd === 0 && m.co2eSavedTonnes === 0),
        )
        .map((p) => p.id),
    },
  };
}
export type AppraisalAnswer = ReturnType<typeof appraisalAnswer>;
