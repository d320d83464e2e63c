import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Candidate,
  exhaustivePortfolio,
  greedyPortfolio,
  type MilpSolver,
  optimalPortfolio,
  type PortfolioProblem,
  portfolioModel,
} from '../../../src/core/appraisal/portfolio.ts';
import { highsSolver } from '../../../src/io/highs-solver.ts';

let solve: MilpSolver;
beforeAll(async () => {
  solve = await highsSolver();
});

/** A candidate starting in 2027 only, capex spent in its first year. */
function cand(id: string, capex: number, enpv: number, more: Partial<Candidate> = {}): Candidate {
  return {
    id,
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
    ...more,
  };
}

describe('portfolio under a budget', () => {
  it('beats the greedy ranking by B/C where the knapsack bites', () => {
    // Budget 10: A (capex 6, ENPV 9, B/C 2.5) goes first in greedy, then neither B nor C fits (5 each):
    // greedy ENPV 9. The optimum is B + C: ENPV 7 + 7 = 14, capex 10.
    const p: PortfolioProblem = {
      budgetEur: 10e6,
      candidates: [cand('a', 6e6, 9e6), cand('b', 5e6, 7e6), cand('c', 5e6, 7e6)],
    };
    const g = greedyPortfolio(p);
    const o = optimalPortfolio(p, solve);
    expect(g.picks.map((x) => x.id)).toEqual(['a']);
    expect(o.picks.map((x) => x.id).sort()).toEqual(['b', 'c']);
    expect(o.enpvEur).toBeCloseTo(14e6, 0);
    expect(o.capexEur).toBeLessThanOrEqual(10e6);
    expect(o.solver.status).toBe('Optimal');
    expect(o.solver.mipGap).toBe(0);
  });

  it('takes a project only with what it depends on, and never two that exclude each other', () => {
    // d (ENPV 10) depends on e (ENPV -2): together 8 > f alone (5); f excludes d.
    const p: PortfolioProblem = {
      budgetEur: 100e6,
      candidates: [
        cand('d', 10e6, 10e6, { dependsOn: ['e'], excludes: ['f'] }),
        cand('e', 10e6, -2e6),
        cand('f', 10e6, 5e6, { excludes: ['d'] }),
      ],
    };
    expect(
      optimalPortfolio(p, solve)
        .picks.map((x) => x.id)
        .sort(),
    ).toEqual(['d', 'e']);
    expect(exhaustivePortfolio(p).enpvEur).toBeCloseTo(8e6, 0);
  });

  it('delays a start to meet an annual cap', () => {
    // Two projects of 10 each, cap 10 a year: one starts in 2027, the other in 2028 (ENPV a bit lower).
    const two = (id: string): Candidate => ({
      id,
      capexEur: 10e6,
      options: [2027, 2028].map((y, k) => ({
        startYear: y,
        enpvEur: 5e6 - k * 1e6,
        benefitCostRatio: 1.5,
        capexByYear: new Map([[y, 10e6]]),
      })),
      dependsOn: [],
      excludes: [],
    });
    const p: PortfolioProblem = { budgetEur: 100e6, annualCapEur: 10e6, candidates: [two('g'), two('h')] };
    const o = optimalPortfolio(p, solve);
    expect(o.picks.map((x) => x.startYear).sort()).toEqual([2027, 2028]);
    expect(o.enpvEur).toBeCloseTo(9e6, 0);
    expect(portfolioModel(p)).toContain('cap_2027:');
  });

  it('chooses nothing when nothing pays or fits', () => {
    const p: PortfolioProblem = { budgetEur: 1e6, candidates: [cand('x', 5e6, 9e6), cand('y', 1e5, -1e5)] };
    expect(optimalPortfolio(p, solve).picks).toEqual([]);
    expect(greedyPortfolio(p).picks).toEqual([]);
  });

  it('agrees with exhaustive search on random problems (differential test)', () => {
    const candArb = fc.record({
      capex: fc.integer({ min: 1, max: 40 }),
      enpv: fc.integer({ min: -10, max: 40 }),
      dep: fc.option(fc.nat(7), { nil: undefined }),
      excl: fc.option(fc.nat(7), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(candArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 120 }), (cs, budget) => {
        const ids = cs.map((_, i) => `p${i}`);
        const candidates = cs.map((c, i) =>
          cand(ids[i] as string, c.capex * 1e6, c.enpv * 1e6, {
            dependsOn: c.dep !== undefined && c.dep < cs.length && c.dep !== i ? [ids[c.dep] as string] : [],
            excludes: c.excl !== undefined && c.excl < cs.length && c.excl !== i ? [ids[c.excl] as string] : [],
          }),
        );
        const p: PortfolioProblem = { budgetEur: budget * 1e6, candidates };
        const o = optimalPortfolio(p, solve);
        const e = exhaustivePortfolio(p);
        expect(o.enpvEur).toBeCloseTo(e.enpvEur, -1);
        expect(o.capexEur).toBeLessThanOrEqual(p.budgetEur + 1e-6);
        expect(o.enpvEur).toBeGreaterThanOrEqual(greedyPortfolio(p).enpvEur - 1);
      }),
      { numRuns: 60, seed: 19 },
    );
  });
});
