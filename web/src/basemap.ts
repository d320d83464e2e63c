/**
 * The offline basemap: Natural Earth 1:50m country shapes from world-atlas (TopoJSON), shipped with the page,
 * so the map needs no tile server and works with no internet.
 *
 * world-atlas is cut for spherical rendering (d3-geo): a ring that crosses the antimeridian jumps from +180 to
 * -180 within itself. Drawn on a flat Web Mercator map such a ring becomes a band across the whole world
 * (Russia's Chukotka, Fiji). unwrapRing makes each ring continuous by shifting longitudes past ±180 instead;
 * MapLibre draws longitudes beyond 180 on the neighbouring world copy, where they belong.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** ISO 3166 numeric code of Antarctica: its ring circles the pole, which no flat unwrapping can draw, and no
 * freight corridor goes there. */
const ANTARCTICA = '010';

/**
 * Makes a ring continuous across the antimeridian: whenever two consecutive points are more than 180° of
 * longitude apart, the rest of the ring is shifted by 360° the other way. A ring then lying wholly east of
 * +180 (or west of -180) is shifted back by one turn. Pure; returns a new ring.
 *
 * @example unwrapRing([[179, 0], [-179, 1], [-179, 0], [179, 0]]) // [[179,0],[181,1],[181,0],[179,0]]
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Array<[number, number]> = [];
  let shift = 0;
  let prev: number | undefined;
  for (const [lon, lat] of ring) {
    if (lon === undefined || lat === undefined) continue; // not a position
    if (prev !== undefined) {
      const d = lon - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    prev = lon;
    out.push([lon + shift, lat]);
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [lon] of out) {
    min = Math.min(min, lon);
    max = Math.max(max, lon);
  }
  const back = min >= 180 ? -360 : max <= -180 ? 360 : 0;
  return back === 0 ? out : out.map(([lon, lat]) => [lon + back, lat]);
}

function fixGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(unwrapRing) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
}

export type CountryProps = { name: string };

/** Country polygons from a world-atlas topology, antimeridian-safe, without Antarctica. */
export function countriesFromTopology(topo: Topology): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const fc = feature(topo, topo.objects.countries as GeometryCollection<CountryProps>) as unknown as FeatureCollection<
    Polygon | MultiPolygon | null,
    CountryProps
  >;
  const features: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  for (const f of fc.features) {
    if (f.geometry === null || String(f.id) === ANTARCTICA) continue;
    features.push({ type: 'Feature', id: f.id, properties: f.properties, geometry: fixGeometry(f.geometry) });
  }
  return { type: 'FeatureCollection', features };
}

/** Fetches the shipped world-atlas file (a build asset of the page) and converts it. */
export async function loadCountries(url: string): Promise<FeatureCollection<Polygon | MultiPolygon, CountryProps>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`basemap ${url}: HTTP ${res.status}`);
  return countriesFromTopology((await res.json()) as Topology);
}
