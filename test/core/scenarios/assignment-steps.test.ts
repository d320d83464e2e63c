/**
 * The named steps of the equilibrium assignment, each on its own, with the arithmetic in the comments:
 * settings (assignment-settings.ts), OD bookkeeping (route-flows.ts), loads and delays (resource-loads.ts),
 * the cheapest-route search (cheapest-routes.ts), base weights (edge-weights.ts), gradient projection's Newton
 * step (gradient-projection.ts) and the nested logit (corridor-logit.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { commodityClass, resolveSettings } from '../../../src/core/scenarios/assignment-settings.ts';
import { augmentWithNodeSources, CheapestRoutes } from '../../../src/core/scenarios/cheapest-routes.ts';
import { nestedLogitFlows } from '../../../src/core/scenarios/corridor-logit.ts';
import { parseDemand } from '../../../src/core/scenarios/demand.ts';
import { classBaseWeights, edgeBaseTimesH } from '../../../src/core/scenarios/edge-weights.ts';
import { argMin, newtonShift } from '../../../src/core/scenarios/gradient-projection.ts';
import { ResourceLoads } from '../../../src/core/scenarios/resource-loads.ts';
import { buildResources, type Resources } from '../../../src/core/scenarios/resources.ts';
import {
  dropNegligibleRoutes,
  groupOds,
  listOds,
  type OdAssignment,
  RouteBook,
  type RouteFlow,
  routeCostUsd,
} from '../../../src/core/scenarios/route-flows.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';
import { containerDemand, legsNetwork } from './helpers.ts';

/** Containers (VOT 2 USD/TEU-h) and grain in tonnes (VOT 0.1 USD/t-h, logit dispersion 0.01/USD). */
function twoCommodityDemand(flows: Array<[string, string, string, number]>) {
  const r = parseDemand({
    id: 'test',
    name: 'test demand',
    description: 'hand-worked test demand',
    year: 2025,
    sources: ['T1'],
    commodities: [
      { id: 'boxes', name: 'Boxes', kind: 'containers', valueOfTimeUsdPerUnitH: fig(2) },
      {
        id: 'grain',
        name: 'Grain',
        kind: 'bulk',
        valueOfTimeUsdPerUnitH: fig(0.1),
        logitDispersionPerUsd: fig(0.01),
      },
    ],
    flows: flows.map(([from, to, commodity, v]) => ({ from, to, commodity, volumePerYear: fig(v) })),
  });
  if (!r.demand) throw new Error(JSON.stringify(r.issues));
  return r.demand;
}

describe('settings', () => {
  it('defaults to the deterministic equilibrium by gradient projection without dispersions', () => {
    const s = resolveSettings(containerDemand([{ from: 'a', to: 'b', teu: 1 }]), {});
    expect(s).toMatchObject({
      model: 'ue',
      method: 'gradient-projection',
      tolerance: 1e-4,
      maxIterations: 200,
      unservedCostFactor: 2,
      rhoMax: 0.95,
      isLogit: [false],
    });
  });
  it('switches to the stochastic equilibrium, looser and longer, when a commodity has a dispersion', () => {
    const d = twoCommodityDemand([['a', 'b', 'boxes', 1]]);
    const s = resolveSettings(d, {});
    expect(s).toMatchObject({ model: 'sue', tolerance: 1e-3, maxIterations: 500, isLogit: [false, true] });
    // forced 'ue': nobody chooses by logit
    expect(resolveSettings(d, { model: 'ue' }).isLogit).toEqual([false, false]);
  });
  it('rejects bad options with KERUEN_INVALID_INPUT', () => {
    const d = containerDemand([{ from: 'a', to: 'b', teu: 1 }]);
    for (const opts of [
      { unservedCostFactor: 0.5 },
      { maxIterations: 0 },
      { valueOfTimeFactor: -1 },
      { logitDispersionPerUsd: { containers: -0.1 } },
    ])
      expect(() => resolveSettings(d, opts)).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }));
  });
  it('makes one class per commodity with its unit, TEU equivalents, value of time and carbon price', () => {
    const [, grain] = twoCommodityDemand([['a', 'b', 'boxes', 1]]).commodities;
    // VOT 0.1 x factor 3; 80 USD/t CO2e = 0.08 USD/kg; 10 t per TEU
    const k = commodityClass(grain!, 3, 80, 0.01);
    expect(k.unit).toBe('t');
    expect(k.perTeu).toBe(false);
    expect(k.teuEqPerUnit).toBeCloseTo(0.1, 15);
    expect(k.valueOfTimeUsdPerUnitH).toBeCloseTo(0.3, 15);
    expect(k.carbonUsdPerKg).toBeCloseTo(0.08, 15);
    expect(k.logitDispersionPerUsd).toBe(0.01);
  });
});

describe('OD bookkeeping', () => {
  const net = legsNetwork(['a', 'b', 'c'], [{ id: 'ab', from: 'a', to: 'b', usdPerTeu: 1 }]);
  const d = twoCommodityDemand([
    ['a', 'b', 'boxes', 10],
    ['a', 'c', 'boxes', 20],
    ['b', 'c', 'boxes', 30],
    ['a', 'b', 'grain', 0],
    ['a', 'c', 'grain', 40],
  ]);
  it('lists one pair per flow, classed by commodity', () => {
    const ods = listOds(d);
    expect(ods.map((o) => [o.flowIndex, o.classIndex, o.demand])).toEqual([
      [0, 0, 10],
      [1, 0, 20],
      [2, 0, 30],
      [3, 1, 0],
      [4, 1, 40],
    ]);
    expect(ods[0]!.penaltyUsdPerUnit).toBeNaN();
  });
  it('groups pairs with demand by class and origin, in the order first seen', () => {
    const groups = groupOds(net, listOds(d));
    // boxes from a (2 pairs), boxes from b, grain from a (the zero-demand pair left out)
    expect(groups.map((g) => [g.classIndex, net.nodes[g.origin]!.id, g.ods.map((o) => o.flowIndex)])).toEqual([
      [0, 'a', [0, 1]],
      [0, 'b', [2]],
      [1, 'a', [4]],
    ]);
  });
  it('keeps one route per edge sequence, with the capacity-limited elements it uses', () => {
    const od = listOds(d)[0]!;
    // edges 0 and 2 use elements 5 and 1; edge 1 none
    const book = new RouteBook(5, Int32Array.of(5, -1, 1));
    const r1 = book.routeFor(od, Int32Array.of(0, 1, 2));
    r1.flow = 7;
    expect([...r1.resources]).toEqual([5, 1]);
    expect(book.routeFor(od, Int32Array.of(0, 1, 2))).toBe(r1);
    expect(book.routeFor(od, Int32Array.of(1))).not.toBe(r1);
    expect(od.routes.map((r) => r.flow)).toEqual([7, 0]);
  });
  it('costs a route as its base weights plus value of time x the delays it meets', () => {
    const rt: RouteFlow = { edges: Int32Array.of(0, 2), resources: Int32Array.of(1, 1), flow: 0 };
    // 10 + 30 + 2 USD/h x (4 h + 4 h)
    expect(routeCostUsd(Float64Array.of(10, 20, 30), 2, Float64Array.of(0, 4), rt)).toBe(56);
  });
  it('drops routes with next to no flow, giving it to the first kept route, largest first', () => {
    const rt = (flow: number): RouteFlow => ({ edges: new Int32Array(), resources: new Int32Array(), flow });
    // the threshold is 1e-9 x 80 = 8e-8 units a year
    const od = { demand: 80, unserved: 0, routes: [rt(1e-8), rt(30), rt(50)] } as unknown as OdAssignment;
    const lonely = { demand: 80, unserved: 5, routes: [rt(1e-8)] } as unknown as OdAssignment;
    dropNegligibleRoutes([od, lonely]);
    expect(od.routes.map((r) => r.flow)).toEqual([50, expect.closeTo(30 + 1e-8, 12)]);
    expect(od.unserved).toBe(0);
    expect(lonely.routes).toEqual([]);
    expect(lonely.unserved).toBeCloseTo(5 + 1e-8, 12);
  });
});

describe('loads and delays', () => {
  // One element: 98,550 TEU/yr clears a 112.5-TEU train in 10 h; no all-cargo limit.
  const res: Resources = {
    count: 1,
    kind: ['link'],
    id: ['x'],
    direction: ['forward'],
    capContainersTeu: Float64Array.of(98550),
    capAllTeuEq: Float64Array.of(Number.POSITIVE_INFINITY),
    bulkWeight: Float64Array.of(1),
    edgeResource: Int32Array.of(0),
  };
  const boxes = commodityClass(containerDemand([{ from: 'a', to: 'b', teu: 1 }]).commodities[0]!, 2, 0, 0);
  it('moves flow onto a route and prices the element at the M/D/1 wait', () => {
    const loads = new ResourceLoads(res, 0.95);
    const rt: RouteFlow = { edges: Int32Array.of(0), resources: Int32Array.of(0), flow: 0 };
    loads.move(boxes, rt, 49275);
    // rho 0.5, h 10: W = 0.5 x 10 / (2 x 0.5) = 5 h
    expect(rt.flow).toBe(49275);
    expect(loads.utilisation[0]).toBeCloseTo(0.5, 15);
    expect(loads.delayH[0]).toBeCloseTo(5, 12);
    // dW/drho = 10 / (2 x 0.5^2) = 20 h; per TEU/yr: 20 / 98,550; x VOT 2
    expect(loads.marginal(boxes, 0)).toBeCloseTo((2 * 20) / 98550, 15);
    // a route through the element against not shipping: one use difference
    expect(loads.curvature(boxes, rt, undefined)).toBeCloseTo(loads.marginal(boxes, 0), 15);
    expect(loads.curvature(boxes, rt, rt)).toBe(0);
  });
  it('recounts the same loads from the route flows', () => {
    const loads = new ResourceLoads(res, 0.95);
    const od = {
      classIndex: 0,
      routes: [{ edges: Int32Array.of(0), resources: Int32Array.of(0), flow: 49275 }],
    } as unknown as OdAssignment;
    loads.recount([od], [boxes]);
    expect(loads.containersTeu[0]).toBe(49275);
    expect(loads.allTeuEq[0]).toBe(49275);
    expect(loads.delayH[0]).toBeCloseTo(5, 12);
  });
});

describe('gradient projection step', () => {
  it('finds the cheapest option, the first of equals', () => {
    expect(argMin([3, 1, 1, 2])).toBe(1);
    expect(argMin([])).toBe(-1);
  });
  it('moves the cost difference over the second derivative, at most what is there', () => {
    expect(newtonShift(10, 2, 100)).toBe(5);
    expect(newtonShift(10, 0.01, 100)).toBe(100);
    // no congestible element in the difference: everything moves
    expect(newtonShift(10, 0, 100)).toBe(100);
  });
});

describe('nested logit', () => {
  it('splits a corridor evenly between equal variants', () => {
    const r = nestedLogitFlows(100, [10, 10], [[0, 1]], 1e9, 0.1);
    expect(r.y[0]).toBeCloseTo(50, 9);
    expect(r.y[1]).toBeCloseTo(50, 9);
    expect(r.unserved).toBeCloseTo(0, 9);
  });
  it('shares corridors by exp(-theta x cost)', () => {
    // theta = ln 2 / 10: the corridor 10 USD dearer gets half the weight: 2/3 and 1/3
    const r = nestedLogitFlows(90, [10, 20], [[0], [1]], Number.POSITIVE_INFINITY, Math.LN2 / 10);
    expect(r.y[0]).toBeCloseTo(60, 9);
    expect(r.y[1]).toBeCloseTo(30, 9);
    expect(r.unserved).toBe(0);
  });
  it("leaves demand unserved in proportion to the penalty's weight", () => {
    // one route at 10, penalty 20, theta ln 2 / 10: served 2/3
    const r = nestedLogitFlows(90, [10], [[0]], 20, Math.LN2 / 10);
    expect(r.y[0]).toBeCloseTo(60, 9);
    expect(r.unserved).toBeCloseTo(30, 9);
  });
});

describe('cheapest routes', () => {
  // a -> b directly (300 USD/TEU), or a -> c -> b (100 + 100)
  const net = legsNetwork(
    ['a', 'b', 'c'],
    [
      { id: 'ab', from: 'a', to: 'b', usdPerTeu: 300 },
      { id: 'ac', from: 'a', to: 'c', usdPerTeu: 100 },
      { id: 'cb', from: 'c', to: 'b', usdPerTeu: 100 },
    ],
  );
  const g = compileNetwork(net);
  it('adds one source vertex per node, joined to its platforms', () => {
    const a = augmentWithNodeSources(g);
    // 3 nodes, one rail1520 platform each
    expect(a.n).toBe(g.vertexCount + 3);
    for (let n = 0; n < 3; n++) {
      const v = g.vertexCount + n;
      expect([...a.to.subarray(a.off[v]!, a.off[v + 1]!)]).toEqual([g.nodeOff[n]]);
    }
  });
  it('finds the cheapest route under the weights, and none where everything is banned', () => {
    const search = new CheapestRoutes(g);
    const d = containerDemand([{ from: 'a', to: 'b', teu: 1 }], 0);
    const settings = resolveSettings(d, {});
    const [base] = classBaseWeights(g, settings.classes, edgeBaseTimesH(net, g), undefined, search.weights.length);
    search.setWeights(base!, 0, new Int32Array(g.edgeCount).fill(-1), new Float64Array());
    search.searchFrom(0);
    const best = { edges: undefined as Int32Array | undefined, cost: 0 };
    search.routeTo(1, best);
    expect(best.cost).toBe(200);
    expect([...best.edges!].map((e) => net.links[g.link[e]!]!.id)).toEqual(['ac', 'cb']);
    search.banCorridors(new Uint8Array(g.edgeCount).fill(1), 1, base!);
    search.searchFrom(0);
    search.routeTo(1, best);
    expect(best.edges).toBeUndefined();
    expect(best.cost).toBe(Number.POSITIVE_INFINITY);
    expect(search.runs).toBe(2);
  });
});

describe('edge weights', () => {
  // a -> b by a ferry sailing once a week (Monday 00:00), 20 h, 500 USD/TEU
  const net = networkFrom({
    nodes: [node('a', 'KZ'), node('b', 'AZ')],
    links: [
      {
        id: 'ab',
        from: 'a',
        to: 'b',
        mode: 'ferry',
        status: 'operational',
        distanceKm: fig(400),
        duration: fixedH(20),
        tariff: { usdPerTeu: fig(500) },
        service: 's',
      },
    ],
    services: [
      { id: 's', name: 'S', mode: 'ferry', vessel: 'ro_pax', carries: ['containers'], departuresPerWeek: fig(1) },
    ],
  });
  const g = compileNetwork(net);
  it('adds the mean timetable wait to a scheduled edge: half a week for one departure', () => {
    const t = edgeBaseTimesH(net, g);
    for (let e = 0; e < g.edgeCount; e++) expect(t[e]).toBe(20 + 84);
  });
  it('prices an edge at value of time x base time + cost + carbon, Infinity where the class may not go', () => {
    const d = containerDemand([{ from: 'a', to: 'b', teu: 1 }], 2);
    const settings = resolveSettings(d, {});
    const [w] = classBaseWeights(g, settings.classes, edgeBaseTimesH(net, g), undefined, g.edgeCount + 4);
    // 2 USD/h x 104 h + 500 USD (no emissions model: CO2e counts 0 at carbon price 0)
    expect(w![0]).toBe(2 * 104 + 500);
    expect(w!.length).toBe(g.edgeCount + 4);
    expect(w![g.edgeCount]).toBe(0);
  });
});

describe('capacity-limited elements', () => {
  it('gives each direction of a link with a capacity an element of its own', () => {
    const net = legsNetwork(['a', 'b'], [{ id: 'ab', from: 'a', to: 'b', usdPerTeu: 1, teuPerYear: 50000 }]);
    const res = buildResources(net, compileNetwork(net));
    // both directions of ab, 50,000 TEU/yr each
    expect(res.count).toBe(2);
    expect(res.direction).toEqual(['forward', 'reverse']);
    expect([...res.capContainersTeu]).toEqual([50000, 50000]);
    expect([...res.capAllTeuEq]).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });
});
