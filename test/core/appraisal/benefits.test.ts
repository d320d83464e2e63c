import { describe, expect, it } from 'vitest';
import { interpolateBenefits, yearBenefits, zeroBenefits } from '../../../src/core/appraisal/benefits.ts';
import { nestedLogitExpectedCost } from '../../../src/core/scenarios/corridor-logit.ts';
import type { OdKpi, ScenarioKpis } from '../../../src/core/scenarios/kpis.ts';

function od(p: Partial<OdKpi>): OdKpi {
  return {
    from: 'a',
    to: 'b',
    commodity: 'containers',
    unit: 'TEU',
    demand: 100,
    served: 100,
    unserved: 0,
    noRoute: false,
    meanTimeH: 100,
    p50TimeH: 100,
    p90TimeH: 120,
    costUsdPerUnit: 1000,
    co2eKgPerUnit: 100,
    servedGeneralisedCostUsd: 100 * 2000,
    penaltyUsdPerUnit: 5000,
    userCostUsdPerUnit: 2000,
    routes: [],
    ...p,
  };
}
const kpis = (ods: OdKpi[], co2eTonnes: number): ScenarioKpis =>
  ({ ods, totals: { co2eTonnes, costUsd: 0, generalisedCostUsd: 0 } }) as unknown as ScenarioKpis;
const vot = new Map([['containers', 10]]);

describe('benefits of one year', () => {
  it('values a cost saving on unchanged volume at the full saving (demand x fall in expected cost)', () => {
    // u0 2000, u1 1800 per TEU, demand 100: 200 * 100 = 20,000 USD; the rule of a half on g says the same
    const withP = od({ servedGeneralisedCostUsd: 100 * 1800, userCostUsdPerUnit: 1800 });
    const b = yearBenefits(kpis([od({})], 50), kpis([withP], 40), vot, 1);
    expect(b.userUsd).toBeCloseTo(20000, 9);
    expect(b.userRuleOfHalfUsd).toBeCloseTo(20000, 9);
    expect(b.co2eSavedTonnes).toBe(10);
  });

  it('values a new connection by the rule of a half, with the penalty as choke price', () => {
    // without: no route (no logsum); with: 100 served at 1800, choke price 5000 -> (5000 - 1800) * (0 + 100) / 2
    const without = od({
      served: 0,
      unserved: 100,
      noRoute: true,
      servedGeneralisedCostUsd: 0,
      meanTimeH: null,
      p90TimeH: null,
      penaltyUsdPerUnit: null,
      userCostUsdPerUnit: null,
    });
    const withP = od({ servedGeneralisedCostUsd: 100 * 1800, userCostUsdPerUnit: 1800 });
    const b = yearBenefits(kpis([without], 0), kpis([withP], 10), vot, 1);
    expect(b.userUsd).toBeCloseTo(160000, 9);
    expect(b.co2eSavedTonnes).toBe(-10);
    expect(b.reliabilityUsd).toBe(0);
  });

  it('counts demand that ships only with the project at the choke price less its cost (induced demand)', () => {
    // without: 60 of 100 served at 5000 (the route is congested up to the choke price 5000), 40 not shipped:
    // expected cost 5000. With: all 100 served at 3000. Consumer surplus: 100 * (5000 - 3000) = 200,000. The
    // rule of a half on the served volume gives (5000 - 3000) * (60 + 100) / 2 = 160,000: it treats the 40 as
    // generated traffic on a linear demand curve, which the fixed demand with a choke price is not.
    const without = od({ served: 60, unserved: 40, servedGeneralisedCostUsd: 60 * 5000, userCostUsdPerUnit: 5000 });
    const withP = od({ servedGeneralisedCostUsd: 100 * 3000, userCostUsdPerUnit: 3000 });
    const b = yearBenefits(kpis([without], 0), kpis([withP], 0), vot, 1);
    expect(b.userUsd).toBeCloseTo(200000, 9);
    expect(b.userRuleOfHalfUsd).toBeCloseTo(160000, 9);
  });

  it('charges a pair the project leaves unserved at its choke price (a loss, not a gain)', () => {
    // without: 100 served at 2000; with: none served, all at the common choke price 5000: 100 * (2000 - 5000)
    const lost = od({ served: 0, unserved: 100, servedGeneralisedCostUsd: 0, userCostUsdPerUnit: 5000 });
    const b = yearBenefits(kpis([od({})], 0), kpis([{ ...lost, meanTimeH: null, p90TimeH: null }], 0), vot, 1);
    expect(b.userUsd).toBeCloseTo(-300000, 9);
    expect(b.userRuleOfHalfUsd).toBeCloseTo(-150000, 9);
  });

  it('agrees with the rule of a half for a small change under logit choice', () => {
    // Two routes (two nests of one) at 1000 and 1200 USD/TEU, dispersion 0.01, 1,000 TEU, not shipping far dearer. The project
    // makes the first 1 USD cheaper. The logsum falls by about p1 x 1 (p1 its share); the rule of a half per
    // route, sum (c0 - c1)(q0 + q1)/2, says the same to second order.
    const theta = 0.01;
    const pen = 1e6;
    const pair = (c: number[]) => {
      const u = nestedLogitExpectedCost(c, [[0], [1]], pen, theta);
      const w = c.map((x) => Math.exp(-theta * x));
      const p = w.map((x) => x / (w[0]! + w[1]!));
      const routes = c.map(
        (x, i) =>
          ({
            corridor: 'Northern',
            keyNodes: [`r${i}`],
            flow: 1000 * p[i]!,
            share: p[i]!,
            generalisedCostUsdPerUnit: x,
            bufferH: null,
          }) as unknown as OdKpi['routes'][number],
      );
      return { o: od({ demand: 1000, served: 1000, userCostUsdPerUnit: u, routes }), p };
    };
    const a = pair([1000, 1200]);
    const b = pair([999, 1200]);
    const r = yearBenefits(kpis([a.o], 0), kpis([b.o], 0), vot, 1);
    const routeRuleOfHalf = (1 * (a.p[0]! + b.p[0]!) * 1000) / 2;
    expect(r.userUsd).toBeCloseTo(routeRuleOfHalf, 2); // 881.3207 against 881.3201: second order
    expect(routeRuleOfHalf).toBeGreaterThan(800);
  });

  it('values the fall in buffer time (P90 minus mean) of a route used in both runs', () => {
    // one route, buffer 20 h -> 8 h on 100 TEU at USD 10 per TEU-hour, ratio 0.5: 12 * 100 * 10 * 0.5 = 6,000
    const route = (bufferH: number) =>
      ({ corridor: 'Northern', keyNodes: ['x'], flow: 100, share: 1, bufferH }) as OdKpi['routes'][number];
    const b = yearBenefits(kpis([od({ routes: [route(20)] })], 0), kpis([od({ routes: [route(8)] })], 0), vot, 0.5);
    expect(b.reliabilityUsd).toBeCloseTo(6000, 9);
    expect(b.unitHoursSaved).toBe(0);
  });

  it('leaves out the routes used in one run only (two crossings of one corridor), counting each route alone', () => {
    // 20 of 100 TEU move from Saryagash to the new Syrdarya crossing. Saryagash's buffer falls 20 h -> 10 h on a
    // mean flow of (100 + 80) / 2 = 90: 10 * 90 * 10 = 9,000; the Syrdarya route, new, is skipped: (0 + 20) / 2.
    const route = (keyNodes: string[], flow: number, bufferH: number) =>
      ({ corridor: 'Southern', keyNodes, flow, share: flow / 100, bufferH }) as OdKpi['routes'][number];
    const a = od({ routes: [route(['Arys', 'Saryagash', 'Tashkent'], 100, 20)] });
    const b = od({
      routes: [route(['Arys', 'Saryagash', 'Tashkent'], 80, 10), route(['Arys', 'Syrdarya', 'Tashkent'], 20, 90)],
    });
    const r = yearBenefits(kpis([a], 0), kpis([b], 0), vot, 1);
    expect(r.reliabilityUsd).toBeCloseTo(9000, 9);
    expect(r.reliabilitySkippedUnits).toBe(10);
  });

  it('interpolates between modelled years and is flat outside', () => {
    const a = { ...zeroBenefits(), userUsd: 100 };
    const c = { ...zeroBenefits(), userUsd: 200 };
    const pts = [
      { year: 2030, b: a },
      { year: 2040, b: c },
    ];
    expect(interpolateBenefits(pts, 2025).userUsd).toBe(100);
    expect(interpolateBenefits(pts, 2035).userUsd).toBeCloseTo(150, 10);
    expect(interpolateBenefits(pts, 2050).userUsd).toBe(200);
    expect(interpolateBenefits([], 2035)).toEqual(zeroBenefits());
  });
});
