import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledGraph,
  compileNetwork,
  EDGE_LINK,
  type EmissionsModel,
} from '../../../src/core/network/compile.ts';
import type { Network } from '../../../src/core/network/network.ts';
import { type ParetoPath, ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import type { Cargo, SearchQuery } from '../../../src/core/routing/query.ts';
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
//
// Every constraint of the search varies at random: avoided countries (also through a link's `via`), modes, nodes
// and links, the year up to which planned and under-construction links and nodes count, the maximum number of
// transfers, the cargo type (services carry some cargo types only), and risk as a criterion. The network has
// links and nodes of every status (operational, planned, under construction, closed) and services with random
// cargo lists.

const COUNTRIES = ['KZ', 'AZ', 'GE', 'TR'];
const MODES = ['rail', 'road', 'ferry', 'sea'] as const;
const CARRIES = ['containers', 'wagons', 'trucks', 'bulk', 'liquid'] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MAX_NODES = 6;
const MAX_LINKS = 12;
/** Risks of the random links: two shared events, and risks of a link's own (no event). */
const RISKS: Record<string, { value: number; event?: string; source: string } | undefined> = {
  none: undefined,
  war: { value: 0.3, event: 'war', source: 'T1' },
  sanctions: { value: 0.1, event: 'sanctions', source: 'T1' },
  'own-low': { value: 0.1, source: 'T1' },
  'own-high': { value: 0.3, source: 'T1' },
};

/** Status of a link or node: mostly operational, else planned or under construction by a year, or closed. */
const arbStatus = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ status: 'operational' }) },
  // an operational record's year (its opening) must not matter
  { weight: 1, arbitrary: fc.constant({ status: 'operational', statusYear: 2031 }) },
  {
    weight: 2,
    arbitrary: fc.record({
      status: fc.constantFrom('planned', 'under_construction'),
      statusYear: fc.integer({ min: 2026, max: 2032 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ status: 'closed', statusYear: 2020 }) },
);

const arbNetwork = fc
  .record({
    n: fc.integer({ min: 3, max: MAX_NODES }),
    links: fc.array(
      fc.record({
        a: fc.nat(MAX_NODES - 1),
        b: fc.nat(MAX_NODES - 1),
        mode: fc.constantFrom(...MODES),
        gauge: fc.constantFrom(1435, 1520),
        h: fc.integer({ min: 1, max: 60 }),
        km: fc.integer({ min: 10, max: 900 }),
        usd: fc.integer({ min: 0, max: 900 }),
        // no risk, one of two shared risk events (a route meets each once), or a risk of the link's own
        risk: fc.constantFrom('none', 'war', 'sanctions', 'own-low', 'own-high'),
        twoWay: fc.boolean(),
        status: fc.oneof({ weight: 3, arbitrary: fc.constant({ status: 'operational' }) }, arbStatus),
        via: fc.oneof(
          { weight: 2, arbitrary: fc.constant([]) },
          fc.subarray(COUNTRIES, { minLength: 1, maxLength: 2 }),
        ),
        // scheduled service on a rail, road or sea link (a ferry always has one)
        service: fc.option(fc.nat(2), { nil: undefined }),
      }),
      { minLength: 5, maxLength: MAX_LINKS },
    ),
    nodes: fc.array(
      fc.record({
        dwell: fc.integer({ min: 0, max: 30 }),
        has: fc.boolean(),
        gauge: fc.boolean(),
        country: fc.nat(COUNTRIES.length - 1),
        status: fc.oneof({ weight: 3, arbitrary: fc.constant({ status: 'operational' }) }, arbStatus),
      }),
      { minLength: MAX_NODES, maxLength: MAX_NODES },
    ),
    services: fc.array(
      fc.record({
        deps: fc.array(fc.integer({ min: 0, max: 167 }), { minLength: 1, maxLength: 3 }),
        carries: fc.oneof(
          { weight: 2, arbitrary: fc.constant(['containers', 'wagons']) },
          fc.subarray([...CARRIES], { minLength: 1 }),
        ),
      }),
      { minLength: 3, maxLength: 3 },
    ),
  })
  .map(({ n, links, nodes: ns, services: ss }) => {
    const nodes = Array.from({ length: n }, (_, i) => {
      const f = ns[i]!;
      return node(`n${i}`, COUNTRIES[f.country]!, {
        ...f.status,
        ...(f.has ? { facility: { dwell: fixedH(f.dwell), handlingCostUsdPerTeu: fig(f.dwell * 3) } } : {}),
        ...(f.gauge
          ? { gaugeChange: { method: 'transshipment', gauges: [1435, 1520], duration: fixedH(f.dwell + 1) } }
          : {}),
      });
    });
    const services = ss.map((s, i) => ({
      id: `s${i}`,
      name: `s${i}`,
      mode: 'ferry',
      vessel: 'rail_ferry',
      carries: s.carries,
      timetable: [...new Set(s.deps)].map((h) => ({
        day: DAYS[Math.floor(h / 24)]!,
        time: `${String(h % 24).padStart(2, '0')}:00`,
      })),
    }));
    const ls = links
      .map((l, i) => ({ ...l, a: l.a % n, b: l.b % n, i }))
      .filter((l) => l.a !== l.b)
      .map((l) => {
        const service = l.mode === 'ferry' ? (l.service ?? l.i % 3) : l.service;
        return {
          id: `l${l.i}`,
          from: `n${l.a}`,
          to: `n${l.b}`,
          mode: l.mode,
          ...(l.mode === 'rail' ? { gauge: l.gauge } : {}),
          ...(service !== undefined ? { service: `s${service}` } : {}),
          ...l.status,
          ...(l.via.length > 0 ? { via: l.via } : {}),
          bidirectional: l.twoWay,
          distanceKm: fig(l.km),
          duration: fixedH(l.h),
          tariff: { usdPerTeu: fig(l.usd) },
          ...(RISKS[l.risk] === undefined ? {} : { risk: RISKS[l.risk] }),
        };
      });
    return networkFrom({ nodes, links: ls, services });
  });

const arbCargo: fc.Arbitrary<Cargo> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((teu) => ({ kind: 'containers' as const, teu })),
  fc.record({ kind: fc.constantFrom('bulk', 'liquid', 'general'), tonnes: fc.integer({ min: 1, max: 500 }) }),
);

/** A constraint that is set a third of the time (all set at once would leave few routes). */
const sometimes = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });

const arbQuery = fc.record({
  o: fc.nat(MAX_NODES - 1),
  d: fc.nat(MAX_NODES - 1),
  startH: fc.integer({ min: 0, max: 400 }),
  cargo: arbCargo,
  useRisk: fc.boolean(),
  // usually set: the limit joins the dominance test, where the search is most delicate
  maxTransfers: fc.option(fc.nat(3), { nil: undefined }),
  includePlannedUpTo: sometimes(fc.integer({ min: 2025, max: 2033 })),
  // CN is in no network: an unknown country is ignored
  avoidCountries: sometimes(fc.subarray([...COUNTRIES, 'CN'], { minLength: 1, maxLength: 2 })),
  avoidModes: sometimes(fc.subarray([...MODES], { minLength: 1, maxLength: 2 })),
  avoidNodes: sometimes(fc.uniqueArray(fc.nat(MAX_NODES - 1), { minLength: 1, maxLength: 2 })),
  avoidLinks: sometimes(fc.uniqueArray(fc.nat(MAX_LINKS - 1), { minLength: 1, maxLength: 3 })),
});

function toQuery(net: Network, a: typeof arbQuery extends fc.Arbitrary<infer T> ? T : never): SearchQuery {
  const n = net.nodes.length;
  return {
    origin: a.o % n,
    destination: (a.o + 1 + (a.d % (n - 1))) % n,
    departH: MON + a.startH,
    cargo: a.cargo,
    useRisk: a.useRisk,
    maxTransfers: a.maxTransfers,
    includePlannedUpTo: a.includePlannedUpTo,
    avoidCountries: a.avoidCountries,
    avoidModes: a.avoidModes,
    avoidNodes: a.avoidNodes?.filter((i) => i < n),
    avoidLinks: a.avoidLinks?.filter((i) => i < net.links.length),
  };
}

/** What each cargo type can ride on (a link without a service carries everything). */
const RIDES_ON: Record<Cargo['kind'], readonly string[]> = {
  containers: ['containers', 'wagons', 'trucks'],
  bulk: ['bulk', 'wagons'],
  liquid: ['liquid', 'wagons'],
  general: ['wagons', 'trucks', 'bulk'],
};

/**
 * Every way a path breaks the query's constraints, read from the network's records rather than from the compiled
 * constraint mask that both searches share (empty when it keeps them all). Each entry starts with its class.
 */
function breaches(net: Network, g: CompiledGraph, q: SearchQuery, p: ParetoPath): string[] {
  const out: string[] = [];
  const open = (status: string, year: number | undefined) =>
    status === 'operational' ||
    (status !== 'closed' && q.includePlannedUpTo !== undefined && (year ?? 0) <= q.includePlannedUpTo);
  let transfers = 0;
  for (const [i, e] of p.edges.entries()) {
    const from = g.vNode[g.source[e]!]!;
    if (i === 0 && from !== q.origin) out.push('path: does not start at the origin');
    if (i > 0 && g.source[e] !== g.target[p.edges[i - 1]!]) out.push('path: edges do not join');
    for (const ni of [from, g.vNode[g.target[e]!]!]) {
      if (q.avoidNodes?.includes(ni)) out.push(`node: avoided n${ni}`);
      if (q.avoidCountries?.includes(net.nodes[ni]!.country)) out.push(`country: n${ni} in ${net.nodes[ni]!.country}`);
    }
    if (g.kind[e] === EDGE_LINK) {
      const li = g.link[e]!;
      const l = net.links[li]!;
      if (q.avoidLinks?.includes(li)) out.push(`link: avoided ${l.id}`);
      if (q.avoidModes?.includes(l.mode)) out.push(`mode: ${l.mode} on ${l.id}`);
      if (l.via.some((c) => q.avoidCountries?.includes(c))) out.push(`via: ${l.id} crosses ${l.via}`);
      if (!open(l.status, l.statusYear)) out.push(`status: ${l.status} link ${l.id}`);
      const svc = l.service === undefined ? undefined : net.services[net.serviceIndex.get(l.service)!]!;
      if (svc && !svc.carries.some((c) => RIDES_ON[q.cargo.kind].includes(c)))
        out.push(`cargo: ${l.id} does not carry ${q.cargo.kind}`);
    } else {
      transfers++;
      const nd = net.nodes[from]!;
      if (!open(nd.status, nd.statusYear)) out.push(`node status: transfer at ${nd.status} ${nd.id}`);
    }
  }
  if (p.edges.length === 0 || g.vNode[g.target[p.edges.at(-1)!]!] !== q.destination)
    out.push('path: misses the destination');
  if (transfers !== p.transfers) out.push(`path: counts ${p.transfers} transfers, has ${transfers}`);
  if (q.maxTransfers !== undefined && transfers > q.maxTransfers) out.push(`transfers: ${transfers}`);
  return out;
}

const EPS = 1e-9;
const weaklyDominates = (a: ParetoPath, b: ParetoPath, q: SearchQuery) =>
  a.arriveH <= b.arriveH + EPS &&
  a.costUsd <= b.costUsd + EPS &&
  a.co2eKg <= b.co2eKg + EPS &&
  (!q.useRisk || a.riskLog <= b.riskLog + EPS) &&
  (q.maxTransfers === undefined || a.transfers <= b.transfers);

describe('pareto search equals the exhaustive reference', () => {
  it('returns exactly the same Pareto set under random constraints on random small networks with timetables', () => {
    const seen = { nonEmpty: 0, multi: 0, planned: 0, bulkish: 0 };
    const cutBy = new Map<string, number>();
    fc.assert(
      fc.property(arbNetwork, arbQuery, (net, a) => {
        const g = compileNetwork(net, { emissions: fakeEmissions });
        const q = toQuery(net, a);
        const fast = new ParetoRouter(g).search(q);
        const ref = referenceSearch(g, q);
        const key = (p: ParetoPath) =>
          [
            p.arriveH.toFixed(6),
            p.costUsd.toFixed(6),
            p.co2eKg.toFixed(6),
            q.useRisk ? p.riskLog.toFixed(6) : '',
            q.maxTransfers !== undefined ? p.transfers : '',
          ].join('|');
        expect(fast.map(key).sort()).toEqual(ref.map(key).sort());

        // Independently of the shared constraint mask: every path found keeps every constraint, read from the
        // records ...
        for (const p of fast) expect(breaches(net, g, q, p)).toEqual([]);
        // ... and every Pareto route of the unconstrained search (every service carries everything, all planned
        // links and nodes open, no transfer limit; risk and transfers as criteria so that it keeps more routes)
        // that keeps the constraints is matched or beaten by one that was found.
        const looseGraph: CompiledGraph = { ...g, carries: new Uint8Array(g.edgeCount).fill(0xff) };
        const loose = referenceSearch(looseGraph, {
          origin: q.origin,
          destination: q.destination,
          departH: q.departH,
          cargo: q.cargo,
          useRisk: true,
          maxTransfers: 99,
          includePlannedUpTo: 2100,
        });
        for (const p of loose) {
          const why = breaches(net, g, q, p);
          if (why.length === 0) expect(fast.some((f) => weaklyDominates(f, p, q))).toBe(true);
          for (const c of new Set(why.map((w) => w.split(':')[0]!))) cutBy.set(c, (cutBy.get(c) ?? 0) + 1);
        }
        if (ref.length > 0) seen.nonEmpty++;
        if (ref.length > 1) seen.multi++;
        if (ref.length > 0 && q.includePlannedUpTo !== undefined) seen.planned++;
        if (ref.length > 0 && q.cargo.kind !== 'containers') seen.bulkish++;
      }),
      { numRuns: 1000, seed: 20261126 },
    );
    // The comparison must not be vacuous: many cases have routes, some have real trade-offs, routes are found
    // with planned links and for bulk, liquid and general cargo, and each constraint cuts routes that the
    // unconstrained search takes.
    expect(seen.nonEmpty).toBeGreaterThan(200);
    expect(seen.multi).toBeGreaterThan(60);
    expect(seen.planned).toBeGreaterThan(60);
    expect(seen.bulkish).toBeGreaterThan(100);
    for (const c of ['node', 'country', 'via', 'link', 'mode', 'status', 'node status', 'cargo', 'transfers'])
      expect(cutBy.get(c) ?? 0, c).toBeGreaterThan(10);
  });
});
