/** The `keruen network` commands, run as a user runs them: through bin/keruen.mjs in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VALID = 'test/fixtures/network/valid';
const BROKEN = 'test/fixtures/network/broken';
const tmp = mkdtempSync(join(tmpdir(), 'keruen-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function keruen(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/keruen.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('keruen network validate', () => {
  it('exits 0 on a valid dataset', () => {
    const r = keruen('network', 'validate', VALID);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok:');
    expect(r.stdout).toContain('6 nodes');
  });

  it('exits 1 and lists every problem, each with file, record id, field and value', () => {
    const r = keruen('network', 'validate', BROKEN);
    expect(r.code).toBe(1);
    const expected = [
      'nodes/nodes.yaml: xx-nowhere: country = "XX"',
      'nodes/nodes.yaml: kz-far: coords.lat = 95',
      'nodes/nodes.yaml: az-alat: facility.dwell.unit = "weeks"',
      'nodes/nodes.yaml: az-alat: border.dwellInbound.min = 9',
      'links/links.yaml: aktau-far: distanceKm.value = -5',
      'links/links.yaml: aktau-plan: statusYear',
      'links/links.yaml: aktau-nosource: distanceKm.source',
      'links/links.yaml: aktau-nan: distanceKm.value = NaN',
      'links/more-links.yaml: aktau-ghost: id = "aktau-ghost"',
      'links/links.yaml: aktau-unknown-source: distanceKm.source = "S999"',
      'links/links.yaml: aktau-ghost: to = "kz-ghost"',
    ];
    for (const line of expected) expect(r.stdout).toContain(line);
    expect(r.stdout).toContain(`${expected.length} problem(s)`);
    // kz-far failed its own schema; the links that point at it are not reported again as dangling.
    expect(r.stdout).not.toContain('= "kz-far"');
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });

  it('--json gives the same problems as data', () => {
    const r = keruen('network', 'validate', BROKEN, '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; issues: Array<{ id: string; field: string }> };
    expect(doc.ok).toBe(false);
    expect(doc.issues).toHaveLength(11);
    expect(doc.issues).toContainEqual(expect.objectContaining({ id: 'aktau-ghost', field: 'to', value: 'kz-ghost' }));
  });

  it('a folder with no dataset is a clear error, not a stack trace', () => {
    const r = keruen('network', 'validate', join(tmp, 'nothing-here'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no YAML files');
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });
});

describe('keruen network find', () => {
  it.each([
    ['Aqtau', 'kz-aktau'],
    ['Aktau', 'kz-aktau'],
    ['Alyat', 'az-alat'],
    ['Horgos', 'kz-khorgos'],
    ['Xian', 'cn-xian'],
    ['Constanta', 'ro-constanta'],
  ])('%s finds %s', (q, id) => {
    const r = keruen('network', 'find', q, '--data', VALID);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]?.split('\t')[0]).toBe(id);
  });

  it('exits 1 with the closest names when nothing matches', () => {
    const r = keruen('network', 'find', 'Aktaw', '--data', VALID);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no node matches "Aktaw"');
    expect(r.stderr).toContain('Aktau port (kz-aktau)');
  });

  it('a dataset with problems stops the command with the list of problems', () => {
    const r = keruen('network', 'find', 'Aktau', '--data', BROKEN);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kz-far: coords.lat = 95');
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('keruen network stats and export', () => {
  it('stats --json counts the fixture', () => {
    const r = keruen('network', 'stats', '--json', '--data', VALID);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.nodes.total).toBe(6);
    expect(s.links.byMode).toEqual({ rail: 2, ferry: 1, road: 1 });
    expect(s.figures).toMatchObject({ sourced: 17, estimated: 4, missing: 19 });
    expect(s.gaps.handlingCharge).toEqual({ missing: 5, zero: 0, of: 5 });
  });

  it('stats prints a readable summary', () => {
    const r = keruen('network', 'stats', '--data', VALID);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sourced 17 (42.5%)');
    expect(r.stdout).toContain('capacities missing  links 2 of 4, facilities 2 of 5, gauge-change yards 2 of 2');
    expect(r.stdout).toContain('handling charges missing  5 of 5 ports and terminals');
  });

  it('export --format geojson -o writes a FeatureCollection', () => {
    const file = join(tmp, 'net.geojson');
    const r = keruen('network', 'export', '--format', 'geojson', '-o', file, '--data', VALID);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features).toHaveLength(10);
  });

  it('export --format csv writes nodes.csv and links.csv, or one table to stdout', () => {
    const dir = join(tmp, 'csv');
    expect(keruen('network', 'export', '--format', 'csv', '-o', dir, '--data', VALID).code).toBe(0);
    expect(readFileSync(join(dir, 'nodes.csv'), 'utf8').split('\r\n')).toHaveLength(6 + 2); // header, 6 rows, ''
    expect(readFileSync(join(dir, 'links.csv'), 'utf8').split('\r\n')).toHaveLength(4 + 2);
    const r = keruen('network', 'export', '--format', 'csv', '--table', 'links', '--data', VALID);
    expect(r.stdout.startsWith('id,from,to,mode')).toBe(true);
  });

  it('rejects an unknown format', () => {
    const r = keruen('network', 'export', '--format', 'kml', '--data', VALID);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('geojson, csv');
  });
});

describe('keruen', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const r = keruen('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('an unknown command prints the help and exits 1', () => {
    const r = keruen('frobnicate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).toContain('Usage: keruen');
  });

  it('no command prints the help', () => {
    const r = keruen();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('network');
  });
});
