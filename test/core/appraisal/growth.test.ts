import { describe, expect, it } from 'vitest';
import { demandForYear, growthFactor } from '../../../src/core/appraisal/growth.ts';
import type { GrowthModel } from '../../../src/core/appraisal/schema.ts';
import type { DemandSet } from '../../../src/core/scenarios/demand.ts';

const rate = (value: number) => ({ value, estimate: 'test rate, an assumption' });
const g: GrowthModel = {
  baseYear: 2024,
  demandSet: 'd',
  modelYears: [2030, 2040],
  markets: [],
  commodities: [
    {
      commodity: 'containers',
      low: { r2030: rate(0), r2040: rate(0) },
      base: { r2030: rate(0.1), r2040: rate(0.05) },
      high: { r2030: rate(0.2), r2040: rate(0.1) },
    },
    {
      commodity: '*',
      low: { r2030: rate(0), r2040: rate(0) },
      base: { r2030: rate(0.02), r2040: rate(0) },
      high: { r2030: rate(0.03), r2040: rate(0) },
    },
  ],
  addedFlows: [],
  announcedFlows: [{ from: 'a', to: 'c', commodity: 'ore', fromYear: 2030 }],
};

const fig = (value: number) => ({ value, estimate: 'test volume, an assumption' });
const demand: DemandSet = {
  id: 'd',
  name: 'test',
  description: 'a test demand set',
  year: 2024,
  sources: ['X'],
  commodities: [],
  flows: [
    { from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(1000) },
    { from: 'a', to: 'c', commodity: 'ore', volumePerYear: fig(500) },
  ],
};

describe('growth to 2040', () => {
  it('compounds r2030 to 2030, r2040 to 2040, flat after', () => {
    expect(growthFactor(g, 'containers', 'base', 2024)).toBe(1);
    // 1.1^6 = 1.771561
    expect(growthFactor(g, 'containers', 'base', 2030)).toBeCloseTo(1.771561, 6);
    // 1.1^6 * 1.05^10 = 1.771561 * 1.628894627 = 2.885702...
    expect(growthFactor(g, 'containers', 'base', 2040)).toBeCloseTo(1.771561 * 1.05 ** 10, 9);
    expect(growthFactor(g, 'containers', 'base', 2050)).toBe(growthFactor(g, 'containers', 'base', 2040));
    expect(growthFactor(g, 'containers', 'low', 2040)).toBe(1);
  });

  it('uses the "*" row for commodities without their own', () => {
    expect(growthFactor(g, 'grain', 'base', 2025)).toBeCloseTo(1.02, 12);
  });

  it('leaves announced flows out before their year', () => {
    expect(demandForYear(demand, g, 'base', 2029).flows.map((f) => f.to)).toEqual(['b']);
    const d2030 = demandForYear(demand, g, 'base', 2030);
    expect(d2030.flows.map((f) => f.to)).toEqual(['b', 'c']);
    expect(d2030.flows[0]?.volumePerYear.value).toBeCloseTo(1771.561, 6);
    expect(d2030.year).toBe(2030);
  });

  it('grows a flow from the year its volume describes, not from the base year', () => {
    const d: DemandSet = {
      ...demand,
      flows: [{ from: 'a', to: 'b', commodity: 'containers', volumePerYear: { ...fig(1000), year: 2030 } }],
    };
    // 1000 in 2030, then 1.05^10 to 2040: 1628.89...; and exactly 1000 in 2030 (not 1000 * 1.1^6)
    expect(demandForYear(d, g, 'base', 2030).flows[0]?.volumePerYear.value).toBeCloseTo(1000, 9);
    expect(demandForYear(d, g, 'base', 2040).flows[0]?.volumePerYear.value).toBeCloseTo(1000 * 1.05 ** 10, 6);
  });

  it('adds the catchment cells of the growth file, announced ones only from their year', () => {
    const withCells: GrowthModel = {
      ...g,
      addedFlows: [
        { from: 'x', to: 'y', commodity: 'ore', volumePerYear: { ...fig(200), year: 2024 } },
        { from: 'x', to: 'z', commodity: 'ore', fromYear: 2030, volumePerYear: { ...fig(50), year: 2030 } },
      ],
    };
    expect(demandForYear(demand, withCells, 'base', 2029).flows.map((f) => f.to)).toEqual(['b', 'y']);
    const d = demandForYear(demand, withCells, 'base', 2030);
    expect(d.flows.map((f) => f.to)).toEqual(['b', 'c', 'y', 'z']);
    // ore takes the '*' row: 200 * 1.02^6 = 225.232...; the 2030 cell is 50 in 2030
    expect(d.flows[2]?.volumePerYear.value).toBeCloseTo(200 * 1.02 ** 6, 9);
    expect(d.flows[3]?.volumePerYear.value).toBeCloseTo(50, 9);
    expect(d.flows.some((f) => 'fromYear' in f)).toBe(false);
  });
});
