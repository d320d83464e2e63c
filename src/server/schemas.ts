/**
 * The API's request schemas: the core's request schemas (src/core/requests, shared with the CLI and the worker
 * protocol) plus the path parameters. The same schemas validate each request (fastify-type-provider-zod) and
 * generate the OpenAPI 3.1 document, so the documentation cannot drift from what the server accepts.
 */
import { z } from 'zod';
import { RouteTextFields, RouteTextSchema } from '../core/index.ts';

export {
  CompareRequestSchema,
  EtaQuerySchema,
  FlowsRequestSchema,
  MilestoneRequestSchema,
  PortSimulationRequestSchema,
  ReliabilityRequestSchema,
  RouteRequestSchema,
  ScenarioSchema,
  ShipmentRequestSchema,
} from '../core/index.ts';

/** GET /routes: the CLI's route flags as a query string (the same text schema). */
export const RouteQuerySchema = z.strictObject(RouteTextFields);
export const readRouteQuery = (q: unknown) => RouteTextSchema.parse(q);

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const NodeParamsSchema = z.strictObject({ id: z.string().min(1).max(200) });
