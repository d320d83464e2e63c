/**
 * The compiler's steps on a worked network (compile.ts, platforms.ts, link-edges.ts, transfer-edges.ts,
 * edge-table.ts):
 *
 *   A (KZ) --rail 1520, 2 h, 100 USD/TEU-- B (KZ) --rail 1435, 200 km at 400 km/day, 0.05 USD/t-km-- C (CN)
 *                                          B --road, 50 km, KZ road rate (500 km/day, 2 USD/TEU-km)-- D (KZ)
 *
 * B has a terminal (dwell 10 h, 50 USD/TEU) and a 1435/1520 gauge change (5 h, 20 USD/TEU); C clears inbound
 * cargo in 6 h for 30 USD/TEU. Tonnes per TEU: 10.
 */
import { describe, expect, it } from 'vitest';
import {
  compileNetwork,
  EDGE_GAUGE,
  EDGE_LINK,
  EDGE_TRANSFER,
  PLATFORM_CLASSES,
} from '../../../src/core/network/compile.ts';
import { csrOrder, packEdges } from '../../../src/core/network/edge-table.ts';
import { borderCrossing, linkTariffUsd, linkTravelTimeH } from '../../../src/core/network/link-edges.ts';
import { listPlatforms, platformOf } from '../../../src/core/network/platforms.ts';
import { transferTerms } from '../../../src/core/network/transfer-edges.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const net = networkFrom({
  nodes: [
    node('a', 'KZ'),
    node('b', 'KZ', {
      facility: { dwell: fixedH(10), handlingCostUsdPerTeu: fig(50) },
      gaugeChange: { method: 'transshipment', gauges: [1435, 1520], duration: fixedH(5), costUsdPerTeu: fig(20) },
    }),
    node('c', 'CN', { border: { dwellInbound: fixedH(6), costUsdPerTeu: fig(30) } }),
    node('d', 'KZ'),
  ],
  links: [
    {
      id: 'ab',
      from: 'a',
      to: 'b',
      mode: 'rail',
      gauge: 1520,
      status: 'operational',
      distanceKm: fig(100),
      duration: fixedH(2),
      tariff: { usdPerTeu: fig(100) },
    },
    {
      id: 'bc',
      from: 'b',
      to: 'c',
      mode: 'rail',
      gauge: 1435,
      status: 'operational',
      distanceKm: fig(200),
      speedKmPerDay: fig(400),
      tariff: { usdPerTonneKm: fig(0.05) },
      bidirectional: false,
    },
    { id: 'bd', from: 'b', to: 'd', mode: 'road', status: 'operational', distanceKm: fig(50) },
  ],
  rates: [{ id: 'kz-road', country: 'KZ', mode: 'road', speedKmPerDay: fig(500), usdPerTeuKm: fig(2) }],
});
const link = (id: string) => net.links.find((l) => l.id === id)!;
const nodeRec = (id: string) => net.nodes.find((n) => n.id === id)!;
const kzRoad = net.rates[0]!;

describe('platforms', () => {
  it('names the platform class of a link by mode and gauge', () => {
    expect(platformOf(link('ab'))).toBe('rail1520');
    expect(platformOf(link('bc'))).toBe('rail1435');
    expect(platformOf({ mode: 'rail', gauge: undefined })).toBe('rail1435');
    expect(platformOf(link('bd'))).toBe('road');
  });
  it("numbers each node's platforms consecutively, in class order", () => {
    const p = listPlatforms(net);
    // a: rail1520; b: rail1435, rail1520, road; c: rail1435; d: road
    expect([...p.nodeOff]).toEqual([0, 1, 4, 5, 6]);
    expect(p.vNode).toEqual([0, 1, 1, 1, 2, 3]);
    expect(p.vClass.map((c) => PLATFORM_CLASSES[c])).toEqual([
      'rail1520',
      'rail1435',
      'rail1520',
      'road',
      'rail1435',
      'road',
    ]);
    expect(p.at(1, 'road')).toBe(3);
    expect(p.at(0, 'road')).toBeUndefined();
  });
});

describe('link edges', () => {
  it('takes the travel time from the duration, else distance over speed', () => {
    expect(linkTravelTimeH(link('ab'), undefined)).toBe(2);
    // 200 km at 400 km/day: 12 h
    expect(linkTravelTimeH(link('bc'), undefined)).toBe(12);
    // 50 km at the rate's 500 km/day: 2.4 h; without the rate, no time
    expect(linkTravelTimeH(link('bd'), kzRoad)).toBeCloseTo(2.4, 12);
    expect(linkTravelTimeH(link('bd'), undefined)).toBeUndefined();
  });
  it('prices a link per TEU and per tonne, converting the one not given', () => {
    // Issue 15 (payload physics): a TEU-only tariff gives the tonne figure at a box's legal payload, 30.48 - 2.3
    // = 28.18 t (it was 10 t): 100 / 28.18 USD/t.
    const ab = linkTariffUsd(link('ab'), undefined, 10);
    expect(ab.perTeu).toBe(100);
    // a link's own tariff per TEU prices boxes in proportion: a 20' box pays a TEU's figure
    expect(ab.perTeu20).toBe(100);
    expect(ab.perTonne).toBeCloseTo(100 / 28.18, 12);
    // 0.05 USD/t-km x 200 km = 10 USD/t = 100 USD/TEU
    const bc = linkTariffUsd(link('bc'), undefined, 10);
    expect(bc.perTonne).toBeCloseTo(10, 12);
    expect(bc.perTeu).toBeCloseTo(100, 12);
    // no tariff: the rate, 2 USD/TEU-km x 50 km
    const bd = linkTariffUsd(link('bd'), kzRoad, 10);
    expect(bd.perTeu).toBeCloseTo(100, 12);
    expect(bd.perTonne).toBeCloseTo(100 / 28.18, 12);
    expect(linkTariffUsd(link('bd'), undefined, 10)).toEqual({ perTeu: undefined, perTonne: undefined });
  });
  it('adds border clearance only between countries, by direction', () => {
    const fee = (usdPerTeu: number) => ({ usdPerTeu, usdPerTonne: 0, containers: { usdPerTeu, usdPerTonne: 0 } });
    expect(borderCrossing(nodeRec('b'), nodeRec('c'))).toEqual({ h: 6, ...fee(30) });
    expect(borderCrossing(nodeRec('c'), nodeRec('b'))).toEqual({ h: 0, ...fee(30) });
    expect(borderCrossing(nodeRec('a'), nodeRec('b'))).toEqual({ h: 0, ...fee(0) });
  });
});

describe('transfer edges', () => {
  it('joins rail platforms through the gauge change and others through the facility', () => {
    expect(transferTerms(nodeRec('b'), 'rail1435', 'rail1520', 10)).toEqual({
      kind: EDGE_GAUGE,
      timeH: 5,
      costTeu: 20,
      costTeu20: 20,
      // issue 15: a per-TEU charge spreads over a box's legal payload (28.18 t), no longer over 10 t
      costTonne: 20 / 28.18,
      operation: 'gauge_change',
    });
    expect(transferTerms(nodeRec('b'), 'road', 'rail1520', 10)).toEqual({
      kind: EDGE_TRANSFER,
      timeH: 10,
      // issue 15, round 2: a handling charge is per box, so per TEU of a 40' box it is half (costs/box-prices.ts)
      costTeu: 25,
      // a 20' box pays the whole box charge
      costTeu20: 50,
      costTonne: 50 / 28.18,
      operation: 'container_terminal',
    });
    // a gauge change that does not list 1668, and a node without facility
    expect(transferTerms(nodeRec('b'), 'rail1668', 'rail1520', 10)).toBeUndefined();
    expect(transferTerms(nodeRec('d'), 'road', 'rail1520', 10)).toBeUndefined();
  });
});

describe('edge table', () => {
  it('orders edges by source vertex, stably', () => {
    const { off, order } = csrOrder([1, 0, 1, 2], 3);
    expect([...off]).toEqual([0, 1, 3, 4]);
    expect([...order]).toEqual([1, 0, 2, 3]);
  });
  it('packs drafts into the typed arrays in that order', () => {
    const draft = (src: number, dst: number, timeH: number) => ({
      src,
      dst,
      kind: EDGE_LINK,
      link: 0,
      reversed: 0,
      mode: 0,
      status: 0,
      statusYear: 0,
      timeH,
      borderH: 0,
      distanceKm: 0,
      costTeu: 0,
      costTeu20: 0,
      costTonne: 0,
      co2Teu: 0,
      co2Tonne: 0,
      riskMask: 0,
      service: -1,
      carries: 0xff,
    });
    const t = packEdges([draft(1, 0, 7), draft(0, 1, 3)], 2);
    expect([...t.off]).toEqual([0, 1, 2]);
    expect([...t.source]).toEqual([0, 1]);
    expect([...t.timeH]).toEqual([3, 7]);
  });
});

describe('compileNetwork', () => {
  const g = compileNetwork(net);
  it('compiles links both ways (unless one-way) and transfers at b', () => {
    // ab both ways, bc one way, bd both ways: 5 link edges; at b 3 platforms: 6 ordered pairs, 2 of them
    // rail1435 <-> rail1520 through the gauge change, 4 through the terminal
    expect(g.vertexCount).toBe(6);
    expect(g.edgeCount).toBe(11);
    const kinds = [...g.kind];
    expect(kinds.filter((k) => k === EDGE_LINK)).toHaveLength(5);
    expect(kinds.filter((k) => k === EDGE_GAUGE)).toHaveLength(2);
    expect(kinds.filter((k) => k === EDGE_TRANSFER)).toHaveLength(4);
    expect(g.issues).toEqual([]);
  });
  it('folds the border into the b -> c edge', () => {
    const e = [...g.link].findIndex((l) => net.links[l]?.id === 'bc');
    // 12 h moving + 6 h inbound clearance; 100 USD/TEU + 30 at the border. Per tonne: the link's own 10 USD/t
    // plus the border's 30 USD per box over a box's legal payload, 28.18 t (issue 15; it was 30 / 10).
    expect(g.timeH[e]).toBe(18);
    expect(g.borderH[e]).toBe(6);
    expect(g.costUsdPerTeu[e]).toBeCloseTo(130, 9);
    expect(g.costUsdPerTonne[e]).toBeCloseTo(10 + 30 / 28.18, 9);
  });
  it('has no edge for a platform pair the node cannot change between', () => {
    // CSR: every edge leaves its source vertex
    for (let v = 0; v < g.vertexCount; v++) for (let e = g.off[v]!; e < g.off[v + 1]!; e++) expect(g.source[e]).toBe(v);
  });
});
