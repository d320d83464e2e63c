/**
 * The compiled graph's shape and codes: platform classes, edge kinds, mode and status codes, the bits of what a
 * service carries, and the emissions model the compiler asks for per-unit CO2e. compile.ts builds it and
 * re-exports all of this; the compiler's steps (platforms.ts, link-edges.ts, transfer-edges.ts, edge-table.ts)
 * import it from here.
 */
import type { Issue } from '../errors.ts';
import { linkAt, type Network, type NetworkLink, type NetworkNode, nodeAt } from './network.ts';
import type { Mode, Status } from './schema.ts';

/** Platform classes: a vehicle family that cargo stays on without a transfer. */
export const PLATFORM_CLASSES = [
  'rail1435',
  'rail1520',
  'rail1668',
  'rail1676',
  'road',
  'ferry',
  'sea',
  'inland_waterway',
  'pipeline',
] as const;
export type PlatformClass = (typeof PLATFORM_CLASSES)[number];
export const MODE_CODES: readonly Mode[] = ['rail', 'road', 'ferry', 'sea', 'inland_waterway', 'pipeline'];
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
  /** Node -> its platforms, which are numbered consecutively: platforms nodeOff[n] .. nodeOff[n+1] - 1. */
  readonly nodeOff: Int32Array;
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
  /**
   * Cost per TEU and per tonne in USD; NaN where no tariff or rate is known. Per TEU of whole 40' boxes; a TEU in
   * a 20' box costs `costUsdPerTeu20` (a per-box charge in full, a rail haul at its 40/20 ratio), so a cargo of
   * `teu` costs the mix of the two that box-prices.ts boxesUsd prices (routing/edge-cost.ts unitCost).
   */
  readonly costUsdPerTeu: Float64Array;
  readonly costUsdPerTeu20: Float64Array;
  readonly costUsdPerTonne: Float64Array;
  /** WTW CO2e per TEU and per tonne in kg; NaN until an emissions model is given. */
  readonly co2eKgPerTeu: Float64Array;
  readonly co2eKgPerTonne: Float64Array;
  /**
   * Bits of the risk events an edge is exposed to (risk-events.ts; a train over several links, their union), and
   * -ln(1 - P(cut)) of that mask. A route's risk is its edges' masks' union, not the sum of riskLog.
   */
  readonly riskMask: Int32Array;
  readonly riskLog: Float64Array;
  /** The network's risk events (bit i is riskEvents[i]) and -ln(1 - p) of each. */
  readonly riskEvents: readonly string[];
  readonly eventRiskLog: Float64Array;
  /**
   * A scheduled train's run (a service edge over several links): the link edges it rides are
   * hopLinks[hopOff[e] .. hopOff[e+1]), each as link index * 2 + 1 when run against the link's direction; empty for
   * every other edge.
   */
  readonly hopOff: Int32Array;
  readonly hopLinks: Int32Array;
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

/** The network node of edge e's source platform (a graph compiled from `net`); throws when there is none. */
export function edgeSourceNode(net: Network, g: CompiledGraph, e: number): NetworkNode {
  return nodeAt(net, g.vNode[g.source[e] ?? -1] ?? -1);
}

/** The network node of edge e's target platform (a graph compiled from `net`); throws when there is none. */
export function edgeTargetNode(net: Network, g: CompiledGraph, e: number): NetworkNode {
  return nodeAt(net, g.vNode[g.target[e] ?? -1] ?? -1);
}

/** The network link of link edge e (a graph compiled from `net`); throws for a transfer edge (link -1). */
export function edgeLink(net: Network, g: CompiledGraph, e: number): NetworkLink {
  return linkAt(net, g.link[e] ?? -1);
}

export const CARRIES_BITS = { containers: 1, wagons: 2, trucks: 4, bulk: 8, liquid: 16 } as const;
