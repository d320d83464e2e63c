/**
 * One test per class of bad input: each is reported as an issue naming file, record id, field and value, with a
 * stable code; never thrown. The last test puts them together and checks that all are reported in one pass.
 */
import { describe, expect, it } from 'vitest';
import { check, FIXTURE_SOURCES, TWO_NODES } from './helpers.ts';

const link = (extra: string) => `
- id: a-b
  from: kz-a
  to: kz-b
  mode: road
  status: operational
${extra}`;

function issuesOf(files: Record<string, string>) {
  return check({ 'sources/s.yaml': FIXTURE_SOURCES, ...files }).issues;
}

describe('bad input', () => {
  it('dangling reference to a node', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  distanceKm: { value: 5, source: T1 }').replace('to: kz-b', 'to: kz-ghost'),
    });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unknown_node',
        file: 'links/l.yaml',
        id: 'a-b',
        field: 'to',
        value: 'kz-ghost',
      }),
    ]);
  });

  it('dangling reference to a service and to a source', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  service: no-such-ferry\n  distanceKm: { value: 5, source: S404 }'),
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_service', id: 'a-b', field: 'service', value: 'no-such-ferry' }),
        expect.objectContaining({ code: 'unknown_source', id: 'a-b', field: 'distanceKm.source', value: 'S404' }),
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it('duplicate ids, also across files', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'nodes/m.yaml': TWO_NODES.split('- id: kz-b')[0]!,
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate_id', file: 'nodes/m.yaml', id: 'kz-a', field: 'id', value: 'kz-a' }),
    ]);
    expect(issues[0]!.message).toContain('nodes/n.yaml');
  });

  it('unknown country code', () => {
    const issues = issuesOf({ 'nodes/n.yaml': TWO_NODES.replace('country: KZ', 'country: KZK') });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        file: 'nodes/n.yaml',
        id: 'kz-a',
        field: 'country',
        value: 'KZK',
      }),
    ]);
  });

  it('coordinates out of range', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES.replace('lat: 43, lon: 51', 'lat: 43, lon: 181').replace('lat: 44', 'lat: -91'),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_big', id: 'kz-a', field: 'coords.lon', value: 181 }),
      expect.objectContaining({ code: 'too_small', id: 'kz-b', field: 'coords.lat', value: -91 }),
    ]);
  });

  it('negative number', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  distanceKm: { value: -5, source: T1 }'),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_small', id: 'a-b', field: 'distanceKm.value', value: -5 }),
    ]);
  });

  it('NaN and infinite numbers', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  distanceKm: { value: .nan, source: T1 }\n  speedKmPerDay: { value: .inf, source: T1 }'),
    });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ id: 'a-b', field: 'distanceKm.value' });
    expect(Number.isNaN(issues[0]!.value)).toBe(true);
    expect(issues[1]).toMatchObject({ id: 'a-b', field: 'speedKmPerDay.value', value: Number.POSITIVE_INFINITY });
  });

  it('unknown time unit', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link(
        '  distanceKm: { value: 5, source: T1 }\n  duration: { dist: fixed, value: 2, unit: weeks, source: T1 }',
      ),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_value', id: 'a-b', field: 'duration.unit', value: 'weeks' }),
    ]);
  });

  it('distribution with min > max', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link(
        '  distanceKm: { value: 5, source: T1 }\n  duration: { dist: uniform, min: 9, max: 3, source: T1 }',
      ),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_value', id: 'a-b', field: 'duration.min', value: 9 }),
    ]);
  });

  it('triangular mode outside min..max and lognormal p90 < p50', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link(`  distanceKm: { value: 5, source: T1 }
  duration: { dist: triangular, min: 1, mode: 5, max: 3, source: T1 }
- id: b-a
  from: kz-b
  to: kz-a
  mode: road
  status: operational
  distanceKm: { value: 5, source: T1 }
  duration: { dist: lognormal, p50: 10, p90: 5, source: T1 }`),
    });
    expect(issues).toEqual([
      expect.objectContaining({ id: 'a-b', field: 'duration.mode', value: 5 }),
      expect.objectContaining({ id: 'b-a', field: 'duration.p90', value: 5 }),
    ]);
  });

  it('planned link without a year', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  distanceKm: { value: 5, source: T1 }').replace('status: operational', 'status: planned'),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_value', id: 'a-b', field: 'statusYear', value: undefined }),
    ]);
  });

  it('figure without source or estimate', () => {
    const issues = issuesOf({ 'nodes/n.yaml': TWO_NODES, 'links/l.yaml': link('  distanceKm: { value: 5 }') });
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_value', id: 'a-b', field: 'distanceKm.source' })]);
  });

  it('an estimate without reasoning', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES,
      'links/l.yaml': link('  distanceKm: { value: 5, estimate: guess }'),
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_small', id: 'a-b', field: 'distanceKm.estimate', value: 'guess' }),
    ]);
  });

  it('reports every problem of every record in one pass', () => {
    const issues = issuesOf({
      'nodes/n.yaml': TWO_NODES.replace('country: KZ', 'country: XX').replace('lat: 44', 'lat: 95'),
      'links/l.yaml': `${link('  distanceKm: { value: -1 }').replace('status: operational', 'status: planned')}
- id: b-a
  from: kz-b
  to: kz-a
  mode: road
  status: operational
  distanceKm: { value: 5, source: T1 }
  duration: { dist: uniform, min: 9, max: 3, unit: fortnights, source: T1 }
`,
    });
    const found = issues.map((i) => `${i.file}|${i.id}|${i.field}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'nodes/n.yaml|kz-a|country',
        'nodes/n.yaml|kz-b|coords.lat',
        'links/l.yaml|a-b|distanceKm.value',
        'links/l.yaml|a-b|distanceKm.source',
        'links/l.yaml|a-b|statusYear',
        'links/l.yaml|b-a|duration.unit',
      ]),
    );
  });
});
