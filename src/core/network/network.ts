/**
 * The friendly shape of the network: validated records with string ids, durations in hours, and lookup maps.
 * Built once from the parsed files; immutable afterwards. The hot paths use the compiled graph (compile.ts).
 */
import type { PriceSeries } from '../costs/price-series.ts';
import { type Issue, KeruenError } from '../errors.ts';
import { type Duration, type DurationInput, toHours } from './figure.ts';
import type { RawDataset } from './load.ts';
import type { Link, Node, Rate, Season, Service, Source, TransitCalibration } from './schema.ts';
import { validateReferences } from './validate.ts';

/** Replaces every duration (an object with `dist` and `unit`) by its value in hours. */
type Normalized<T> = T extends DurationInput ? Duration : T extends object ? { [K in keyof T]: Normalized<T[K]> } : T;

export type NetworkNode = Normalized<Node> & { file: string };
export type NetworkLink = Normalized<Link> & { file: string };
export type NetworkService = Service & { file: string };

export interface DatasetManifest {
  name: string;
  version: string;
  released?: string | undefined;
  description?: string | undefined;
}

export interface Network {
  manifest: DatasetManifest;
  sources: ReadonlyMap<string, Source & { file: string }>;
  nodes: readonly NetworkNode[];
  links: readonly NetworkLink[];
  services: readonly NetworkService[];
  rates: readonly (Rate & { file: string })[];
  /** Price series (data/prices): the cost model's deflator, exchange rates and sea lanes (src/core/costs). */
  prices?: readonly PriceSeries[] | undefined;
  /** Seasonal factors (data/seasons) by month, read by the timeline (routing/link-timeline.ts). */
  seasons?: readonly Season[] | undefined;
  /** The fitted transit-time calibration (data/calibration), applied to itineraries' timelines. */
  calibration?: TransitCalibration | undefined;
  nodeIndex: ReadonlyMap<string, number>;
  linkIndex: ReadonlyMap<string, number>;
  serviceIndex: ReadonlyMap<string, number>;
}

function normalize<T>(v: T): Normalized<T> {
  if (Array.isArray(v)) return v.map(normalize) as Normalized<T>;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.dist === 'string' && typeof o.unit === 'string') return toHours(o as DurationInput) as Normalized<T>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = normalize(x);
    return out as Normalized<T>;
  }
  return v as Normalized<T>;
}

/**
 * Checks references across records and builds the network. Returns the issues instead of throwing so that a
 * validator can report everything at once; `buildNetwork` throws.
 */
export function tryBuildNetwork(
  raw: RawDataset,
  manifest: DatasetManifest,
): { network?: Network; issues: Issue[]; warnings: Issue[] } {
  const { issues, warnings } = validateReferences(raw);
  if (issues.length > 0) return { issues, warnings };
  const nodes = raw.nodes.map((n) => normalize(n) as NetworkNode);
  const links = raw.links.map((l) => normalize(l) as NetworkLink);
  const network: Network = {
    manifest,
    sources: new Map(raw.sources.map((s) => [s.id, s])),
    nodes,
    links,
    // durations of services (runTime, cutoff, lateness) in hours, like those of nodes and links
    services: raw.services.map((x) => normalize(x) as NetworkService),
    rates: raw.rates,
    prices: raw.prices ?? [],
    seasons: raw.seasons ?? [],
    calibration: raw.calibration?.[0],
    nodeIndex: new Map(nodes.map((n, i) => [n.id, i])),
    linkIndex: new Map(links.map((l, i) => [l.id, i])),
    serviceIndex: new Map(raw.services.map((s, i) => [s.id, i])),
  };
  return { network, issues, warnings };
}

export function buildNetwork(raw: RawDataset, manifest: DatasetManifest): Network {
  const r = tryBuildNetwork(raw, manifest);
  if (r.network === undefined) {
    throw new KeruenError('KERUEN_INVALID_DATASET', `dataset has ${r.issues.length} problem(s)`, r.issues);
  }
  return r.network;
}

/** Returns the node with this id; throws KERUEN_UNKNOWN_NODE naming the id when there is none. */
export function getNode(net: Network, id: string): NetworkNode {
  return nodeAt(net, getNodeIndex(net, id));
}

/** Returns the index of the node with this id; throws KERUEN_UNKNOWN_NODE naming the id when there is none. */
export function getNodeIndex(net: Network, id: string): number {
  const i = net.nodeIndex.get(id);
  if (i === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_NODE', `unknown node id ${JSON.stringify(id)}`, [], { id });
  return i;
}

export function findNode(net: Network, id: string): NetworkNode | undefined {
  const i = net.nodeIndex.get(id);
  return i === undefined ? undefined : net.nodes[i];
}

export function getLink(net: Network, id: string): NetworkLink {
  return linkAt(net, getLinkIndex(net, id));
}

/** Returns the index of the link with this id; throws KERUEN_UNKNOWN_LINK naming the id when there is none. */
export function getLinkIndex(net: Network, id: string): number {
  const i = net.linkIndex.get(id);
  if (i === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_LINK', `unknown link id ${JSON.stringify(id)}`, [], { id });
  return i;
}

/**
 * The node at index `i`, an index taken from the network itself (nodeIndex, a compiled graph's vNode); throws when
 * there is none, which is a bug (the index came from another network), never bad input.
 */
export function nodeAt(net: Network, i: number): NetworkNode {
  const n = net.nodes[i];
  if (n === undefined) throw new Error(`node #${i} is missing from the network`);
  return n;
}

/** The link at index `i`, an index taken from the network itself; throws when there is none (a bug). */
export function linkAt(net: Network, i: number): NetworkLink {
  const l = net.links[i];
  if (l === undefined) throw new Error(`link #${i} is missing from the network`);
  return l;
}
