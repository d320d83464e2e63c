/**
 * The default storage: one SQLite file through better-sqlite3, in WAL mode with synchronous=FULL, so a write is
 * on disk when the call returns and an acknowledged write survives a killed process (and a power cut). No set-up:
 * the file and its tables are created on first open (migrations.ts). `:memory:` gives a throw-away database for
 * tests. One process owns the file; a multi-user deployment would implement Storage on PostgreSQL instead.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KeruenError, must } from '../../core/index.ts';
import { MIGRATIONS } from './migrations.ts';
import { event, FINISHED, job, now, PRUNE_SHARE, RATE_LIMIT_HIT, scenario, shipment, tokenInfo } from './rows.ts';
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

type Row = Record<string, unknown>;

/**
 * Creates the database file readable by its owner only (0600) before SQLite opens it: SQLite gives the -wal and
 * -shm files the mode of the database file, so they are private too. An existing file is narrowed to 0600.
 */
function createPrivate(file: string): void {
  const path = resolve(file);
  if (/^\/(proc|sys|dev)(\/|$)/.test(path))
    throw new KeruenError('KERUEN_INVALID_INPUT', `database file ${path}: must not be under /proc, /sys or /dev`, [], {
      field: 'db',
      value: file,
    });
  if (existsSync(path) && !statSync(path).isFile())
    throw new KeruenError('KERUEN_INVALID_INPUT', `database file ${path}: exists and is not a regular file`, [], {
      field: 'db',
      value: file,
    });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Applies the migrations not yet run; returns the schema version reached. */
export function migrate(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (const [v, sql] of MIGRATIONS.entries()) {
    if (v < version) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly stmts;

  /** Opens (and creates when missing) the database file; `:memory:` for a temporary one. */
  constructor(file: string) {
    if (file !== ':memory:') createPrivate(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.stmts = {
      insertToken: db.prepare(
        'INSERT INTO tokens (id, name, salt, hash, created_at) VALUES (@id, @name, @salt, @hash, @created_at)',
      ),
      getToken: db.prepare('SELECT * FROM tokens WHERE id = ?'),
      listTokens: db.prepare('SELECT id, name, created_at, revoked_at FROM tokens ORDER BY created_at, id'),
      revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      listScenarios: db.prepare('SELECT * FROM scenarios WHERE owner = ? ORDER BY created_at, id'),
      getScenario: db.prepare('SELECT * FROM scenarios WHERE owner = ? AND id = ?'),
      insertScenario: db.prepare(
        `INSERT INTO scenarios (id, owner, name, document, created_at, updated_at)
         VALUES (@id, @owner, @name, @document, @now, @now)`,
      ),
      updateScenario: db.prepare(
        `UPDATE scenarios SET name = @name, document = @document, updated_at = @now
         WHERE owner = @owner AND id = @id`,
      ),
      deleteScenario: db.prepare('DELETE FROM scenarios WHERE owner = ? AND id = ?'),
      listShipments: db.prepare('SELECT * FROM shipments WHERE owner = ? ORDER BY created_at, id'),
      getShipment: db.prepare('SELECT * FROM shipments WHERE owner = ? AND id = ?'),
      insertShipment: db.prepare(
        `INSERT INTO shipments (id, owner, name, request, itinerary, deadline, created_at)
         VALUES (@id, @owner, @name, @request, @itinerary, @deadline, @created_at)`,
      ),
      deleteShipment: db.prepare('DELETE FROM shipments WHERE owner = ? AND id = ?'),
      nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM shipment_events WHERE shipment_id = ?'),
      insertEvent: db.prepare(
        `INSERT INTO shipment_events (id, shipment_id, seq, type, node, at, note, warnings, recorded_at)
         VALUES (@id, @shipment_id, @seq, @type, @node, @at, @note, @warnings, @recorded_at)`,
      ),
      listEvents: db.prepare('SELECT * FROM shipment_events WHERE shipment_id = ? ORDER BY seq'),
      insertJob: db.prepare(
        `INSERT INTO jobs (id, owner, kind, status, progress, request, created_at, updated_at)
         VALUES (@id, @owner, @kind, 'queued', 0, @request, @now, @now)`,
      ),
      getJob: db.prepare('SELECT * FROM jobs WHERE id = ?'),
      getOwnJob: db.prepare('SELECT * FROM jobs WHERE owner = ? AND id = ?'),
      updateJob: db.prepare(
        `UPDATE jobs SET status = @status, progress = @progress, result = @result, error = @error,
           updated_at = @now, finished_at = @finished_at
         WHERE id = @id AND status IN ('queued', 'running')`,
      ),
      countActiveJobs: db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE owner = ? AND status IN ('queued', 'running')"),
      insertPart: db.prepare(
        `INSERT INTO job_parts (job_id, part, result, recorded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (job_id, part) DO NOTHING`,
      ),
      countParts: db.prepare('SELECT COUNT(*) AS n FROM job_parts WHERE job_id = ?'),
      listParts: db.prepare('SELECT part, result FROM job_parts WHERE job_id = ? ORDER BY part'),
      hitRate: db.prepare(RATE_LIMIT_HIT.replace(/\$(\d)/g, '@p$1')),
      pruneRates: db.prepare('DELETE FROM rate_limits WHERE reset_at_ms < ?'),
      failInterrupted: db.prepare(
        `UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped while the job ran; start it again',
           updated_at = @now, finished_at = @now
         WHERE status IN ('queued', 'running')`,
      ),
    };
  }

  async createToken(name: string): Promise<{ token: string; info: TokenInfo }> {
    const t = newToken();
    const created_at = now();
    this.stmts.insertToken.run({ id: t.id, name, salt: t.salt, hash: t.hash, created_at });
    return { token: t.token, info: { id: t.id, name, createdAt: created_at, revokedAt: null } };
  }

  async verifyToken(token: string): Promise<TokenInfo | undefined> {
    const p = parseToken(token);
    if (p === undefined) return undefined;
    const r = this.stmts.getToken.get(p.id) as Row | undefined;
    if (r === undefined || r.revoked_at !== null) return undefined;
    return secretMatches(r.salt as Buffer, r.hash as Buffer, p.secret) ? tokenInfo(r) : undefined;
  }

  async listTokens(): Promise<TokenInfo[]> {
    return (this.stmts.listTokens.all() as Row[]).map(tokenInfo);
  }

  async revokeToken(id: string): Promise<boolean> {
    return this.stmts.revokeToken.run(now(), id).changes > 0;
  }

  async listScenarios(owner: string): Promise<ScenarioRecord[]> {
    return (this.stmts.listScenarios.all(owner) as Row[]).map(scenario);
  }

  async findScenario(owner: string, id: string): Promise<ScenarioRecord | undefined> {
    const r = this.stmts.getScenario.get(owner, id) as Row | undefined;
    return r === undefined ? undefined : scenario(r);
  }

  async createScenario(owner: string, input: ScenarioInput): Promise<ScenarioRecord> {
    const id = randomUUID();
    this.stmts.insertScenario.run({
      id,
      owner,
      name: input.name,
      document: JSON.stringify(input.document),
      now: now(),
    });
    return must(await this.findScenario(owner, id), 'scenario just stored');
  }

  async updateScenario(owner: string, id: string, input: ScenarioInput): Promise<ScenarioRecord | undefined> {
    const changed = this.stmts.updateScenario.run({
      id,
      owner,
      name: input.name,
      document: JSON.stringify(input.document),
      now: now(),
    }).changes;
    return changed > 0 ? this.findScenario(owner, id) : undefined;
  }

  async deleteScenario(owner: string, id: string): Promise<boolean> {
    return this.stmts.deleteScenario.run(owner, id).changes > 0;
  }

  async listShipments(owner: string): Promise<ShipmentRecord[]> {
    return (this.stmts.listShipments.all(owner) as Row[]).map(shipment);
  }

  async findShipment(owner: string, id: string): Promise<ShipmentRecord | undefined> {
    const r = this.stmts.getShipment.get(owner, id) as Row | undefined;
    return r === undefined ? undefined : shipment(r);
  }

  async createShipment(owner: string, input: ShipmentInput): Promise<ShipmentRecord> {
    const id = randomUUID();
    this.stmts.insertShipment.run({
      id,
      owner,
      name: input.name ?? null,
      request: JSON.stringify(input.request),
      itinerary: JSON.stringify(input.itinerary),
      deadline: input.deadline,
      created_at: now(),
    });
    return must(await this.findShipment(owner, id), 'shipment just stored');
  }

  async deleteShipment(owner: string, id: string): Promise<boolean> {
    return this.stmts.deleteShipment.run(owner, id).changes > 0;
  }

  async addShipmentEvent(
    owner: string,
    shipmentId: string,
    e: ShipmentEventInput,
  ): Promise<ShipmentEventRecord | undefined> {
    // Ownership check and sequence number in the same transaction as the insert.
    const run = this.db.transaction((): ShipmentEventRecord | undefined => {
      if (this.stmts.getShipment.get(owner, shipmentId) === undefined) return undefined;
      const { seq } = this.stmts.nextSeq.get(shipmentId) as { seq: number };
      const rec: ShipmentEventRecord = { ...e, id: randomUUID(), shipmentId, seq, recordedAt: now() };
      this.stmts.insertEvent.run({
        id: rec.id,
        shipment_id: shipmentId,
        seq,
        type: e.type,
        node: e.node,
        at: e.at,
        note: e.note ?? null,
        warnings: JSON.stringify(e.warnings),
        recorded_at: rec.recordedAt,
      });
      return rec;
    });
    return run.immediate();
  }

  async listShipmentEvents(owner: string, shipmentId: string): Promise<ShipmentEventRecord[] | undefined> {
    if (this.stmts.getShipment.get(owner, shipmentId) === undefined) return undefined;
    return (this.stmts.listEvents.all(shipmentId) as Row[]).map(event);
  }

  async createJob(owner: string, kind: string, request: unknown): Promise<JobRecord> {
    const id = randomUUID();
    this.stmts.insertJob.run({ id, owner, kind, request: JSON.stringify(request), now: now() });
    return job(this.stmts.getJob.get(id) as Row);
  }

  async updateJob(id: string, patch: JobPatch): Promise<JobRecord | undefined> {
    const cur = this.stmts.getJob.get(id) as Row | undefined;
    if (cur === undefined || FINISHED.has(cur.status as string)) return undefined;
    const status = patch.status ?? (cur.status as string);
    const t = now();
    this.stmts.updateJob.run({
      id,
      status,
      progress: patch.progress ?? (status === 'done' ? 1 : (cur.progress as number)),
      result: patch.result === undefined ? cur.result : JSON.stringify(patch.result),
      error: patch.error ?? cur.error,
      now: t,
      finished_at: FINISHED.has(status) ? t : null,
    });
    return job(this.stmts.getJob.get(id) as Row);
  }

  async findJob(owner: string, id: string): Promise<JobRecord | undefined> {
    const r = this.stmts.getOwnJob.get(owner, id) as Row | undefined;
    return r === undefined ? undefined : job(r);
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const r = this.stmts.getJob.get(id) as Row | undefined;
    return r === undefined ? undefined : job(r);
  }

  async countActiveJobs(owner: string): Promise<number> {
    return (this.stmts.countActiveJobs.get(owner) as { n: number }).n;
  }

  async failInterruptedJobs(): Promise<number> {
    return this.stmts.failInterrupted.run({ now: now() }).changes;
  }

  async addJobPart(jobId: string, part: number, result: unknown): Promise<boolean> {
    return this.stmts.insertPart.run(jobId, part, JSON.stringify(result), now()).changes === 1;
  }

  async countJobParts(jobId: string): Promise<number> {
    return (this.stmts.countParts.get(jobId) as { n: number }).n;
  }

  async listJobParts(jobId: string): Promise<Array<{ part: number; result: unknown }>> {
    return (this.stmts.listParts.all(jobId) as Row[]).map((r) => ({
      part: r.part as number,
      result: JSON.parse(r.result as string) as unknown,
    }));
  }

  async hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<{ hits: number; resetAtMs: number }> {
    if (Math.random() < PRUNE_SHARE) this.stmts.pruneRates.run(nowMs - windowMs);
    const r = this.stmts.hitRate.get({ p1: key, p2: nowMs, p3: windowMs }) as {
      hits: number;
      reset_at_ms: number | bigint;
    };
    return { hits: r.hits, resetAtMs: Number(r.reset_at_ms) };
  }

  async integrityCheck(): Promise<string> {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
