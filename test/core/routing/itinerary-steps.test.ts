/**
 * The itinerary's per-edge steps (routing/itinerary.ts) on a worked crossing: a -> b by rail inside KZ (10 h),
 * b (KZ) -> c (AZ) by a weekly ferry (20 h), with outbound clearance at b (4 h) and inbound at c (6 h).
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { buildItinerary, linkSteps } from '../../../src/core/routing/itinerary.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { toHoursSinceEpoch } from '../../../src/core/time.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const net = networkFrom({
  nodes: [
    node('a', 'KZ'),
    node('b', 'KZ', {
      facility: { dwell: fixedH(12), handlingCostUsdPerTeu: fig(40) },
      border: { dwellOutbound: fixedH(4) },
    }),
    node('c', 'AZ', { border: { dwellInbound: fixedH(6) } }),
  ],
  links: [
    {
      id: 'ab',
      from: 'a',
      to: 'b',
      mode: 'rail',
      gauge: 1520,
      status: 'operational',
      distanceKm: fig(500),
      duration: fixedH(10),
      tariff: { usdPerTeu: fig(300) },
    },
    {
      id: 'bc',
      from: 'b',
      to: 'c',
      mode: 'ferry',
      status: 'operational',
      distanceKm: fig(400),
      duration: fixedH(20),
      tariff: { usdPerTeu: fig(700) },
      service: 's',
    },
  ],
  services: [
    { id: 's', name: 'Ferry', mode: 'ferry', vessel: 'ro_pax', carries: ['containers'], departuresPerWeek: fig(1) },
  ],
});
const g = compileNetwork(net);
const edgeOf = (id: string, reversed = 0) =>
  [...g.link].findIndex((l, e) => l >= 0 && net.links[l]!.id === id && g.reversed[e] === reversed);

describe('link steps', () => {
  it('is one travel step inside a country', () => {
    expect(linkSteps(net, g, edgeOf('ab'))).toEqual([
      // the 10 h cites source T1, so it is drawn as given and the step says so (provenance for the per-leg output)
      {
        kind: 'travel',
        label: 'a - b (rail)',
        duration: { dist: 'fixed', value: 10 },
        provenance: 'sourced',
        sourceIds: ['T1'],
      },
    ]);
  });
  it('is outbound clearance, the sailing with its departures, inbound clearance across a border', () => {
    const steps = linkSteps(net, g, edgeOf('bc'));
    expect(steps.map((s) => [s.kind, s.label])).toEqual([
      ['border', 'b outbound'],
      ['sailing', 'Ferry: b - c'],
      ['border', 'c inbound'],
    ]);
    expect(steps[1]).toMatchObject({ departuresH: [0], cancellationProbability: 0 });
  });
});

describe('buildItinerary', () => {
  it('walks legs, stops, waits and totals', () => {
    // Ready Monday 2026-03-02 00:00: rail 10 h to b, 12 h in the terminal, then Monday's ferry is gone:
    // the next sails a week later, 168 h after the start; + 4 h out, 20 h at sea, 6 h in.
    const departH = toHoursSinceEpoch('2026-03-02T00:00:00Z');
    const [path] = new ParetoRouter(g).search({
      origin: 0,
      destination: 2,
      departH,
      cargo: { kind: 'containers', teu: 1 },
    });
    const it = buildItinerary(net, g, path!, departH, { kind: 'containers', teu: 1 });
    expect(it.legs.map((l) => l.linkId)).toEqual(['ab', 'bc']);
    expect(it.stops.map((s) => [s.kind, s.name, s.durationH])).toEqual([['transfer', 'b', 12]]);
    expect(it.countries).toEqual(['KZ', 'AZ']);
    expect(it.keyNodes).toEqual(['a', 'b', 'c']);
    expect(it.legs[1]!.waitH).toBe(168 - 22);
    expect(it.totals.durationH).toBe(168 + 30);
    expect(it.totals.waitH).toBe(146);
    expect(it.totals.borderH).toBe(10);
    expect(it.totals.distanceKm).toBe(900);
    expect(it.totals.costUsd).toBe(300 + 40 + 700);
    expect(it.timeline.steps.map((s) => s.kind)).toEqual(['travel', 'dwell', 'border', 'sailing', 'border']);
  });
});
