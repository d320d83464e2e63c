/**
 * Cities with several terminals on the shipped dataset: Istanbul (three Marmaray/rail nodes and the container port at
 * Ambarlı) and Baku (city, Alat).
 */
import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import { findMetro, getPlaceByName, listMetros, placeNodes } from '../../../src/core/network/metros.ts';
import { resolvePlaceIds } from '../../../src/core/requests/places.ts';
import { DEFAULT_DATA_DIR, loadNetwork } from '../../../src/io/index.ts';

const net = loadNetwork(DEFAULT_DATA_DIR);
const ISTANBUL = ['tr-istanbul-ayrilikcesme', 'tr-istanbul-kazlicesme', 'tr-istanbul-halkali', 'tr-ambarli'];
const ids = (q: string) => placeNodes(getPlaceByName(net, q)).map((n) => n.id);

function errorOf(f: () => unknown): KeruenError {
  try {
    f();
  } catch (e) {
    if (e instanceof KeruenError) return e;
    throw e;
  }
  throw new Error('expected a KeruenError');
}

describe('metro areas', () => {
  it('lists the cities with two or more terminals, in dataset order', () => {
    expect(listMetros(net).map((m) => [m.name, m.nodes.length])).toEqual([
      ['Baku', 2],
      ['Istanbul', 4],
    ]);
    expect(findMetro(net, 'İSTANBUL')?.name).toBe('Istanbul');
  });

  it.each(['Istanbul', 'istanbul', 'İstanbul', ' ISTANBUL '])('%s is the city and all four terminals', (q) => {
    expect(getPlaceByName(net, q).kind).toBe('metro');
    expect(ids(q)).toEqual(ISTANBUL);
  });

  it('Baku is the city and its port at Alat; the port alone stays the port', () => {
    expect(ids('Baku')).toEqual(['az-alat', 'az-baku']);
    expect(ids('Baku port')).toEqual(['az-alat']);
  });

  it.each([
    ['tr-istanbul-halkali', 'tr-istanbul-halkali'], // id
    ['TR HAL', 'tr-istanbul-halkali'], // UN/LOCODE
    ['Halkali', 'tr-istanbul-halkali'], // alias
    ['Istanbul Halkalı', 'tr-istanbul-halkali'], // full name
    ['az-baku', 'az-baku'],
    ['AZ BAK', 'az-baku'],
    ['Aktau', 'kz-aktau'], // not a metro: as before
  ])('a station named exactly stays that station: %s', (q, id) => {
    const p = getPlaceByName(net, q);
    expect(p.kind).toBe('node');
    expect(placeNodes(p).map((n) => n.id)).toEqual([id]);
  });

  it('a name matching several unrelated stations is an error listing the candidates', () => {
    const e = errorOf(() => getPlaceByName(net, 'Sarakhs'));
    expect(e.code).toBe('KERUEN_INVALID_INPUT');
    const candidates = (e.details as { candidates: { id: string }[] }).candidates.map((c) => c.id).sort();
    expect(candidates).toEqual(['ir-sarakhs', 'tm-sarakhs']);
  });

  it('a name matching part of a city (two of its four terminals) is an error, not the city', () => {
    const e = errorOf(() => getPlaceByName(net, 'Marmaray'));
    expect(e.code).toBe('KERUEN_INVALID_INPUT');
    expect((e.details as { candidates: unknown[] }).candidates).toHaveLength(2);
  });

  it('a request names the field: ids for the engine, errors with field and value', () => {
    expect(resolvePlaceIds(net, 'from', 'Istanbul')).toEqual(ISTANBUL);
    expect(resolvePlaceIds(net, 'from', 'kz-aktau')).toBe('kz-aktau');
    const e = errorOf(() => resolvePlaceIds(net, 'to', 'Sarakhs'));
    expect(e.details).toMatchObject({ field: 'to', value: 'Sarakhs' });
    expect(errorOf(() => resolvePlaceIds(net, 'to', 'Qwxyz')).code).toBe('KERUEN_UNKNOWN_NODE');
  });
});
