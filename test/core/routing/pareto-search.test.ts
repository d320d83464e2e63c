import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, type EmissionsModel } from '../../../src/core/network/compile.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { referenceSearch } from '../../../src/core/routing/reference-search.ts';
import { toHoursSinceEpoch } from '../../../src/core/routing/timetable.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

/** Deterministic fake emissions: 10 g/tkm by rail, 50 by road, 30 by ferry; 1 kg per transfer per tonne. */
const fakeEmissions: EmissionsModel = {
  link(l) {
    const g = l.mode === 'rail' ? 10 : l.mode === 'road' ? 50 : 30;
    const perTonne = (g * (l.distanceKm?.value ?? 0)) / 1000;
    return { perTonneKg: perTonne, perTeuKg: perTonne * 10 };
  },
  hub() {
    return { perTonneKg: 1, perTeuKg: 10 };
  },
};

const MON = toHoursSinceEpoch('2026-03-02T00:00:00Z');

describe('pareto search on hand-worked timetables', () => {
  // A --rail 10 h--> P (port, dwell 2 h) ==ferry Mon 12:00 weekly, 20 h==> Q --rail 5 h--> B
  // and a direct road A -> B of 100 h, cheaper in CO2e? No: road is dirtier but cheaper in cost.
  const net = networkFrom({
    nodes: [
      node('a', 'KZ'),
      node('p', 'KZ', { kind: 'sea_port', facility: { dwell: fixedH(2) } }),
      node('q', 'AZ', { kind: 'sea_port', facility: { dwell: fixedH(3) } }),
      node('b', 'AZ'),
    ],
    links: [
      {
        id: 'a-p',
        from: 'a',
        to: 'p',
        mode: 'rail',
        gauge: 1520,
        status: 'operational',
        distanceKm: fig(500),
        duration: fixedH(10),
        tariff: { usdPerTeu: fig(300) },
      },
      {
        id: 'p-q',
        from: 'p',
        to: 'q',
        mode: 'ferry',
        service: 'f',
        status: 'operational',
        distanceKm: fig(400),
        duration: fixedH(20),
        tariff: { usdPerTeu: fig(600) },
      },
      {
        id: 'q-b',
        from: 'q',
        to: 'b',
        mode: 'rail',
        gauge: 1520,
        status: 'operational',
        distanceKm: fig(200),
        duration: fixedH(5),
        tariff: { usdPerTeu: fig(100) },
      },
      {
        id: 'a-b-road',
        from: 'a',
        to: 'b',
        mode: 'road',
        status: 'operational',
        distanceKm: fig(1400),
        duration: fixedH(100),
        tariff: { usdPerTeu: fig(900) },
      },
    ],
    services: [
      {
        id: 'f',
        name: 'ferry',
        mode: 'ferry',
        vessel: 'rail_ferry',
        carries: ['wagons', 'containers'],
        timetable: [{ day: 'mon', time: '12:00' }],
      },
    ],
  });
  const g = compileNetwork(net, { emissions: fakeEmissions });
  const router = new ParetoRouter(g);
  const idx = (id: string) => net.nodeIndex.get(id)!;
  const cargo = { kind: 'containers', teu: 1 } as const;

  it("catches this week's sailing when it arrives in time", () => {
    // Ready Mon 00:00: rail 10 h -> P at 10:00, dwell 2 h -> 12:00, sails at 12:00 (wait 0), 20 h -> Q Tue 08:00,
    // dwell 3 h -> 11:00, rail 5 h -> B Tue 16:00 = 40 h after departure. Cost 300 + 600 + 100 = 1,000.
    const paths = router.search({ origin: idx('a'), destination: idx('b'), departH: MON, cargo });
    const sea = paths.find((p) => p.arriveH - MON < 100)!;
    expect(sea.arriveH - MON).toBeCloseTo(40, 9);
    expect(sea.costUsd).toBeCloseTo(1000, 9);
  });

  it("waits for next week's sailing when it arrives one hour after the ferry left", () => {
    // Ready Mon 01:00: at the berth Mon 13:00, one hour after the sailing: next sailing Mon+7d 12:00 (167 h wait),
    // arrival 1 + 10 + 2 + 167 + 20 + 3 + 5 = 208 h after Monday 00:00, i.e. 207 h after departure.
    const paths = router.search({ origin: idx('a'), destination: idx('b'), departH: MON + 1, cargo });
    const times = paths.map((p) => p.arriveH - (MON + 1)).sort((x, y) => x - y);
    expect(times).toContain(100); // the road now wins on time
    expect(times.some((t) => Math.abs(t - 207) < 1e-9)).toBe(true);
  });

  it('returns both trade-offs: fast and dear vs slow and cheap', () => {
    const paths = router.search({ origin: idx('a'), destination: idx('b'), departH: MON, cargo });
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => Math.round(p.costUsd))).toEqual([1000, 900]);
  });

  it('respects avoided modes and countries', () => {
    expect(
      router.search({ origin: idx('a'), destination: idx('b'), departH: MON, cargo, avoidModes: ['ferry'] }),
    ).toHaveLength(1);
    expect(
      router.search({ origin: idx('a'), destination: idx('b'), departH: MON, cargo, avoidModes: ['ferry', 'road'] }),
    ).toHaveLength(0);
  });
});

// ---- property test: fast search == reference on random small networks with timetables ----

const COUNTRIES = ['KZ', 'AZ', 'GE', 'TR'];
const arbNetwork = fc
  .record({
    n: fc.integer({ min: 3, max: 6 }),
    links: fc.array(
      fc.record({
        a: fc.nat(5),
        b: fc.nat(5),
        mode: fc.constantFrom('rail', 'road', 'ferry'),
        gauge: fc.constantFrom(1435, 1520),
        h: fc.integer({ min: 1, max: 60 }),
        km: fc.integer({ min: 10, max: 900 }),
        usd: fc.integer({ min: 0, max: 900 }),
        risk: fc.constantFrom(0, 0.1, 0.3),
        twoWay: fc.boolean(),
        planned: fc.boolean(),
      }),
      { minLength: 4, maxLength: 12 },
    ),
    facilities: fc.array(
      fc.record({ dwell: fc.integer({ min: 0, max: 30 }), has: fc.boolean(), gauge: fc.boolean(), country: fc.nat(3) }),
      { minLength: 6, maxLength: 6 },
    ),
    deps: fc.array(fc.array(fc.integer({ min: 0, max: 167 }), { minLength: 1, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ n, links, facilities, deps }) => {
    const nodes = Array.from({ length: n }, (_, i) => {
      const f = facilities[i]!;
      return node(`n${i}`, COUNTRIES[f.country]!, {
        ...(f.has ? { facility: { dwell: fixedH(f.dwell), handlingCostUsdPerTeu: fig(f.dwell * 3) } } : {}),
        ...(f.gauge
          ? { gaugeChange: { method: 'transshipment', gauges: [1435, 1520], duration: fixedH(f.dwell + 1) } }
          : {}),
      });
    });
    const services = deps.map((d, i) => ({
      id: `s${i}`,
      name: `s${i}`,
      mode: 'ferry',
      vessel: 'rail_ferry',
      carries: ['containers'],
      timetable: [...new Set(d)].map((h) => ({
        day: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][Math.floor(h / 24)]!,
        time: `${String(h % 24).padStart(2, '0')}:00`,
      })),
    }));
    const ls = links
      .map((l, i) => ({ ...l, a: l.a % n, b: l.b % n, i }))
      .filter((l) => l.a !== l.b)
      .map((l) => ({
        id: `l${l.i}`,
        from: `n${l.a}`,
        to: `n${l.b}`,
        mode: l.mode,
        ...(l.mode === 'rail' ? { gauge: l.gauge } : {}),
        ...(l.mode === 'ferry' ? { service: `s${l.i % 3}` } : {}),
        status: l.planned ? 'planned' : 'operational',
        ...(l.planned ? { statusYear: 2028 } : {}),
        bidirectional: l.twoWay,
        distanceKm: fig(l.km),
        duration: fixedH(l.h),
        tariff: { usdPerTeu: fig(l.usd) },
        ...(l.risk > 0 ? { risk: fig(l.risk) } : {}),
      }));
    return networkFrom({ nodes, links: ls, services });
  });

describe('pareto search equals the exhaustive reference', () => {
  it('returns exactly the same Pareto set on random small networks with timetables', () => {
    let nonEmpty = 0;
    let multi = 0;
    fc.assert(
      fc.property(
        arbNetwork,
        fc.nat(5),
        fc.nat(5),
        fc.integer({ min: 0, max: 400 }),
        fc.record({
          risk: fc.boolean(),
          maxX: fc.option(fc.nat(3), { nil: undefined }),
          planned: fc.boolean(),
          avoidRoad: fc.boolean(),
        }),
        (net, o, d, startH, opt) => {
          const g = compileNetwork(net, { emissions: fakeEmissions });
          const n = net.nodes.length;
          const q = {
            origin: o % n,
            destination: d % n,
            departH: MON + startH,
            cargo: { kind: 'containers', teu: 2 } as const,
            useRisk: opt.risk,
            maxTransfers: opt.maxX,
            includePlannedUpTo: opt.planned ? 2030 : undefined,
            avoidModes: opt.avoidRoad ? (['road'] as const) : undefined,
          };
          const fast = new ParetoRouter(g).search(q);
          const ref = referenceSearch(g, q);
          const key = (p: { arriveH: number; costUsd: number; co2eKg: number; riskLog: number; transfers: number }) =>
            [
              p.arriveH.toFixed(6),
              p.costUsd.toFixed(6),
              p.co2eKg.toFixed(6),
              opt.risk ? p.riskLog.toFixed(6) : '',
              opt.maxX !== undefined ? p.transfers : '',
            ].join('|');
          expect(fast.map(key).sort()).toEqual(ref.map(key).sort());
          if (ref.length > 0) nonEmpty++;
          if (ref.length > 1) multi++;
        },
      ),
      { numRuns: 400, seed: 20261126 },
    );
    // The comparison must not be vacuous: many cases have routes, and some have real trade-offs.
    expect(nonEmpty).toBeGreaterThan(100);
    expect(multi).toBeGreaterThan(20);
  });
});
