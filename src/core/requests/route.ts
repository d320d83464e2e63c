/**
 * A route request, defined once: the JSON shape (API bodies, the worker protocol, the web client's types) and
 * the flat text shape (GET query strings and the CLI's flags) that is read into the same JSON shape, with the same
 * bounds and messages. resolveRoute turns either into the engine's RouteRequest (names to ids, default departure).
 */

import { z } from 'zod';
import { bounded, boundedText } from '../bounds.ts';
import type { Network } from '../network/network.ts';
import { MODES } from '../network/schema.ts';
import type { RouteRequest } from '../routing/plan.ts';
import type { Cargo } from '../routing/query.ts';
import { IsoDateSchema } from './dates.ts';
import { departureNotes } from './departure-notes.ts';
import { CountryCodeSchema, IdSchema, NodeRefSchema, resolvePlaceIds } from './places.ts';

const commodity = z.string().max(200, 'must be at most 200 characters').optional();

export const CargoSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('containers'),
    teu: bounded('teu'),
    tonnesPerTeu: bounded('tonnesPerTeu').optional(),
    commodity,
  }),
  z.strictObject({ kind: z.enum(['bulk', 'liquid', 'general']), tonnes: bounded('tonnes'), commodity }),
]);

/** A scenario's id: "baseline", a library scenario (GET /scenarios/library) or, with a token, a stored one. */
export const ScenarioIdSchema = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** The scenario a search runs under (route and reliability requests); absent: the baseline. */
export const RouteScenarioField = {
  scenario: ScenarioIdSchema.optional().describe(
    'route under this scenario: "baseline" (default), a library scenario id, or, with a token, one of yours',
  ),
};

/** The fields of a route search, shared by every request that starts with one. */
export const RouteFields = {
  from: NodeRefSchema,
  to: NodeRefSchema,
  depart: IsoDateSchema.optional().describe('ready date or date-time, ISO 8601 (default: now)'),
  cargo: CargoSchema.default({ kind: 'containers', teu: 1 }),
  avoidCountries: z.array(CountryCodeSchema).max(100).optional(),
  avoidModes: z.array(z.enum(MODES)).max(10).optional(),
  avoidNodes: z.array(NodeRefSchema).max(100).optional().describe('node ids or names'),
  avoidLinks: z.array(IdSchema).max(100).optional(),
  includePlannedUpTo: bounded('year').optional(),
  maxTransfers: bounded('maxTransfers').optional(),
  useRisk: z.boolean().optional(),
};

export const RouteRequestSchema = z.strictObject({
  ...RouteFields,
  ...RouteScenarioField,
  timeline: z.boolean().optional().describe('include the step distributions of each itinerary'),
});
export type RouteRequestInput = z.input<typeof RouteRequestSchema>;
export type RouteRequestBody = z.output<typeof RouteRequestSchema>;

const textList = <T extends z.ZodType<unknown, string>>(item: T, what: string) =>
  z
    .string()
    .max(2000, 'must be at most 2000 characters')
    .describe(`comma-separated ${what}`)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(item).max(100, 'must list at most 100 items'));
const flag = z.enum(['true', 'false']).transform((s) => s === 'true');

/** A route search as text fields: a GET query string, or the CLI's flags (camel-cased by commander). */
export const RouteTextFields = {
  from: NodeRefSchema,
  to: NodeRefSchema,
  depart: IsoDateSchema.optional().describe('ready date or date-time, ISO 8601 (default: now)'),
  cargo: z.enum(['containers', 'bulk', 'liquid', 'general']).optional(),
  teu: boundedText('teu').optional().describe('containers: number of TEU (default 1)'),
  feu: boundedText('feu').optional().describe('containers: number of FEU (2 TEU each)'),
  tonnes: boundedText('tonnes').optional().describe('bulk, liquid, general: tonnes'),
  tonnesPerTeu: boundedText('tonnesPerTeu').optional(),
  commodity,
  avoidCountries: textList(CountryCodeSchema, 'ISO 3166 alpha-2 codes').optional(),
  avoidModes: textList(z.enum(MODES), `modes (${MODES.join(', ')})`).optional(),
  avoidNodes: textList(NodeRefSchema, 'node ids or names').optional(),
  avoidLinks: textList(IdSchema, 'link ids').optional(),
  includePlannedUpTo: boundedText('year').optional(),
  maxTransfers: boundedText('maxTransfers').optional(),
  useRisk: flag.optional(),
  ...RouteScenarioField,
  timeline: flag.optional().describe('include the step distributions of each itinerary'),
};

type TextOut = z.output<z.ZodObject<typeof RouteTextFields>>;

/** The cargo of a text request: containers by default, or tonnes of the given kind (tonnes alone means bulk). */
function cargoOfText(q: TextOut, ctx: z.RefinementCtx): Cargo {
  const kind = q.cargo ?? (q.tonnes !== undefined ? 'bulk' : 'containers');
  const refuse = (field: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [field], message, input: q[field as keyof TextOut] });
    return z.NEVER;
  };
  if (kind === 'containers') {
    if (q.tonnes !== undefined)
      return refuse('tonnes', 'containers are counted in teu or feu; tonnes need cargo bulk, liquid or general');
    const teu = q.teu === undefined && q.feu === undefined ? 1 : (q.teu ?? 0) + 2 * (q.feu ?? 0);
    if (teu > 1e6) return refuse('feu', 'teu + 2 x feu must be at most 1,000,000 TEU');
    return { kind, teu, tonnesPerTeu: q.tonnesPerTeu, commodity: q.commodity };
  }
  if (q.teu !== undefined || q.feu !== undefined)
    return refuse(q.teu !== undefined ? 'teu' : 'feu', `${kind} cargo is counted in tonnes`);
  if (q.tonnes === undefined) return refuse('tonnes', `${kind} cargo needs tonnes`);
  return { kind, tonnes: q.tonnes, commodity: q.commodity };
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const RouteTextSchema = z.strictObject(RouteTextFields).transform(
  (q, ctx): RouteRequestBody =>
    stripUndefined({
      from: q.from,
      to: q.to,
      depart: q.depart,
      cargo: cargoOfText(q, ctx),
      avoidCountries: q.avoidCountries,
      avoidModes: q.avoidModes,
      avoidNodes: q.avoidNodes,
      avoidLinks: q.avoidLinks,
      includePlannedUpTo: q.includePlannedUpTo,
      maxTransfers: q.maxTransfers,
      useRisk: q.useRisk,
      scenario: q.scenario,
      timeline: q.timeline,
    }),
);

/** Resolves a place named in a request field to its node id, or its terminals' ids for a city. */
export type PlaceResolver = (field: string, query: string) => string | string[];

/**
 * The engine's request: places resolved to node ids (a city with several terminals to all of them, avoided or
 * not), departure defaulting to `now`. A caller may pass its own resolver (the server remembers names).
 */
export function resolveRoute(
  net: Network,
  r: z.output<z.ZodObject<typeof RouteFields>>,
  now: Date,
  placeIds: PlaceResolver = (field, query) => resolvePlaceIds(net, field, query),
): RouteRequest {
  return {
    from: placeIds('from', r.from),
    to: placeIds('to', r.to),
    depart: r.depart ?? now.toISOString(),
    cargo: r.cargo,
    avoidCountries: r.avoidCountries,
    avoidModes: r.avoidModes,
    // A city avoided is all its terminals avoided.
    avoidNodes: r.avoidNodes?.flatMap((n, i) => placeIds(`avoidNodes.${i}`, n)),
    avoidLinks: r.avoidLinks,
    includePlannedUpTo: r.includePlannedUpTo,
    maxTransfers: r.maxTransfers,
    useRisk: r.useRisk,
    notes: departureNotes(r.depart, now),
  };
}
