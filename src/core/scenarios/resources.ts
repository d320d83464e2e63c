/**
 * The capacity-limited elements of a compiled network that the assignment loads: each direction of a link
 * (its line capacity and, for a scheduled link, its service's capacity), each handling facility (the transfers
 * of a node) and each gauge-change yard. Every compiled edge uses at most one element.
 *
 * Two measures per element, both in TEU equivalents per year: a container-only one (a container hub's TEU, a
 * line's TEU per year, a feeder's TEU per sailing) loaded by container flows, and an all-cargo one (tonnes per
 * year, trains per day, wagons per sailing at 70 t each, trucks per sailing at 20 t each) loaded by every flow, tonnes at 10 t per TEU. Utilisation is the larger of the two
 * ratios. A line capacity in trains a day is counted in container trains (112.5 TEU each); a tonne of other cargo
 * loads it as the share of its gauge's bulk train it fills (`bulkWeight`, congestion.ts bulkTonnesPerTrain). Link capacities are taken per direction (train pairs, sailings each way); facility and gauge-change
 * capacities are the total through the node (a gauge-change capacity in TEU per day binds containers only).
 * An element with no capacity figure is not congestible.
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { DEFAULT_TONNES_PER_TEU, EDGE_GAUGE, EDGE_LINK, edgeLink, edgeSourceNode } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { DAYS_PER_YEAR, WEEKS_PER_YEAR } from '../time.ts';
import { bulkTonnesPerTrain, TEU_PER_TRAIN, TONNES_PER_TRUCK, TONNES_PER_WAGON } from './congestion.ts';

export type ResourceKind = 'link' | 'facility' | 'gauge_change';

export interface Resources {
  count: number;
  kind: ResourceKind[];
  /** Link or node id. */
  id: string[];
  /** For links: 'forward' (from -> to) or 'reverse'. */
  direction: Array<'forward' | 'reverse' | undefined>;
  /** Container-only capacity, TEU per year (Infinity when none is known). */
  capContainersTeu: Float64Array;
  /** All-cargo capacity, TEU equivalents per year (Infinity when none is known). */
  capAllTeuEq: Float64Array;
  /**
   * Weight of a non-container unit's TEU equivalents in the all-cargo load: 1, or for a line counted in container
   * trains, the container train's tonnes over the bulk train's (1,125 / 2,740 t on 1520 mm).
   */
  bulkWeight: Float64Array;
  /** Resource of each compiled edge, -1 for none. */
  edgeResource: Int32Array;
}

/** One element as found on an edge: its key (shared by the edges that use it), kind, id, direction, capacities. */
interface ElementOfEdge {
  key: string;
  kind: ResourceKind;
  id: string;
  direction: 'forward' | 'reverse' | undefined;
  /** Container-only and all-cargo capacities, TEU (equivalents) per year; Infinity when unknown. */
  c: number;
  a: number;
  /** Weight of non-container TEU equivalents in `a` (Resources.bulkWeight). */
  w: number;
}

export function buildResources(net: Network, g: CompiledGraph, tonnesPerTeu = DEFAULT_TONNES_PER_TEU): Resources {
  const kind: ResourceKind[] = [];
  const id: string[] = [];
  const direction: Array<'forward' | 'reverse' | undefined> = [];
  const capC: number[] = [];
  const capA: number[] = [];
  const weight: number[] = [];
  const edgeResource = new Int32Array(g.edgeCount).fill(-1);
  const byKey = new Map<string, number>();
  for (let e = 0; e < g.edgeCount; e++) {
    const x = g.kind[e] === EDGE_LINK ? linkElement(net, g, e, tonnesPerTeu) : nodeElement(net, g, e, tonnesPerTeu);
    if (x === undefined) continue;
    let r = byKey.get(x.key);
    if (r === undefined) {
      r = kind.length;
      byKey.set(x.key, r);
      kind.push(x.kind);
      id.push(x.id);
      direction.push(x.direction);
      capC.push(x.c);
      capA.push(x.a);
      weight.push(x.w);
    }
    edgeResource[e] = r;
  }
  return {
    count: kind.length,
    kind,
    id,
    direction,
    capContainersTeu: Float64Array.from(capC),
    capAllTeuEq: Float64Array.from(capA),
    bulkWeight: Float64Array.from(weight),
    edgeResource,
  };
}

/**
 * The element of link edge e: the link in the edge's direction, with the line's capacities and, for a scheduled
 * link, its service's (TEU, wagons and trucks per departure at the service's weekly frequency); undefined without
 * any.
 */
function linkElement(
  net: Network,
  g: CompiledGraph,
  e: number,
  tonnesPerTeu = DEFAULT_TONNES_PER_TEU,
): ElementOfEdge | undefined {
  const l = edgeLink(net, g, e);
  let c = l.capacity?.teuPerYear?.value ?? Number.POSITIVE_INFINITY;
  let a = Number.POSITIVE_INFINITY;
  let w = 1;
  if (l.capacity?.tonnesPerYear) a = Math.min(a, l.capacity.tonnesPerYear.value / tonnesPerTeu);
  const trains = l.capacity?.trainsPerDay?.value;
  if (trains !== undefined) {
    const inTrains = trains * DAYS_PER_YEAR * TEU_PER_TRAIN;
    // Counted in container trains only when the trains bind, so that a smaller tonnes figure keeps weight 1.
    if (inTrains < a) w = (TEU_PER_TRAIN * tonnesPerTeu) / bulkTonnesPerTrain(l.gauge);
    a = Math.min(a, inTrains);
  }
  const si = must(g.service[e], 'service of an edge');
  if (si >= 0) {
    const s = must(net.services[si], 'service of an edge');
    const perDep = s.capacityTeuPerDeparture?.value;
    const deps = must(g.depOff[si + 1], 'departures of a service') - must(g.depOff[si], 'departures of a service');
    // Frequency as given (1.63/week), not the rounded timetable, for the yearly capacity.
    const perWeek = s.departuresPerWeek?.value ?? deps;
    if (perDep !== undefined) c = Math.min(c, perDep * perWeek * WEEKS_PER_YEAR);
    const decks = serviceTonnesPerYear(s, perWeek) / tonnesPerTeu;
    if (decks < a) w = 1;
    a = Math.min(a, decks);
  }
  if (c === Number.POSITIVE_INFINITY && a === Number.POSITIVE_INFINITY) return undefined;
  const dir = g.reversed[e] ? 'reverse' : 'forward';
  return { key: `link ${l.id} ${dir}`, kind: 'link', id: l.id, direction: dir, c, a, w };
}

/** All-cargo tonnes a year of a service's wagon and truck decks (the smaller binds); Infinity without either. */
function serviceTonnesPerYear(s: Network['services'][number], perWeek: number): number {
  const wagons = s.capacityWagonsPerDeparture?.value;
  const trucks = s.capacityTrucksPerDeparture?.value;
  let t = Number.POSITIVE_INFINITY;
  if (wagons !== undefined) t = Math.min(t, wagons * TONNES_PER_WAGON * perWeek * WEEKS_PER_YEAR);
  if (trucks !== undefined) t = Math.min(t, trucks * TONNES_PER_TRUCK * perWeek * WEEKS_PER_YEAR);
  return t;
}

/** The element of transfer edge e: its node's gauge-change yard or handling facility; undefined without capacity. */
function nodeElement(net: Network, g: CompiledGraph, e: number, tonnesPerTeu: number): ElementOfEdge | undefined {
  const n = edgeSourceNode(net, g, e);
  if (g.kind[e] === EDGE_GAUGE) {
    const perDay = n.gaugeChange?.capacityTeuPerDay?.value;
    if (perDay === undefined) return undefined;
    // A capacity in TEU is a container transshipment capacity: it binds containers only.
    const c = perDay * DAYS_PER_YEAR;
    return {
      key: `gauge ${n.id}`,
      kind: 'gauge_change',
      id: n.id,
      direction: undefined,
      c,
      a: Number.POSITIVE_INFINITY,
      w: 1,
    };
  }
  const c = n.facility?.capacityTeuPerYear?.value ?? Number.POSITIVE_INFINITY;
  const t = n.facility?.capacityTonnesPerYear?.value;
  const a = t === undefined ? Number.POSITIVE_INFINITY : t / tonnesPerTeu;
  if (c === Number.POSITIVE_INFINITY && a === Number.POSITIVE_INFINITY) return undefined;
  return { key: `facility ${n.id}`, kind: 'facility', id: n.id, direction: undefined, c, a, w: 1 };
}
