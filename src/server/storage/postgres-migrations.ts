/**
 * The schema on PostgreSQL: the embedded database's migrations (migrations.ts), step for step, in PostgreSQL's
 * types (BYTEA for the token salt and hash, DOUBLE PRECISION for progress); the rest of their SQL is common to
 * both. Table `keruen_schema` records how many steps have run. New steps go in migrations.ts only.
 */
import { MIGRATIONS } from './migrations.ts';

/** One step of migrations.ts in PostgreSQL's types. */
export const toPostgres = (sql: string): string =>
  sql.replace(/\bBLOB\b/g, 'BYTEA').replace(/\bREAL\b/g, 'DOUBLE PRECISION');

export const PG_MIGRATIONS: readonly string[] = MIGRATIONS.map(toPostgres);
