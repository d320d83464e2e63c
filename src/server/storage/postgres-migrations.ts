/**
 * The schema on PostgreSQL: the same tables, columns and constraints as the embedded database (migrations.ts),
 * step for step, in PostgreSQL's types (BYTEA for the token salt and hash, DOUBLE PRECISION for progress).
 * Table `keruen_schema` records how many steps have run. Append new steps in both files; never edit a released one.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     salt BYTEA NOT NULL,
     hash BYTEA NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE TABLE scenarios (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL REFERENCES tokens(id),
     name TEXT NOT NULL,
     document TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX scenarios_owner ON scenarios(owner);
   CREATE TABLE shipments (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL REFERENCES tokens(id),
     name TEXT,
     request TEXT NOT NULL,
     itinerary TEXT NOT NULL,
     deadline TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX shipments_owner ON shipments(owner);
   CREATE TABLE shipment_events (
     id TEXT PRIMARY KEY,
     shipment_id TEXT NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     node TEXT NOT NULL,
     at TEXT NOT NULL,
     note TEXT,
     warnings TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     UNIQUE (shipment_id, seq)
   );`,
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL REFERENCES tokens(id),
     kind TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
     progress DOUBLE PRECISION NOT NULL DEFAULT 0,
     request TEXT NOT NULL,
     result TEXT,
     error TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE INDEX jobs_owner ON jobs(owner, status);`,
];
