/**
 * Compiles the friendly network into a flat, immutable graph of typed arrays for the hot paths (routing,
 * assignment). Each node is split into platforms, one per (mode, gauge) of the links that touch it, so that a
 * change of vehicle is an explicit transfer edge carrying the facility's dwell, the gauge change or nothing at all
 * (no facility, no change). Border dwell is folded into the link that crosses the border. The standard
 * multimodal expansion (as in OpenTripPlanner's street/transit split); every array fits one ArrayBuffer each so
 * the graph can be handed to a worker.
 */
import type { Issue } from '../errors.ts';
import { weeklyDepartures as weeklyDeparturesOf } from '../routing/timetable.ts';
import { meanOf } from './figure.ts';
import type { Network, NetworkLink, NetworkNode } from './network.ts';
import type { Mode, Status } from './schema.ts';

/** Platform classes: a vehicle family that cargo stays on without a transfer. */
export const PLATFORM_CLASSES = [
  'rail1435',
  'rail1520',
  'rail1668',
  'road',
  'ferry',
  'sea',
  'inland_waterway',
] as const;
export type PlatformClass = (typeof PLATFORM_CLASSES)[number];
export const MODE_CODES: readonly Mode[] = ['rail', 'road', 'ferry', 'sea', 'inland_waterway'];
export const STATUS_CODES: readonly Status[] = ['operational', 'under_construction', 'planned', 'closed'];

export const EDGE_LINK = 0;
export const EDGE_TRANSFER = 1;
export const EDGE_GAUGE = 2;

/** Tonnes per TEU when only a container count is known (GLEC / iLEAP convention, emissions-and-anchors §1.2). */
export const DEFAULT_TONNES_PER_TEU = 10;

/** Per-unit emissions of a link or hub, from the emissions model. */
export interface UnitEmissions {
  perTeuKg: number;
  perTonneKg: number;
}

/** What the compiler needs from the emissions model (src/core/emissions implements it). */
export interface EmissionsModel {
  link(link: NetworkLink, from: NetworkNode, serviceVessel: string | undefined): UnitEmissions;
  hub(node: NetworkNode, operation: 'container_terminal' | 'transshipment' | 'gauge_change'): UnitEmissions;
}

export interface CompiledGraph {
  /** Number of platforms (vertices). */
  readonly vertexCount: number;
  readonly edgeCount: number;
  /** Platform -> node index, and its class index into PLATFORM_CLASSES. */
  readonly vNode: Int32Array;
  readonly vClass: Uint8Array;
  /** Node -> its platforms: nodePlatforms[nodeOff[n] .. nodeOff[n+1]). */
  readonly nodeOff: Int32Array;
  readonly nodePlatforms: Int32Array;
  /** CSR adjacency: edges of vertex v are off[v] .. off[v+1]. */
  readonly off: Int32Array;
  readonly target: Int32Array;
  readonly source: Int32Array;
  readonly kind: Uint8Array;
  /** Link index for link edges, -1 for transfers. */
  readonly link: Int32Array;
  /** 1 when a link edge runs against the link's from -> to direction. */
  readonly reversed: Uint8Array;
  readonly mode: Uint8Array;
  readonly status: Uint8Array;
  readonly statusYear: Int16Array;
  /** Expected duration in hours (sailing time only for scheduled edges: the wait is added at query time). */
  readonly timeH: Float64Array;
  /** Of which border dwell, hours. */
  readonly borderH: Float64Array;
  readonly distanceKm: Float64Array;
  /** Cost per TEU and per tonne in USD; NaN where no tariff or rate is known. */
  readonly costUsdPerTeu: Float64Array;
  readonly costUsdPerTonne: Float64Array;
  /** WTW CO2e per TEU and per tonne in kg; NaN until an emissions model is given. */
  readonly co2eKgPerTeu: Float64Array;
  readonly co2eKgPerTonne: Float64Array;
  /** -ln(1 - risk) so that risk adds along a path. */
  readonly riskLog: Float64Array;
  /** Scheduled service index, -1 for none; its weekly departures are depOffsets[depOff[s] .. depOff[s+1]). */
  readonly service: Int32Array;
  readonly depOff: Int32Array;
  readonly depOffsetsH: Float64Array;
  /** Bit flags of what a service carries: 1 containers, 2 wagons, 4 trucks, 8 bulk, 16 liquid; 0xff for links without a service. */
  readonly carries: Uint8Array;
  /** Country index of each node, and of each link's extra `via` countries (viaOff CSR over links). */
  readonly nodeCountry: Uint16Array;
  readonly linkViaOff: Int32Array;
  readonly linkVia: Uint16Array;
  readonly countries: readonly string[];
  /** Compile-time findings: links left out for want of a time, costs missing. */
  readonly issues: readonly Issue[];
}

export const CARRIES_BITS: Record<string, number> = { containers: 1, wagons: 2, trucks: 4, bulk: 8, liquid: 16 };

function platformOf(l: NetworkLink): PlatformClass {
  if (l.mode === 'rail') return `rail${l.gauge ?? 1435}` as PlatformClass;
  return l.mode;
}

const mean = (d: Parameters<typeof meanOf>[0] | undefined): number => (d === undefined ? 0 : meanOf(d));

export interface CompileOptions {
  emissions?: EmissionsModel | undefined;
  tonnesPerTeu?: number;
}

/**
 * Compiles a network. Pure and deterministic: the same network gives the same arrays.
 * @example
 *   const g = compileNetwork(loadNetwork(), { emissions });
 *   g.vertexCount; // platforms
 */
export function compileNetwork(net: Network, opts: CompileOptions = {}): CompiledGraph {
  const tonnesPerTeu = opts.tonnesPerTeu ?? DEFAULT_TONNES_PER_TEU;
  const issues: Issue[] = [];
  const rates = new Map(net.rates.map((r) => [`${r.country}/${r.mode}`, r]));
  const countries = [...new Set([...net.nodes.map((n) => n.country), ...net.links.flatMap((l) => l.via)])].sort();
  const countryIdx = new Map(countries.map((c, i) => [c, i]));

  // Platforms per node, in PLATFORM_CLASSES order.
  const classesAt: Array<Set<PlatformClass>> = net.nodes.map(() => new Set());
  for (const l of net.links) {
    const c = platformOf(l);
    classesAt[net.nodeIndex.get(l.from)!]!.add(c);
    classesAt[net.nodeIndex.get(l.to)!]!.add(c);
  }
  const vNode: number[] = [];
  const vClass: number[] = [];
  const nodeOff = new Int32Array(net.nodes.length + 1);
  const platformIndex = new Map<string, number>();
  net.nodes.forEach((n, ni) => {
    nodeOff[ni] = vNode.length;
    PLATFORM_CLASSES.forEach((c, ci) => {
      if (!classesAt[ni]!.has(c)) return;
      platformIndex.set(`${ni}/${c}`, vNode.length);
      vNode.push(ni);
      vClass.push(ci);
    });
    void n;
  });
  nodeOff[net.nodes.length] = vNode.length;

  interface E {
    src: number;
    dst: number;
    kind: number;
    link: number;
    reversed: number;
    mode: number;
    status: number;
    statusYear: number;
    timeH: number;
    borderH: number;
    distanceKm: number;
    costTeu: number;
    costTonne: number;
    co2Teu: number;
    co2Tonne: number;
    riskLog: number;
    service: number;
    carries: number;
  }
  const edges: E[] = [];
  const em = opts.emissions;

  net.links.forEach((l, li) => {
    const fromI = net.nodeIndex.get(l.from)!;
    const toI = net.nodeIndex.get(l.to)!;
    const a = net.nodes[fromI]!;
    const b = net.nodes[toI]!;
    const km = l.distanceKm?.value ?? 0;
    const rate = rates.get(`${a.country}/${l.mode}`);
    const speed = l.speedKmPerDay?.value ?? rate?.speedKmPerDay?.value;
    const serviceI = l.service === undefined ? -1 : net.serviceIndex.get(l.service)!;
    const svc = serviceI >= 0 ? net.services[serviceI] : undefined;
    let timeH: number;
    if (l.duration !== undefined) timeH = meanOf(l.duration);
    else if (speed !== undefined && speed > 0) timeH = (km / speed) * 24;
    else {
      issues.push({
        code: 'no_travel_time',
        file: l.file,
        id: l.id,
        field: 'duration',
        message: `no duration, speedKmPerDay or ${a.country}/${l.mode} rate: link left out of the graph`,
      });
      return;
    }
    // Tariff: per unit for the whole link, else per km, else the country's rate per km.
    const t = l.tariff;
    let perTeu = t?.usdPerTeu?.value ?? (t?.usdPerFeu ? t.usdPerFeu.value / 2 : undefined);
    if (perTeu === undefined && t?.usdPerTeuKm) perTeu = t.usdPerTeuKm.value * km;
    let perTonne = t?.usdPerTonne?.value ?? (t?.usdPerTonneKm ? t.usdPerTonneKm.value * km : undefined);
    if (perTeu === undefined && perTonne === undefined && t === undefined) {
      if (rate?.usdPerTeuKm) perTeu = rate.usdPerTeuKm.value * km;
      if (rate?.usdPerTonneKm) perTonne = rate.usdPerTonneKm.value * km;
    }
    // Convert between per-TEU and per-tonne with the tonnes-per-TEU convention when only one is known.
    if (perTeu === undefined && perTonne !== undefined) perTeu = perTonne * tonnesPerTeu;
    if (perTonne === undefined && perTeu !== undefined) perTonne = perTeu / tonnesPerTeu;
    if (perTeu === undefined) {
      issues.push({
        code: 'no_cost',
        file: l.file,
        id: l.id,
        field: 'tariff',
        message: `no tariff and no ${a.country}/${l.mode} rate per km: cost unknown on this link`,
      });
    }
    const e = em?.link(l, a, svc?.vessel);
    const carries = svc ? svc.carries.reduce((m, c) => m | (CARRIES_BITS[c] ?? 0), 0) : 0xff;
    const riskLog = l.risk ? -Math.log(1 - Math.min(l.risk.value, 0.999999)) : 0;
    const pc = platformOf(l);
    const dirs = l.bidirectional ? [0, 1] : [0];
    for (const rev of dirs) {
      const [x, y] = rev ? [b, a] : [a, b];
      const [xi, yi] = rev ? [toI, fromI] : [fromI, toI];
      let borderH = 0;
      let borderTeu = 0;
      let borderTonne = 0;
      if (x.country !== y.country) {
        borderH = mean(x.border?.dwellOutbound) + mean(y.border?.dwellInbound);
        borderTeu = (x.border?.costUsdPerTeu?.value ?? 0) + (y.border?.costUsdPerTeu?.value ?? 0);
        borderTonne = (x.border?.costUsdPerTonne?.value ?? 0) + (y.border?.costUsdPerTonne?.value ?? 0);
      }
      edges.push({
        src: platformIndex.get(`${xi}/${pc}`)!,
        dst: platformIndex.get(`${yi}/${pc}`)!,
        kind: EDGE_LINK,
        link: li,
        reversed: rev,
        mode: MODE_CODES.indexOf(l.mode),
        status: STATUS_CODES.indexOf(l.status),
        statusYear: l.statusYear ?? 0,
        timeH: timeH + borderH,
        borderH,
        distanceKm: km,
        costTeu: perTeu === undefined ? Number.NaN : perTeu + borderTeu + borderTonne * tonnesPerTeu,
        costTonne: perTonne === undefined ? Number.NaN : perTonne + borderTonne + borderTeu / tonnesPerTeu,
        co2Teu: e ? e.perTeuKg : Number.NaN,
        co2Tonne: e ? e.perTonneKg : Number.NaN,
        riskLog,
        service: serviceI,
        carries,
      });
    }
  });

  // Transfers between the platforms of one node.
  net.nodes.forEach((n, ni) => {
    const plats: number[] = [];
    for (let v = nodeOff[ni]!; v < nodeOff[ni + 1]!; v++) plats.push(v);
    for (const p of plats) {
      for (const q of plats) {
        if (p === q) continue;
        const cp = PLATFORM_CLASSES[vClass[p]!]!;
        const cq = PLATFORM_CLASSES[vClass[q]!]!;
        const bothRail = cp.startsWith('rail') && cq.startsWith('rail');
        let timeH: number;
        let costTeu: number;
        let costTonne: number;
        let kind: number;
        let hub: UnitEmissions | undefined;
        if (bothRail) {
          const gc = n.gaugeChange;
          if (gc === undefined) continue;
          const gauges = gc.gauges.map(String);
          if (!gauges.includes(cp.slice(4)) || !gauges.includes(cq.slice(4))) continue;
          kind = EDGE_GAUGE;
          timeH = mean(gc.duration);
          costTeu = gc.costUsdPerTeu?.value ?? (gc.costUsdPerTonne ? gc.costUsdPerTonne.value * tonnesPerTeu : 0);
          costTonne = gc.costUsdPerTonne?.value ?? costTeu / tonnesPerTeu;
          hub = em?.hub(n, 'gauge_change');
        } else {
          const f = n.facility;
          if (f === undefined) continue;
          kind = EDGE_TRANSFER;
          timeH = mean(f.dwell);
          costTeu =
            f.handlingCostUsdPerTeu?.value ??
            (f.handlingCostUsdPerTonne ? f.handlingCostUsdPerTonne.value * tonnesPerTeu : 0);
          costTonne = f.handlingCostUsdPerTonne?.value ?? costTeu / tonnesPerTeu;
          hub = em?.hub(n, 'container_terminal');
        }
        edges.push({
          src: p,
          dst: q,
          kind,
          link: -1,
          reversed: 0,
          mode: 255,
          status: STATUS_CODES.indexOf(n.status),
          statusYear: n.statusYear ?? 0,
          timeH,
          borderH: 0,
          distanceKm: 0,
          costTeu,
          costTonne,
          co2Teu: hub ? hub.perTeuKg : em ? 0 : Number.NaN,
          co2Tonne: hub ? hub.perTonneKg : em ? 0 : Number.NaN,
          riskLog: 0,
          service: -1,
          carries: 0xff,
        });
      }
    }
  });

  // CSR by source vertex (stable order).
  const V = vNode.length;
  const M = edges.length;
  const off = new Int32Array(V + 1);
  for (const e of edges) off[e.src + 1]!++;
  for (let v = 0; v < V; v++) off[v + 1]! += off[v]!;
  const fill = off.slice(0, V);
  const order = new Int32Array(M);
  edges.forEach((e, i) => {
    order[fill[e.src]!++] = i;
  });
  const g = {
    target: new Int32Array(M),
    source: new Int32Array(M),
    kind: new Uint8Array(M),
    link: new Int32Array(M),
    reversed: new Uint8Array(M),
    mode: new Uint8Array(M),
    status: new Uint8Array(M),
    statusYear: new Int16Array(M),
    timeH: new Float64Array(M),
    borderH: new Float64Array(M),
    distanceKm: new Float64Array(M),
    costUsdPerTeu: new Float64Array(M),
    costUsdPerTonne: new Float64Array(M),
    co2eKgPerTeu: new Float64Array(M),
    co2eKgPerTonne: new Float64Array(M),
    riskLog: new Float64Array(M),
    service: new Int32Array(M),
    carries: new Uint8Array(M),
  };
  for (let k = 0; k < M; k++) {
    const e = edges[order[k]!]!;
    g.target[k] = e.dst;
    g.source[k] = e.src;
    g.kind[k] = e.kind;
    g.link[k] = e.link;
    g.reversed[k] = e.reversed;
    g.mode[k] = e.mode;
    g.status[k] = e.status;
    g.statusYear[k] = e.statusYear;
    g.timeH[k] = e.timeH;
    g.borderH[k] = e.borderH;
    g.distanceKm[k] = e.distanceKm;
    g.costUsdPerTeu[k] = e.costTeu;
    g.costUsdPerTonne[k] = e.costTonne;
    g.co2eKgPerTeu[k] = e.co2Teu;
    g.co2eKgPerTonne[k] = e.co2Tonne;
    g.riskLog[k] = e.riskLog;
    g.service[k] = e.service;
    g.carries[k] = e.carries;
  }

  // Weekly departures of each service.
  const depOff = new Int32Array(net.services.length + 1);
  const deps: number[] = [];
  net.services.forEach((s, si) => {
    depOff[si] = deps.length;
    deps.push(...weeklyDeparturesOf(s));
  });
  depOff[net.services.length] = deps.length;

  const linkViaOff = new Int32Array(net.links.length + 1);
  const via: number[] = [];
  net.links.forEach((l, li) => {
    linkViaOff[li] = via.length;
    for (const c of l.via) via.push(countryIdx.get(c)!);
  });
  linkViaOff[net.links.length] = via.length;

  return {
    vertexCount: V,
    edgeCount: M,
    vNode: Int32Array.from(vNode),
    vClass: Uint8Array.from(vClass),
    nodeOff,
    nodePlatforms: Int32Array.from({ length: V }, (_, i) => i),
    off,
    ...g,
    depOff,
    depOffsetsH: Float64Array.from(deps),
    nodeCountry: Uint16Array.from(net.nodes.map((n) => countryIdx.get(n.country)!)),
    linkViaOff,
    linkVia: Uint16Array.from(via),
    countries,
    issues,
  };
}
