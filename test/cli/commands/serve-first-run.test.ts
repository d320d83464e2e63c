/**
 * First run of `keruen serve`: the web page is built once when dist/web is missing (ensureWebPage, here on a tiny
 * page of its own so the test does not touch the repository's dist/), and when it cannot be built the server
 * explains at / how to build it instead of answering a bare 404.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebPage } from '../../../src/cli/web-build.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'keruen-first-run-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

/** A package root with a one-file page and the same layout as the repository (web/ -> dist/web). */
function tinyPackage(name: string): string {
  const root = join(tmp, name);
  mkdirSync(join(root, 'web'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'vite.config.ts'), "export default { root: 'web', base: '/' };\n");
  writeFileSync(join(root, 'web/index.html'), '<!doctype html><title>tiny</title><p>tiny page</p>\n');
  return root;
}

describe('ensureWebPage', () => {
  it('builds a missing page with Vite, once, with one line before and one after', async () => {
    const root = tinyPackage('builds');
    const webDir = join(root, 'dist/web');
    const lines: string[] = [];
    const r = await ensureWebPage({ webDir, root, log: (l) => lines.push(l) });
    expect(r.state).toBe('built');
    expect(readFileSync(join(webDir, 'index.html'), 'utf8')).toContain('tiny page');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('building the web page once (dist/web)…');
    expect(lines[1]).toMatch(/^web page built in \d+\.\d s \(dist\/web\)$/);
    // second start: nothing to do, nothing printed
    const again = await ensureWebPage({ webDir, root, log: (l) => lines.push(l) });
    expect(again.state).toBe('present');
    expect(lines).toHaveLength(2);
  }, 60_000);

  it('reports, without throwing, when Vite is not installed or the build fails', async () => {
    const root = tinyPackage('fails');
    const webDir = join(root, 'dist/web');
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const noVite = await ensureWebPage({ webDir, root, log, loadVite: () => Promise.reject(new Error('no vite')) });
    expect(noVite).toEqual({ state: 'missing', reason: expect.stringContaining('Vite is not installed') });
    const broken = await ensureWebPage({
      webDir,
      root,
      log,
      loadVite: async () => ({
        build: () => Promise.reject(new Error('Could not resolve "maplibre-gl"\nstack...')),
      }),
    });
    expect(broken).toEqual({
      state: 'missing',
      reason: 'the build failed: Could not resolve "maplibre-gl"',
    });
    expect(lines.at(-1)).toContain('npm run build:web');
    expect(existsSync(join(webDir, 'index.html'))).toBe(false);
  });

  it('never builds into a folder other than the page’s own dist/web (Vite empties it)', async () => {
    const root = tinyPackage('other');
    const elsewhere = join(tmp, 'my-folder');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keep.txt'), 'mine');
    let built = false;
    const r = await ensureWebPage({
      webDir: elsewhere,
      root,
      log: () => {},
      loadVite: async () => ({
        build: async () => {
          built = true;
        },
      }),
    });
    expect(r.state).toBe('missing');
    expect(built).toBe(false);
    expect(readFileSync(join(elsewhere, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('keruen serve without a built page', () => {
  it('answers / with a page that says how to build it, and the API works', async () => {
    const webDir = join(tmp, 'empty-web');
    mkdirSync(webDir);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/keruen.mjs'), 'serve', '--port', '0', '--db', join(tmp, 'k.db'), '--web', webDir],
      { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve did not start: ${stderr}`)), 60_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        const m = /Keruen API on (http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain(`web page not built: ${webDir} has no index.html`);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('npm run build:web');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // other unknown paths keep the JSON 404
    const other = await fetch(`${url}/no-such-thing`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: 'not_found' });

    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }, 90_000);
});
