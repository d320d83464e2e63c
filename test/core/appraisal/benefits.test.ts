import { describe, expect, it } from 'vitest';
import { interpolateBenefits, yearBenefits, zeroBenefits } from '../../../src/core/appraisal/benefits.ts';
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
  it('values a cost saving on unchanged volume at the full saving', () => {
    // g0 2000, g1 1800 per TEU, Q0 = Q1 = 100: 200 * 100 = 20,000 USD
    const b = yearBenefits(kpis([od({})], 50), kpis([od({ servedGeneralisedCostUsd: 100 * 1800 })], 40), vot, 1);
    expect(b.userUsd).toBeCloseTo(20000, 9);
    expect(b.co2eSavedTonnes).toBe(10);
  });

  it('applies the rule of a half to induced demand, with the penalty as choke price', () => {
    // without: nothing served (g0 = penalty 5000); with: 100 served at 1800 -> (5000 - 1800) * (0 + 100) / 2
    const without = od({ served: 0, unserved: 100, servedGeneralisedCostUsd: 0, meanTimeH: null, p90TimeH: null });
    const b = yearBenefits(kpis([without], 0), kpis([od({ servedGeneralisedCostUsd: 100 * 1800 })], 10), vot, 1);
    expect(b.userUsd).toBeCloseTo(160000, 9);
    expect(b.co2eSavedTonnes).toBe(-10);
    expect(b.reliabilityUsd).toBe(0);
  });

  it('charges a pair the project leaves unserved at one choke price, not at the lower penalty of its run', () => {
    // without: 100 served at 2000; with: none served, and the run's penalty fell to 1500 (a cheaper free-flow
    // path). At the common choke price max(5000, 1500) = 5000: (2000 - 5000) * (100 + 0) / 2 = -150,000 (a loss);
    // at the run's own 1500 it would have been +25,000.
    const lost = od({ served: 0, unserved: 100, servedGeneralisedCostUsd: 0, penaltyUsdPerUnit: 1500 });
    const b = yearBenefits(kpis([od({})], 0), kpis([{ ...lost, meanTimeH: null, p90TimeH: null }], 0), vot, 1);
    expect(b.userUsd).toBeCloseTo(-150000, 9);
  });

  it('values the fall in buffer time (P90 minus mean) at the value of time', () => {
    // buffer 20 h -> 8 h on 100 TEU at USD 10 per TEU-hour, ratio 0.5: 12 * 100 * 10 * 0.5 = 6,000
    const b = yearBenefits(kpis([od({})], 0), kpis([od({ p90TimeH: 108 })], 0), vot, 0.5);
    expect(b.reliabilityUsd).toBeCloseTo(6000, 9);
    expect(b.unitHoursSaved).toBe(0);
  });

  it('leaves out the reliability change of a pair whose corridor shares move (a mixture no shipper faces)', () => {
    // 30 % of the pair moves from Northern to Middle: the P90 of the mixture rises, but no route became less
    // reliable, so no reliability benefit or loss is counted and the volume is reported as skipped.
    const route = (corridor: string, share: number) => ({ corridor, share }) as OdKpi['routes'][number];
    const a = od({ routes: [route('Northern', 1)] });
    const b = od({ routes: [route('Northern', 0.7), route('Middle', 0.3)], p90TimeH: 160 });
    const r = yearBenefits(kpis([a], 0), kpis([b], 0), vot, 1);
    expect(r.reliabilityUsd).toBe(0);
    expect(r.reliabilitySkippedUnits).toBe(100);
  });

  it('also leaves it out when the pair splits between two routes of one corridor (two crossings)', () => {
    const route = (keyNodes: string[], share: number) =>
      ({ corridor: 'Southern', keyNodes, share }) as OdKpi['routes'][number];
    const a = od({ routes: [route(['Arys', 'Saryagash', 'Tashkent'], 1)] });
    const b = od({
      routes: [route(['Arys', 'Saryagash', 'Tashkent'], 0.8), route(['Arys', 'Syrdarya', 'Tashkent'], 0.2)],
      p90TimeH: 160,
    });
    const r = yearBenefits(kpis([a], 0), kpis([b], 0), vot, 1);
    expect(r.reliabilityUsd).toBe(0);
    expect(r.reliabilitySkippedUnits).toBe(100);
    // the same routes with the same shares: the reliability change counts (buffer 20 h -> 60 h: a loss)
    const c = yearBenefits(kpis([b], 0), kpis([{ ...b, p90TimeH: 120 }], 0), vot, 1);
    expect(c.reliabilityUsd).toBeCloseTo(40 * 100 * 10, 9);
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
