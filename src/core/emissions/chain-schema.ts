/**
 * The transport chain a user describes (docs/emissions-chain-format.md): shared cargo, then an ordered list of
 * legs and hubs. zod validates it so that a bad field is reported with its path and value.
 */
import { z } from 'zod';
import { type Issue, KeruenError } from '../errors.ts';
import { isCountryCode } from '../network/countries.ts';
import { HUB_OPERATIONS } from './factor-schema.ts';
import { FuelUseSchema, HubPrimarySchema, LegPrimarySchema } from './primary-data.ts';

const quantity = z.number().finite('must be a finite number').nonnegative('must not be negative');

export const CargoSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('containers'), teu: quantity, tonnesPerTeu: quantity.optional() }),
  z.strictObject({ kind: z.enum(['bulk', 'liquid', 'general']), tonnes: quantity }),
]);

const common = {
  id: z.string().min(1).optional(),
  /** Free-text place names or network node ids; reported, not used in the calculation. */
  from: z.string().optional(),
  to: z.string().optional(),
  location: z.string().optional(),
  cargo: CargoSchema.optional(),
  factorId: z.string().optional(),
  note: z.string().optional(),
};

export const ChainLegSchema = z.strictObject({
  type: z.literal('leg'),
  mode: z.enum(['rail', 'road', 'ferry', 'sea', 'inland_waterway'], {
    error: (i) => `unknown mode ${JSON.stringify(i.input)}; use rail, road, ferry, sea or inland_waterway`,
  }),
  distanceKm: quantity,
  country: z
    .string()
    .refine(isCountryCode, { error: (iss) => `unknown ISO 3166 country code ${JSON.stringify(iss.input)}` }),
  electrified: z.boolean().optional(),
  gauge: z.number().int().optional(),
  vessel: z
    .enum(['rail_ferry', 'ro_pax', 'ro_ro', 'container_feeder', 'container_ship', 'block_train', 'general_cargo'])
    .optional(),
  tradeLane: z.string().optional(),
  groupage: z.boolean().optional(),
  distanceBasis: z.enum(['sfd', 'actual']).optional(),
  carrierTareTonnesPerTeu: quantity.optional(),
  /** The carrier's own intensity (primary data): replaces the default factor. */
  primary: LegPrimarySchema.optional(),
  /** The carrier's fuel or electricity for this shipment on this leg (primary data): replaces any intensity. */
  fuelUse: FuelUseSchema.optional(),
  ...common,
});

export const ChainHubSchema = z.strictObject({
  type: z.literal('hub'),
  operation: z.enum(HUB_OPERATIONS, {
    error: (i) => `unknown hub operation ${JSON.stringify(i.input)}; use ${HUB_OPERATIONS.join(', ')}`,
  }),
  /** The hub operator's own intensity (primary data): replaces the default factor. */
  primary: HubPrimarySchema.optional(),
  ...common,
});

export const ChainSchema = z
  .strictObject({
    shipmentId: z.string().min(1),
    description: z.string().optional(),
    cargo: CargoSchema,
    elements: z.array(z.discriminatedUnion('type', [ChainLegSchema, ChainHubSchema])).min(1, 'a chain has elements'),
  })
  .strict();
export type ChainInput = z.output<typeof ChainSchema>;
export type ChainElementInput = ChainInput['elements'][number];

/** Validates a parsed JSON value as a chain, or throws KERUEN_INVALID_INPUT naming each bad field and value. */
export function parseChain(value: unknown, file?: string): ChainInput {
  const r = ChainSchema.safeParse(value);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((zi) => ({
    code: zi.code === 'custom' ? 'invalid_value' : zi.code,
    file,
    field: zi.path.map(String).join('.'),
    value: valueAt(value, zi.path),
    message: zi.message,
  }));
  throw new KeruenError('KERUEN_INVALID_INPUT', `invalid chain: ${issues.length} problem(s)`, issues);
}

function valueAt(rec: unknown, path: PropertyKey[]): unknown {
  let v: unknown = rec;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
