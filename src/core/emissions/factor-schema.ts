/**
 * Schemas of the emission factor records in data/emissions/*.yaml (ISO 14083:2023 / GLEC Framework v3).
 *
 * A file's kind comes from its name: `sources*.yaml`, `tocs*.yaml` (transport operation categories),
 * `hocs*.yaml` (hub operation categories), `grid*.yaml` (electricity carbon intensity per country),
 * `traction*.yaml` (electrified share of rail), `energy*.yaml` (fuel and electricity factors) and
 * `conventions*.yaml` (TEU mass, distance adjustment factors, regional uplifts), `lanes*.yaml` (the GLEC trade lane
 * each scheduled sea service sails on) and `primary*.yaml` (carriers' own intensities for services of the network,
 * ISO 14083 primary data). Every record names its source
 * (an `E…` id from sources.yaml), the page of the source and the framework version it belongs to, because GLEC
 * values change between editions (v3.0 → v3.1 → v3.2) and a result must say which one it used.
 */
import { z } from 'zod';
import { isCountryCode } from '../network/countries.ts';
import { SourceRefSchema } from '../network/figure.ts';
import { SourceSchema } from '../network/schema.ts';

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. rail-eu-diesel-container');
const CountrySchema = z
  .string()
  .refine(isCountryCode, { error: (iss) => `unknown ISO 3166 country code ${JSON.stringify(iss.input)}` });
const nonNegative = z.number().finite('must be a finite number').nonnegative('must not be negative');
const share = z.number().min(0, 'a share is between 0 and 1').max(1, 'a share is between 0 and 1');

/** Provenance every factor carries: source ids, page in the source, framework or dataset version. */
const provenance = {
  source: SourceRefSchema,
  page: z.string().min(1).optional(),
  /** e.g. "GLEC v3.0", "Ember yearly 2024". */
  version: z.string().min(1),
  year: z.number().int().min(1990).max(2100).optional(),
  note: z.string().optional(),
};

/** The network's source record, with ids E<n> for the emission factors' own sources. */
export const EmissionSourceSchema = SourceSchema.extend({
  id: z.string().regex(/^E\d+$/, 'emission source ids are E followed by a number, e.g. E1'),
});
export type EmissionSource = z.infer<typeof EmissionSourceSchema>;

export const TOC_UNITS = ['g_per_tkm', 'g_per_teukm'] as const;
export const ENERGY_CARRIERS = ['diesel', 'hfo', 'vlsfo', 'electric'] as const;
export const TOC_MODES = ['rail', 'road', 'sea', 'ferry', 'inland_waterway'] as const;

/**
 * A transport operation category. Either a fixed intensity (wttG + ttwG = wtwG, in grams per unit of activity)
 * or, for electric traction, an energy intensity in kWh per tonne-km that is multiplied by a grid factor.
 */
export const TocSchema = z
  .strictObject({
    id: IdSchema,
    mode: z.enum(TOC_MODES),
    /** The framework's own category label, e.g. "Ro-Ro 5,000-9,999 dwt". */
    category: z.string().min(3),
    /** Where the factor is valid: "EU", "global", a trade lane, or a country code. */
    region: z.string().min(2),
    energyCarrier: z.enum(ENERGY_CARRIERS),
    cargoClass: z.enum(['container', 'average', 'bulk', 'general', 'vehicles']).default('average'),
    loadFactor: share.optional(),
    emptyRunning: share.optional(),
    unit: z.enum(TOC_UNITS, { error: (i) => `unknown unit ${JSON.stringify(i.input)}; use g_per_tkm or g_per_teukm` }),
    /** `gross`: tonne-km of vehicle plus cargo (Ro-Ro, ferries), to be allocated to the cargo carried. */
    activityBasis: z.enum(['net', 'gross']).default('net'),
    /** Distance adjustment already inside the factor (GLEC container end-user factors include +15 %). */
    dafIncluded: z.boolean().default(false),
    wttG: nonNegative.optional(),
    ttwG: nonNegative.optional(),
    wtwG: nonNegative.optional(),
    kWhPerTkm: nonNegative.optional(),
    ...provenance,
  })
  .superRefine((t, ctx) => {
    const fixed = t.wttG !== undefined || t.ttwG !== undefined || t.wtwG !== undefined;
    if (t.kWhPerTkm === undefined) {
      if (t.wttG === undefined || t.ttwG === undefined || t.wtwG === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'a TOC needs wttG, ttwG and wtwG, or kWhPerTkm for electric traction',
          path: [t.wtwG === undefined ? 'wtwG' : t.wttG === undefined ? 'wttG' : 'ttwG'],
        });
      } else if (Math.abs(t.wttG + t.ttwG - t.wtwG) > 0.1 + 1e-9) {
        // Each column of the framework's tables is rounded to 0.1 g, so the sum may miss by 0.1; more is a
        // transcription error.
        ctx.addIssue({
          code: 'custom',
          message: `wttG ${t.wttG} + ttwG ${t.ttwG} != wtwG ${t.wtwG}`,
          path: ['wtwG'],
        });
      }
    } else {
      if (fixed)
        ctx.addIssue({ code: 'custom', message: 'give kWhPerTkm or fixed intensities, not both', path: ['kWhPerTkm'] });
      if (t.energyCarrier !== 'electric')
        ctx.addIssue({ code: 'custom', message: 'kWhPerTkm is for electric traction', path: ['energyCarrier'] });
      if (t.unit !== 'g_per_tkm')
        ctx.addIssue({ code: 'custom', message: 'an energy-based TOC is per tkm', path: ['unit'] });
    }
  });
export type Toc = z.output<typeof TocSchema>;

export const HUB_OPERATIONS = [
  'container_terminal',
  'transshipment',
  'gauge_change',
  'storage_transshipment',
  'liquid_bulk_terminal',
  'warehouse',
] as const;
export type HubOperation = (typeof HUB_OPERATIONS)[number];

/** A hub operation category. The framework's Table 3 gives WTW only; WTT/TTW are kept when a source splits them. */
export const HocSchema = z.strictObject({
  id: IdSchema,
  operation: z.enum(HUB_OPERATIONS),
  /** iLEAP HubType. */
  hubType: z.enum([
    'transshipment',
    'storageAndTransshipment',
    'warehouse',
    'liquidBulkTerminal',
    'maritimeContainerterminal',
  ]),
  category: z.string().min(3),
  temperature: z.enum(['ambient', 'refrigerated', 'mixed']).default('ambient'),
  unit: z.enum(['kg_per_teu', 'kg_per_tonne'], {
    error: (i) => `unknown unit ${JSON.stringify(i.input)}; use kg_per_teu or kg_per_tonne`,
  }),
  wtwKg: nonNegative,
  wttKg: nonNegative.optional(),
  ttwKg: nonNegative.optional(),
  ...provenance,
});
export type Hoc = z.output<typeof HocSchema>;

/** Carbon intensity of a country's electricity, with what it includes. */
export const GridSchema = z.strictObject({
  id: IdSchema,
  /** ISO country code, or "EU" for the framework's EU average. */
  country: z.union([CountrySchema, z.literal('EU')]),
  gCo2ePerKwh: nonNegative,
  /** Basis as the source states it (lifecycle, production or consumption mix). */
  basis: z.string().min(3),
  /** Whether transmission and distribution losses are inside the factor (GLEC p.17 requires them). */
  includesLosses: z.boolean(),
  /** Share of electricity lost in transmission and distribution, when a source gives one. */
  tdLossShare: z
    .strictObject({ value: z.number().min(0).max(0.5), source: SourceRefSchema, note: z.string().optional() })
    .optional(),
  /** Other published values kept for comparison and sensitivity runs. */
  alternatives: z
    .array(
      z.strictObject({
        gCo2ePerKwh: nonNegative,
        source: SourceRefSchema,
        year: z.number().int(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  ...provenance,
});
export type Grid = z.output<typeof GridSchema>;

/** Electrified share of a country's (or the EU's) rail, used when a leg's traction is unknown. */
export const TractionSchema = z.strictObject({
  id: IdSchema,
  country: z.union([CountrySchema, z.literal('EU')]),
  electricShare: share,
  /** What the share measures: route length, track length or freight tonne-km. */
  basis: z.enum(['route_length', 'track_length', 'freight_tkm']),
  ...provenance,
});
export type Traction = z.output<typeof TractionSchema>;

/** Emission factor of an energy carrier, WTW and TTW, per kg of fuel or per kWh. */
export const EnergySchema = z.strictObject({
  id: IdSchema,
  carrier: z.enum(ENERGY_CARRIERS),
  unit: z.enum(['kg_co2e_per_kg', 'kg_co2e_per_kwh']),
  ttw: nonNegative,
  wtw: nonNegative,
  ...provenance,
});
export type Energy = z.output<typeof EnergySchema>;

export const CONVENTION_KEYS = [
  'tonnes_per_teu_average',
  'tonnes_per_teu_light',
  'tonnes_per_teu_heavy',
  'container_tare_tonnes_per_teu',
  'daf_sea',
  'daf_road_groupage',
  'road_uplift_asia',
] as const;
export type ConventionKey = (typeof CONVENTION_KEYS)[number];

/** A named number of the method (TEU mass, distance adjustment, uplift) with its source. */
export const ConventionSchema = z.strictObject({
  id: z.enum(CONVENTION_KEYS, {
    error: (i) => `unknown convention ${JSON.stringify(i.input)}; known: ${CONVENTION_KEYS.join(', ')}`,
  }),
  value: nonNegative,
  /** Countries the convention applies to (road_uplift_asia), when it is regional. */
  countries: z.array(CountrySchema).optional(),
  estimate: z.string().min(10).optional(),
  ...provenance,
});
export type Convention = z.output<typeof ConventionSchema>;

/**
 * The trade lane of scheduled container services: their sea legs take the lane's factor (TOC
 * `sea-container-<id>`, GLEC Table 16 after the Clean Cargo lanes) instead of the industry average.
 */
export const LaneSchema = z.strictObject({
  /** The lane, e.g. asia-north-europe; a TOC sea-container-<id> must exist. */
  id: IdSchema,
  /** Network service ids (data/services) that sail on this lane. */
  services: z.array(IdSchema).min(1),
  ...provenance,
});
export type Lane = z.output<typeof LaneSchema>;

/**
 * A carrier's own intensity (ISO 14083 primary data), per tonne-km or TEU-km on the net cargo basis unless
 * `activityBasis` says gross. WTW is required; TTW when the carrier splits it.
 */
export const PrimaryIntensitySchema = z.strictObject({
  unit: z.enum(TOC_UNITS, { error: (i) => `unknown unit ${JSON.stringify(i.input)}; use g_per_tkm or g_per_teukm` }),
  wtwG: nonNegative,
  ttwG: nonNegative.optional(),
  activityBasis: z.enum(['net', 'gross']).default('net'),
  /** Whether the carrier's figure is on actual distance (true) or needs the GLEC distance adjustment (false). */
  dafIncluded: z.boolean().default(true),
});
export type PrimaryIntensity = z.output<typeof PrimaryIntensitySchema>;

/** Primary data for a service of the network: takes precedence over the default TOC on every leg it sails. */
export const PrimarySchema = z
  .strictObject({
    id: IdSchema,
    /** Network service id (data/services). */
    service: IdSchema,
    /** Who reported the figure (carrier or operator). */
    carrier: z.string().min(2),
    energyCarrier: z.enum(ENERGY_CARRIERS).optional(),
    ...PrimaryIntensitySchema.shape,
    ...provenance,
  })
  .superRefine((p, ctx) => {
    if (p.ttwG !== undefined && p.ttwG > p.wtwG)
      ctx.addIssue({ code: 'custom', message: `ttwG ${p.ttwG} exceeds wtwG ${p.wtwG}`, path: ['ttwG'] });
  });
export type Primary = z.output<typeof PrimarySchema>;

export const EmissionFileSchemas = {
  sources: EmissionSourceSchema,
  tocs: TocSchema,
  hocs: HocSchema,
  grid: GridSchema,
  traction: TractionSchema,
  energy: EnergySchema,
  conventions: ConventionSchema,
  lanes: LaneSchema,
  primary: PrimarySchema,
} as const;
export type EmissionRecordKind = keyof typeof EmissionFileSchemas;
