import { describe, expect, it } from 'vitest';
import { meanOf } from '../../../src/core/network/figure.ts';
import { kindOfPath, parseDatasetFiles } from '../../../src/core/network/load.ts';
import { LinkSchema, NodeSchema, ServiceSchema } from '../../../src/core/network/schema.ts';
import { build, FIXTURE_SOURCES, TWO_NODES } from './helpers.ts';

describe('schemas', () => {
  it('fills defaults on a minimal node', () => {
    const n = NodeSchema.parse({
      id: 'kz-a',
      name: 'A',
      kind: 'city',
      country: 'KZ',
      coords: { lat: 1, lon: 2, source: 'T1' },
    });
    expect(n.aliases).toEqual([]);
    expect(n.status).toBe('operational');
    expect(n.corridors).toEqual([]);
    expect(n.sources).toEqual([]);
  });

  it('accepts a UN/LOCODE with or without its space, rejects other shapes', () => {
    const base = { id: 'kz-a', name: 'A', kind: 'city', country: 'KZ', coords: { lat: 1, lon: 2, source: 'T1' } };
    expect(NodeSchema.safeParse({ ...base, locode: 'KZ AAU' }).success).toBe(true);
    expect(NodeSchema.safeParse({ ...base, locode: 'KZAAU' }).success).toBe(true);
    expect(NodeSchema.safeParse({ ...base, locode: 'kz aau' }).success).toBe(false);
    expect(NodeSchema.safeParse({ ...base, locode: 'KZ AAUX' }).success).toBe(false);
  });

  it('rejects ids with capitals or spaces and unknown fields', () => {
    const base = { name: 'A', kind: 'city', country: 'KZ', coords: { lat: 1, lon: 2, source: 'T1' } };
    expect(NodeSchema.safeParse({ ...base, id: 'KZ-A' }).success).toBe(false);
    expect(NodeSchema.safeParse({ ...base, id: 'kz a' }).success).toBe(false);
    expect(NodeSchema.safeParse({ ...base, id: 'kz-a', colour: 'red' }).success).toBe(false);
  });

  it('needs a gauge on rail links and distinct ends', () => {
    const link = { id: 'l', from: 'a', to: 'b', mode: 'rail', status: 'operational' };
    const noGauge = LinkSchema.safeParse(link);
    expect(noGauge.success).toBe(false);
    expect(noGauge.error?.issues.map((i) => i.path.join('.'))).toEqual(['gauge']);
    expect(LinkSchema.safeParse({ ...link, gauge: 1520 }).success).toBe(true);
    const loop = LinkSchema.safeParse({ ...link, gauge: 1520, to: 'a' });
    expect(loop.error?.issues.map((i) => i.path.join('.'))).toEqual(['to']);
  });

  it('needs a frequency or timetable on services', () => {
    const s = { id: 's', name: 'S', mode: 'ferry', vessel: 'ro_pax', carries: ['trucks'] };
    expect(ServiceSchema.safeParse(s).success).toBe(false);
    expect(ServiceSchema.safeParse({ ...s, timetable: [{ day: 'mon', time: '08:00' }] }).success).toBe(true);
    expect(ServiceSchema.safeParse({ ...s, timetable: [{ day: 'mon', time: '24:00' }] }).success).toBe(false);
  });
});

describe('loader', () => {
  it('reads the record kind from the first folder', () => {
    expect(kindOfPath('nodes/kazakhstan.yaml')).toBe('nodes');
    expect(kindOfPath('links\\x.yaml')).toBe('links');
    expect(kindOfPath('misc/x.yaml')).toBeUndefined();
  });

  it('converts every duration to hours: 2 d = 48 h, 90 min = 1.5 h, default unit h', () => {
    const net = build({
      'sources/s.yaml': FIXTURE_SOURCES,
      'nodes/n.yaml': `${TWO_NODES}
- id: kz-port
  name: Port
  kind: sea_port
  country: KZ
  coords: { lat: 43.5, lon: 51.5, source: T1 }
  facility:
    dwell: { dist: lognormal, p50: 2, p90: 7, unit: d, source: T1 }
  border:
    dwellInbound: { dist: uniform, min: 60, max: 120, unit: min, source: T1 }
    dwellOutbound: { dist: fixed, value: 5, source: T1 }
`,
    });
    const port = net.nodes.find((n) => n.id === 'kz-port')!;
    expect(port.facility?.dwell).toMatchObject({ dist: 'lognormal', p50: 48, p90: 168 });
    expect(port.facility?.dwell).not.toHaveProperty('unit');
    expect(port.border?.dwellInbound).toMatchObject({ dist: 'uniform', min: 1, max: 2 });
    // uniform 1..2 h: mean (1 + 2) / 2 = 1.5 h
    expect(meanOf(port.border!.dwellInbound!)).toBe(1.5);
    expect(port.border?.dwellOutbound).toMatchObject({ dist: 'fixed', value: 5 });
  });

  it('collects problems from every file instead of stopping at the first', () => {
    const { issues } = parseDatasetFiles([
      { path: 'nodes/a.yaml', text: 'id: [unclosed' },
      { path: 'nodes/b.yaml', text: 'id: kz-a' },
      { path: 'misc/c.yaml', text: '- id: x' },
      { path: 'links/d.yaml', text: '- { id: l, from: a, to: b, mode: road, status: operational }\n- { id: 3 }' },
    ]);
    expect(issues.map((i) => [i.code, i.file])).toEqual(
      expect.arrayContaining([
        ['yaml_syntax', 'nodes/a.yaml'],
        ['not_a_list', 'nodes/b.yaml'],
        ['unknown_file', 'misc/c.yaml'],
      ]),
    );
    // The second record of links/d.yaml has several bad fields, each reported under its id.
    const d = issues.filter((i) => i.file === 'links/d.yaml');
    expect(d.length).toBeGreaterThanOrEqual(4);
    expect(new Set(d.map((i) => i.id))).toEqual(new Set(['3']));
  });

  it('an empty file is no records and no problem', () => {
    expect(parseDatasetFiles([{ path: 'nodes/empty.yaml', text: '# nothing yet\n' }]).issues).toEqual([]);
  });
});
