import { describe, expect, it } from 'vitest';
import {
  checkSweep,
  listVariants,
  runScenario,
  runVariant,
  SweepSpecSchema,
  scaleDemand,
  summariseSweep,
  summaryCsv,
  variantsCsv,
} from '../../../src/core/index.ts';
import { loadContext, loadScenarioLibrary } from '../../../src/io/index.ts';

const ctx = loadContext();
const library = loadScenarioLibrary(ctx.network);
const sweepCtx = { network: ctx.network, emissions: ctx.emissions, library };

describe('a sweep variant', () => {
  it('is the scenario run on the demand scaled by its growth, flattened', () => {
    const spec = SweepSpecSchema.parse({
      name: 'growth',
      scenarios: ['russia-closed'],
      growth: [1.3],
      samplesPerOd: 0,
    });
    const [v] = listVariants(spec);
    const r = runVariant(sweepCtx, spec, v as NonNullable<typeof v>);
    const scenario = library.scenarios.find((s) => s.id === 'russia-closed');
    const demand = library.demands.find((d) => d.id === library.defaultDemand);
    const direct = runScenario(ctx.network, scenario, scaleDemand(demand as NonNullable<typeof demand>, 1.3), {
      emissions: ctx.emissions,
      kpis: { samples: 0 },
    });
    expect(r.generalisedCostUsd).toBeCloseTo(direct.kpis.totals.generalisedCostUsd, 6);
    expect(r.co2eTonnes).toBeCloseTo(direct.kpis.totals.co2eTonnes, 6);
    const demandTotal = r.commodities.reduce((s, c) => s + c.demand, 0);
    const base = direct.kpis.commodities.reduce((s, c) => s + c.demand, 0);
    expect(demandTotal).toBeCloseTo(base, 6);
    expect(r.p90DaysWeighted).toBeNull();
    const shares = Object.values(r.containerCorridorShares).reduce((a, b) => a + b, 0);
    expect(shares).toBeCloseTo(1, 6);
  });

  it('differs by seed only in its transit-time quantiles, and the summary spreads them', () => {
    const spec = SweepSpecSchema.parse({ name: 'seeds', scenarios: ['baseline'], seeds: [1, 2, 3], samplesPerOd: 300 });
    const rs = listVariants(spec).map((v) => runVariant(sweepCtx, spec, v));
    expect(new Set(rs.map((r) => r.generalisedCostUsd)).size).toBe(1);
    expect(new Set(rs.map((r) => r.p90DaysWeighted)).size).toBe(3);
    const s = summariseSweep(rs);
    expect(s.groups).toHaveLength(1);
    const p90 = s.groups[0]?.kpis.p90DaysWeighted;
    expect(p90?.n).toBe(3);
    expect(p90?.min).toBeLessThan(p90?.max as number);
    const csv = variantsCsv([...rs].reverse());
    expect(csv.split('\n')[1]?.startsWith('0,baseline,1,1,')).toBe(true);
    expect(csv).toBe(variantsCsv(rs));
    expect(summaryCsv(s).split('\n')[0]).toBe('scenario,growth,kpi,n,mean,min,p10,p50,p90,max');
  });

  it('names the unknown scenario or demand set', () => {
    const spec = SweepSpecSchema.parse({ name: 'x', scenarios: ['baseline', 'no-such'] });
    expect(() => checkSweep(spec, library)).toThrow(/scenarios\[1\]: no library scenario no-such/);
    const d = SweepSpecSchema.parse({ name: 'x', scenarios: ['baseline'], demand: 'nope' });
    expect(() => checkSweep(d, library)).toThrow(/demand: no demand set nope/);
  });
});
