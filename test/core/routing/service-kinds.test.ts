/**
 * Scheduled trains against ad-hoc movement (network/service-edges.ts, routing/link-timeline.ts), on a worked
 * network: p (GE) - t (GE) - b (AZ) by 1520 mm rail. Ad hoc: p-t 10 h, t-b 20 h, plus the border posts at t
 * (4 h out) and b (6 h in): 40 h whenever it leaves. Scheduled: a block train p -> b every Tuesday 12:00 UTC,
 * cargo at p 12 h before (cutoff), 24 h run with the border included: arrival Wednesday 12:00.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import { buildItinerary } from '../../../src/core/routing/itinerary.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { boardingOffsetsH } from '../../../src/core/routing/timetable.ts';
import { toHoursSinceEpoch } from '../../../src/core/time.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const rail = (id: string, from: string, to: string, h: number) => ({
  id,
  from,
  to,
  mode: 'rail',
  gauge: 1520,
  status: 'operational',
  distanceKm: fig(h * 20),
  duration: fixedH(h),
  tariff: { usdPerTeu: fig(h * 10) },
});

const train = {
  id: 'pb',
  name: 'Block train',
  mode: 'rail',
  vessel: 'block_train',
  carries: ['containers'],
  timetable: [{ day: 'tue', time: '12:00' }],
  route: ['p', 't', 'b'],
  runTime: fixedH(24),
  cutoff: { dist: 'fixed', value: 12, unit: 'h', estimate: 'a booked slot half a day before departure' },
};

const net = networkFrom({
  nodes: [
    node('p', 'GE'),
    node('t', 'GE', { border: { dwellOutbound: fixedH(4) } }),
    node('b', 'AZ', { border: { dwellInbound: fixedH(6) } }),
  ],
  links: [rail('pt', 'p', 't', 10), rail('tb', 't', 'b', 20)],
  services: [train],
});
const g = compileNetwork(net);
const P = 0;
const B = 2;

function fastest(departIso: string) {
  const departH = toHoursSinceEpoch(departIso);
  const paths = new ParetoRouter(g).search({
    origin: P,
    destination: B,
    departH,
    cargo: { kind: 'containers', teu: 1 },
  });
  const best = paths.reduce((a, b) => (b.arriveH < a.arriveH ? b : a));
  return buildItinerary(net, g, best, departH, { kind: 'containers', teu: 1 });
}

describe('service edges', () => {
  it('adds one scheduled edge p -> b beside the ad-hoc links, costed as their sum', () => {
    const svc = [...g.service].flatMap((s, e) => (s === 0 ? [e] : []));
    expect(svc).toHaveLength(1);
    const e = svc[0] ?? -1;
    expect(g.timeH[e]).toBe(36); // 12 h cutoff + 24 h run
    expect(g.borderH[e]).toBe(0); // pre-cleared: the border is in the run
    expect(g.costUsdPerTeu[e]).toBe(100 + 200 + 0); // the links' tariffs; border posts cost nothing here
    expect(g.distanceKm[e]).toBe(600);
  });
  it('stores the departures shifted back by the cutoff', () => {
    // Tuesday 12:00 is 36 h after Monday 00:00; 12 h earlier is 24 h
    expect(
      boardingOffsetsH({
        timetable: [{ day: 'tue', time: '12:00' }],
        firstDepartureOffsetH: 0,
        cutoff: { dist: 'fixed', value: 12, unit: 'h' },
      }),
    ).toEqual([24]);
  });
  it('reports a route whose stops no rail link joins', () => {
    const gap = networkFrom({
      nodes: [node('p', 'GE'), node('t', 'GE'), node('b', 'AZ')],
      links: [rail('pt', 'p', 't', 10)],
      services: [{ ...train, route: ['p', 'b'] }],
    });
    expect(compileNetwork(gap).issues.map((i) => i.code)).toContain('service_route_gap');
  });
});

describe('the router picks among service kinds', () => {
  it('takes the scheduled train when it is faster', () => {
    // ready Tuesday 2026-03-03 00:00, the cutoff itself: Wednesday 12:00 arrival, 36 h, beats ad hoc (40 h)
    const it = fastest('2026-03-03T00:00:00Z');
    expect(it.totals.durationH).toBe(36);
    expect(it.legs.map((l) => l.service?.id)).toEqual(['pb']);
    expect(it.timeline.steps.map((s) => [s.kind, s.provenance])).toEqual([
      ['sailing', 'estimated'], // the booked slot waits for the cutoff, then takes it
      ['travel', 'sourced'], // the run
    ]);
  });
  it('moves ad hoc when the next train is too far off', () => {
    // ready Tuesday 01:00, an hour after the cutoff: the next train is a week later; ad hoc takes 40 h
    const it = fastest('2026-03-03T01:00:00Z');
    expect(it.totals.durationH).toBe(40);
    expect(it.legs.map((l) => l.linkId)).toEqual(['pt', 'tb']);
    expect(it.timeline.steps.map((s) => s.kind)).toEqual(['travel', 'border', 'travel', 'border']);
  });
});
