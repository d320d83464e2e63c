/**
 * The network model as analysts write it in data/*.yaml: sources, nodes (with facilities, border posts and
 * gauge-change points), links, scheduled services and default rates. zod validates each record; the TypeScript
 * types derive from these schemas. Cross-record rules (references, duplicates) live in validate.ts.
 */
import { z } from 'zod';
import { BOUNDS, bounded } from '../bounds.ts';
import { PriceSeriesSchema } from '../costs/price-series.ts';
import { isCountryCode } from './countries.ts';
import { DurationSchema, figureWithin, provenanceShape, requireProvenance, SourceRefSchema } from './figure.ts';

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. kz-aktau');
const CountrySchema = z
  .string()
  .refine(isCountryCode, { error: (iss) => `unknown ISO 3166 country code ${JSON.stringify(iss.input)}` });

export const SourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*$/, 'source ids are letters, digits, dot, dash, e.g. S24'),
  title: z.string().min(3),
  publisher: z.string().optional(),
  url: z.string().url().optional(),
  document: z.string().optional(),
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD; "n.d." when the page shows none. */
  date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$/, 'date is YYYY, YYYY-MM, YYYY-MM-DD or n.d.'),
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const NODE_KINDS = [
  'terminal',
  'dry_port',
  'sea_port',
  'border_crossing',
  'gauge_change',
  'junction',
  'city',
  'waypoint',
  /** Origins of Kazakhstan's exports (issue 18): mines, smelters and plants, oil and gas fields. */
  'mine',
  'plant',
  'oil_field',
] as const;
/** `pipeline`: crude oil trunk lines (CPC, BTC, Atyrau–Samara); they carry liquids only (routing/query.ts). */
export const MODES = ['rail', 'road', 'ferry', 'sea', 'inland_waterway', 'pipeline'] as const;
export const STATUSES = ['operational', 'under_construction', 'planned', 'closed'] as const;
/** Track gauges in mm: standard, Russian, Iberian, and the Indian broad gauge of Pakistan and India (1676). */
export const GAUGES = [1435, 1520, 1668, 1676] as const;
export const CORRIDORS = [
  'middle',
  'northern',
  'southern',
  'sea',
  'armenia',
  'trans_afghan',
  'instc',
  'europe',
  'china',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];
export type Mode = (typeof MODES)[number];
export type Status = (typeof STATUSES)[number];
export type Gauge = (typeof GAUGES)[number];
export type Corridor = (typeof CORRIDORS)[number];

const CoordsSchema = z
  .strictObject({
    lat: z.number().min(-90, 'latitude must be within -90..90').max(90, 'latitude must be within -90..90'),
    lon: z.number().min(-180, 'longitude must be within -180..180').max(180, 'longitude must be within -180..180'),
    ...provenanceShape,
  })
  .superRefine((v, ctx) => {
    if (v.source === undefined && v.estimate === undefined) {
      ctx.addIssue({ code: 'custom', message: 'coordinates have neither a source nor an estimate', path: ['source'] });
    }
  });

/** ISO 4217 currencies that the price series convert (data/prices/fx.yaml). */
const CurrencySchema = z.enum(['USD', 'EUR', 'CHF', 'TRY']);

/** Handling at a terminal or port: the dwell between arriving and leaving on another vehicle. */
const FacilitySchema = z.strictObject({
  dwell: DurationSchema.optional(),
  capacityTeuPerYear: figureWithin('capacityTeuPerYear').optional(),
  capacityTonnesPerYear: figureWithin('capacityTonnesPerYear').optional(),
  handlingCostUsdPerTeu: figureWithin('costUsd').optional(),
  handlingCostUsdPerTonne: figureWithin('costUsd').optional(),
  /** Currency of the two handling charges when not USD (converted at the figure's year). */
  currency: CurrencySchema.optional(),
  note: z.string().optional(),
});

/** Border post: time and cost to clear it, by direction, seen from the node's country (as CAREC CPMM reports). */
const BorderSchema = z.strictObject({
  dwellInbound: DurationSchema.optional(),
  dwellOutbound: DurationSchema.optional(),
  costUsdPerTeu: figureWithin('costUsd').optional(),
  costUsdPerTonne: figureWithin('costUsd').optional(),
  note: z.string().optional(),
});

const GaugeChangeSchema = z.strictObject({
  method: z.enum(['transshipment', 'bogie_exchange', 'axle_change', 'variable_gauge']),
  gauges: z.tuple([z.union(GAUGES.map((g) => z.literal(g))), z.union(GAUGES.map((g) => z.literal(g)))]),
  duration: DurationSchema.optional(),
  costUsdPerTeu: figureWithin('costUsd').optional(),
  costUsdPerTonne: figureWithin('costUsd').optional(),
  capacityTeuPerDay: figureWithin('capacityTeuPerDay').optional(),
  note: z.string().optional(),
});

/** A name in the page's other languages (Russian, French), where it differs from the dataset's English one. */
export const LocalNamesSchema = z.strictObject({
  ru: z.string().min(1).max(200).optional(),
  fr: z.string().min(1).max(200).optional(),
});

export const NodeSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The name in the page's other languages, where it differs in use (Актау, Bakou); searchable like an alias. */
  names: LocalNamesSchema.optional(),
  kind: z.enum(NODE_KINDS),
  country: CountrySchema,
  /** The city or metro area the node serves ("Istanbul"), shared by its terminals: naming it names them all. */
  metro: z.string().min(1).optional(),
  locode: z
    .string()
    .regex(/^[A-Z]{2} ?[A-Z0-9]{3}$/, 'UN/LOCODE is 2 letters and 3 characters, e.g. "KZ AAU"')
    .optional(),
  coords: CoordsSchema,
  status: z.enum(STATUSES).default('operational'),
  statusYear: z.number().int().min(1850).max(2100).optional(),
  corridors: z.array(z.enum(CORRIDORS)).default([]),
  facility: FacilitySchema.optional(),
  border: BorderSchema.optional(),
  gaugeChange: GaugeChangeSchema.optional(),
  sources: z.array(z.string()).default([]),
  note: z.string().optional(),
});
export type NodeInput = z.input<typeof NodeSchema>;
export type Node = z.output<typeof NodeSchema>;

const CapacitySchema = z.strictObject({
  trainsPerDay: figureWithin('trainsPerDay').optional(),
  tonnesPerYear: figureWithin('capacityTonnesPerYear').optional(),
  teuPerYear: figureWithin('capacityTeuPerYear').optional(),
});

/** A tariff on a link; per unit of cargo for the whole link, or per km. */
export const TariffSchema = z.strictObject({
  usdPerTeu: figureWithin('costUsd').optional(),
  usdPerFeu: figureWithin('costUsd').optional(),
  usdPerTonne: figureWithin('costUsd').optional(),
  usdPerTeuKm: figureWithin('costUsdPerKm').optional(),
  usdPerTonneKm: figureWithin('costUsdPerKm').optional(),
  /** Currency of the amounts above when not USD (converted at the figure's year, src/core/costs/price-book.ts). */
  currency: CurrencySchema.optional(),
});
export type Tariff = z.infer<typeof TariffSchema>;

/**
 * A link's chance of being cut, and the event that would cut it (`event`): links exposed to one event (the
 * sanctions on one country's railways, one strait) share one chance, so a route through several of them counts it
 * once (risk-events.ts). A risk without an event is an event of its own link.
 */
export const RiskSchema = z
  .object({
    value: bounded('probability'),
    event: IdSchema.optional(),
    ...provenanceShape,
  })
  .strict()
  .superRefine(requireProvenance);
export type Risk = z.output<typeof RiskSchema>;

export const LinkSchema = z
  .strictObject({
    id: IdSchema,
    from: IdSchema,
    to: IdSchema,
    mode: z.enum(MODES),
    /** Most links carry traffic both ways; a one-way link says so. */
    bidirectional: z.boolean().default(true),
    distanceKm: figureWithin('distanceKm').optional(),
    gauge: z.union(GAUGES.map((g) => z.literal(g))).optional(),
    track: z.enum(['single', 'double', 'mixed']).optional(),
    electrified: z.boolean().optional(),
    /** Travel time when a source gives one; otherwise it comes from distance and the country's default speed. */
    duration: DurationSchema.optional(),
    speedKmPerDay: figureWithin('speedKmPerDay').optional(),
    tariff: TariffSchema.optional(),
    capacity: CapacitySchema.optional(),
    status: z.enum(STATUSES),
    /** Year opened (operational), expected (planned, under construction) or closed. */
    statusYear: z.number().int().min(1850).max(2100).optional(),
    corridors: z.array(z.enum(CORRIDORS)).default([]),
    /** Scheduled service that runs on this link (ferries, feeders, sea lines). */
    service: IdSchema.optional(),
    /** Countries crossed between the two ends (sea legs through straits, long rail links). */
    via: z.array(CountrySchema).default([]),
    /** Qualitative risk, 0 (none) to 1 (route may be cut), with its reasoning and the event it belongs to. */
    risk: RiskSchema.optional(),
    sources: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .superRefine((l, ctx) => {
    if ((l.status === 'planned' || l.status === 'under_construction') && l.statusYear === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${l.status} link needs statusYear (the expected opening year)`,
        path: ['statusYear'],
      });
    }
    if (l.mode === 'rail' && l.gauge === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a rail link needs its gauge (1435, 1520, 1668 or 1676)',
        path: ['gauge'],
      });
    }
    if (l.from === l.to)
      ctx.addIssue({ code: 'custom', message: 'a link cannot start and end at the same node', path: ['to'] });
    if (l.risk !== undefined && l.risk.value > 1)
      ctx.addIssue({ code: 'custom', message: 'risk is between 0 and 1', path: ['risk', 'value'] });
  });
export type LinkInput = z.input<typeof LinkSchema>;
export type Link = z.output<typeof LinkSchema>;

/** Twelve figures by calendar month, January first, with their provenance (seasonal figures). */
const MonthlySchema = z
  .strictObject({
    byMonth: z.array(bounded('probability')).length(12, 'byMonth holds 12 figures, January first'),
    ...provenanceShape,
  })
  .superRefine((v, ctx) => {
    if (v.source === undefined && v.estimate === undefined)
      ctx.addIssue({ code: 'custom', message: 'figure has neither a source nor an estimate', path: ['source'] });
    if (v.byMonth.some((x) => x >= 1))
      ctx.addIssue({ code: 'custom', message: 'a monthly probability must be below 1', path: ['byMonth'] });
  });

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DepartureSchema = z.strictObject({
  day: z.enum(DAYS),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM (UTC)'),
});

export const ServiceSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1),
    operator: z.string().optional(),
    mode: z.enum(['ferry', 'sea', 'rail', 'road', 'inland_waterway', 'pipeline']),
    vessel: z.enum([
      'rail_ferry',
      'ro_pax',
      'ro_ro',
      'container_feeder',
      'container_ship',
      'block_train',
      'general_cargo',
      /** Crude and ammonia tankers, dry bulk carriers (Kazakhstan's exports, issue 18). */
      'tanker',
      'bulk_carrier',
    ]),
    /** Cargo the service takes. */
    carries: z.array(z.enum(['containers', 'wagons', 'trucks', 'bulk', 'liquid'])).min(1),
    /** Either a number of departures per week, spread evenly from Monday 00:00 UTC, or an explicit timetable. */
    departuresPerWeek: figureWithin('departuresPerWeek').optional(),
    timetable: z.array(DepartureSchema).min(1).max(BOUNDS.timetableEntries.max).optional(),
    /** Hours after Monday 00:00 UTC of the first departure when only a frequency is known. */
    firstDepartureOffsetH: z.number().min(0).max(168).default(0),
    capacityTeuPerDeparture: figureWithin('capacityTeuPerDeparture').optional(),
    capacityWagonsPerDeparture: figureWithin('capacityWagonsPerDeparture').optional(),
    capacityTrucksPerDeparture: figureWithin('capacityTrucksPerDeparture').optional(),
    /** Probability that a departure is cancelled (storms, low water, no cargo). */
    cancellationProbability: figureWithin('probability').optional(),
    /** Cancellation probability by month of departure (storm seasons), January first; replaces the flat one. */
    cancellationByMonth: MonthlySchema.optional(),
    /** Arrival later than scheduled (liner schedule reliability): hours added to each crossing. */
    lateness: DurationSchema.optional(),
    /**
     * A scheduled train's run: node ids from first to last stop. The compiler adds a service edge from the first to
     * the last stop (service-edges.ts), parallel to the ad-hoc links between them, and the search chooses.
     */
    route: z.array(IdSchema).min(2).optional(),
    /** Both directions of `route` run to the same timetable (else only first to last stop). */
    bothWays: z.boolean().default(false),
    /** Scheduled running time over the whole route, border clearance included (the train is pre-cleared). */
    runTime: DurationSchema.optional(),
    /** Booked slot: how long before departure the cargo must be at the first stop (pre-cleared handling). */
    cutoff: DurationSchema.optional(),
    sources: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.route !== undefined && s.runTime === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a service with a route needs its runTime', path: ['runTime'] });
    }
    if (s.departuresPerWeek === undefined && s.timetable === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a service needs departuresPerWeek or a timetable',
        path: ['departuresPerWeek'],
      });
    }
    if (s.departuresPerWeek !== undefined && s.departuresPerWeek.value <= 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'departuresPerWeek must be positive',
        path: ['departuresPerWeek', 'value'],
      });
    }
    if (s.cancellationProbability !== undefined && s.cancellationProbability.value >= 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'cancellationProbability must be below 1',
        path: ['cancellationProbability', 'value'],
      });
    }
  });
export type Service = z.output<typeof ServiceSchema>;

/** What a seasonal factor stretches: moving time on links, handling dwell at a node, or a border post's dwell. */
export const SEASON_APPLIES = ['travel', 'dwell', 'border'] as const;

/**
 * A seasonal figure (data/seasons): a factor on a time by calendar month, January first, for one node (dwell,
 * border) or for one country's links of one mode (travel). The Monte Carlo reads the month each step starts in;
 * the search uses the yearly figures. Factors multiply when several seasons match.
 */
export const SeasonSchema = z
  .strictObject({
    id: IdSchema,
    applies: z.enum(SEASON_APPLIES),
    node: IdSchema.optional(),
    country: CountrySchema.optional(),
    mode: z.enum(MODES).optional(),
    factorByMonth: z
      .array(z.number().positive('a seasonal factor must be positive').max(10, 'a seasonal factor is at most 10'))
      .length(12, 'factorByMonth holds 12 figures, January first'),
    ...provenanceShape,
  })
  .superRefine((v, ctx) => {
    if (v.source === undefined && v.estimate === undefined)
      ctx.addIssue({ code: 'custom', message: 'figure has neither a source nor an estimate', path: ['source'] });
    if (v.applies === 'travel' ? v.country === undefined || v.mode === undefined : v.node === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `a ${v.applies} season needs ${v.applies === 'travel' ? 'country and mode' : 'node'}`,
        path: [v.applies === 'travel' ? 'country' : 'node'],
      });
  });
export type Season = z.output<typeof SeasonSchema>;

/**
 * Default rates by country and mode, applied to links that carry no figure of their own: commercial speed and
 * tariff per km. Every rate carries its source or estimate like any other figure.
 */
export const RateSchema = z.strictObject({
  id: IdSchema,
  country: CountrySchema,
  mode: z.enum(MODES),
  speedKmPerDay: figureWithin('speedKmPerDay').optional(),
  usdPerTeuKm: figureWithin('costUsdPerKm').optional(),
  usdPerTonneKm: figureWithin('costUsdPerKm').optional(),
  /** Currency of the two tariffs above when not USD. */
  currency: CurrencySchema.optional(),
  /** Share of the network's route length that is electrified (rail), for emissions. */
  electrifiedShare: figureWithin('share').optional(),
  note: z.string().optional(),
});
export type Rate = z.infer<typeof RateSchema>;

/**
 * The fitted transit-time calibration (data/calibration, written by test/validation/print-calibration.ts --write):
 * per facility type, a factor on the dataset's median and a lognormal sigma, fitted on the tuning journeys of
 * docs/validation.md. Itineraries' timelines use it (calibration/apply.ts); refitting reads the dataset without it.
 */
export const TransitCalibrationSchema = z.strictObject({
  id: IdSchema,
  method: z.string().min(3),
  fitted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'fitted is a date YYYY-MM-DD'),
  datasetVersion: z.string().min(1),
  journeys: z.strictObject({ tuning: z.number().int().min(0), heldOut: z.number().int().min(0) }),
  params: z.record(
    z.string(),
    z.strictObject({
      medianFactor: z.number().positive().max(100),
      sigma: z.number().min(0).max(5),
    }),
  ),
  note: z.string().optional(),
});
export type TransitCalibration = z.output<typeof TransitCalibrationSchema>;

export const FileSchemas = {
  sources: z.array(SourceSchema),
  nodes: z.array(NodeSchema),
  links: z.array(LinkSchema),
  services: z.array(ServiceSchema),
  seasons: z.array(SeasonSchema),
  rates: z.array(RateSchema),
  prices: z.array(PriceSeriesSchema),
  calibration: z.array(TransitCalibrationSchema),
} as const;
export type RecordKind = keyof typeof FileSchemas;
export { SourceRefSchema };
