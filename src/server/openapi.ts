/**
 * Completes the generated OpenAPI document into a contract clients can build on: a stable operationId for every
 * operation (from OPERATION_IDS; a route missing there fails the document's test), the success answer of each
 * operation with its schema (RESPONSES: the core's response schemas, src/core/responses, as components), the
 * error responses each can give with the one error schema, explicit `security` (empty for public operations),
 * `servers` and a licence.
 *
 * The response schemas document the answers; they do not serialise them (Fastify would drop any field a schema
 * does not name). test/server/openapi-responses.test.ts shows that each operation's real answer is exactly what
 * its schema says, so the document cannot drift from the server.
 */
import type { z } from 'zod';
import * as R from '../core/index.ts';
import { responseComponents, responseRegistry } from '../core/index.ts';

/** operationId of each "METHOD path" (paths as OpenAPI writes them). */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /health': 'getHealth',
  'GET /network': 'getNetwork',
  'GET /network/geojson': 'getNetworkGeoJson',
  'GET /network/nodes': 'listNodes',
  'GET /network/links': 'listLinks',
  'GET /network/services': 'listServices',
  'GET /network/sources': 'listSources',
  'GET /network/nodes/{id}': 'getNode',
  'GET /network/search': 'searchNodes',
  'GET /routes': 'searchRoutes',
  'POST /routes': 'searchRoutesWithBody',
  'POST /reliability': 'computeReliability',
  'POST /emissions': 'computeChainEmissions',
  'POST /emissions/itinerary': 'exportItineraryEmissions',
  'POST /simulations/port': 'startPortSimulation',
  'GET /simulations/{id}': 'getSimulation',
  'DELETE /simulations/{id}': 'cancelSimulation',
  'GET /simulations/{id}/events': 'streamSimulationProgress',
  'POST /sweeps': 'startSweep',
  'GET /sweeps/{id}': 'getSweep',
  'GET /sweeps/{id}/variants': 'listSweepVariants',
  'DELETE /sweeps/{id}': 'cancelSweep',
  'POST /jobs/reliability': 'startReliabilityJob',
  'POST /jobs/flows': 'startFlowsJob',
  'POST /jobs/appraisal': 'startAppraisalJob',
  'GET /jobs/{id}': 'getJob',
  'DELETE /jobs/{id}': 'cancelJob',
  'GET /scenarios/library': 'getScenarioLibrary',
  'GET /exports': 'getKazakhExports',
  'POST /scenarios/flows': 'compareScenarioFlows',
  'GET /scenarios': 'listScenarios',
  'POST /scenarios': 'createScenario',
  'GET /scenarios/{id}': 'getScenario',
  'PUT /scenarios/{id}': 'replaceScenario',
  'DELETE /scenarios/{id}': 'deleteScenario',
  'POST /scenarios/compare': 'compareRouteUnderScenarios',
  'POST /shipments': 'createShipment',
  'GET /shipments': 'listShipments',
  'GET /shipments/{id}': 'getShipment',
  'DELETE /shipments/{id}': 'deleteShipment',
  'GET /shipments/{id}/events': 'listShipmentEvents',
  'POST /shipments/{id}/events': 'recordShipmentEvent',
  'GET /shipments/{id}/eta': 'predictShipmentArrival',
  'POST /appraisal': 'startAppraisal',
  'GET /appraisal/{id}': 'getAppraisal',
};

/** The success answer of each documented operation: its status and the core's schema of its body. */
export const RESPONSES: Readonly<Record<string, { status: number; schema: z.ZodType; description: string }>> = {
  'GET /health': { status: 200, schema: R.HealthSchema, description: 'the dataset served' },
  'GET /network': { status: 200, schema: R.NetworkSummarySchema, description: 'manifest and counts' },
  'GET /network/geojson': { status: 200, schema: R.NetworkGeoJsonSchema, description: 'nodes and links' },
  'GET /network/links': { status: 200, schema: R.NetworkLinksSchema, description: 'every link record' },
  'GET /network/services': { status: 200, schema: R.NetworkServicesSchema, description: 'every service record' },
  'GET /network/search': { status: 200, schema: R.NodeSearchSchema, description: 'matching nodes' },
  'GET /routes': { status: 200, schema: R.RouteResultSchema, description: 'the Pareto-optimal itineraries' },
  'POST /routes': { status: 200, schema: R.RouteResultSchema, description: 'the Pareto-optimal itineraries' },
  'POST /reliability': { status: 200, schema: R.ReliabilityResultSchema, description: 'arrival distributions' },
  'POST /emissions': { status: 200, schema: R.ChainEmissionsSchema, description: 'emissions per element' },
  'POST /emissions/itinerary': { status: 200, schema: R.IleapExportSchema, description: 'the iLEAP export' },
  'POST /simulations/port': { status: 202, schema: R.JobSchema, description: 'the job, queued' },
  'GET /simulations/{id}': { status: 200, schema: R.JobSchema, description: 'the job; its result once done' },
  'POST /sweeps': { status: 202, schema: R.SweepJobSchema, description: 'the sweep job, queued' },
  'GET /sweeps/{id}': { status: 200, schema: R.SweepJobSchema, description: 'progress; the summary once done' },
  'DELETE /sweeps/{id}': { status: 200, schema: R.SweepJobSchema, description: 'the sweep job, cancelled' },
  'POST /jobs/reliability': { status: 202, schema: R.JobSchema, description: 'the job, queued' },
  'POST /jobs/flows': { status: 202, schema: R.JobSchema, description: 'the job, queued' },
  'POST /jobs/appraisal': { status: 202, schema: R.JobSchema, description: 'the job, queued' },
  'GET /jobs/{id}': { status: 200, schema: R.JobSchema, description: 'the job; its result once done' },
  'GET /scenarios/library': { status: 200, schema: R.ScenarioLibrarySchema, description: 'scenarios and demands' },
  'GET /exports': { status: 200, schema: R.KazakhExportsSchema, description: 'export flows by corridor' },
  'POST /scenarios/flows': { status: 200, schema: R.FlowsResultSchema, description: 'the two runs compared' },
  'GET /scenarios': { status: 200, schema: R.StoredScenarioListSchema, description: 'your scenarios' },
  'POST /scenarios': { status: 201, schema: R.StoredScenarioSchema, description: 'the scenario, stored' },
  'GET /scenarios/{id}': { status: 200, schema: R.StoredScenarioSchema, description: 'your scenario' },
  'PUT /scenarios/{id}': { status: 200, schema: R.StoredScenarioSchema, description: 'the scenario, replaced' },
  'POST /scenarios/compare': { status: 200, schema: R.RouteComparisonSchema, description: 'one route per scenario' },
  'POST /shipments': { status: 201, schema: R.ShipmentSchema, description: 'the shipment, booked' },
  'GET /shipments': { status: 200, schema: R.ShipmentListSchema, description: 'your shipments' },
  'GET /shipments/{id}': { status: 200, schema: R.ShipmentSchema, description: 'the shipment and its events' },
  'GET /shipments/{id}/events': { status: 200, schema: R.ShipmentEventListSchema, description: 'its events' },
  'POST /shipments/{id}/events': { status: 201, schema: R.ShipmentEventSchema, description: 'the event, kept' },
  'GET /shipments/{id}/eta': { status: 200, schema: R.ShipmentEtaSchema, description: 'the re-predicted arrival' },
  'POST /appraisal': { status: 202, schema: R.AppraisalJobSchema, description: 'the job (200 when already done)' },
  'GET /appraisal/{id}': { status: 200, schema: R.AppraisalJobSchema, description: 'progress; the answer once done' },
};

/** `#/components/schemas/<name>` of a registered response schema. */
function refOf(schema: z.ZodType): { $ref: string } {
  const id = responseRegistry.get(schema)?.id;
  if (id === undefined) throw new Error('a response schema without a component name (register it with named())');
  return { $ref: `#/components/schemas/${id}` };
}

/** The documented success answer of an operation, replacing the "Default Response" Fastify writes. */
function successResponses(key: string, op: Operation): Record<string, unknown> {
  const r = RESPONSES[key];
  const rest = { ...op.responses };
  if (r === undefined) return rest;
  delete rest['200'];
  const ok = { description: r.description, content: { 'application/json': { schema: refOf(r.schema) } } };
  // POST /appraisal answers 200 with the finished job when the same request already ran.
  return key === 'POST /appraisal' ? { ...rest, '200': ok, [r.status]: ok } : { ...rest, [r.status]: ok };
}

/** Operations answered in the work pool: they can also be refused as busy (503) or past their budget (504). */
const HEAVY = new Set([
  'POST /reliability',
  'POST /scenarios/flows',
  'POST /scenarios/compare',
  'GET /shipments/{id}/eta',
]);

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message', 'statusCode'],
  properties: {
    error: { type: 'string', description: 'a stable code: invalid_request, unauthorized, not_found, ...' },
    message: { type: 'string', description: 'what was wrong, naming the field, the value and the bound' },
    field: { type: 'string', description: 'where the bad value was sent, e.g. body.cargo.teu' },
    value: { description: 'the value given (cut short when long)' },
    statusCode: { type: 'integer' },
    issues: { type: 'array', items: { type: 'object' }, description: 'every problem, for validation errors' },
    offered: { type: 'array', items: { type: 'object' }, description: 'the itineraries to choose from instead' },
  },
  additionalProperties: true,
};

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

type Operation = { operationId?: string; security?: unknown[]; responses?: Record<string, unknown> };
type Document = {
  info: Record<string, unknown>;
  servers?: unknown[];
  components?: Record<string, Record<string, unknown>>;
  paths?: Record<string, Record<string, Operation>>;
};

function errorResponses(key: string, op: Operation, path: string): Record<string, unknown> {
  const secured = (op.security?.length ?? 0) > 0;
  return {
    '400': error('invalid request: the field, the value and the bound are named'),
    ...(secured || key === 'POST /scenarios/flows' ? { '401': error('no valid bearer token') } : {}),
    ...(path.includes('{') ? { '404': error('no such record of yours') } : {}),
    ...(key === 'POST /shipments'
      ? {
          '409': error('itinerary_gone: the search no longer offers the itinerary key; `offered` lists what it does'),
          '422': error('no_route or no_such_itinerary: nothing to book at that index'),
        }
      : {}),
    '429': error('rate limit or per-client quota exceeded (see Retry-After)'),
    '500': error('a fault of the server'),
    ...(HEAVY.has(key)
      ? {
          '503': error('the work pool is busy (see Retry-After)'),
          '504': error('past the time budget (see Retry-After)'),
        }
      : {}),
  };
}

export function completeDocument<D extends object>(raw: D): D {
  const doc = raw as unknown as Document;
  doc.info.license = { name: 'Apache-2.0', identifier: 'Apache-2.0' };
  doc.servers = [{ url: '/', description: 'this server' }];
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, ...responseComponents(), Error: ERROR_SCHEMA };
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      const id = OPERATION_IDS[key];
      if (id !== undefined) op.operationId = id;
      op.security ??= [];
      op.responses = { ...errorResponses(key, op, path), ...successResponses(key, op) };
    }
  }
  return raw;
}
