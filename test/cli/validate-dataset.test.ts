/**
 * `keruen network validate` checks every file the program loads: a copy of the shipped data/ with one file broken
 * per case must be reported with the file, the record id and the field, and nothing else reported.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatasetDir } from '../../src/cli/check-dataset.ts';
import type { Issue } from '../../src/core/errors.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = join(ROOT, 'data');
const tmp = mkdtempSync(join(tmpdir(), 'keruen-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of data/ to break. */
function copyData(): string {
  const dir = join(tmp, `data-${copies++}`);
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

/** Replaces `from` (which must occur) in a file of the copy. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(p, text.replace(from, to));
}

function keruen(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/keruen.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const where = (i: Issue) => ({ code: i.code, file: i.file, id: i.id, field: i.field });
const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('keruen network validate on the whole dataset', () => {
  it('the shipped dataset validates clean and counts every part', () => {
    const r = checkDatasetDir(DATA);
    expect(r.issues).toEqual([]);
    expect(r.records.scenarios).toBeGreaterThanOrEqual(9);
    expect(r.records.demandSets).toBeGreaterThanOrEqual(2);
    expect(r.records.emissionFactors).toBeGreaterThan(50);
    const cli = keruen('network', 'validate');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^ok: .*data: \d+ files, .*\d+ scenarios, \d+ demand sets/);
  });

  it('a UTF-8 byte-order mark is not a problem', () => {
    const dir = copyData();
    const p = join(dir, 'nodes/caucasus.yaml');
    writeFileSync(p, `\uFEFF${readFileSync(p, 'utf8')}`);
    const m = join(dir, 'manifest.yaml');
    writeFileSync(m, `\uFEFF${readFileSync(m, 'utf8')}`);
    const r = checkDatasetDir(dir);
    expect(r.issues).toEqual([]);
    expect(r.records.nodes).toBe(checkDatasetDir(DATA).records.nodes);
  });

  it('a YAML alias bomb is stopped and names its file', () => {
    const dir = copyData();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    writeFileSync(join(dir, 'scenarios/bomb.yaml'), bomb);
    writeFileSync(join(dir, 'links/bomb.yaml'), bomb);
    const r = checkDatasetDir(dir);
    expect(r.issues.map(where)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'yaml_alias_limit', file: 'scenarios/bomb.yaml' }),
        expect.objectContaining({ code: 'yaml_alias_limit', file: 'links/bomb.yaml' }),
      ]),
    );
    expect(r.issues).toHaveLength(2);
  });

  it('a truncated file is a syntax error with its file and line', () => {
    const dir = copyData();
    const p = join(dir, 'links/caspian.yaml');
    const text = readFileSync(p, 'utf8');
    // Cut inside a quoted string on line 38, as an interrupted write would.
    const cut = text.indexOf('estimate: "Same crossing') + 20;
    expect(cut).toBeGreaterThan(20);
    writeFileSync(p, text.slice(0, cut));
    const r = checkDatasetDir(dir);
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i.code).toBe('yaml_syntax');
      expect(i.file).toBe('links/caspian.yaml');
      expect(i.field).toMatch(/^line \d+$/);
    }
    expect(r.issues.map((i) => i.field)).toContain('line 38');
    // The links of the lost file are not reported as missing services and the like, one by one.
    expect(r.issues.every((i) => i.file === 'links/caspian.yaml')).toBe(true);
  });

  it('a file that is not UTF-8 text, and an empty scenario file, name their file (and line)', () => {
    const dir = copyData();
    const p = join(dir, 'services/caspian.yaml');
    const bytes = readFileSync(p);
    const lineStart = bytes.indexOf('\n') + 1; // the second line
    bytes[lineStart] = 0xe9; // Latin-1 "é", not UTF-8
    writeFileSync(p, bytes);
    writeFileSync(join(dir, 'emissions/tocs-utf16.yaml'), Buffer.from('\uFEFF- id: x\n', 'utf16le'));
    writeFileSync(join(dir, 'scenarios/empty.yaml'), '# to be written\n');
    const r = checkDatasetDir(dir);
    expect(r.issues.map(where)).toEqual(
      expect.arrayContaining([
        { code: 'not_utf8', file: 'services/caspian.yaml', id: undefined, field: 'line 2' },
        expect.objectContaining({ code: 'not_utf8', file: 'emissions/tocs-utf16.yaml' }),
        expect.objectContaining({ code: 'empty_file', file: 'scenarios/empty.yaml' }),
      ]),
    );
  });

  it('a scenario that names an unknown link', () => {
    const dir = copyData();
    edit(dir, 'scenarios/bakhty-ayagoz.yaml', 'id: kz-bakhty-ayagoz', 'id: kz-bakhty-nowhere');
    const r = checkDatasetDir(dir);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      file: 'scenarios/bakhty-ayagoz.yaml',
      id: 'bakhty-ayagoz',
      field: expect.stringMatching(/^changes\[\d+\]/),
      value: 'kz-bakhty-nowhere',
    });
  });

  it('a scenario that fails the scenario schema', () => {
    const dir = copyData();
    edit(dir, 'scenarios/bakhty-ayagoz.yaml', '  - kind: open\n    target: node', '  - kind: reopen\n    target: node');
    const r = checkDatasetDir(dir);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues[0]).toMatchObject({ file: 'scenarios/bakhty-ayagoz.yaml', id: 'bakhty-ayagoz' });
    expect(r.issues[0]!.field).toMatch(/^changes\.0/);
  });

  it('a demand row with an unknown node', () => {
    const dir = copyData();
    edit(
      dir,
      'demand/default.yaml',
      '  - from: cn-xian\n    to: de-duisburg',
      '  - from: cn-atlantis\n    to: de-duisburg',
    );
    const r = checkDatasetDir(dir);
    expect(r.issues.map((i) => ({ ...where(i), value: i.value }))).toEqual([
      {
        code: 'unknown_node',
        file: 'demand/default.yaml',
        id: 'default',
        field: 'flows[0].from',
        value: 'cn-atlantis',
      },
    ]);
  });

  it('an emission factor with a wrong field', () => {
    const dir = copyData();
    edit(dir, 'emissions/tocs-rail.yaml', 'wtwG: 27.6', 'wtwG: lots');
    const r = checkDatasetDir(dir);
    expect(r.issues.map((i) => ({ ...where(i), value: i.value }))).toEqual([
      {
        code: 'invalid_type',
        file: 'emissions/tocs-rail.yaml',
        id: 'rail-eu-diesel-container',
        field: 'wtwG',
        value: 'lots',
      },
    ]);
  });

  it('a missing manifest, and a malformed one', () => {
    const dir = copyData();
    rmSync(join(dir, 'manifest.yaml'));
    expect(checkDatasetDir(dir).issues.map(where)).toEqual([
      { code: 'missing_manifest', file: 'manifest.yaml', id: undefined, field: undefined },
    ]);
    writeFileSync(join(dir, 'manifest.yaml'), 'name: keruen\nversion: 1.10\nreleased: soon\n');
    const issues = checkDatasetDir(dir).issues;
    expect(issues.map((i) => [i.file, i.field])).toEqual([
      ['manifest.yaml', 'version'],
      ['manifest.yaml', 'released'],
    ]);
    expect(issues[0]!.value).toBe(1.1);
  });

  it('several problems at once are all reported, in text and in JSON, with exit 1', () => {
    const dir = copyData();
    edit(dir, 'scenarios/bakhty-ayagoz.yaml', 'id: kz-bakhty-ayagoz', 'id: kz-bakhty-nowhere');
    edit(
      dir,
      'demand/default.yaml',
      '  - from: cn-xian\n    to: de-duisburg',
      '  - from: cn-atlantis\n    to: de-duisburg',
    );
    edit(dir, 'emissions/tocs-rail.yaml', 'wtwG: 27.6', 'wtwG: lots');
    edit(dir, 'manifest.yaml', /version: .*/, 'version: next');
    writeFileSync(join(dir, 'rates/truncated.yaml'), '- id: x\n  mode: { rail');
    const text = keruen('network', 'validate', dir);
    expect(text.code).toBe(1);
    // A syntax error in rates/ stops the network from being built: scenarios and demand are then parsed only.
    expect(text.stdout).toContain('rates/truncated.yaml: line 2');
    expect(text.stdout).toContain('emissions/tocs-rail.yaml: rail-eu-diesel-container: wtwG = "lots": ');
    expect(text.stdout).toContain('manifest.yaml: version = "next": ');
    expect(text.stdout).toContain('scenarios/: scenarios not checked against the network');
    expect(text.stdout + text.stderr).not.toMatch(NO_STACK);
    rmSync(join(dir, 'rates/truncated.yaml'));
    const json = keruen('network', 'validate', dir, '--json');
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { ok: boolean; issues: Issue[] };
    expect(doc.ok).toBe(false);
    expect(doc.issues.map((i) => [i.file, i.id, i.field])).toEqual([
      ['manifest.yaml', undefined, 'version'],
      ['emissions/tocs-rail.yaml', 'rail-eu-diesel-container', 'wtwG'],
      ['scenarios/bakhty-ayagoz.yaml', 'bakhty-ayagoz', expect.stringMatching(/^changes\[\d+\]/)],
      ['demand/default.yaml', 'default', 'flows[0].from'],
    ]);
  });

  it('warns about YAML files that no loader reads, and about an empty record file', () => {
    const dir = copyData();
    cpSync(join(dir, 'scenarios'), join(dir, 'scenario'), { recursive: true });
    writeFileSync(join(dir, 'nodes.yaml'), '- id: x\n');
    writeFileSync(join(dir, 'nodes/placeholder.yaml'), '# nodes of the next region\n');
    const r = checkDatasetDir(dir);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'empty_file', file: 'nodes/placeholder.yaml' }));
    expect(r.warnings.filter((w) => w.code === 'not_read').map((w) => w.file)).toEqual(['nodes.yaml', 'scenario/']);
  });
});
