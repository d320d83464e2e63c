/**
 * zod schemas of the API's requests. The same schemas validate each request (fastify-type-provider-zod) and
 * generate the OpenAPI 3.1 document, so the documentation cannot drift from what the server accepts.
 */
import { z } from 'zod';
import { MODES } from '../core/network/schema.ts';
import { MILESTONE_TYPES } from '../core/shipments/milestone.ts';

const nodeRef = z.string().min(1).max(200).describe('node id (kz-aktau) or name, alias or UN/LOCODE (Aktau, KZ AAU)');
const isoDateTime = z.iso.datetime({ offset: true });
const commaList = <T extends string>(item: z.ZodType<T, string>, what: string) =>
  z
    .string()
    .max(2000)
    .describe(`comma-separated ${what}`)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(item).max(100));
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as KZ');
const id = z.string().min(1).max(200);

/** GET /routes: the CLI's route parameters as a query string. */
export const RouteQuerySchema = z.strictObject({
  from: nodeRef,
  to: nodeRef,
  depart: isoDateTime.optional().describe('ready date-time, ISO 8601 (default: now)'),
  cargo: z.enum(['containers', 'bulk', 'liquid', 'general']).default('containers'),
  teu: z.coerce.number().positive().max(1e6).optional().describe('containers: number of TEU (default 1)'),
  tonnes: z.coerce.number().positive().max(1e8).optional().describe('bulk, liquid, general: tonnes'),
  tonnesPerTeu: z.coerce.number().positive().max(30).optional(),
  avoidCountries: commaList(countryCode, 'ISO 3166 alpha-2 codes').optional(),
  avoidModes: commaList(z.enum(MODES), `modes (${MODES.join(', ')})`).optional(),
  avoidNodes: commaList(id, 'node ids').optional(),
  avoidLinks: commaList(id, 'link ids').optional(),
  includePlannedUpTo: z.coerce.number().int().min(1990).max(2100).optional(),
  maxTransfers: z.coerce.number().int().min(0).max(50).optional(),
  useRisk: z.enum(['true', 'false']).optional(),
  timeline: z.enum(['true', 'false']).optional().describe('include the step distributions of each itinerary'),
});
export type RouteQuery = z.output<typeof RouteQuerySchema>;

export const CargoBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('containers'),
    teu: z.number().positive().max(1e6),
    tonnesPerTeu: z.number().positive().max(30).optional(),
    commodity: z.string().max(200).optional(),
  }),
  z.strictObject({
    kind: z.enum(['bulk', 'liquid', 'general']),
    tonnes: z.number().positive().max(1e8),
    commodity: z.string().max(200).optional(),
  }),
]);

/** POST /routes and the route part of other requests. */
export const RouteBodyShape = {
  from: nodeRef,
  to: nodeRef,
  depart: isoDateTime.optional(),
  cargo: CargoBodySchema.default({ kind: 'containers', teu: 1 }),
  avoidCountries: z.array(countryCode).max(100).optional(),
  avoidModes: z.array(z.enum(MODES)).max(10).optional(),
  avoidNodes: z.array(id).max(100).optional(),
  avoidLinks: z.array(id).max(100).optional(),
  includePlannedUpTo: z.number().int().min(1990).max(2100).optional(),
  maxTransfers: z.number().int().min(0).max(50).optional(),
  useRisk: z.boolean().optional(),
};
export const RouteBodySchema = z.strictObject({ ...RouteBodyShape, timeline: z.boolean().optional() });
export type RouteBody = z.output<typeof RouteBodySchema>;

const samples = z.number().int().min(100).max(200_000).default(10_000);
const seed = z.number().int().min(0).max(0xffffffff).default(1);

export const ReliabilityBodySchema = z.strictObject({
  ...RouteBodyShape,
  deadline: isoDateTime.optional(),
  samples,
  seed,
});

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const NodeParamsSchema = z.strictObject({ id: z.string().min(1).max(200) });

export const ShipmentBodySchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  ...RouteBodyShape,
  depart: isoDateTime,
  deadline: isoDateTime,
  itinerary: z.number().int().min(0).max(50).default(0).describe('index of the chosen itinerary in the route search'),
});

export const EventBodySchema = z.strictObject({
  type: z.enum(MILESTONE_TYPES),
  node: nodeRef,
  at: isoDateTime,
  note: z.string().max(1000).optional(),
});

export const EtaQuerySchema = z.strictObject({
  samples: z.coerce.number().int().min(100).max(200_000).default(10_000),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
});

export const CompareBodySchema = z.strictObject({
  ...RouteBodyShape,
  scenarios: z.array(z.string().min(1).max(100)).min(1).max(10).describe('ids of your stored scenarios'),
});

export const PortSimulationBodySchema = z.strictObject({
  node: nodeRef,
  teuPerWeek: z.number().nonnegative().max(1e6),
  weeks: z.number().int().min(1).max(520).default(52),
  seed,
});

/** POST /scenarios/flows: two runs of the capacity-constrained assignment on one demand set. */
export const FlowsBodySchema = z.strictObject({
  base: z
    .string()
    .min(1)
    .max(100)
    .describe('"baseline", the id of a library scenario (GET /scenarios/library), or, with a token, of yours'),
  other: z.string().min(1).max(100).describe('the scenario compared with base; same kinds of id'),
  demand: z.string().min(1).max(100).optional().describe('id of a demand set of the library (default: the default)'),
  votFactor: z
    .number()
    .positive()
    .max(100)
    .default(1)
    .describe("multiplies every commodity's value of time (shippers' sensitivity to time)"),
});
export type FlowsBody = z.output<typeof FlowsBodySchema>;
