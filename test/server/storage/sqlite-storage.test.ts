import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/server/storage/migrations.ts';
import { migrate, SqliteStorage } from '../../../src/server/storage/sqlite-storage.ts';
import { parseToken } from '../../../src/server/storage/token-hash.ts';
import { storageContract } from './storage-contract.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'keruen-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SqliteStorage', () => {
  it('creates the schema on first open, in WAL mode, and migrates only once', () => {
    const file = join(tmp(), 'sub', 'k.db');
    new SqliteStorage(file).close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length); // a second run is a no-op, not a "table exists" error
    db.close();
  });

  it('keeps tokens, scenarios and shipments across reopening', async () => {
    const file = join(tmp(), 'k.db');
    const a = new SqliteStorage(file);
    const { token, info } = await a.createToken('ops');
    const sc = await a.createScenario(info.id, { name: 'S', document: { id: 's', changes: [] } });
    const sh = await a.createShipment(info.id, {
      request: { from: 'a' },
      itinerary: { legs: [] },
      deadline: '2026-03-12T00:00:00.000Z',
    });
    const ev = await a.addShipmentEvent(info.id, sh.id, {
      type: 'arrived',
      node: 'a',
      at: '2026-03-03T00:00:00.000Z',
      warnings: [],
    });
    expect(ev?.seq).toBe(1);
    await a.close();
    const b = new SqliteStorage(file);
    expect((await b.verifyToken(token))?.id).toBe(info.id);
    expect(await b.findScenario(info.id, sc.id)).toEqual(sc);
    expect(await b.findShipment(info.id, sh.id)).toEqual(sh);
    expect(await b.listShipmentEvents(info.id, sh.id)).toEqual([ev]);
    expect(await b.integrityCheck()).toBe('ok');
    // Another owner sees nothing.
    expect(await b.findScenario('someoneelse', sc.id)).toBeUndefined();
    expect(
      await b.addShipmentEvent('someoneelse', sh.id, { type: 'arrived', node: 'a', at: 'x', warnings: [] }),
    ).toBeUndefined();
    await b.close();
  });

  it('never stores the token secret', async () => {
    const file = join(tmp(), 'k.db');
    const s = new SqliteStorage(file);
    const { token } = await s.createToken('ops');
    await s.close();
    const db = new Database(file);
    const row = db.prepare('SELECT * FROM tokens').get() as Record<string, unknown>;
    db.close();
    const secret = parseToken(token)!.secret;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((row.hash as Buffer).length).toBe(32);
  });

  it('keeps the database, its WAL and SHM readable by the owner only, even when the file existed', async () => {
    const file = join(tmp(), 'private.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const s = new SqliteStorage(file);
    await s.createToken('ops');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect((statSync(f).mode & 0o777).toString(8)).toBe('600');
    }
    await s.close();
  });

  it('refuses a database path under /proc or that is not a regular file', () => {
    expect(() => new SqliteStorage('/proc/self/keruen.db')).toThrow(/must not be under \/proc/);
    expect(() => new SqliteStorage(tmp())).toThrow(/not a regular file/);
  });

  it('keeps jobs across a restart as failed, with the reason', async () => {
    const file = join(tmp(), 'jobs.db');
    const a = new SqliteStorage(file);
    const { info } = await a.createToken('ops');
    const job = await a.createJob(info.id, 'port', { weeks: 3 });
    await a.updateJob(job.id, { status: 'running', progress: 0.4 });
    await a.close();
    const b = new SqliteStorage(file);
    expect(await b.failInterruptedJobs()).toBe(1);
    const after = await b.findJob(info.id, job.id);
    expect(after).toMatchObject({ status: 'failed', progress: 0.4 });
    expect(after?.error).toContain('interrupted');
    expect(await b.updateJob(job.id, { status: 'done' })).toBeUndefined();
    await b.close();
  });
});

storageContract('SQLite', () => {
  const file = join(tmp(), 'contract.db');
  return { open: async () => new SqliteStorage(file), reopen: async () => new SqliteStorage(file) };
});
