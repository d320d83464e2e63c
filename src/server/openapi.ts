/**
 * Completes the generated OpenAPI document into a contract clients can build on: a stable operationId for every
 * operation (from OPERATION_IDS; a route missing there fails the document's test), the error responses each can
 * give with the one error schema, explicit `security` (empty for public operations), `servers` and a licence.
 */

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
  doc.components.schemas = { ...doc.components.schemas, Error: ERROR_SCHEMA };
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      const id = OPERATION_IDS[key];
      if (id !== undefined) op.operationId = id;
      op.security ??= [];
      op.responses = { ...errorResponses(key, op, path), ...op.responses };
    }
  }
  return raw;
}
