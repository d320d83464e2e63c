/**
 * The appraisal question, answered the same way by the CLI (`keruen appraise`), the API (POST /appraisal) and
 * the page: `appraisalRuns` does the heavy part (the assignments, per project; worker-safe), `appraisalAnswer`
 * the light one (the MILP portfolio and the greedy comparison) on its output. A request's defaults and bounds
 * come from core/requests/appraisal.ts.
 */
import type { AppraisalRequest } from '../requests/appraisal.ts';
import { appraiseProjects, choosePortfolio, type ProjectAppraisal, type ProjectAppraisals } from './appraise.ts';
import type { MilpSolver } from './portfolio.ts';
import type { AppraisalContext } from './run-inputs.ts';

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
    context: req.context,
    onProgress,
  });
}

/**
 * Below these a modelled year's benefit counts as none: USD 1,000 a year and 1 t of CO2e, far under any
 * candidate's yearly cost, so that rounding noise does not pass for a benefit in the acceptance check.
 */
export const NEGLIGIBLE_BENEFIT = { usdPerYear: 1000, co2eTonnesPerYear: 1 } as const;

/** Whether a project shows a benefit (time and money, reliability or CO2e) in at least one modelled year. */
export function hasBenefits(p: Pick<ProjectAppraisal, 'modelled'>): boolean {
  return p.modelled.some(
    (m) =>
      Math.abs(m.userUsd) >= NEGLIGIBLE_BENEFIT.usdPerYear ||
      Math.abs(m.reliabilityUsd) >= NEGLIGIBLE_BENEFIT.usdPerYear ||
      Math.abs(m.co2eSavedTonnes) >= NEGLIGIBLE_BENEFIT.co2eTonnesPerYear,
  );
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
      projectsWithTrafficAndZeroBenefits: a.projects.filter((p) => p.hasTraffic && !hasBenefits(p)).map((p) => p.id),
    },
  };
}
export type AppraisalAnswer = ReturnType<typeof appraisalAnswer>;
