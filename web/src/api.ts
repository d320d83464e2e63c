/**
 * Every HTTP call the page makes, in one place, so that the contract with the server (docs/api.md,
 * /openapi.json) is read and changed here only. The server is the same origin that serves the page.
 *
 * Wire types are the core's own types: requests are the core's request schemas' input types (src/core/requests,
 * the schemas the server validates with), results the core's result types where the server sends them unchanged,
 * so a change of shape in the core shows up as a type error here.
 */
import type {
  CompareRequestInput,
  ElementLoad as CoreElementLoad,
  Itinerary as CoreItinerary,
  RouteResult as CoreRouteResult,
  FlowsRequestInput,
  MilestoneRequestInput,
  ReliabilityRequestInput,
  RouteRequestInput,
  ScenarioEcho,
  ScenarioInput,
  ShipmentRequestInput,
} from '../../src/core/index.ts';

/** Quantiles and histogram of the arrival time, hours from the ready date (src/core/reliability). */
export interface ArrivalDistribution {
  samples?: number;
  p5?: number;
  p10?: number;
  p50: number;
  p90: number;
  p95?: number;
  mean?: number;
  onTimeProbability?: number;
  histogram?: { binStartH: number[]; counts: number[]; binWidthH?: number };
}

export type Itinerary = Omit<CoreItinerary, 'timeline'> & { arrival?: ArrivalDistribution };
export type RouteResult = Omit<CoreRouteResult, 'itineraries'> & {
  itineraries: Itinerary[];
  /** The scenario the search ran under (absent: the baseline). */
  scenario?: ScenarioEcho;
};

export interface NetworkFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] };
  properties: Record<string, unknown> & { recordType: 'node' | 'link'; id: string };
}
export interface NetworkGeoJson {
  type: 'FeatureCollection';
  features: NetworkFeature[];
}

/** A route search as POST /routes takes it (core/requests/route.ts). */
export type RouteQuery = RouteRequestInput;
export type { ScenarioInput };

/** A failed call: the HTTP status and the server's JSON error ({error, field, value, message}). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
  /** The endpoint does not exist on this server (older server, or a feature not built yet). */
  get notAvailable(): boolean {
    // The server's not-found handler answers "no route <METHOD> <path>"; a missing record names the record.
    return this.status === 404 && /^no route [A-Z]+ \//.test(this.message);
  }
  /** The request needs a (valid) API token. */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

let token: string | undefined;
/** The bearer token for a user's own scenarios and shipments (kept in sessionStorage by the views). */
export function setToken(t: string | undefined): void {
  token = t === '' ? undefined : t;
}
export function getToken(): string | undefined {
  return token;
}

async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `the server cannot be reached (${(e as Error).message})`, undefined);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = text;
  }
  if (!res.ok) {
    const b = json as { message?: unknown } | undefined;
    const msg = typeof b?.message === 'string' ? b.message : `${method} ${path}: HTTP ${res.status}`;
    throw new ApiError(res.status, msg, json);
  }
  return json as T;
}

// ---- network (public) ----

/** GET /network/geojson: nodes (Points) and links (LineStrings) with every figure and the cited sources. */
export function getNetworkGeoJson(): Promise<NetworkGeoJson> {
  return call('GET', '/network/geojson');
}

/** A link as GET /network/links lists it (the fields the scenario builder reads). */
export interface LinkRecord {
  id: string;
  from: string;
  to: string;
  mode: string;
  status: string;
  statusYear?: number;
  service?: string;
  capacity?: { teuPerYear?: { value: number }; trainsPerDay?: { value: number }; tonnesPerYear?: { value: number } };
}

/** A scheduled service as GET /network/services lists it. */
export interface ServiceRecord {
  id: string;
  name: string;
  departuresPerWeek?: { value: number };
  capacityTeuPerDeparture?: { value: number };
}

export function getNetworkLinks(): Promise<LinkRecord[]> {
  return call('GET', '/network/links');
}

export function getNetworkServices(): Promise<ServiceRecord[]> {
  return call('GET', '/network/services');
}

// ---- routing (public) ----

/** POST /routes: Pareto itineraries, no Monte Carlo. */
export function searchRoutes(q: RouteQuery): Promise<RouteResult> {
  return call('POST', '/routes', q);
}

/**
 * POST /reliability: the same search with each itinerary's arrival distribution (Monte Carlo).
 * `deadline` adds the probability of arriving by then.
 */
export function searchReliability(q: ReliabilityRequestInput): Promise<RouteResult> {
  return call('POST', '/reliability', q);
}

// ---- scenarios (a token's own) ----

/** A stored scenario as GET /scenarios returns it; `scenario` is the document (core/scenarios schema). */
export interface ScenarioRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  scenario: {
    id?: string;
    name: string;
    description?: string;
    year?: number;
    changes: Array<{ kind: string; target?: string; id?: string; link?: { id: string }; node?: { id: string } }>;
  };
}

/** POST /scenarios: stores a scenario of the token's owner, after the server checks it against the network. */
export function createScenario(s: ScenarioInput): Promise<ScenarioRecord> {
  return call('POST', '/scenarios', s);
}

export function listScenarios(): Promise<{ scenarios: ScenarioRecord[] }> {
  return call('GET', '/scenarios');
}

/** One route search's outcome in compact form (baseline or under a scenario). */
export interface RouteSummary {
  itineraries: number;
  fastestH: number | null;
  cheapestUsd: number | null;
  noRoute?: { message: string };
  options: Array<{ corridor: string; keyNodes: string[]; totals: Itinerary['totals'] }>;
}

export interface CompareResult {
  baseline: RouteSummary;
  scenarios: Array<RouteSummary & { id: string; name: string }>;
}

/** POST /scenarios/compare: one route search on the baseline and under each named scenario. */
export function compareScenarios(q: CompareRequestInput): Promise<CompareResult> {
  return call('POST', '/scenarios/compare', q);
}

// ---- scenario library and flows (public; a token adds your stored scenarios) ----

export interface LibraryScenario {
  id: string;
  name: string;
  /** The name in Russian and French, where the dataset gives it. */
  names: { ru?: string; fr?: string } | null;
  description: string;
  tags: string[];
  sources: string[];
  year: number | null;
  changes: number;
  investment: {
    cost: { value: number; source?: string[]; estimate?: string };
    currency: 'EUR' | 'USD';
    comparedWith: string;
  } | null;
}

export interface DemandSetInfo {
  id: string;
  name: string;
  description: string;
  year: number;
  sources: string[];
  flows: number;
  default: boolean;
}

export interface ScenarioLibrary {
  baseline: { id: string; name: string };
  scenarios: LibraryScenario[];
  demands: DemandSetInfo[];
}

/** GET /scenarios/library: the dataset's own scenarios and demand sets. */
export function getScenarioLibrary(): Promise<ScenarioLibrary> {
  return call('GET', '/scenarios/library');
}

/** A value in the base run, the other run, and other minus base (null where a run has none). */
export interface Pair {
  base: number | null;
  other: number | null;
  delta: number | null;
}

/** One capacity-limited element in one run; flow and capacity in TEU (equivalents) a year (the core's type). */
export type ElementLoad = CoreElementLoad;

export interface FlowsResult {
  demand: { id: string; name: string; year: number };
  votFactor: number;
  base: { id: string; name: string; origin: 'baseline' | 'library' | 'stored' };
  other: { id: string; name: string; origin: 'baseline' | 'library' | 'stored' };
  totals: { generalisedCostUsd: Pair; userCostUsd: Pair; costUsd: Pair; co2eTonnes: Pair };
  commodities: Array<{
    commodity: string;
    unit: 'TEU' | 't';
    served: Pair;
    unserved: Pair;
    unitDays: Pair;
    costUsd: Pair;
    co2eTonnes: Pair;
  }>;
  corridors: Array<{ commodity: string; corridor: string; volume: Pair; share: Pair }>;
  ods: Array<{
    from: string;
    to: string;
    commodity: string;
    unit: 'TEU' | 't';
    demand: number;
    meanTimeH: Pair;
    p90TimeH: Pair;
    unserved: Pair;
    mainCorridor: { base: string | null; other: string | null };
  }>;
  bottlenecks: Array<{ kind: string; id: string; direction?: string; utilisation: Pair; delayH: Pair }>;
  utilisation: {
    links: Array<{
      id: string;
      direction?: string;
      base: ElementLoad | null;
      other: ElementLoad | null;
      change: number | null;
    }>;
    nodes: Array<{
      id: string;
      kind: string;
      base: ElementLoad | null;
      other: ElementLoad | null;
      change: number | null;
    }>;
  };
  cached: boolean;
}

/**
 * POST /scenarios/flows: the demand set assigned at equilibrium under two scenarios (library ids, "baseline",
 * or with a token your stored ones), with KPIs, differences, utilisation and bottlenecks.
 */
export function compareFlows(q: FlowsRequestInput): Promise<FlowsResult> {
  return call('POST', '/scenarios/flows', q);
}

// ---- shipments (a token's own) ----

export type MilestoneType = MilestoneRequestInput['type'];
export const MILESTONE_TYPES: readonly MilestoneType[] = ['departed', 'border_crossed', 'ferry_loaded', 'arrived'];

/** A milestone as POST /shipments/:id/events takes it (core/requests/shipments.ts). */
export type Milestone = MilestoneRequestInput;

export interface ShipmentEvent extends Milestone {
  id: string;
  seq: number;
  recordedAt: string;
  warnings: Array<{ code: string; message: string }>;
}

export interface Shipment {
  id: string;
  name?: string | null;
  createdAt: string;
  deadline: string;
  itinerary: Itinerary;
  events?: ShipmentEvent[];
  position?: { node: string; at: string; basedOn: string; delivered: boolean };
}

export interface ShipmentEta {
  deadline: string;
  position: { node: string; at: string; basedOn: string; delivered: boolean };
  eta: { p5: string; p50: string; p95: string; p10?: string; p90?: string; mean?: string };
  remainingH?: ArrivalDistribution;
  onTimeProbability?: number;
}

export function listShipments(): Promise<{ shipments: Shipment[] }> {
  return call('GET', '/shipments');
}

export function createShipment(body: ShipmentRequestInput): Promise<Shipment> {
  return call('POST', '/shipments', body);
}

export function getShipment(id: string): Promise<Shipment> {
  return call('GET', `/shipments/${encodeURIComponent(id)}`);
}

export function addShipmentEvent(id: string, m: Milestone): Promise<ShipmentEvent> {
  return call('POST', `/shipments/${encodeURIComponent(id)}/events`, m);
}

export function getShipmentEta(id: string, samples = 2000): Promise<ShipmentEta> {
  return call('GET', `/shipments/${encodeURIComponent(id)}/eta?samples=${samples}`);
}

// ---- sweeps (token) ----

export type SweepSpecInput = import('../../src/core/index.ts').SweepSpecInput;
export type SweepSummary = import('../../src/core/index.ts').SweepSummary;

export interface SweepJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  error?: string;
  result?: { variants: number; summary: SweepSummary };
}

/** POST /sweeps: starts a sweep job (scenarios × demand growth × seeds). */
export function startSweep(spec: SweepSpecInput): Promise<SweepJob> {
  return call('POST', '/sweeps', spec);
}

/** GET /sweeps/{id}: progress, and the summary once done. */
export function getSweep(id: string): Promise<SweepJob> {
  return call('GET', `/sweeps/${encodeURIComponent(id)}`);
}

/** DELETE /sweeps/{id}. */
export function cancelSweep(id: string): Promise<SweepJob> {
  return call('DELETE', `/sweeps/${encodeURIComponent(id)}`);
}

/** GET /sweeps/{id}/variants?format=csv: one row per variant stored so far. */
export function getSweepCsv(id: string): Promise<string> {
  return call('GET', `/sweeps/${encodeURIComponent(id)}/variants?format=csv`);
}
