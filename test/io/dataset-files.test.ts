/**
 * The one reader of dataset files (src/io/dataset-dir.ts readDataFile) and the loaders built on it: a UTF-8
 * byte-order mark is dropped so that such a dataset loads and routes; text that is not UTF-8, unreadable files,
 * alias bombs and a missing manifest are reported with the file's name instead of crashing or passing silently.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { KeruenError } from '../../src/core/errors.ts';
import { loadContext } from '../../src/io/context.ts';
import { loadNetwork, readDataFile, readManifest } from '../../src/io/dataset-dir.ts';
import { loadEmissionFactorsDir } from '../../src/io/emission-factors.ts';
import { loadDemand, readDemandSets, readScenarios } from '../../src/io/scenarios.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, 'data');
const tmp = mkdtempSync(join(tmpdir(), 'keruen-io-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer): string => {
  const p = join(tmp, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
};

/** The KeruenError a call throws (fails the test when it throws nothing or something else). */
function thrown(fn: () => unknown): KeruenError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KeruenError);
    return e as KeruenError;
  }
  throw new Error('expected a KeruenError');
}

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

describe('readDataFile', () => {
  it('drops a leading UTF-8 byte-order mark and keeps the rest', () => {
    const r = readDataFile(write('bom.yaml', '\uFEFF- id: a\n'), 'x/bom.yaml');
    expect(r).toEqual({ file: { path: 'x/bom.yaml', text: '- id: a\n' } });
  });

  it('reports text that is not UTF-8 with the line of the first bad byte', () => {
    const latin1 = Buffer.concat([
      Buffer.from('- id: a\n  name: '),
      Buffer.from([0x4d, 0xfc, 0x6e]),
      Buffer.from('\n'),
    ]);
    expect(readDataFile(write('latin1.yaml', latin1), 'nodes/latin1.yaml')).toEqual({
      issue: { code: 'not_utf8', file: 'nodes/latin1.yaml', field: 'line 2', message: 'not UTF-8 text' },
    });
    const utf16 = readDataFile(write('utf16.yaml', Buffer.from('\uFEFF- id: a\n', 'utf16le')), 'nodes/utf16.yaml');
    expect(utf16).toMatchObject({ issue: { code: 'not_utf8', file: 'nodes/utf16.yaml' } });
    expect('issue' in utf16 && utf16.issue.message).toContain('UTF-16');
  });

  it('reports a NUL byte and an unreadable path, naming the file', () => {
    expect(readDataFile(write('nul.yaml', '- id: a\n\u0000\n'), 'links/nul.yaml')).toMatchObject({
      issue: { code: 'not_text', file: 'links/nul.yaml', field: 'line 2' },
    });
    mkdirSync(join(tmp, 'a-folder.yaml'), { recursive: true });
    expect(readDataFile(join(tmp, 'a-folder.yaml'), 'links/a-folder.yaml')).toMatchObject({
      issue: { code: 'unreadable', file: 'links/a-folder.yaml', message: expect.stringContaining('EISDIR') },
    });
  });
});

describe('loaders built on readDataFile', () => {
  it('a dataset whose every file starts with a byte-order mark loads and routes as the shipped one', () => {
    const dir = join(tmp, 'bom-data');
    cpSync(DATA, dir, { recursive: true });
    let marked = 0;
    const mark = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) mark(p);
        else if (n.endsWith('.yaml')) {
          writeFileSync(p, `\uFEFF${readFileSync(p, 'utf8')}`);
          marked++;
        }
      }
    };
    mark(dir);
    expect(marked).toBeGreaterThan(50);
    const query = {
      from: 'cn-xian',
      to: 'de-duisburg',
      depart: '2026-03-02T08:00:00Z',
      cargo: { kind: 'containers' as const, teu: 1 },
      avoidCountries: ['RU', 'BY'],
    };
    const withBom = loadContext(dir);
    const shipped = loadContext(DATA);
    expect(withBom.network.manifest).toEqual(shipped.network.manifest);
    expect(withBom.network.nodes.length).toBe(shipped.network.nodes.length);
    const a = withBom.engine.route(query);
    const b = shipped.engine.route(query);
    expect(a.itineraries.length).toBeGreaterThan(0);
    expect(a.itineraries.map((i) => i.totals)).toEqual(b.itineraries.map((i) => i.totals));
    expect(readScenarios(dir).issues).toEqual([]);
    expect(loadDemand(undefined, dir).id).toBe('default');
  });

  it('a missing manifest stops the network loader, naming manifest.yaml', () => {
    const dir = join(tmp, 'no-manifest');
    cpSync(join(ROOT, 'test/fixtures/network/valid'), dir, { recursive: true });
    expect(loadNetwork(dir).manifest.name).toBe('keruen-test-fixture');
    rmSync(join(dir, 'manifest.yaml'));
    const e = thrown(() => loadNetwork(dir));
    expect(e.code).toBe('KERUEN_INVALID_DATASET');
    expect(e.issues).toEqual([expect.objectContaining({ code: 'missing_manifest', file: 'manifest.yaml' })]);
    writeFileSync(join(dir, 'manifest.yaml'), 'name: x\nversion: 2026.11.3\nreleasd: 2026-11-26\n');
    expect(thrown(() => readManifest(dir)).issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', file: 'manifest.yaml' }),
    ]);
  });

  it('an alias bomb in a scenario or a demand file is reported with the file name', () => {
    const dir = join(tmp, 'bombs');
    write('bombs/scenarios/bomb.yaml', BOMB);
    write('bombs/demand/bomb.yaml', BOMB);
    expect(readScenarios(dir).issues).toEqual([
      expect.objectContaining({ code: 'yaml_alias_limit', file: 'scenarios/bomb.yaml' }),
    ]);
    expect(readDemandSets(dir).issues).toEqual([
      expect.objectContaining({ code: 'yaml_alias_limit', file: 'demand/bomb.yaml' }),
    ]);
    const e = thrown(() => loadDemand(join(dir, 'demand/bomb.yaml'), dir));
    expect(e.code).toBe('KERUEN_INVALID_INPUT');
    expect(e.issues[0]).toMatchObject({ code: 'yaml_alias_limit', file: 'demand/bomb.yaml' });
  });

  it('an emission factor folder that is missing, or holds a file that is not UTF-8, is a KeruenError', () => {
    expect(thrown(() => loadEmissionFactorsDir(join(tmp, 'no-such-emissions'))).code).toBe('KERUEN_INVALID_DATASET');
    const dir = join(tmp, 'em');
    cpSync(join(DATA, 'emissions'), dir, { recursive: true });
    writeFileSync(join(dir, 'grid.yaml'), Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    expect(thrown(() => loadEmissionFactorsDir(dir)).issues).toEqual([
      expect.objectContaining({ code: 'not_utf8', file: 'emissions/grid.yaml', field: 'line 1' }),
    ]);
  });
});
