/**
 * PostgreSQL storage: the storage contract on a real server, each run in its own schema (dropped afterwards),
 * plus what only this backend has (concurrent instances migrating at once, stale jobs only). The server is named
 * by KERUEN_TEST_DATABASE_URL; .ci/run starts one and sets it. Without it the suite is skipped with a message,
 * and with it set to a server that does not answer, it fails.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, PostgresStorage } from '../../../src/server/storage/postgres-storage.ts';
import { storageContract } from './storage-contract.ts';

const URL_ = process.env.KERUEN_TEST_DATABASE_URL;
if (URL_ === undefined)
  console.warn('test/server/storage: PostgreSQL suite skipped, KERUEN_TEST_DATABASE_URL is unset');

/** The server URL with a search_path, so each store lives in its own schema. */
const inSchema = (url: string, schema: string) =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

describe.skipIf(URL_ === undefined)('PostgresStorage', () => {
  const url = URL_ ?? '';
  const schemas: string[] = [];
  let admin: pg.Client;
  const freshSchema = async () => {
    const s = `keruen_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(`CREATE SCHEMA ${s}`);
    schemas.push(s);
    return s;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  });

  storageContract('PostgreSQL', () => {
    let schema: string | undefined;
    return {
      open: async () => {
        schema = await freshSchema();
        return PostgresStorage.open(inSchema(url, schema));
      },
      reopen: async () => PostgresStorage.open(inSchema(url, schema ?? (await freshSchema()))),
    };
  });

  it('migrates once when several instances start at the same moment', async () => {
    const u = inSchema(url, await freshSchema());
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStorage.open(u)));
    for (const s of stores) expect(await s.integrityCheck()).toBe('ok');
    await Promise.all(stores.map((s) => s.close()));
  });

  it('fails at start only the unfinished jobs that no instance has touched for a while', async () => {
    const schema = await freshSchema();
    const s = await PostgresStorage.open(inSchema(url, schema));
    const owner = (await s.createToken('ops')).info.id;
    const live = await s.createJob(owner, 'port', {});
    const old = await s.createJob(owner, 'port', {});
    await admin.query(`UPDATE ${schema}.jobs SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = $1`, [old.id]);
    expect(await s.failInterruptedJobs()).toBe(1);
    expect((await s.findJob(owner, old.id))?.status).toBe('failed');
    expect((await s.findJob(owner, live.id))?.status).toBe('queued');
    await s.close();
  });

  it('refuses a URL that is not PostgreSQL’s, naming the field without the password', async () => {
    expect(isPostgresUrl('postgresql://u:p@h/db')).toBe(true);
    await expect(PostgresStorage.open('mysql://u:secret@h/db')).rejects.toThrow(/db: a PostgreSQL URL starts with/);
  });
});
