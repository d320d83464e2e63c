/**
 * Schema migrations of the embedded database, applied in order at start-up inside one transaction each;
 * `PRAGMA user_version` records how many have run. Append new steps; never edit a released one. The SQL sticks to
 * what PostgreSQL also accepts (TEXT, INTEGER, BLOB/bytea aside) to keep a port simple.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     salt BLOB NOT NULL,
     hash BLOB NOT NULL,
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
  // 2: long work (port simulations) as jobs that survive a restart: as failed ("interrupted"), never lost.
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL REFERENCES tokens(id),
     kind TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
     progress REAL NOT NULL DEFAULT 0,
     request TEXT NOT NULL,
     result TEXT,
     error TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE INDEX jobs_owner ON jobs(owner, status);`,
  // 3: the parts of a job that many workers share (the variants of a sweep), each stored once whoever ran it;
  // request counts per client and window, so that API instances on one database limit a client together.
  `CREATE TABLE job_parts (
     job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
     part INTEGER NOT NULL,
     result TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     PRIMARY KEY (job_id, part)
   );
   CREATE TABLE rate_limits (
     key TEXT PRIMARY KEY,
     hits INTEGER NOT NULL,
     reset_at_ms BIGINT NOT NULL
   );`,
];
