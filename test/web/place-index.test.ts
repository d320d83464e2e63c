/** The page's search-as-you-type offers a city with several terminals as one place, named as the API reads it. */
import { describe, expect, it } from 'vitest';
import { toGeoJSON } from '../../src/core/index.ts';
import { loadContext } from '../../src/io/index.ts';
import type { NetworkFeature } from '../../web/src/api.ts';
import { PlaceIndex, placeName } from '../../web/src/place-search.ts';

const { network } = loadContext();
const index = new PlaceIndex(toGeoJSON(network).features as unknown as NetworkFeature[]);

describe('PlaceIndex', () => {
  it('offers Istanbul as a city of four terminals first, then its terminals', () => {
    const hits = index.search('istanbul');
    expect(hits[0]?.place).toEqual({ id: 'Istanbul', name: 'Istanbul', country: 'TR', kind: 'metro', terminals: 4 });
    expect(
      hits
        .slice(1, 5)
        .map((h) => h.place.id)
        .sort(),
    ).toEqual(['tr-ambarli', 'tr-istanbul-ayrilikcesme', 'tr-istanbul-halkali', 'tr-istanbul-kazlicesme']);
  });

  it('offers Baku as a city of two terminals; a station by its own name stays the station', () => {
    expect(index.search('Baku')[0]?.place).toMatchObject({ id: 'Baku', kind: 'metro', terminals: 2 });
    expect(index.search('Halkali')[0]?.place.id).toBe('tr-istanbul-halkali');
    expect(index.search('Aktau')[0]?.place.kind).not.toBe('metro');
  });

  it('finds places by their Russian and French names and shows them in the page’s language', () => {
    const aktau = index.search('Актау')[0]?.place;
    expect(aktau?.id).toBe('kz-aktau');
    expect(index.search('Bakou')[0]?.place.id).toBe('az-baku');
    expect(placeName(aktau ?? { name: '' }, 'ru')).toBe('Порт Актау');
    expect(placeName(aktau ?? { name: '' }, 'fr')).toBe('Port d’Aktaou');
    expect(placeName(aktau ?? { name: '' }, 'en')).toBe('Aktau port');
    // A city of several terminals keeps its own name, not its first terminal's translation.
    expect(placeName(index.search('Baku')[0]?.place ?? { name: '' }, 'ru')).toBe('Baku');
  });
});
