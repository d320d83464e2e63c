/** `keruen token` as a user runs it: create, list, revoke, on a fresh database file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'keruen-token-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keruen(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/keruen.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('keruen token', () => {
  it('creates a token shown once, lists it without its secret, and revokes it', () => {
    const created = keruen('token', 'create', '--name', 'ops', '--db', db);
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n')[0]!;
    expect(token).toMatch(/^krn_[0-9a-f]+_\S+$/);
    const id = token.split('_')[1]!;
    // The secret is base64url, which may itself hold '_': it is everything after the id.
    const secret = token.slice(`krn_${id}_`.length);
    expect(secret.length).toBeGreaterThan(20);
    const listed = keruen('token', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('ops');
    expect(listed.stdout).not.toContain(secret);
    const revoked = keruen('token', 'revoke', id, '--db', db);
    expect(revoked.code).toBe(0);
    const line = keruen('token', 'list', '--db', db)
      .stdout.split('\n')
      .find((l) => l.startsWith(id));
    expect(line).toMatch(/revoked \d{4}-\d{2}-\d{2}T/);
  });
});
