import { describe, expect, it } from 'vitest';
import type { NetworkFeature } from '../../web/src/api.ts';
import { labelMinZoom, nodeDegrees } from '../../web/src/map-labels.ts';

const link = (id: string, from: string, to: string) =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates: [] },
    properties: { recordType: 'link', id, from, to },
  }) as unknown as NetworkFeature;

describe('place labels', () => {
  it('count each node’s links', () => {
    const d = nodeDegrees([link('a-b', 'a', 'b'), link('a-c', 'a', 'c'), link('b-c', 'b', 'c')]);
    expect(Object.fromEntries(d)).toEqual({ a: 2, b: 2, c: 2 });
  });

  it('name hubs first, then lesser nodes, border posts and waypoints last', () => {
    expect(labelMinZoom('sea_port', 6)).toBeLessThan(labelMinZoom('sea_port', 3));
    expect(labelMinZoom('sea_port', 3)).toBeLessThan(labelMinZoom('terminal', 1));
    expect(labelMinZoom('terminal', 1)).toBeLessThan(labelMinZoom('border_crossing', 1));
    expect(labelMinZoom('waypoint', 9)).toBe(7);
  });
});
