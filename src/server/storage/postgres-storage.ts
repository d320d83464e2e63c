/**
 * Storage on PostgreSQL (node-postgres), for teams that outgrow one machine: several API instances share one
 * database. Same interface, tables and guarantees as the embedded SQLite storage: every write is committed when
 * the call returns; a shipment event's ownership check, sequence number and insert run in one transaction that
 * locks the shipment row, so concurrent events of one shipment get distinct, gapless numbers. Migrations run
 * under an advisory lock, so instances starting together apply each step once.
 *
 * Jobs: an instance runs the jobs it accepted (in-process work pool). At start it fails only the unfinished jobs
 * no instance has touched for STALE_JOB_MS, not the jobs other live instances are running.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { KeruenError, must } from '../../core/index.ts';
import { PG_MIGRATIONS } from './postgres-migrations.ts';
import {
  event,
  FINISHED,
  job,
  now,
  PRUNE_SHARE,
  RATE_LIMIT_HIT,
  type Row,
  scenario,
  shipment,
  tokenInfo,
} from './rows.ts';
import type {
  JobPatch,
  JobRecord,
  ScenarioInput,
  ScenarioRecord,
  ShipmentEventInput,
  ShipmentEventRecord,
  ShipmentInput,
  ShipmentRecord,
  Storage,
  TokenInfo,
} from './storage.ts';
import { newToken, parseToken, secretMatches } from './token-hash.ts';

/** An unfinished job untouched this long belongs to an instance that stopped (progress updates touch it). */
export const STALE_JOB_MS = 10 * 60_000;
/** Any key: serialises the migrations of instances that start at once. */
const MIGRATION_LOCK = 4_242_001;

/** True for a connection string this backend takes. */
export const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//.test(s);

export class PostgresStorage implements Storage {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, checks the server answers, and applies the migrations not yet run. */
  static async open(url: string, max = 10): Promise<PostgresStorage> {
    if (!isPostgresUrl(url))
      throw new KeruenError(
        'KERUEN_INVALID_INPUT',
        'db: a PostgreSQL URL starts with postgres:// or postgresql://',
        [],
        {
          field: 'db',
          value: url.replace(/:[^:@/]*@/, ':***@'),
        },
      );
    const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
    // An idle client that loses its server must not crash the process; the next query reports the failure.
    pool.on('error', () => {});
    const s = new PostgresStorage(pool);
    try {
      await s.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return s;
  }

  /** Applies the migrations not yet run, in one transaction each; returns the schema version reached. */
  async migrate(): Promise<number> {
    return this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS keruen_schema (version INTEGER NOT NULL)');
      const r = await c.query('SELECT version FROM keruen_schema');
      const version = (r.rows[0]?.version as number | undefined) ?? 0;
      if (r.rowCount === 0) await c.query('INSERT INTO keruen_schema (version) VALUES (0)');
      for (const [v, sql] of PG_MIGRATIONS.entries()) {
        if (v < version) continue;
        await c.query(sql);
        await c.query('UPDATE keruen_schema SET version = $1', [v + 1]);
      }
      return PG_MIGRATIONS.length;
    });
  }

  private async transaction<T>(f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await f(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private async changed(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  async createToken(name: string): Promise<{ token: string; info: TokenInfo }> {
    const t = newToken();
    const created = now();
    await this.pool.query('INSERT INTO tokens (id, name, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
      t.id,
      name,
      t.salt,
      t.hash,
      created,
    ]);
    return { token: t.token, info: { id: t.id, name, createdAt: created, revokedAt: null } };
  }

  async verifyToken(token: string): Promise<TokenInfo | undefined> {
    const p = parseToken(token);
    if (p === undefined) return undefined;
    const [r] = await this.rows('SELECT * FROM tokens WHERE id = $1', [p.id]);
    if (r === undefined || r.revoked_at !== null) return undefined;
    return secretMatches(r.salt as Buffer, r.hash as Buffer, p.secret) ? tokenInfo(r) : undefined;
  }

  async listTokens(): Promise<TokenInfo[]> {
    return (await this.rows('SELECT id, name, created_at, revoked_at FROM tokens ORDER BY created_at, id')).map(
      tokenInfo,
    );
  }

  async revokeToken(id: string): Promise<boolean> {
    return (
      (await this.changed('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now(), id])) > 0
    );
  }

  async listScenarios(owner: string): Promise<ScenarioRecord[]> {
    return (await this.rows('SELECT * FROM scenarios WHERE owner = $1 ORDER BY created_at, id', [owner])).map(scenario);
  }

  async findScenario(owner: string, id: string): Promise<ScenarioRecord | undefined> {
    const [r] = await this.rows('SELECT * FROM scenarios WHERE owner = $1 AND id = $2', [owner, id]);
    return r === undefined ? undefined : scenario(r);
  }

  async createScenario(owner: string, input: ScenarioInput): Promise<ScenarioRecord> {
    const id = randomUUID();
    const t = now();
    await this.pool.query(
      'INSERT INTO scenarios (id, owner, name, document, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
      [id, owner, input.name, JSON.stringify(input.document), t],
    );
    return must(await this.findScenario(owner, id), 'scenario just stored');
  }

  async updateScenario(owner: string, id: string, input: ScenarioInput): Promise<ScenarioRecord | undefined> {
    const n = await this.changed(
      'UPDATE scenarios SET name = $1, document = $2, updated_at = $3 WHERE owner = $4 AND id = $5',
      [input.name, JSON.stringify(input.document), now(), owner, id],
    );
    return n > 0 ? this.findScenario(owner, id) : undefined;
  }

  async deleteScenario(owner: string, id: string): Promise<boolean> {
    return (await this.changed('DELETE FROM scenarios WHERE owner = $1 AND id = $2', [owner, id])) > 0;
  }

  async listShipments(owner: string): Promise<ShipmentRecord[]> {
    return (await this.rows('SELECT * FROM shipments WHERE owner = $1 ORDER BY created_at, id', [owner])).map(shipment);
  }

  async findShipment(owner: string, id: string): Promise<ShipmentRecord | undefined> {
    const [r] = await this.rows('SELECT * FROM shipments WHERE owner = $1 AND id = $2', [owner, id]);
    return r === undefined ? undefined : shipment(r);
  }

  async createShipment(owner: string, input: ShipmentInput): Promise<ShipmentRecord> {
    const id = randomUUID();
    await this.pool.query(
      `INSERT INTO shipments (id, owner, name, request, itinerary, deadline, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        owner,
        input.name ?? null,
        JSON.stringify(input.request),
        JSON.stringify(input.itinerary),
        input.deadline,
        now(),
      ],
    );
    return must(await this.findShipment(owner, id), 'shipment just stored');
  }

  async deleteShipment(owner: string, id: string): Promise<boolean> {
    return (await this.changed('DELETE FROM shipments WHERE owner = $1 AND id = $2', [owner, id])) > 0;
  }

  async addShipmentEvent(
    owner: string,
    shipmentId: string,
    e: ShipmentEventInput,
  ): Promise<ShipmentEventRecord | undefined> {
    return this.transaction(async (c) => {
      // Locking the shipment row serialises the events of one shipment: distinct, gapless sequence numbers.
      const own = await c.query('SELECT id FROM shipments WHERE owner = $1 AND id = $2 FOR UPDATE', [
        owner,
        shipmentId,
      ]);
      if (own.rowCount === 0) return undefined;
      const next = await c.query(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM shipment_events WHERE shipment_id = $1',
        [shipmentId],
      );
      const seq = Number(next.rows[0]?.seq);
      const rec: ShipmentEventRecord = { ...e, id: randomUUID(), shipmentId, seq, recordedAt: now() };
      await c.query(
        `INSERT INTO shipment_events (id, shipment_id, seq, type, node, at, note, warnings, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [rec.id, shipmentId, seq, e.type, e.node, e.at, e.note ?? null, JSON.stringify(e.warnings), rec.recordedAt],
      );
      return rec;
    });
  }

  async listShipmentEvents(owner: string, shipmentId: string): Promise<ShipmentEventRecord[] | undefined> {
    if ((await this.findShipment(owner, shipmentId)) === undefined) return undefined;
    return (await this.rows('SELECT * FROM shipment_events WHERE shipment_id = $1 ORDER BY seq', [shipmentId])).map(
      event,
    );
  }

  async createJob(owner: string, kind: string, request: unknown): Promise<JobRecord> {
    const id = randomUUID();
    const t = now();
    const [r] = await this.rows(
      `INSERT INTO jobs (id, owner, kind, status, progress, request, created_at, updated_at)
       VALUES ($1, $2, $3, 'queued', 0, $4, $5, $5) RETURNING *`,
      [id, owner, kind, JSON.stringify(request), t],
    );
    return job(must(r, 'job just stored'));
  }

  async updateJob(id: string, patch: JobPatch): Promise<JobRecord | undefined> {
    return this.transaction(async (c) => {
      const cur = (await c.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id])).rows[0] as Row | undefined;
      if (cur === undefined || FINISHED.has(cur.status as string)) return undefined;
      const status = patch.status ?? (cur.status as string);
      const t = now();
      const r = await c.query(
        `UPDATE jobs SET status = $2, progress = $3, result = $4, error = $5, updated_at = $6, finished_at = $7
         WHERE id = $1 RETURNING *`,
        [
          id,
          status,
          patch.progress ?? (status === 'done' ? 1 : (cur.progress as number)),
          patch.result === undefined ? cur.result : JSON.stringify(patch.result),
          patch.error ?? cur.error,
          t,
          FINISHED.has(status) ? t : null,
        ],
      );
      return job(r.rows[0] as Row);
    });
  }

  async findJob(owner: string, id: string): Promise<JobRecord | undefined> {
    const [r] = await this.rows('SELECT * FROM jobs WHERE owner = $1 AND id = $2', [owner, id]);
    return r === undefined ? undefined : job(r);
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const [r] = await this.rows('SELECT * FROM jobs WHERE id = $1', [id]);
    return r === undefined ? undefined : job(r);
  }

  async countActiveJobs(owner: string): Promise<number> {
    const [r] = await this.rows(
      "SELECT COUNT(*)::int AS n FROM jobs WHERE owner = $1 AND status IN ('queued', 'running')",
      [owner],
    );
    return Number(r?.n ?? 0);
  }

  async failInterruptedJobs(): Promise<number> {
    const stale = new Date(Date.now() - STALE_JOB_MS).toISOString();
    return this.changed(
      `UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped while the job ran; start it again',
         updated_at = $1, finished_at = $1
       WHERE status IN ('queued', 'running') AND updated_at < $2`,
      [now(), stale],
    );
  }

  async addJobPart(jobId: string, part: number, result: unknown): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO job_parts (job_id, part, result, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id, part) DO NOTHING`,
      [jobId, part, JSON.stringify(result), now()],
    );
    return r.rowCount === 1;
  }

  async countJobParts(jobId: string): Promise<number> {
    const [r] = await this.rows('SELECT COUNT(*)::int AS n FROM job_parts WHERE job_id = $1', [jobId]);
    return (r?.n as number | undefined) ?? 0;
  }

  async listJobParts(jobId: string): Promise<Array<{ part: number; result: unknown }>> {
    const rows = await this.rows('SELECT part, result FROM job_parts WHERE job_id = $1 ORDER BY part', [jobId]);
    return rows.map((r) => ({ part: r.part as number, result: JSON.parse(r.result as string) as unknown }));
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<{ hits: number; resetAtMs: number }> {
    if (Math.random() < PRUNE_SHARE)
      await this.pool.query('DELETE FROM rate_limits WHERE reset_at_ms < $1', [nowMs - windowMs]);
    const [r] = await this.rows(RATE_LIMIT_HIT, [key, nowMs, windowMs]);
    return { hits: r?.hits as number, resetAtMs: Number(r?.reset_at_ms) };
  }

  async integrityCheck(): Promise<string> {
    // PostgreSQL checks its pages itself; this checks that the schema is the one this code expects.
    const [r] = await this.rows('SELECT version FROM keruen_schema');
    const v = Number(r?.version ?? 0);
    return v === PG_MIGRATIONS.length ? 'ok' : `schema version ${v}, expected ${PG_MIGRATIONS.length}`;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
