/**
 * Synthetic corridor networks for the routing benchmark, to show how a query's cost grows with the network.
 *
 * A template (the shipped dataset when it loads, else the built-in corridor template below) is copied k times;
 * the copies are joined by random rail links between nodes of a common gauge, so that a route may cross from one
 * copy to another. Copies keep their ferry and sea services and timetables. Every record goes through the zod
 * schemas and the cross-record checks, so the result is a valid Network like data/.
 *
 * The built-in template imitates the corridors' shape, not their figures: three land lanes from China westwards
 * (northern: CN-KZ-RU-BY-PL-DE; middle: CN-KZ, Caspian ferry, AZ-GE, Black Sea ferry, RO-HU; southern:
 * CN-KZ-UZ-TM-IR-TR-BG) with 1435/1520 mm gauge breaks at gauge-change nodes, border posts with dwell, terminals
 * with handling, road links between terminals, lanes joined where they share a country, and a sea lane of ports
 * with weekly sailings. All its figures are synthetic and cite the source record KERUEN-BENCH.
 */
import {
  type DatasetManifest,
  greatCircleKm,
  must,
  type Network,
  parseDatasetFiles,
  type RawDataset,
  tryBuildNetwork,
} from '../../src/core/index.ts';
import { mulberry32, pick, type Rng, randInt } from './rng.ts';

export const BENCH_SOURCE_ID = 'KERUEN-BENCH';
const SRC = BENCH_SOURCE_ID;
const BENCH_SOURCE = {
  id: SRC,
  title: 'Keruen routing benchmark: seeded synthetic corridor network (figures are synthetic, not observations)',
  date: '2026',
};

type Rec = Record<string, unknown>;
const fig = (value: number): Rec => ({ value: Number(value.toFixed(3)), source: SRC });
const lognormalH = (p50: number, p90: number): Rec => ({ dist: 'lognormal', p50, p90, unit: 'h', source: SRC });

interface LaneCountry {
  cc: string;
  gauge: 1435 | 1520;
  /** A ferry separates this country from the previous one. */
  ferryBefore?: boolean;
}
const LANES: Array<{ name: string; lat: number; countries: LaneCountry[] }> = [
  {
    name: 'north',
    lat: 51,
    countries: [
      { cc: 'CN', gauge: 1435 },
      { cc: 'KZ', gauge: 1520 },
      { cc: 'RU', gauge: 1520 },
      { cc: 'BY', gauge: 1520 },
      { cc: 'PL', gauge: 1435 },
      { cc: 'DE', gauge: 1435 },
    ],
  },
  {
    name: 'mid',
    lat: 43,
    countries: [
      { cc: 'CN', gauge: 1435 },
      { cc: 'KZ', gauge: 1520 },
      { cc: 'AZ', gauge: 1520, ferryBefore: true },
      { cc: 'GE', gauge: 1520 },
      { cc: 'RO', gauge: 1435, ferryBefore: true },
      { cc: 'HU', gauge: 1435 },
    ],
  },
  {
    name: 'south',
    lat: 37,
    countries: [
      { cc: 'CN', gauge: 1435 },
      { cc: 'KZ', gauge: 1520 },
      { cc: 'UZ', gauge: 1520 },
      { cc: 'TM', gauge: 1520 },
      { cc: 'IR', gauge: 1435 },
      { cc: 'TR', gauge: 1435 },
      { cc: 'BG', gauge: 1435 },
    ],
  },
];
const SEA_PORTS: Array<[string, string, number, number]> = [
  ['sea-cn-port', 'CN', 31.2, 121.5],
  ['sea-sg-port', 'SG', 1.3, 103.8],
  ['sea-lk-port', 'LK', 6.9, 79.8],
  ['sea-eg-port', 'EG', 31.3, 32.3],
  ['sea-it-port', 'IT', 40.8, 14.3],
  ['sea-nl-port', 'NL', 51.9, 4.5],
];

function coordsKm(nodes: Map<string, Rec>, a: string, b: string): number {
  const ca = must(nodes.get(a), 'node of a road').coords as { lat: number; lon: number };
  const cb = must(nodes.get(b), 'node of a road').coords as { lat: number; lon: number };
  return greatCircleKm(ca.lat, ca.lon, cb.lat, cb.lon);
}

/** Each element after the first with the one before it, and its index: [previous, current, i]. */
function consecutive<T>(xs: readonly T[]): Array<[T, T, number]> {
  const out: Array<[T, T, number]> = [];
  xs.forEach((x, i) => {
    if (i > 0) out.push([must(xs[i - 1], 'previous element'), x, i]);
  });
  return out;
}

/** The built-in template as input records (before validation). About 5 + 19 x nodesPerCountry nodes. */
export function corridorTemplateRecords(seed: number, nodesPerCountry = 8): Record<string, Rec[]> {
  const rnd = mulberry32(seed);
  const nodes = new Map<string, Rec>();
  const links: Rec[] = [];
  const services: Rec[] = [];
  const rates: Rec[] = [];
  const countries = new Set<string>();
  const terminalsOf = new Map<string, string[]>(); // country -> terminals across lanes (for lane joins)
  const laneEnds: string[] = [];
  const addNode = (id: string, cc: string, lat: number, lon: number, extra: Rec = {}): void => {
    nodes.set(id, { id, name: id, kind: 'junction', country: cc, coords: { lat, lon, source: SRC }, ...extra });
    countries.add(cc);
  };
  const rail = (id: string, from: string, to: string, gauge: number, extra: Rec = {}): void => {
    const km = coordsKm(nodes, from, to) * (1.1 + 0.2 * rnd()) + 5;
    links.push({ id, from, to, mode: 'rail', gauge, status: 'operational', distanceKm: fig(km), ...extra });
  };
  const scheduled = (id: string, from: string, to: string, mode: 'ferry' | 'sea'): void => {
    const km = coordsKm(nodes, from, to) * 1.15 + 20;
    const speedKmH = mode === 'ferry' ? 22 : 30;
    const hours = km / speedKmH;
    const svc: Rec = {
      id: `${id}-svc`,
      name: `${id} service`,
      mode,
      vessel: mode === 'ferry' ? 'rail_ferry' : 'container_ship',
      carries: mode === 'ferry' ? ['containers', 'wagons'] : ['containers'],
      capacityTeuPerDeparture: fig(mode === 'ferry' ? 150 + randInt(rnd, 200) : 8000),
      cancellationProbability: fig(mode === 'ferry' ? 0.05 + 0.05 * rnd() : 0.01),
    };
    if (rnd() < 0.5) {
      svc.departuresPerWeek = fig(mode === 'ferry' ? 2 + randInt(rnd, 6) : 1 + randInt(rnd, 2));
      svc.firstDepartureOffsetH = Number((rnd() * 24).toFixed(2));
    } else {
      const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].filter(() => rnd() < 0.45);
      if (days.length === 0) days.push('wed');
      svc.timetable = days.map((day) => ({ day, time: `${String(randInt(rnd, 24)).padStart(2, '0')}:00` }));
    }
    services.push(svc);
    links.push({
      id,
      from,
      to,
      mode,
      service: svc.id,
      status: 'operational',
      distanceKm: fig(km),
      duration: {
        dist: 'uniform',
        min: Number((hours * 0.9).toFixed(2)),
        max: Number((hours * 1.2).toFixed(2)),
        unit: 'h',
        source: SRC,
      },
      tariff: { usdPerTeu: fig(mode === 'ferry' ? 400 + randInt(rnd, 600) : 300 + randInt(rnd, 900)) },
      risk: fig(mode === 'ferry' ? 0.05 : 0.02),
    });
  };
  const facility = (): Rec => ({
    dwell: lognormalH(12 + randInt(rnd, 24), 48 + randInt(rnd, 72)),
    handlingCostUsdPerTeu: fig(50 + randInt(rnd, 150)),
  });

  for (const lane of LANES) {
    const span = lane.countries.length * nodesPerCountry;
    const lonOf = (k: number) => 115 - (105 * k) / (span - 1);
    let prev: string | undefined;
    let prevGauge = 0;
    let prevTerminal: string | undefined;
    lane.countries.forEach((c, ci) => {
      const cc = c.cc.toLowerCase();
      const ids: string[] = [];
      for (let i = 0; i < nodesPerCountry; i++) {
        const k = ci * nodesPerCountry + i;
        const id = `${lane.name}-${cc}-${i}`;
        const lat = lane.lat + 2 * (rnd() - 0.5);
        const extra: Rec = {};
        const first = i === 0 && ci > 0;
        const last = i === nodesPerCountry - 1 && ci < lane.countries.length - 1;
        const nextFerry = lane.countries[ci + 1]?.ferryBefore === true;
        if ((first && c.ferryBefore) || (last && nextFerry))
          Object.assign(extra, { kind: 'sea_port', facility: facility() });
        else if (i === nodesPerCountry >> 1) Object.assign(extra, { kind: 'terminal', facility: facility() });
        if (first && !c.ferryBefore) {
          extra.kind = 'border_crossing';
          extra.border = {
            dwellInbound: lognormalH(6 + randInt(rnd, 30), 48 + randInt(rnd, 100)),
            costUsdPerTeu: fig(30 + randInt(rnd, 120)),
          };
          if (c.gauge !== prevGauge) {
            extra.kind = 'gauge_change';
            extra.gaugeChange = {
              method: rnd() < 0.5 ? 'transshipment' : 'bogie_exchange',
              gauges: [1435, 1520],
              duration: lognormalH(8 + randInt(rnd, 16), 30 + randInt(rnd, 60)),
              costUsdPerTeu: fig(80 + randInt(rnd, 120)),
            };
          }
        }
        if (last && !nextFerry && rnd() < 0.5) {
          extra.border = { dwellOutbound: lognormalH(4 + randInt(rnd, 20), 30 + randInt(rnd, 60)) };
        }
        addNode(id, c.cc, lat, lonOf(k), extra);
        ids.push(id);
      }
      // The link into this country: a ferry after a sea gap, else rail in the previous country's gauge.
      const firstId = must(ids[0], 'first node of a country');
      if (prev !== undefined) {
        if (c.ferryBefore) scheduled(`${lane.name}-ferry-${cc}`, prev, firstId, 'ferry');
        else rail(`${lane.name}-border-${cc}`, prev, firstId, prevGauge);
      }
      for (const [a, b, i] of consecutive(ids)) {
        const extra: Rec = {};
        if (rnd() < 0.04) Object.assign(extra, { status: 'planned', statusYear: 2030 });
        rail(`${lane.name}-${cc}-r${i}`, a, b, c.gauge, extra);
      }
      const terminal = must(ids[nodesPerCountry >> 1], 'terminal of a country');
      if (prevTerminal !== undefined && !c.ferryBefore) {
        const km = coordsKm(nodes, prevTerminal, terminal) * 1.25 + 10;
        links.push({
          id: `${lane.name}-road-${cc}`,
          from: prevTerminal,
          to: terminal,
          mode: 'road',
          status: 'operational',
          distanceKm: fig(km),
        });
      }
      terminalsOf.set(c.cc, [...(terminalsOf.get(c.cc) ?? []), terminal]);
      prevTerminal = terminal;
      prev = ids.at(-1);
      prevGauge = c.gauge;
    });
    laneEnds.push(must(prevTerminal, 'terminal of a lane'));
  }
  // Lanes meet where they share a country, and at their western ends.
  for (const [cc, ts] of terminalsOf) {
    const gauge = must(
      LANES.flatMap((l) => l.countries).find((c) => c.cc === cc),
      'country of a terminal',
    ).gauge;
    for (const [a, b, i] of consecutive(ts)) rail(`join-${cc.toLowerCase()}-${i}`, a, b, gauge);
  }
  for (const [a, b, i] of consecutive(laneEnds)) rail(`join-west-${i}`, a, b, 1435);
  // The sea lane: ports in a chain, the first reached by rail from China, the last from the northern lane's end.
  for (const [id, cc, lat, lon] of SEA_PORTS) addNode(id, cc, lat, lon, { kind: 'sea_port', facility: facility() });
  for (const [a, b, i] of consecutive(SEA_PORTS)) scheduled(`sea-leg-${i}`, a[0], b[0], 'sea');
  const [firstPort] = must(SEA_PORTS[0], 'first sea port');
  const [lastPort] = must(SEA_PORTS.at(-1), 'last sea port');
  rail('sea-cn-rail', must(terminalsOf.get('CN')?.[1], 'second Chinese terminal'), firstPort, 1435);
  rail('sea-nl-rail', must(laneEnds[0], 'end of the northern lane'), lastPort, 1435);
  // Default speeds and tariffs per country: rail and road links carry none of their own.
  for (const cc of [...countries].sort()) {
    for (const mode of ['rail', 'road'] as const) {
      rates.push({
        id: `rate-${cc.toLowerCase()}-${mode}`,
        country: cc,
        mode,
        speedKmPerDay: fig(mode === 'rail' ? 500 + randInt(rnd, 600) : 450 + randInt(rnd, 250)),
        usdPerTeuKm: fig(mode === 'rail' ? 0.3 + 0.5 * rnd() : 0.9 + 0.6 * rnd()),
      });
    }
  }
  return { sources: [BENCH_SOURCE], nodes: [...nodes.values()], links, services, rates };
}

/** Validates input records through the same zod schemas as data/ files (JSON is YAML). */
export function parseRecords(records: Record<string, Rec[]>): RawDataset {
  const files = Object.entries(records).map(([kind, recs]) => ({
    path: `${kind}/bench.yaml`,
    text: JSON.stringify(recs),
  }));
  const { raw, issues } = parseDatasetFiles(files);
  if (issues.length > 0) throw new Error(`synthetic records invalid: ${JSON.stringify(issues.slice(0, 5))}`);
  return raw;
}

/** Gauges of the rail links at each node. */
function railGauges(raw: RawDataset): Map<string, number[]> {
  const m = new Map<string, Set<number>>();
  for (const l of raw.links) {
    if (l.mode !== 'rail' || l.gauge === undefined) continue;
    for (const end of [l.from, l.to]) m.set(end, (m.get(end) ?? new Set()).add(l.gauge));
  }
  return new Map([...m].map(([k, v]) => [k, [...v]]));
}

export interface ReplicateOptions {
  copies: number;
  seed: number;
  /** Random rail links from each copy to other copies. */
  joinsPerCopy?: number;
}

/**
 * k copies of a validated template joined by random rail links. Ids get a `-c<i>` suffix; sources and rates are
 * shared (a rate is per country and mode). Coordinates move by up to 1 degree per copy so that copies are
 * distinct places.
 */
export function replicate(template: RawDataset, o: ReplicateOptions): RawDataset {
  const rnd = mulberry32(o.seed);
  const k = o.copies;
  const sfx = (id: string, c: number) => (k === 1 ? id : `${id}-c${c}`);
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
  const out: RawDataset = {
    sources: [...template.sources],
    nodes: [],
    links: [],
    services: [],
    rates: [...template.rates],
  };
  if (!out.sources.some((s) => s.id === SRC)) out.sources.push({ ...BENCH_SOURCE, file: 'sources/bench.yaml' });
  for (let c = 0; c < k; c++) {
    const dLat = c === 0 ? 0 : 2 * rnd() - 1;
    const dLon = c === 0 ? 0 : 2 * rnd() - 1;
    for (const n of template.nodes) {
      out.nodes.push({
        ...n,
        id: sfx(n.id, c),
        coords: { ...n.coords, lat: clamp(n.coords.lat + dLat, -90, 90), lon: clamp(n.coords.lon + dLon, -180, 180) },
      });
    }
    for (const l of template.links) {
      out.links.push({
        ...l,
        id: sfx(l.id, c),
        from: sfx(l.from, c),
        to: sfx(l.to, c),
        ...(l.service === undefined ? {} : { service: sfx(l.service, c) }),
      });
    }
    for (const s of template.services)
      out.services.push({
        ...s,
        id: sfx(s.id, c),
        // a scheduled train's stops are node ids: they follow their copy
        ...(s.route === undefined ? {} : { route: s.route.map((n) => sfx(n, c)) }),
      });
  }
  if (k > 1) {
    const gauges = railGauges(template);
    const railNodes = [...gauges.keys()];
    const byId = new Map(template.nodes.map((n) => [n.id, n]));
    let joins = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < (o.joinsPerCopy ?? 3); j++) {
        const a = pick(rnd, railNodes);
        let d = randInt(rnd, k - 1);
        if (d >= c) d++;
        const gauge = pick(rnd, must(gauges.get(a), 'gauges of a rail node'));
        const candidates = railNodes.filter((id) => gauges.get(id)?.includes(gauge));
        const b = pick(rnd, candidates);
        const na = must(byId.get(a), 'rail node').coords;
        const nb = must(byId.get(b), 'rail node').coords;
        const km = greatCircleKm(na.lat, na.lon, nb.lat, nb.lon) * 1.2 + 150;
        out.links.push({
          id: `bench-join-${joins++}`,
          from: sfx(a, c),
          to: sfx(b, d),
          mode: 'rail',
          bidirectional: true,
          gauge: gauge as 1435 | 1520 | 1668,
          status: 'operational',
          corridors: [],
          via: [],
          sources: [],
          distanceKm: { value: Number(km.toFixed(1)), source: SRC },
          speedKmPerDay: { value: 600, source: SRC },
          tariff: { usdPerTeuKm: { value: 0.5, source: SRC } },
          file: 'links/bench.yaml',
        });
      }
    }
  }
  return out;
}

/** Builds the Network (reference checks included); throws listing the first problems. */
export function toNetwork(raw: RawDataset, name: string): Network {
  const manifest: DatasetManifest = { name, version: '0' };
  const r = tryBuildNetwork(raw, manifest);
  if (r.network === undefined) throw new Error(`synthetic network invalid: ${JSON.stringify(r.issues.slice(0, 5))}`);
  return r.network;
}

/** The built-in template, validated. */
export function corridorTemplate(seed: number, nodesPerCountry = 8): RawDataset {
  return parseRecords(corridorTemplateRecords(seed, nodesPerCountry));
}

export type { Rng };
