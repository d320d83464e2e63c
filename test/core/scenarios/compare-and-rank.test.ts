import { describe, expect, it } from 'vitest';
import { compareKpis } from '../../../src/core/scenarios/compare.ts';
import { investmentBenefit, rankInvestments } from '../../../src/core/scenarios/rank-investments.ts';
import { runScenario } from '../../../src/core/scenarios/run-scenario.ts';
import { parseScenario } from '../../../src/core/scenarios/scenario-load.ts';
import type { Scenario } from '../../../src/core/scenarios/scenario-schema.ts';
import { fig } from '../../support/synthetic-network.ts';
import { containerDemand, legsNetwork, railLink } from './helpers.ts';

// a-b: r1 (USD 100, 0 h, unlimited) and r2 (USD 50, 0 h, 98,550 TEU/yr -> h = 10 h); 200,000 TEU, VOT 1.
// Baseline equilibrium: r2 carries 98550 * 10/11, both routes cost 100, total generalised cost 200,000 * 100.
const net = legsNetwork(
  ['a', 'b'],
  [
    { id: 'r1', from: 'a', to: 'b', usdPerTeu: 100 },
    { id: 'r2', from: 'a', to: 'b', usdPerTeu: 50, teuPerYear: 98550 },
  ],
);
const demand = containerDemand([{ from: 'a', to: 'b', teu: 200000 }]);
const opts = { assignment: { unservedCostFactor: 3, relativeGap: 1e-8, maxIterations: 500 }, kpis: { samples: 500 } };

function scenario(id: string, capacity: number, investment?: Record<string, unknown>): Scenario {
  return parseScenario({
    id,
    name: id,
    description: 'more capacity on r2',
    sources: ['T1'],
    tags: ['investment'],
    ...(investment ? { investment } : {}),
    changes: [{ kind: 'set_capacity', target: 'link', id: 'r2', field: 'teuPerYear', value: fig(capacity) }],
  }).scenario!;
}

describe('compare and rank-investments', () => {
  const base = runScenario(net, undefined, demand, opts);

  it('gives the hand-worked baseline totals and the differences of a scenario', () => {
    expect(base.kpis.totals.generalisedCostUsd).toBeCloseTo(200000 * 100, -1);
    // Doubling r2's capacity: h = 5 h, 50 + W = 100 -> W = 50 h. The M/D/1 branch would give rho = 100/105 =
    // 0.9524 > rhoMax 0.95, so the tangent applies: W(0.95) = 47.5, slope 5 / (2 * 0.05^2) = 1000, rho = 0.9525;
    // x2 = 197,100 * 0.9525 = 187,738 TEU, both routes still at USD 100: the total stays 20 m while r1 empties.
    const big = runScenario(net, scenario('double', 197100), demand, opts);
    const c = compareKpis(base, big);
    expect(c.totals.generalisedCostUsd.delta!).toBeCloseTo(0, -1);
    const r2 = c.elements.find((e) => e.id === 'r2')!;
    expect(r2.utilisation.base!).toBeCloseTo(10 / 11, 4);
    expect(r2.utilisation.other!).toBeCloseTo(0.9525, 4);
    expect(c.ods[0]!.costUsdPerUnit.delta!).toBeLessThan(0); // more TEU on the cheap line
    expect(c.commodities[0]!.served.delta).toBeCloseTo(0, 6);
  });

  it('ranks by benefit per euro, converts USD only with a given rate, and leaves costless ones unranked', () => {
    // Enough capacity for all 200,000 TEU on r2: 50 + W(rho) with rho small; GC falls by about 200,000 * 50 minus delay.
    const huge = scenario('huge', 5e7, { cost: fig(1e9), currency: 'EUR' });
    const cheap = scenario('cheap', 5e7, { cost: fig(1e8), currency: 'USD' });
    const free = scenario('free', 5e7);
    const run = (s: Scenario) => runScenario(net, s, demand, opts).kpis;
    const kh = run(huge);
    const bh = investmentBenefit(base.kpis, huge, kh);
    expect(bh.generalisedCostSavedUsdPerYear).toBeGreaterThan(200000 * 49);
    expect(bh.perMillionEur.generalisedCostSavedUsdPerYear).toBeCloseTo(bh.generalisedCostSavedUsdPerYear / 1000, 6);
    // 200,000 TEU all served in both runs at a lower cost with the line: the surplus is demand x the cost fall
    const od0 = base.kpis.ods[0]!;
    const od1 = kh.ods[0]!;
    expect(bh.shippersCostSavedUsdPerYear).toBeCloseTo(200000 * (od0.userCostUsdPerUnit! - od1.userCostUsdPerUnit!), 3);
    expect(bh.shippersCostSavedUsdPerYear).toBeGreaterThan(0);
    const noRate = rankInvestments([
      bh,
      investmentBenefit(base.kpis, cheap, kh),
      investmentBenefit(base.kpis, free, kh),
    ]);
    expect(noRate.map((b) => [b.id, b.rank])).toEqual([
      ['huge', 1],
      ['cheap', null],
      ['free', null],
    ]);
    const withRate = rankInvestments([bh, investmentBenefit(base.kpis, cheap, kh, 1.25)]);
    expect(withRate.map((b) => b.id)).toEqual(['cheap', 'huge']);
    expect(withRate[0]!.costEur).toBeCloseTo(8e7, 6);
  });

  it('counts a new connection as a saving: the unserved volume at the penalty of the run that has a route', () => {
    // a-b exists (USD 100); a-c has no route. Adding b-c (USD 50) serves 1,000 TEU at 150 with a penalty of
    // 2 x 150 = 300: saving (300 - 150) x 1,000 = 150,000 USD a year, and 1,000 TEU gained.
    const open = legsNetwork(['a', 'b', 'c'], [{ id: 'ab', from: 'a', to: 'b', usdPerTeu: 100 }]);
    const d = containerDemand([{ from: 'a', to: 'c', teu: 1000 }]);
    const link = parseScenario({
      id: 'bc',
      name: 'b-c',
      description: 'a new line from b to c',
      sources: ['T1'],
      tags: ['investment'],
      investment: { cost: fig(1e6), currency: 'EUR' },
      changes: [{ kind: 'add_link', link: { ...railLink({ id: 'bc', from: 'b', to: 'c', usdPerTeu: 50 }) } }],
    }).scenario!;
    const b0 = runScenario(open, undefined, d, { kpis: { samples: 0 } });
    const b1 = runScenario(open, link, d, { kpis: { samples: 0 } });
    expect(b0.kpis.ods[0]!.noRoute).toBe(true);
    const benefit = investmentBenefit(b0.kpis, link, b1.kpis);
    expect(benefit.generalisedCostSavedUsdPerYear).toBeCloseTo(150000, 6);
    // the shippers' surplus of a new connection: the rule of a half at the choke price, (300 - 150) x 1,000 / 2
    expect(benefit.shippersCostSavedUsdPerYear).toBeCloseTo(75000, 6);
    expect(benefit.teuGainedPerYear).toBeCloseTo(1000, 9);
    expect(benefit.perMillionEur.generalisedCostSavedUsdPerYear).toBeCloseTo(150000, 6);
  });
});
