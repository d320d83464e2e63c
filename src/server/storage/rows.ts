/**
 * Rows of the storage tables as records of the storage interface: one mapping for both backends (SQLite and
 * PostgreSQL store the same columns; JSON documents as text, times as ISO 8601 text).
 */
import type { JobRecord, ScenarioRecord, ShipmentEventRecord, ShipmentRecord, TokenInfo } from './storage.ts';

export type Row = Record<string, unknown>;

export const now = (): string => new Date().toISOString();

export function tokenInfo(r: Row): TokenInfo {
  return {
    id: r.id as string,
    name: r.name as string,
    createdAt: r.created_at as string,
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

export function scenario(r: Row): ScenarioRecord {
  const s: ScenarioRecord = {
    id: r.id as string,
    owner: r.owner as string,
    name: r.name as string,
    document: JSON.parse(r.document as string) as Record<string, unknown>,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
  return s;
}

export function shipment(r: Row): ShipmentRecord {
  const s: ShipmentRecord = {
    id: r.id as string,
    owner: r.owner as string,
    request: JSON.parse(r.request as string) as Record<string, unknown>,
    itinerary: JSON.parse(r.itinerary as string) as unknown,
    deadline: r.deadline as string,
    createdAt: r.created_at as string,
  };
  if (r.name !== null) s.name = r.name as string;
  return s;
}

export function event(r: Row): ShipmentEventRecord {
  const e: ShipmentEventRecord = {
    id: r.id as string,
    shipmentId: r.shipment_id as string,
    seq: r.seq as number,
    type: r.type as string,
    node: r.node as string,
    at: r.at as string,
    warnings: JSON.parse(r.warnings as string) as ShipmentEventRecord['warnings'],
    recordedAt: r.recorded_at as string,
  };
  if (r.note !== null) e.note = r.note as string;
  return e;
}

export function job(r: Row): JobRecord {
  const j: JobRecord = {
    id: r.id as string,
    owner: r.owner as string,
    kind: r.kind as string,
    status: r.status as JobRecord['status'],
    progress: r.progress as number,
    request: JSON.parse(r.request as string) as unknown,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
  if (r.result !== null) j.result = JSON.parse(r.result as string) as unknown;
  if (r.error !== null) j.error = r.error as string;
  if (r.finished_at !== null) j.finishedAt = r.finished_at as string;
  return j;
}

export const FINISHED = new Set(['done', 'failed', 'cancelled']);

/**
 * One request counted in its client's window, on both backends ($1 key, $2 now ms, $3 window ms): a new window
 * when the stored one has ended, else one more hit. One statement, so concurrent instances never lose a hit.
 */
export const RATE_LIMIT_HIT = `INSERT INTO rate_limits (key, hits, reset_at_ms) VALUES ($1, 1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN rate_limits.reset_at_ms <= CAST($2 AS BIGINT) THEN 1 ELSE rate_limits.hits + 1 END,
    reset_at_ms = CASE WHEN rate_limits.reset_at_ms <= CAST($2 AS BIGINT) THEN CAST($2 AS BIGINT) + CAST($3 AS BIGINT) ELSE rate_limits.reset_at_ms END
  RETURNING hits, reset_at_ms`;
/** Share of hits that also delete the windows ended long ago (keeps the table at about the live clients). */
export const PRUNE_SHARE = 0.01;
