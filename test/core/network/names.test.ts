import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import {
  closestNames,
  compactName,
  findNodes,
  getNodeByName,
  levenshtein,
  normaliseName,
} from '../../../src/core/network/names.ts';
import { loadNetwork } from '../../../src/io/index.ts';
import { build, FIXTURE_SOURCES } from './helpers.ts';

const net = loadNetwork(fileURLToPath(new URL('../../fixtures/network/valid', import.meta.url)));
const firstId = (q: string) => findNodes(net, q)[0]?.node.id;

describe('normaliseName', () => {
  it.each([
    ['Constanța', 'constanta'],
    ['CONSTANŢA', 'constanta'], // cedilla form of the same letter
    ["Xi'an", 'xian'],
    ['Xi’an', 'xian'],
    ['Małaszewicze', 'malaszewicze'],
    ['Iğdır', 'igdir'], // Turkish dotless ı and ğ
    ['İzmit', 'izmit'], // Turkish dotted capital İ
    ['Türkmenbaşy', 'turkmenbasy'],
    ['Khorgos  Gateway', 'khorgos gateway'],
    ['kz-aktau', 'kz aktau'],
    ['Port of Baku (Alat)', 'port of baku alat'],
    ['Ust–Luga', 'ust luga'], // en dash
  ])('%s -> %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('compact form joins the words', () => {
    expect(compactName('KZ AAU')).toBe(compactName('KZAAU'));
    expect(compactName('Xi An')).toBe('xian');
  });
});

describe('levenshtein', () => {
  it('counts single-character edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3); // k->s, e->i, +g
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('aktau', 'aktau')).toBe(0);
    expect(levenshtein('aqtau', 'aktau')).toBe(1);
  });
});

describe('findNodes', () => {
  it.each([
    ['Aqtau', 'kz-aktau'],
    ['Aktau', 'kz-aktau'],
    ['AKTAU PORT', 'kz-aktau'],
    ['Shevchenko', 'kz-aktau'],
    ['KZ AAU', 'kz-aktau'],
    ['kzaau', 'kz-aktau'],
    ['kz-aktau', 'kz-aktau'],
    ['Alyat', 'az-alat'],
    ['Alat', 'az-alat'],
    ['Horgos', 'kz-khorgos'],
    ['khorgas', 'kz-khorgos'],
    ['Xian', 'cn-xian'],
    ["xi'an", 'cn-xian'],
    ['Xi an', 'cn-xian'],
    ['Constanta', 'ro-constanta'],
    ['constanța', 'ro-constanta'],
    ['RO CND', 'ro-constanta'],
    ['malaszewicze', 'pl-malaszewicze'],
  ])('%s finds %s', (q, id) => {
    expect(firstId(q)).toBe(id);
  });

  it('puts exact matches before prefix and substring matches', () => {
    const two = build({
      'sources/s.yaml': FIXTURE_SOURCES,
      'nodes/n.yaml': `
- { id: kz-baku-yard, name: Baku Yard, kind: junction, country: KZ, coords: { lat: 1, lon: 1, source: T1 } }
- { id: az-baku, name: Baku, kind: city, country: AZ, coords: { lat: 2, lon: 2, source: T1 } }
- { id: az-old-baku, name: Old Baku, kind: city, country: AZ, coords: { lat: 3, lon: 3, source: T1 } }
`,
    });
    const m = findNodes(two, 'baku');
    expect(m.map((x) => [x.node.id, x.tier])).toEqual([
      ['az-baku', 'exact'],
      ['kz-baku-yard', 'prefix'],
      ['az-old-baku', 'substring'],
    ]);
    expect(getNodeByName(two, 'baku').id).toBe('az-baku');
    // Two prefix matches and no exact one: ambiguous.
    expect(() => getNodeByName(two, 'bak')).toThrow(KeruenError);
  });

  it('returns nothing for a name that is not there, and blank queries', () => {
    expect(findNodes(net, 'Rotterdam')).toEqual([]);
    expect(findNodes(net, '  -- ')).toEqual([]);
  });
});

describe('closestNames and getNodeByName', () => {
  it('suggests the nearest spellings', () => {
    expect(closestNames(net, 'Aktaw', 1)[0]?.id).toBe('kz-aktau');
    expect(closestNames(net, 'Baqu', 1)[0]?.id).toBe('az-alat');
    expect(closestNames(net, 'Konstanza', 1)[0]?.id).toBe('ro-constanta');
    expect(closestNames(net, 'Khorgoz', 2).map((s) => s.id)).toContain('kz-khorgos');
    expect(closestNames(net, 'x', 10)).toHaveLength(6); // one per node at most
  });

  it('throws KERUEN_UNKNOWN_NODE with suggestions', () => {
    try {
      getNodeByName(net, 'Aktaw');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KeruenError);
      expect((e as KeruenError).code).toBe('KERUEN_UNKNOWN_NODE');
      const closest = (e as KeruenError).details.closest as Array<{ id: string }>;
      expect(closest[0]?.id).toBe('kz-aktau');
    }
  });
});
