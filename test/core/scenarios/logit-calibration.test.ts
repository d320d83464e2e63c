/**
 * The calibrated logit corridor choice on the shipped network and default demand (docs/scenarios.md,
 * Calibration): the baseline reproduces the 2024 China–Europe rail market split within the stated tolerances,
 * and closing the Russian route moves that volume to the Middle Corridor and sea, loading the Caspian bottlenecks.
 */
import { describe, expect, it } from 'vitest';
import { createEmissionsModel } from '../../../src/core/emissions/routing-model.ts';
import { corridorSplit } from '../../../src/core/scenarios/calibrate-logit.ts';
import { runScenario } from '../../../src/core/scenarios/run-scenario.ts';
import { getScenario } from '../../../src/core/scenarios/scenario-load.ts';
import { loadContext } from '../../../src/io/context.ts';
import { loadDemand, readScenarios } from '../../../src/io/scenarios.ts';

const ctx = loadContext();
const { scenarios } = readScenarios();
const demand = loadDemand();
const emissions = createEmissionsModel(ctx.factors);
const run = (id: string | undefined, model?: 'ue' | 'sue') =>
  runScenario(ctx.network, id ? getScenario(scenarios, id) : undefined, demand, {
    emissions,
    assignment: { model },
    kpis: { samples: 0 },
  });
const share = (r: ReturnType<typeof run>) => {
  const s = corridorSplit(r.assignment, 'cn-xian', 'de-duisburg', 'containers');
  const of = (k: string) => (s.byCorridor[k] ?? 0) / s.demand;
  return { of, unserved: s.unserved / s.demand, demand: s.demand };
};
const util = (r: ReturnType<typeof run>, id: string) =>
  Math.max(...r.kpis.bottlenecks.filter((b) => b.id === id).map((b) => b.utilisation));

describe('calibrated logit corridor choice', () => {
  const base = run(undefined);

  it('is the default model for the default demand', () => {
    expect(base.assignment.model).toBe('sue');
    expect(base.assignment.converged).toBe(true);
  });

  it('reproduces the 2024 China–Europe rail split: Northern 94.3 % within 1 point, Middle 5.7 % within 4', () => {
    // Observed: Northern 412,000 TEU (S96), Middle about 25,000 TEU (S5 minus S6), of 437,000 TEU.
    const s = share(base);
    expect(s.demand).toBe(437000);
    expect(Math.abs(s.of('Northern') - 412000 / 437000)).toBeLessThan(0.01);
    expect(Math.abs(s.of('Middle') - 25000 / 437000)).toBeLessThan(0.04);
    expect(s.of('Middle')).toBeGreaterThan(0);
    // A rail market stays on rail: at most 5 % of it by sea, another corridor or not shipped.
    expect(1 - s.of('Northern') - s.of('Middle')).toBeLessThan(0.05);
  });

  it('shifts the Northern volume to the Middle Corridor and sea when Russia closes', () => {
    const closed = run('russia-closed');
    const b = share(base);
    const c = share(closed);
    expect(c.of('Northern')).toBe(0);
    expect(c.of('Middle')).toBeGreaterThan(b.of('Middle') + 0.05);
    expect(c.of('Sea')).toBeGreaterThan(b.of('Sea') + 0.5);
    for (const id of ['caspian-aktau-alat-feeder', 'az-alat'])
      expect(util(closed, id)).toBeGreaterThan(util(base, id) + 0.1);
  });

  it('keeps the deterministic equilibrium available as --model ue', () => {
    const ue = run(undefined, 'ue');
    expect(ue.assignment.model).toBe('ue');
    expect(ue.assignment.classes.every((k) => k.logitDispersionPerUsd === 0)).toBe(true);
  });
});
