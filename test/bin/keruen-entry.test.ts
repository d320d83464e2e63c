/**
 * bin/keruen.mjs runs the compiled CLI only while its stamp matches every source file (modification time and
 * size), else the TypeScript sources through tsx: an edit after `npm run build` never runs stale code. Tried on a
 * copy of the entry in a temporary tree whose "compiled CLI" and "sources" only say which one ran.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
const source = () => join(dir, 'src/cli/main.ts');

function stamp(): void {
  const s = statSync(source());
  writeFileSync(
    join(dir, 'build/cli/stamp.json'),
    JSON.stringify({ inputs: [['src/cli/main.ts', s.mtimeMs, s.size]] }),
  );
}
const run = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(dir, 'bin/keruen.mjs'), 'anything'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).stdout.trim();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keruen-entry-'));
  for (const d of ['bin', 'build/cli', 'src/cli']) mkdirSync(join(dir, d), { recursive: true });
  copyFileSync(join(ROOT, 'bin/keruen.mjs'), join(dir, 'bin/keruen.mjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","version":"9.9.9"}');
  writeFileSync(join(dir, 'build/cli/keruen.mjs'), "process.stdout.write('compiled\\n');\n");
  writeFileSync(source(), "process.stdout.write('sources\\n');\n");
  stamp();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/keruen.mjs', () => {
  it('runs the compiled CLI while the stamp matches, and the sources once a source changes', () => {
    expect(run()).toBe('compiled');
    const later = new Date(Date.now() + 5000);
    utimesSync(source(), later, later);
    expect(run()).toBe('sources');
    stamp();
    expect(run()).toBe('compiled');
    writeFileSync(source(), "process.stdout.write('sources\\n');\n// one line more\n");
    expect(run()).toBe('sources');
  });

  it('runs the sources with a corrupt or missing stamp, or KERUEN_NO_BUILD=1; answers --version from package.json', () => {
    stamp();
    expect(run({ KERUEN_NO_BUILD: '1' })).toBe('sources');
    writeFileSync(join(dir, 'build/cli/stamp.json'), '{"inputs": [[');
    expect(run()).toBe('sources');
    rmSync(join(dir, 'build/cli/stamp.json'));
    expect(run()).toBe('sources');
    const v = spawnSync(process.execPath, [join(dir, 'bin/keruen.mjs'), '--version'], { encoding: 'utf8' });
    expect(v.stdout.trim()).toBe('9.9.9');
  });
});
