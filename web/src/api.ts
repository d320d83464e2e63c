/**
 * Every HTTP call the page makes, in one place, so that the contract with the server (docs/api.md,
 * /openapi.json) is read and changed here only. The server is the same origin that serves the page.
 *
 * Wire types are generated from the server's OpenAPI document (api-types.ts, `npm run gen:api`): requests are the
 * bodies the server validates (the core's request schemas), answers the core's response schemas
 * (src/core/responses), which a test holds to the server's real answers. Nothing here restates a shape by hand,
 * so a change of shape on the server shows up as a type error in the page after regeneration.
 */
import type { components, operations } from './api-types.ts';

type Schemas = components['schemas'];
/** The optional fields of T. */
type OptionalKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never }[keyof T];
/**
 * T whose optional fields also take undefined: the body is sent through JSON.stringify, which leaves such a field
 * out, so the page may write `deadline: v || undefined` for a field it does not send.
 */
type Sendable<T> = Omit<T, OptionalKeys<T>> & { [K in OptionalKeys<T>]?: T[K] | undefined };
/** The JSON body an operation takes. */
type Body<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer B } } ? Sendable<B> : never;
/** The JSON answer an operation gives with the status S. */
type Answer<Op extends keyof operations, S extends number> =
  operations[Op]['responses'] extends Record<S, { content: { 'application/json': infer A } }> ? A : never;

/** Quantiles and histogram of the arrival time, hours from the ready date (src/core/reliability). */
export type ArrivalDistribution = Schemas['ArrivalDistribution'];

/** An itinerary of a route answer; `arrival` is the page's own: the Monte Carlo's answer matched by key. */
export type Itinerary = Schemas['Itinerary'] & { arrival?: ArrivalDistribution };
export type RouteResult = Omit<Schemas['RouteResult'], 'itineraries'> & { itineraries: Itinerary[] };
export type ReliabilityResult = Schemas['ReliabilityResult'];

export type NetworkFeature = Schemas['NetworkFeature'];
export type NetworkGeoJson = Schemas['NetworkGeoJson'];

/** A route search as POST /routes takes it (core/requests/route.ts). */
export type RouteQuery = Body<'searchRoutesWithBody'>;
/** A scenario document as POST /scenarios takes it (core/scenarios schema). */
export type ScenarioInput = Body<'createScenario'>;

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

/** A link as GET /network/links lists it (the fields the scenario builder reads; the record has more). */
export type LinkRecord = Schemas['NetworkLink'];
/** A scheduled service as GET /network/services lists it. */
export type ServiceRecord = Schemas['NetworkService'];

export function getNetworkLinks(): Promise<Answer<'listLinks', 200>> {
  return call('GET', '/network/links');
}

export function getNetworkServices(): Promise<Answer<'listServices', 200>> {
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
export function searchReliability(q: Body<'computeReliability'>): Promise<ReliabilityResult> {
  return call('POST', '/reliability', q);
}

/** POST /emissions/itinerary: one itinerary of a route answer (by its key) as an ISO 14083 / iLEAP footprint. */
export function exportItineraryEmissions(
  q: Body<'exportItineraryEmissions'>,
): Promise<Answer<'exportItineraryEmissions', 200>> {
  return call('POST', '/emissions/itinerary', q);
}

// ---- scenarios (a token's own) ----

/** A stored scenario as GET /scenarios returns it; `scenario` is the document (core/scenarios schema). */
export type ScenarioRecord = Schemas['StoredScenario'];

/** POST /scenarios: stores a scenario of the token's owner, after the server checks it against the network. */
export function createScenario(s: ScenarioInput): Promise<ScenarioRecord> {
  return call('POST', '/scenarios', s);
}

export function listScenarios(): Promise<Schemas['StoredScenarioList']> {
  return call('GET', '/scenarios');
}

/** One route search's outcome in compact form (baseline or under a scenario). */
export type RouteSummary = Schemas['RouteSummary'];
export type CompareResult = Schemas['RouteComparison'];

/** POST /scenarios/compare: one route search on the baseline and under each named scenario. */
export function compareScenarios(q: Body<'compareRouteUnderScenarios'>): Promise<CompareResult> {
  return call('POST', '/scenarios/compare', q);
}

// ---- scenario library and flows (public; a token adds your stored scenarios) ----

export type ScenarioLibrary = Schemas['ScenarioLibrary'];
export type LibraryScenario = ScenarioLibrary['scenarios'][number];
export type DemandSetInfo = ScenarioLibrary['demands'][number];

/** GET /scenarios/library: the dataset's own scenarios and demand sets. */
export function getScenarioLibrary(): Promise<ScenarioLibrary> {
  return call('GET', '/scenarios/library');
}

/** A value in the base run, the other run, and other minus base (null where a run has none). */
export type Pair = Schemas['Pair'];
/** One capacity-limited element in one run; flow and capacity in TEU (equivalents) a year. */
export type ElementLoad = Schemas['ElementLoad'];
export type FlowsResult = Schemas['FlowsResult'];

/**
 * POST /scenarios/flows: the demand set assigned at equilibrium under two scenarios (library ids, "baseline",
 * or with a token your stored ones), with KPIs, differences, utilisation and bottlenecks.
 */
export function compareFlows(q: Body<'compareScenarioFlows'>): Promise<FlowsResult> {
  return call('POST', '/scenarios/flows', q);
}

// ---- shipments (a token's own) ----

/** A milestone as POST /shipments/:id/events takes it (core/requests/shipments.ts). */
export type Milestone = Body<'recordShipmentEvent'>;
export type MilestoneType = Milestone['type'];
export const MILESTONE_TYPES: readonly MilestoneType[] = ['departed', 'border_crossed', 'ferry_loaded', 'arrived'];

export type ShipmentEvent = Schemas['ShipmentEvent'];
export type Shipment = Schemas['Shipment'];
export type ShipmentEta = Schemas['ShipmentEta'];

export function listShipments(): Promise<Schemas['ShipmentList']> {
  return call('GET', '/shipments');
}

export function createShipment(body: Body<'createShipment'>): Promise<Shipment> {
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

export type SweepSpecInput = Body<'startSweep'>;
export type SweepSummary = Schemas['SweepSummary'];
export type SweepJob = Schemas['SweepJob'];

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
