/**
 * A scheduled train's leg is priced over every link of its run, as the search's service edge sums them: the
 * itinerary priced only the run's first link, so a route by the Poti–Baku train reported USD 142 per FEU less than
 * the search had ranked it at.
 */
import { describe, expect, it } from 'vitest';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { serviceHops } from '../../../src/core/routing/service-hops.ts';
import { loadContext } from '../../../src/io/index.ts';

const { engine } = loadContext();
const net = engine.network;
const node = (id: string) => net.nodes[net.nodeIndex.get(id) ?? -1]!;

describe('serviceHops', () => {
  const g = engine.graph;
  const si = net.services.findIndex((s) => s.route !== undefined && s.route.length > 2);
  const route = net.services[si]!.route!;
  const runs = [...g.service.keys()].filter((e) => g.service[e] === si && (g.hopOff[e + 1] ?? 0) > (g.hopOff[e] ?? 0));
  it('lists the rail link of every hop of each run the compiler drafted, forwards and backwards', () => {
    expect(runs.length).toBeGreaterThan(0);
    const starts = new Set<string>();
    for (const e of runs) {
      const hops = serviceHops(net, g, e)!;
      const stops = [hops[0]!.from.id, ...hops.map((h) => h.to.id)];
      expect([route, [...route].reverse()]).toContainEqual(stops);
      starts.add(stops[0]!);
      for (const h of hops) {
        expect(h.link.mode).toBe('rail');
        expect([`${h.link.from}>${h.link.to}`, `${h.link.to}>${h.link.from}`]).toContain(`${h.from.id}>${h.to.id}`);
      }
      // the edge runs from the run's first stop to its last
      expect(node(stops[0]!)).toBe(net.nodes[g.vNode[g.source[e]!]!]);
      expect(node(stops[stops.length - 1]!)).toBe(net.nodes[g.vNode[g.target[e]!]!]);
    }
    expect(starts.size).toBe(net.services[si]!.bothWays ? 2 : 1);
  });
  it('gives none for an edge that is not a train run', () => {
    const adHoc = [...g.service.keys()].find((e) => g.service[e] === -1)!;
    expect(serviceHops(net, g, adHoc)).toBeUndefined();
  });
});

describe('an itinerary by a scheduled train', () => {
  it('costs what the search ranked it at', () => {
    const depart = '2026-12-07T08:00:00Z';
    const cargo = { kind: 'containers', teu: 2 } as const;
    const r = engine.route({ from: 'tr-istanbul-ayrilikcesme', to: 'kz-almaty', depart, cargo }, { timelines: false });
    const byTrain = r.itineraries.filter((it) => it.legs.some((l) => l.service !== undefined && l.mode === 'rail'));
    expect(byTrain.length).toBeGreaterThan(0);
    const paths = new ParetoRouter(engine.graph).search({
      origin: net.nodeIndex.get('tr-istanbul-ayrilikcesme')!,
      destination: net.nodeIndex.get('kz-almaty')!,
      departH: Date.parse(depart) / 3.6e6,
      cargo,
    });
    for (const it of byTrain) {
      const p = paths.find((x) => Math.abs(x.arriveH * 3.6e6 - Date.parse(it.totals.arrive)) < 1000);
      expect(p).toBeDefined();
      expect(it.totals.costUsd).toBeCloseTo(p!.costUsd, 6);
      const leg = it.legs.find((l) => l.service !== undefined && l.mode === 'rail')!;
      expect(leg.costParts.filter((x) => x.kind === 'line_haul').length).toBeGreaterThan(1);
    }
  });
});
