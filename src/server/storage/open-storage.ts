/**
 * The storage a server or a command uses: PostgreSQL for a `postgres://` or `postgresql://` URL, else the
 * embedded SQLite file at that path. `--db` names it; without the flag, KERUEN_DATABASE_URL, then the default
 * file. Secrets in a URL never reach a log line (`describeDb`).
 */
import { isPostgresUrl, PostgresStorage } from './postgres-storage.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import type { Storage } from './storage.ts';

export const DEFAULT_DB_FILE = '.keruen/keruen.db';

/** The database to use: the flag's value, else KERUEN_DATABASE_URL, else the default file. */
export function chosenDb(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.KERUEN_DATABASE_URL ?? DEFAULT_DB_FILE;
}

export async function openStorage(db: string): Promise<Storage> {
  return isPostgresUrl(db) ? PostgresStorage.open(db) : new SqliteStorage(db);
}

/**
 * The database for a log line: a URL without its password.
 * @example describeDb('postgres://keruen:secret@db:5432/k') // 'postgres://keruen:***@db:5432/k'
 */
export function describeDb(db: string): string {
  return isPostgresUrl(db) ? db.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@') : db;
}
