import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { referenceSearch } from '../../../src/core/routing/reference-search.ts';
import { toHoursSinceEpoch } from '../../../src/core/routing/timetable.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const MON = toHoursSinceEpoch('2026-03-02T00:00:00Z');
const road = (id: string, from: string, to: string, risk?: Record<string, unknown>) => ({
  id,
  from,
  to,
  mode: 'road',
  status: 'operational',
  distanceKm: fig(100),
  duration: fixedH(10),
  tariff: { usdPerTeu: fig(100) },
  ...(risk ? { risk } : {}),
});
const sanctions = { value: 0.2, event: 'sanctions', source: 'T1' };
const war = { value: 0.3, event: 'war', source: 'T1' };

/**
 * o -> x by two links alike but for their risk: s (sanctions, 0.2) and w (war, 0.3); then x -> d only through
 * another link of the war. Through s the route meets both events (1 - 0.8 x 0.7 = 0.44), through w the war
 * alone (0.3): at x the label through s has the smaller chance but is the worse one.
 */
function forkNetwork() {
  return networkFrom({
    nodes: ['o', 'x', 'd'].map((id) => node(id, 'KZ')),
    links: [road('s', 'o', 'x', sanctions), road('w', 'o', 'x', war), road('xd', 'x', 'd', war)],
  });
}

describe('risk events in the search', () => {
  it('counts an event met on several links once', () => {
    const net = networkFrom({
      nodes: ['a', 'b', 'c', 'd'].map((id) => node(id, 'KZ')),
      links: [road('ab', 'a', 'b', war), road('bc', 'b', 'c', war), road('cd', 'c', 'd', sanctions)],
    });
    const g = compileNetwork(net);
    const [p] = new ParetoRouter(g).search({
      origin: 0,
      destination: 3,
      departH: MON,
      cargo: { kind: 'containers', teu: 1 },
      useRisk: true,
    });
    // war once and sanctions once: 1 - 0.7 x 0.8, not 1 - 0.7 x 0.7 x 0.8
    expect(-Math.expm1(-(p?.riskLog ?? 0))).toBeCloseTo(0.44, 12);
  });

  it('keeps the label with fewer events, not the one with the smaller chance', () => {
    const g = compileNetwork(forkNetwork());
    const q = {
      origin: 0,
      destination: 2,
      departH: MON,
      cargo: { kind: 'containers' as const, teu: 1 },
      useRisk: true,
    };
    const paths = new ParetoRouter(g).search(q);
    expect(paths).toHaveLength(1);
    expect(-Math.expm1(-(paths[0]?.riskLog ?? 0))).toBeCloseTo(0.3, 12);
    expect(paths.map((p) => p.riskLog)).toEqual(referenceSearch(g, q).map((p) => p.riskLog));
  });

  it('gives a scheduled train over several links of one event that event once', () => {
    const net = networkFrom({
      nodes: ['a', 'b', 'c'].map((id) => node(id, 'KZ')),
      links: ['ab', 'bc'].map((id) => ({
        ...road(id, id[0] ?? '', id[1] ?? '', war),
        mode: 'rail',
        gauge: 1520,
      })),
      services: [
        {
          id: 'train',
          name: 'train',
          mode: 'rail',
          vessel: 'block_train',
          carries: ['containers'],
          route: ['a', 'b', 'c'],
          runTime: fixedH(12),
          timetable: [{ day: 'mon', time: '06:00' }],
        },
      ],
    });
    const g = compileNetwork(net);
    const trainEdges = [...g.service.keys()].filter((e) => (g.service[e] ?? -1) >= 0);
    expect(trainEdges.length).toBeGreaterThan(0);
    for (const e of trainEdges) expect(-Math.expm1(-(g.riskLog[e] ?? 0))).toBeCloseTo(0.3, 12);
  });
});
