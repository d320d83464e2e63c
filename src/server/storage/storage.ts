/**
 * The storage interface of the server: API tokens, scenarios, shipments and their events. The server only talks
 * to this interface, so the embedded SQLite database (sqlite-storage.ts) can be swapped for PostgreSQL in a
 * multi-user deployment without touching the routes. Methods are async for that reason even though SQLite
 * answers synchronously.
 *
 * Ownership is part of every call: a scenario or shipment is read, changed or deleted only through the id of the
 * token that created it. A record of another owner is reported as missing, never as forbidden, so ids of other
 * people's records cannot be probed.
 */

export interface TokenInfo {
  /** Public part of the token; the owner id of everything the token creates. */
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ScenarioInput {
  name: string;
  /** The scenario document as the API took it (core/scenarios/scenario-schema.ts). */
  document: Record<string, unknown>;
}

export interface ScenarioRecord extends ScenarioInput {
  id: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
}

export interface ShipmentInput {
  name?: string | undefined;
  /** The route request the itinerary was chosen from (ids resolved). */
  request: Record<string, unknown>;
  /** The chosen itinerary, frozen at creation. */
  itinerary: unknown;
  /** Deadline, ISO 8601. */
  deadline: string;
}

export interface ShipmentRecord extends ShipmentInput {
  id: string;
  owner: string;
  createdAt: string;
}

export interface ShipmentEventInput {
  type: string;
  node: string;
  /** When it happened, ISO 8601. */
  at: string;
  note?: string | undefined;
  /** Warnings raised when the event was recorded (out of order, off the itinerary...). */
  warnings: { code: string; message: string }[];
}

export interface ShipmentEventRecord extends ShipmentEventInput {
  id: string;
  shipmentId: string;
  /** Order of recording, 1-based. */
  seq: number;
  recordedAt: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  id: string;
  owner: string;
  kind: string;
  status: JobStatus;
  /** Share done, 0..1. */
  progress: number;
  request: unknown;
  result?: unknown;
  error?: string | undefined;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | undefined;
}

export interface JobPatch {
  status?: JobStatus | undefined;
  progress?: number | undefined;
  result?: unknown;
  error?: string | undefined;
}

export interface Storage {
  /** Creates a token and returns its secret form once; only a salted hash is stored. */
  createToken(name: string): Promise<{ token: string; info: TokenInfo }>;
  /** The token's info when the secret matches a live token, else undefined. */
  verifyToken(token: string): Promise<TokenInfo | undefined>;
  listTokens(): Promise<TokenInfo[]>;
  /** True when a live token with this id was revoked. */
  revokeToken(id: string): Promise<boolean>;

  listScenarios(owner: string): Promise<ScenarioRecord[]>;
  findScenario(owner: string, id: string): Promise<ScenarioRecord | undefined>;
  createScenario(owner: string, input: ScenarioInput): Promise<ScenarioRecord>;
  /** Undefined when the owner has no scenario with this id. */
  updateScenario(owner: string, id: string, input: ScenarioInput): Promise<ScenarioRecord | undefined>;
  deleteScenario(owner: string, id: string): Promise<boolean>;

  listShipments(owner: string): Promise<ShipmentRecord[]>;
  findShipment(owner: string, id: string): Promise<ShipmentRecord | undefined>;
  createShipment(owner: string, input: ShipmentInput): Promise<ShipmentRecord>;
  deleteShipment(owner: string, id: string): Promise<boolean>;
  /** Undefined when the owner has no shipment with this id. */
  addShipmentEvent(owner: string, shipmentId: string, e: ShipmentEventInput): Promise<ShipmentEventRecord | undefined>;
  listShipmentEvents(owner: string, shipmentId: string): Promise<ShipmentEventRecord[] | undefined>;

  createJob(owner: string, kind: string, request: unknown): Promise<JobRecord>;
  /** Changes a job that is not finished yet; undefined when there is none (or it has finished). */
  updateJob(id: string, patch: JobPatch): Promise<JobRecord | undefined>;
  findJob(owner: string, id: string): Promise<JobRecord | undefined>;
  /** A job by id whoever owns it: for the job workers, never for an answer to a client. */
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Jobs of an owner that are queued or running. */
  countActiveJobs(owner: string): Promise<number>;
  /** At start-up: jobs left queued or running by a previous process become failed; returns how many. */
  failInterruptedJobs(): Promise<number>;

  /**
   * Stores one part of a job's result (a sweep's variant) unless that part is stored already; true when this
   * call stored it. A part run twice (a retried or duplicated job) is thus kept once, the first one written.
   */
  addJobPart(jobId: string, part: number, result: unknown): Promise<boolean>;
  countJobParts(jobId: string): Promise<number>;
  /** The stored parts, by part number. */
  listJobParts(jobId: string): Promise<Array<{ part: number; result: unknown }>>;
  /**
   * Counts one request of a client in its current window of `windowMs` (a new window when the last one ended):
   * the hits so far and when the window ends. Atomic, so instances sharing the database count together.
   */
  hitRateLimit(key: string, windowMs: number, nowMs: number): Promise<{ hits: number; resetAtMs: number }>;

  /** The database's own consistency check; 'ok' when intact. */
  integrityCheck(): Promise<string>;
  close(): Promise<void>;
}
