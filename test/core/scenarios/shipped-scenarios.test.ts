/**
 * The shipped scenarios and default demand against the shipped network: every scenario applies without a
 * problem, each run conserves demand, and closing the Red Sea leg leaves it without flow and costs shippers more.
 */
import { describe, expect, it } from 'vitest';
import { createEmissionsModel } from '../../../src/core/emissions/routing-model.ts';
import { checkScenario } from '../../../src/core/scenarios/apply-scenario.ts';
import { checkDemand } from '../../../src/core/scenarios/demand.ts';
import { runScenario } from '../../../src/core/scenarios/run-scenario.ts';
import { getScenario } from '../../../src/core/scenarios/scenario-load.ts';
import { loadContext } from '../../../src/io/context.ts';
import { loadDemand, readScenarios } from '../../../src/io/scenarios.ts';

const ctx = loadContext();
const { scenarios, issues } = readScenarios();
const demand = loadDemand();
const emissions = createEmissionsModel(ctx.factors);

describe('shipped scenarios', () => {
  it('parse, and the issue list names at least the eight scenarios of the brief', () => {
    expect(issues).toEqual([]);
    for (const id of [
      'dostyk-moyinty-second-track',
      'aktau-hub-phase-2',
      'bakhty-ayagoz',
      'caspian-one-more-feeder',
      'russia-closed',
      'red-sea-closed',
      'armenia-transit-open',
      'trans-afghan-railway',
    ])
      expect(scenarios.map((s) => s.id)).toContain(id);
  });

  it('apply to the shipped network without problems, and the default demand fits it', () => {
    for (const s of scenarios)
      expect({ id: s.id, problems: checkScenario(ctx.network, s) }).toEqual({ id: s.id, problems: [] });
    expect(checkDemand(ctx.network, demand)).toEqual([]);
  });

  it('conserve demand in every run', () => {
    for (const s of [undefined, ...scenarios]) {
      const r = runScenario(ctx.network, s, demand, { emissions, kpis: { samples: 0 } });
      for (const od of r.kpis.ods) expect(od.served + od.unserved).toBeCloseTo(od.demand, 3);
    }
  });

  it('move flow off a closed link', () => {
    const r = runScenario(ctx.network, getScenario(scenarios, 'red-sea-closed'), demand, {
      emissions,
      kpis: { samples: 0 },
    });
    const li = r.network.linkIndex.get('sea-singapore-port-said')!;
    for (const od of r.assignment.ods)
      for (const rt of od.routes) for (const e of rt.edges) expect(r.graph.link[e]).not.toBe(li);
    // A closed sea lane costs shippers something: their expected perceived cost (the logsum) rises, although the
    // flow-weighted generalised cost of the routes left can fall (costly routes that had logit share are gone).
    const base = runScenario(ctx.network, undefined, demand, { emissions, kpis: { samples: 0 } });
    expect(r.kpis.totals.userCostUsd).toBeGreaterThan(base.kpis.totals.userCostUsd);
    for (const [i, od] of r.kpis.ods.entries()) {
      const b = base.kpis.ods[i]!;
      if (b.userCostUsdPerUnit === null || od.userCostUsdPerUnit === null) continue;
      expect(od.userCostUsdPerUnit, `${od.from} ${od.to}`).toBeGreaterThanOrEqual(b.userCostUsdPerUnit - 0.5);
    }
  });
});
