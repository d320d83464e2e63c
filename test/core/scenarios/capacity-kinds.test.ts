/**
 * Every kind of capacity in the data becomes a congestible element, and a capacity binds in the assignment.
 * Worked by hand from congestion.ts (M/D/1 wait) and resources.ts (TEU equivalents per year).
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { commodityClass } from '../../../src/core/scenarios/assignment-settings.ts';
import { bulkTonnesPerTrain, TONNES_PER_TRUCK } from '../../../src/core/scenarios/congestion.ts';
import { ResourceLoads } from '../../../src/core/scenarios/resource-loads.ts';
import { buildResources } from '../../../src/core/scenarios/resources.ts';
import { WEEKS_PER_YEAR } from '../../../src/core/time.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';
import { assign, containerDemand, linkFlows } from './helpers.ts';

function rail(id: string, from: string, to: string, usdPerTeu: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    from,
    to,
    mode: 'rail',
    gauge: 1520,
    status: 'operational',
    distanceKm: fig(100),
    duration: fixedH(0),
    tariff: { usdPerTeu: fig(usdPerTeu) },
    ...extra,
  };
}

describe('capacity kinds', () => {
  it("a truck ferry's trucks per sailing load every cargo: 10 trucks x 20 t x 1/week x 52.14 weeks / 10 t per TEU", () => {
    const net = networkFrom({
      nodes: [node('a', 'GE', { kind: 'sea_port' }), node('b', 'BG', { kind: 'sea_port' })],
      links: [
        {
          id: 'ab',
          from: 'a',
          to: 'b',
          mode: 'ferry',
          service: 'ro',
          status: 'operational',
          distanceKm: fig(1000),
          duration: fixedH(60),
          tariff: { usdPerTonne: fig(50) },
        },
      ],
      services: [
        {
          id: 'ro',
          name: 'Ro-Pax',
          mode: 'ferry',
          vessel: 'ro_pax',
          carries: ['trucks'],
          departuresPerWeek: fig(1),
          capacityTrucksPerDeparture: fig(10),
        },
      ],
    });
    const res = buildResources(net, compileNetwork(net));
    expect(res.count).toBeGreaterThan(0);
    const expected = (10 * TONNES_PER_TRUCK * 1 * WEEKS_PER_YEAR) / 10;
    expect(res.capAllTeuEq[0]).toBeCloseTo(expected, 6);
    expect(res.capContainersTeu[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('a line capacity in trains per day binds: the cheap line fills until its queue costs the price difference', () => {
    // Two lines a -> b: cheap (USD 100/TEU, 1 train pair a day = 112.5 x 365 = 41,062.5 TEU/yr each way) and dear
    // (USD 300/TEU, no capacity). 60,000 TEU at 1 USD per TEU-hour. One train load clears in
    // h = 112.5 x 8760 / 41,062.5 = 24 h, so the M/D/1 wait is W = 24 rho / (2 (1 - rho)). At equilibrium the cheap
    // line costs as much as the dear one: 100 + W = 300, W = 200 h, rho = 400 / 424 = 0.9434, i.e. 38,738 TEU on it.
    // Not shipping costs 10 x the free-flow USD 100, so every TEU ships.
    const net = networkFrom({
      nodes: [node('a', 'KZ'), node('b', 'KZ')],
      links: [rail('cheap', 'a', 'b', 100, { capacity: { trainsPerDay: fig(1) } }), rail('dear', 'a', 'b', 300)],
    });
    const r = assign(net, containerDemand([{ from: 'a', to: 'b', teu: 60000 }]), {
      relativeGap: 1e-7,
      maxIterations: 5000,
      unservedCostFactor: 10,
    });
    const flows = linkFlows(r);
    const rho = 400 / 424;
    expect(flows.get('cheap')).toBeCloseTo(rho * 41062.5, -2);
    expect((flows.get('cheap') ?? 0) + (flows.get('dear') ?? 0)).toBeCloseTo(60000, 3);
  });

  it('without the capacity the cheap line takes everything (the capacity is what moved the flow)', () => {
    const net = networkFrom({
      nodes: [node('a', 'KZ'), node('b', 'KZ')],
      links: [rail('cheap', 'a', 'b', 100), rail('dear', 'a', 'b', 300)],
    });
    const flows = linkFlows(assign(net, containerDemand([{ from: 'a', to: 'b', teu: 60000 }])));
    expect(flows.get('cheap')).toBeCloseTo(60000, 3);
    expect(flows.get('dear') ?? 0).toBe(0);
  });
});

describe('bulk trains on a line given in trains a day', () => {
  const line = (gauge: number) =>
    networkFrom({
      nodes: [node('a', 'KZ'), node('b', 'KZ')],
      links: [{ ...rail('ab', 'a', 'b', 100, { capacity: { trainsPerDay: fig(10) } }), gauge }],
    });
  it('a 1520 mm line counts a tonne of bulk as 1/2,740 of a train, a TEU as 1/112.5', () => {
    // 10 trains a day = 10 x 365 x 112.5 = 410,625 container-train TEU a year. 10 Mt of bulk fills
    // 10e6 / 2,740 = 3,649.6 trains a year, i.e. 3,649.6 x 112.5 = 410,584 TEU-equivalents: rho = 0.9999.
    const res = buildResources(line(1520), compileNetwork(line(1520)));
    expect(res.capAllTeuEq[0]).toBeCloseTo(410625, 6);
    expect(res.bulkWeight[0]).toBeCloseTo(1125 / 2740, 12);
    const bulk = commodityClass({ id: 'ore', name: 'Ore', kind: 'bulk', valueOfTimeUsdPerUnitH: fig(0.1) }, 0, 0, 0);
    const box = commodityClass({ id: 'box', name: 'Box', kind: 'containers', valueOfTimeUsdPerUnitH: fig(1) }, 1, 0, 0);
    const loads = new ResourceLoads(res, 0.95);
    loads.move(bulk, { edges: Int32Array.of(0), resources: Int32Array.of(0), flow: 0 }, 10e6);
    expect(loads.utilisation[0]).toBeCloseTo(10e6 / 2740 / 3650, 9);
    // Containers keep 112.5 TEU a train: 205,312.5 TEU is half the line.
    loads.move(bulk, { edges: Int32Array.of(0), resources: Int32Array.of(0), flow: 10e6 }, -10e6);
    loads.move(box, { edges: Int32Array.of(0), resources: Int32Array.of(0), flow: 0 }, 205312.5);
    expect(loads.utilisation[0]).toBeCloseTo(0.5, 9);
  });
  it('a gauge without a sourced bulk train load keeps the container train of 1,125 t', () => {
    const res = buildResources(line(1435), compileNetwork(line(1435)));
    expect(bulkTonnesPerTrain(1435)).toBe(1125);
    expect(res.bulkWeight[0]).toBe(1);
  });
});
