/**
 * Appraisal benchmark: node --import tsx bench/appraisal.ts [--quick].
 *
 * Question: how long does `keruen appraise` take on the shipped data? That is the flows assignments with and
 * without each project at 2024, 2030 and 2040 (18 runs, the heavy part), the CBA with 1,000 Monte Carlo draws
 * per project, and the HiGHS portfolio. The MILP is compared with exhaustive search on seeded random problems
 * of 12 candidates (4,096 subsets), the size the exhaustive reference still handles. One warm-up, then the
 * median and the slowest of `repeats` runs. Prints a table, then one JSON line with every figure.
 */
import { availableParallelism, cpus, release } from 'node:os';
import {
  AppraisalRequestSchema,
  appraisalAnswer,
  appraisalRuns,
  type Candidate,
  exhaustivePortfolio,
  optimalPortfolio,
} from '../src/core/index.ts';
import { highsSolver, loadAppraisalContext } from '../src/io/index.ts';
import { mulberry32 } from './support/rng.ts';
import { median, round } from './support/stats.ts';

const quick = process.argv.includes('--quick');
const repeats = quick ? 2 : 5;
const log = (line: string) => process.stdout.write(`${line}\n`);

const t0 = performance.now();
const ctx = loadAppraisalContext();
const solve = await highsSolver();
const loadMs = performance.now() - t0;
const req = AppraisalRequestSchema.parse({ budgetEur: 10e9, samples: 1000 });

function time(f: () => void): { medianMs: number; maxMs: number } {
  f();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const a = performance.now();
    f();
    ms.push(performance.now() - a);
  }
  return { medianMs: round(median(ms), 1), maxMs: round(Math.max(...ms), 1) };
}

let runs = appraisalRuns(ctx, req);
const heavy = time(() => {
  runs = appraisalRuns(ctx, req);
});
const portfolio = time(() => appraisalAnswer(runs, req, solve));

const rnd = mulberry32(42);
const problems = Array.from({ length: 20 }, () => {
  const candidates: Candidate[] = Array.from({ length: 12 }, (_, i) => {
    const capex = (1 + Math.floor(rnd() * 40)) * 1e6;
    const enpv = (Math.floor(rnd() * 50) - 10) * 1e6;
    return {
      id: `p${i}`,
      capexEur: capex,
      options: [
        {
          startYear: 2027,
          enpvEur: enpv,
          benefitCostRatio: (enpv + capex) / capex,
          capexByYear: new Map([[2027, capex]]),
        },
      ],
      dependsOn: [],
      excludes: [],
    };
  });
  return { candidates, budgetEur: 100e6 };
});
const milp = time(() => {
  for (const p of problems) optimalPortfolio(p, solve);
});
const exhaustive = time(() => {
  for (const p of problems) exhaustivePortfolio(p);
});

log(`machine: ${cpus()[0]?.model ?? '?'} x${availableParallelism()}, ${release()}, node ${process.version}`);
log(`load dataset + HiGHS        ${round(loadMs, 0)} ms`);
log(
  `appraisal runs (${runs.runs} assignments, ${runs.projects.length} projects, 1,000 draws each)  median ${heavy.medianMs} ms, max ${heavy.maxMs} ms`,
);
log(`portfolio (HiGHS + greedy)  median ${portfolio.medianMs} ms, max ${portfolio.maxMs} ms`);
log(
  `20 random 12-candidate problems: HiGHS median ${milp.medianMs} ms, exhaustive median ${exhaustive.medianMs} ms (ratio ${round(exhaustive.medianMs / milp.medianMs, 1)})`,
);
log(JSON.stringify({ loadMs: round(loadMs, 0), heavy, portfolio, milp, exhaustive, repeats }));
