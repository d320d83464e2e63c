import { describe, expect, it } from 'vitest';
import { placesOf } from '../../../src/core/calibration/places.ts';
import { loadNetwork } from '../../../src/io/dataset-dir.ts';

describe('placesOf', () => {
  it('finds every node of the shipped network by its name, with its country and kind', () => {
    const net = loadNetwork();
    const places = placesOf(net);
    const kuryk = net.nodes.find((n) => n.id === 'kz-kuryk');
    expect(places.get(kuryk?.name ?? '')).toMatchObject({ country: 'KZ', kind: 'sea_port' });
    for (const n of net.nodes) expect(places.get(n.name)?.country, n.id).toBeDefined();
  });
});
