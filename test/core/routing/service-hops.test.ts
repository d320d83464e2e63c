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
  const train = net.services.find((s) => s.route !== undefined && s.route.length > 2)!;
  const route = train.route!;
  it('lists the rail link of every hop of a run, forwards and backwards', () => {
    const a = node(route[0]!);
    const b = node(route[route.length - 1]!);
    const forwards = serviceHops(net, train, a, b)!;
    expect(forwards.map((h) => h.from.id)).toEqual(route.slice(0, -1));
    expect(forwards.map((h) => h.to.id)).toEqual(route.slice(1));
    for (const h of forwards) expect(h.link.mode).toBe('rail');
    const backwards = serviceHops(net, train, b, a)!;
    expect(backwards.map((h) => h.from.id)).toEqual([...route].reverse().slice(0, -1));
  });
  it('gives none for nodes the run does not join', () => {
    expect(serviceHops(net, train, node(route[1]!), node(route[0]!))).toBeUndefined();
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
