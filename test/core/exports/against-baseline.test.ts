/**
 * changesAgainstBaseline on hand-made flows: served and unserved tonnes per run, tonnes that shifted corridor,
 * and the extra cost and CO2e of what still moves, each flow at its own baseline cost per tonne.
 */
import { describe, expect, it } from 'vitest';
import { changesAgainstBaseline } from '../../../src/core/exports/against-baseline.ts';
import type { FlowResult } from '../../../src/core/exports/assign-exports.ts';

type Route = FlowResult['routes'][number];
const route = (corridor: string, tonnes: number | null, cost: number, co2e: number | null): Route => ({
  to: 'eu-port',
  toName: 'EU port',
  corridor,
  keyNodes: [],
  links: [],
  modes: [],
  costUsdPerTonne: cost,
  costComplete: true,
  priceYear: 2025,
  days: 10,
  co2eKgPerTonne: co2e,
  co2eExcludes: [],
  riskProbability: 0,
  sources: [],
  tonnes,
});
const flow = (id: string, commodity: string, routes: Route[], unserved = 0): FlowResult => ({
  id,
  commodity,
  from: 'mine',
  fromName: 'Mine',
  tonnesPerYear: routes.reduce((s, r) => s + (r.tonnes ?? 0), 0) + unserved,
  tonnesSource: null,
  routes,
  unserved: unserved > 0 ? { tonnes: unserved, bottleneck: [], cutBy: [] } : null,
  note: undefined,
});

describe('changesAgainstBaseline', () => {
  it('counts what shifts, what cannot move, and the extra cost of what moves at the baseline cost per tonne', () => {
    const base = [
      flow('oil-a', 'oil', [route('Northern', 100, 40, 30)]),
      flow('ore', 'ore', [route('Mixed', 10, 80, 90)]),
    ];
    const scen = [
      flow('oil-a', 'oil', [route('Middle', 20, 50, 60)], 80),
      flow('ore', 'ore', [route('Mixed', 10, 80, 90)]),
    ];
    const [oil, ore] = changesAgainstBaseline(base, scen);
    expect(oil?.servedTonnes).toEqual({ baseline: 100, scenario: 20 });
    expect(oil?.unservedTonnes).toEqual({ baseline: 0, scenario: 80 });
    expect(oil?.shiftedTonnes).toBe(20);
    // 20 t at 50 instead of 40 USD/t: +200 USD, not the -3,000 of 80 t that no longer move
    expect(oil?.extraCostUsdPerYear).toBeCloseTo(200, 9);
    expect(oil?.extraCo2eTonnesPerYear).toBeCloseTo((20 * 30) / 1000, 12);
    expect(oil?.costUsdPerTonne).toEqual({ baseline: 40, scenario: 50 });
    expect(oil?.corridors).toEqual([
      { corridor: 'Middle', to: 'eu-port', baseline: 0, scenario: 20 },
      { corridor: 'Northern', to: 'eu-port', baseline: 100, scenario: 0 },
    ]);
    expect(ore).toMatchObject({ shiftedTonnes: 0, extraCostUsdPerYear: 0, extraCo2eTonnesPerYear: 0 });
  });

  it('keeps CO2e unknown when a route has no factor, and prices a flow only priced by its plain mean', () => {
    const base = [flow('x', 'x', [route('Middle', null, 10, null)])];
    const scen = [flow('x', 'x', [route('Middle', null, 12, null)])];
    const [x] = changesAgainstBaseline(base, scen);
    expect(x?.costUsdPerTonne).toEqual({ baseline: 10, scenario: 12 });
    expect(x?.extraCostUsdPerYear).toBe(0); // no tonnes move
    const moved = changesAgainstBaseline(
      [flow('y', 'y', [route('Middle', 5, 10, 1)])],
      [flow('y', 'y', [route('Middle', 5, 12, null)])],
    );
    expect(moved[0]?.extraCo2eTonnesPerYear).toBeNull();
    expect(moved[0]?.extraCostUsdPerYear).toBeCloseTo(10, 9);
  });

  it('counts the whole cost of a flow the baseline could not route as extra', () => {
    const base = [flow('g', 'graphite', [], 50)];
    const scen = [flow('g', 'graphite', [route('Mixed', 50, 80, 100)])];
    const [g] = changesAgainstBaseline(base, scen);
    expect(g?.extraCostUsdPerYear).toBe(4000);
    expect(g?.extraCo2eTonnesPerYear).toBe(5);
    expect(g?.costUsdPerTonne.baseline).toBeNull();
  });
});
