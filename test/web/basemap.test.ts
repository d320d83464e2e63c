/**
 * The offline basemap's antimeridian fix: world-atlas rings that jump from +180 to -180 would draw Russia and
 * Fiji as bands across a flat map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { countriesFromTopology, unwrapRing } from '../../web/src/basemap.ts';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;

/** Largest longitude step between consecutive points of any ring of a geometry. */
function maxJump(g: { type: string; coordinates: unknown }): number {
  const rings: Position[][] =
    g.type === 'Polygon' ? (g.coordinates as Position[][]) : (g.coordinates as Position[][][]).flat();
  let m = 0;
  for (const r of rings) for (let i = 1; i < r.length; i++) m = Math.max(m, Math.abs(r[i]![0]! - r[i - 1]![0]!));
  return m;
}

describe('basemap', () => {
  it('unwrapRing shifts the points past the antimeridian instead of jumping', () => {
    expect(
      unwrapRing([
        [179, 0],
        [-179, 1],
        [-179, 0],
        [179, 0],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [181, 0],
      [179, 0],
    ]);
    expect(
      unwrapRing([
        [-179, 0],
        [179, 1],
        [-179, 0],
      ]),
    ).toEqual([
      [-179, 0],
      [-181, 1],
      [-179, 0],
    ]);
    // A ring lying wholly beyond +180 after unwrapping comes back by one turn.
    expect(
      unwrapRing([
        [181, 0],
        [182, 1],
        [181, 0],
      ]),
    ).toEqual([
      [-179, 0],
      [-178, 1],
      [-179, 0],
    ]);
    expect(
      unwrapRing([
        [10, 0],
        [20, 5],
        [10, 0],
      ]),
    ).toEqual([
      [10, 0],
      [20, 5],
      [10, 0],
    ]);
  });

  it('the raw world-atlas rings of Russia and Fiji do cross the antimeridian (what the fix is for)', () => {
    const raw = feature(topo, topo.objects.countries as GeometryCollection) as unknown as {
      features: Array<{ id: string; geometry: { type: string; coordinates: unknown } }>;
    };
    const russia = raw.features.find((f) => f.id === '643')!;
    expect(maxJump(russia.geometry)).toBeGreaterThan(180);
  });

  it('no country ring jumps across the map after the fix, and Antarctica is left out', () => {
    const fc = countriesFromTopology(topo);
    expect(fc.features.length).toBeGreaterThan(200);
    expect(fc.features.some((f) => String(f.id) === '010')).toBe(false);
    for (const f of fc.features) expect(maxJump(f.geometry), String(f.properties.name)).toBeLessThan(180);
    const ru = fc.features.find((f) => String(f.id) === '643')!;
    expect(ru.properties.name).toBe('Russia');
  });
});
