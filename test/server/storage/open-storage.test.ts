import { describe, expect, it } from 'vitest';
import { chosenDb, DEFAULT_DB_FILE, describeDb, openStorage } from '../../../src/server/storage/open-storage.ts';
import { SqliteStorage } from '../../../src/server/storage/sqlite-storage.ts';

describe('choosing the storage', () => {
  it('takes the flag, else KERUEN_DATABASE_URL, else the default file', () => {
    expect(chosenDb('x.db', { KERUEN_DATABASE_URL: 'postgres://h/k' })).toBe('x.db');
    expect(chosenDb(undefined, { KERUEN_DATABASE_URL: 'postgres://h/k' })).toBe('postgres://h/k');
    expect(chosenDb(undefined, {})).toBe(DEFAULT_DB_FILE);
  });

  it('never shows a password', () => {
    expect(describeDb('postgres://keruen:s3cr%40t@db:5432/k?sslmode=require')).toBe(
      'postgres://keruen:***@db:5432/k?sslmode=require',
    );
    expect(describeDb('postgresql://keruen@db/k')).toBe('postgresql://keruen@db/k');
    expect(describeDb('.keruen/keruen.db')).toBe('.keruen/keruen.db');
  });

  it('opens SQLite for a path, and reports a PostgreSQL server that does not answer', async () => {
    const s = await openStorage(':memory:');
    expect(s).toBeInstanceOf(SqliteStorage);
    await s.close();
    await expect(openStorage('postgres://nobody:x@127.0.0.1:1/none')).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
