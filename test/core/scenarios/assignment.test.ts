import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../../src/core/scenarios/apply-scenario.ts';
import { parseDemand } from '../../../src/core/scenarios/demand.ts';
import { parseScenario } from '../../../src/core/scenarios/scenario-load.ts';
import { fig } from '../../support/synthetic-network.ts';
import { assign, containerDemand, legsNetwork, linkFlows } from './helpers.ts';

const served = (r: ReturnType<typeof assign>) =>
  r.ods.reduce((s, od) => s + od.routes.reduce((x, rt) => x + rt.flow, 0), 0);

describe('equilibrium assignment on hand-worked networks', () => {
  // Two parallel lines a-b. r1: USD 100/TEU, no capacity limit. r2: USD 50/TEU, 98,550 TEU/yr, so one train of
  // 112.5 TEU takes h = 112.5 * 8760 / 98550 = 10 h. Value of time 1 USD/TEU-h, travel time 0.
  // Equilibrium: 50 + W(rho) = 100, W = rho h / (2 (1 - rho)) = 50 -> rho = 2W / (h + 2W) = 100 / 110.
  // x2 = 98550 * 10 / 11 = 89,590.9 TEU; x1 = 200,000 - x2 = 110,409.1 TEU.
  const net = legsNetwork(
    ['a', 'b'],
    [
      { id: 'r1', from: 'a', to: 'b', usdPerTeu: 100 },
      { id: 'r2', from: 'a', to: 'b', usdPerTeu: 50, teuPerYear: 98550 },
    ],
  );
  const demand = containerDemand([{ from: 'a', to: 'b', teu: 200000 }]);

  it('splits flow so that both used routes cost the same', () => {
    const r = assign(net, demand, { unservedCostFactor: 3 });
    const f = linkFlows(r);
    expect(f.get('r2')!).toBeCloseTo((98550 * 10) / 11, -2); // within 50 TEU
    expect(f.get('r1')!).toBeCloseTo(200000 - (98550 * 10) / 11, -2);
    expect(r.ods[0]!.unserved).toBeCloseTo(0, 6);
    expect(r.relativeGap).toBeLessThan(1e-3);
  });

  it('sends everything to the free route when the cheap one is closed, and conserves demand', () => {
    const sc = parseScenario({
      id: 'close-r2',
      name: 'r2 closed',
      description: 'the cheap line is closed',
      sources: ['T1'],
      changes: [{ kind: 'close', target: 'link', id: 'r2' }],
    }).scenario!;
    const r = assign(applyScenario(net, sc), demand, { unservedCostFactor: 3 });
    const f = linkFlows(r);
    expect(f.get('r2') ?? 0).toBe(0);
    expect(f.get('r1')!).toBeCloseTo(200000, 6);
    expect(served(r) + r.ods[0]!.unserved).toBeCloseTo(200000, 6);
  });

  it('reports what a full line cannot carry as unserved', () => {
    // Only r2 (USD 50). Penalty = 3 x 50 = 150, so at equilibrium 50 + W = 150, W = 100 h: beyond rhoMax 0.95
    // where W(0.95) = 95 and the slope is h / (2 * 0.05^2) = 2000 -> rho = 0.95 + 5 / 2000 = 0.9525.
    const one = legsNetwork(['a', 'b'], [{ id: 'r2', from: 'a', to: 'b', usdPerTeu: 50, teuPerYear: 98550 }]);
    const r = assign(one, demand, { unservedCostFactor: 3 });
    const s = served(r);
    expect(s).toBeCloseTo(98550 * 0.9525, -2);
    expect(s + r.ods[0]!.unserved).toBeCloseTo(200000, 6);
    expect(r.utilisation[0]!).toBeCloseTo(0.9525, 3);
  });

  it('marks a pair with no route as unserved, with noRoute', () => {
    const split = legsNetwork(['a', 'b', 'c'], [{ id: 'r1', from: 'a', to: 'b', usdPerTeu: 100 }]);
    const r = assign(split, containerDemand([{ from: 'a', to: 'c', teu: 1000 }]));
    expect(r.ods[0]!.noRoute).toBe(true);
    expect(r.ods[0]!.unserved).toBe(1000);
    expect(r.ods[0]!.routes).toHaveLength(0);
  });

  it('uses a chain of two sections and loads both', () => {
    // a-m-b at USD 30 + 30 with capacities 98,550 each versus a-b direct at USD 100. Two queues in series, each
    // W = 5 rho / (1 - rho) ... both carry the same flow x: 60 + 2 * 10 rho / (2 (1 - rho)) = 100 -> 10 rho / (1 - rho) = 40
    // -> rho = 0.8, x = 78,840 TEU.
    const chain = legsNetwork(
      ['a', 'm', 'b'],
      [
        { id: 's1', from: 'a', to: 'm', usdPerTeu: 30, teuPerYear: 98550 },
        { id: 's2', from: 'm', to: 'b', usdPerTeu: 30, teuPerYear: 98550 },
        { id: 'direct', from: 'a', to: 'b', usdPerTeu: 100 },
      ],
    );
    const r = assign(chain, demand, { unservedCostFactor: 3 });
    const f = linkFlows(r);
    expect(f.get('s1')!).toBeCloseTo(78840, -2);
    expect(f.get('s2')!).toBeCloseTo(78840, -2);
    expect(f.get('direct')!).toBeCloseTo(200000 - 78840, -2);
  });

  it('loads a container-only capacity with containers only (two classes)', () => {
    // r1: USD 10/TEU, 5 h, 20,000 TEU/yr for containers -> h = 112.5 * 8760 / 20000 = 49.275 h.
    // Containers: value of time 2 USD/TEU-h, free-flow cost 10 + 2 * 5 = 20, penalty 2 x 20 = 40.
    // Equilibrium 20 + 2 W = 40 -> W = 10 h -> rho = 2W / (h + 2W) = 20 / 69.275 = 0.28870; served 5,774.1 TEU.
    // Grain (tonnes) does not use the TEU capacity: all 343,349 t are served.
    const one = legsNetwork(['a', 'b'], [{ id: 'r1', from: 'a', to: 'b', usdPerTeu: 10, hours: 5, teuPerYear: 20000 }]);
    const d = parseDemand({
      id: 'two',
      name: 'two classes',
      description: 'containers and grain',
      year: 2025,
      sources: ['T1'],
      commodities: [
        { id: 'containers', name: 'Containers', kind: 'containers', valueOfTimeUsdPerUnitH: fig(2) },
        { id: 'grain', name: 'Grain', kind: 'general', valueOfTimeUsdPerUnitH: fig(0.05) },
      ],
      flows: [
        { from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(10000) },
        { from: 'a', to: 'b', commodity: 'grain', volumePerYear: fig(343349) },
      ],
    }).demand!;
    const r = assign(one, d);
    expect(r.utilisation[0]!).toBeCloseTo(20 / 69.275, 5);
    expect(served({ ...r, ods: [r.ods[0]!] })).toBeCloseTo(20000 * (20 / 69.275), 0);
    expect(r.ods[1]!.unserved).toBeCloseTo(0, 6);
    expect(r.ods[1]!.routes[0]!.flow).toBeCloseTo(343349, 4);
  });
});
