/**
 * The bounds of every number a request or a stored record may carry, in one table. The API, the CLI and the
 * storage layer validate against these same schemas, so a value refused by one is refused by all, with the same
 * message naming the bound. Each bound keeps a request within the server's time and memory budget (docs/security.md)
 * while covering every real case with room to spare.
 */
import { z } from 'zod';

export interface Bound {
  min: number;
  /** True when `min` itself is not allowed (a positive quantity). */
  minExclusive?: boolean;
  max: number;
  integer?: boolean;
  unit: string;
  /** Why this bound: what a value beyond it would mean or cost. */
  why: string;
}

export const BOUNDS = {
  teu: { min: 0, minExclusive: true, max: 1e6, unit: 'TEU', why: 'above a year of the largest corridor' },
  feu: { min: 0, minExclusive: true, max: 5e5, unit: 'FEU', why: 'half the TEU bound' },
  tonnes: { min: 0, minExclusive: true, max: 1e8, unit: 't', why: 'a year of all Kazakh oil exports' },
  tonnesPerTeu: { min: 0, minExclusive: true, max: 30, unit: 't per TEU', why: 'ISO 668 maximum gross' },
  year: { min: 1990, max: 2100, integer: true, unit: '', why: 'the span of the dataset and of plans' },
  maxTransfers: { min: 0, max: 50, integer: true, unit: 'transfers', why: 'more than any itinerary has' },
  samples: {
    min: 100,
    max: 200_000,
    integer: true,
    unit: 'samples',
    why: 'P99 is stable well below; 200,000 x 12 itineraries stays within 100 MB and a few seconds',
  },
  seed: { min: 0, max: 0xffffffff, integer: true, unit: '', why: 'a 32-bit seed' },
  portTeuPerWeek: {
    min: 0,
    max: 100_000,
    unit: 'TEU per week',
    why: 'about the weekly throughput of the busiest port in the world',
  },
  weeks: { min: 1, max: 520, integer: true, unit: 'weeks', why: 'ten years' },
  votFactor: { min: 0, minExclusive: true, max: 100, unit: '', why: 'a hundredfold value of time' },
  carbonPriceUsd: { min: 0, max: 10_000, unit: 'USD per t CO2e', why: 'ten times the highest shadow price in use' },
  relativeGap: { min: 0, minExclusive: true, max: 1, unit: '', why: 'a relative gap of the equilibrium' },
  itinerary: { min: 0, max: 50, integer: true, unit: '', why: 'more itineraries than a search returns' },
  departuresPerWeek: {
    min: 0.1,
    max: 500,
    unit: 'departures per week',
    why: 'from one every ten weeks to three an hour; the timetable holds one entry per weekly departure',
  },
  timetableEntries: { min: 1, max: 500, integer: true, unit: 'departures', why: 'as departuresPerWeek' },
  firstDepartureOffsetH: { min: 0, max: 168, unit: 'h', why: 'within the week' },
  capacityTeuPerYear: { min: 0, max: 1e8, unit: 'TEU per year', why: 'above the busiest port (Shanghai, ~50 M)' },
  capacityTonnesPerYear: { min: 0, max: 1e10, unit: 't per year', why: 'above the Suez Canal (~1.6 bn t)' },
  capacityTeuPerDay: { min: 0, max: 1e6, unit: 'TEU per day', why: 'as capacityTeuPerYear' },
  trainsPerDay: { min: 0, max: 1000, unit: 'trains per day', why: 'a train every 90 s both ways' },
  capacityTeuPerDeparture: { min: 0, max: 30_000, unit: 'TEU', why: 'above the largest container ship (24,000)' },
  capacityWagonsPerDeparture: { min: 0, max: 1000, unit: 'wagons', why: 'above the longest freight train' },
  capacityTrucksPerDeparture: { min: 0, max: 5000, unit: 'trucks', why: 'above the largest Ro-Ro ship' },
  probability: { min: 0, max: 1, unit: '', why: 'a probability' },
  share: { min: 0, max: 1, unit: '', why: 'a share' },
  distanceKm: { min: 0, max: 50_000, unit: 'km', why: 'longer than any route around the world' },
  speedKmPerDay: { min: 0, minExclusive: true, max: 5000, unit: 'km per day', why: 'above any freight speed' },
  costUsd: { min: 0, max: 1e7, unit: 'USD', why: 'above any charge per unit' },
  costUsdPerKm: { min: 0, max: 1000, unit: 'USD per km', why: 'above any rate per unit and km' },
  durationH: { min: 0, max: 8760, unit: 'h', why: 'a year; longer stops are closures' },
  durationSample: { min: 1, max: 10_000, integer: true, unit: 'observations', why: 'enough for any empirical law' },
  demandGrowth: {
    min: 0,
    minExclusive: true,
    max: 10,
    unit: '× demand',
    why: 'tenfold growth, past any 2040 forecast',
  },
  sweepVariants: {
    min: 1,
    max: 10_000,
    integer: true,
    unit: 'variants',
    why: 'about 20 minutes of one worker at 0.1 s a variant; larger studies split into several sweeps',
  },
  sweepSamplesPerOd: {
    min: 0,
    max: 20_000,
    integer: true,
    unit: 'samples per OD pair',
    why: 'P90 per pair is stable well below; 0 skips the transit-time Monte Carlo',
  },
  lognormalSpread: { min: 1, max: 100, unit: 'P90/P50', why: 'wider laws are not estimates' },
} as const satisfies Record<string, Bound>;

export type BoundName = keyof typeof BOUNDS;

// Thousands separators from 10,000 up, so that years read as years.
const fmt = (x: number) => (Number.isInteger(x) && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x));

/** The bound in words: "an integer from 100 to 200,000 samples" or "above 0 and at most 1,000,000 TEU". */
export function describeBound(b: Bound): string {
  const unit = b.unit === '' ? '' : ` ${b.unit}`;
  const range = b.minExclusive
    ? `above ${fmt(b.min)} and at most ${fmt(b.max)}`
    : `from ${fmt(b.min)} to ${fmt(b.max)}`;
  return `${b.integer ? 'an integer ' : ''}${range}${unit}`;
}

/** A number schema holding the named bound, with messages that state it. */
export function bounded(name: BoundName): z.ZodNumber {
  const b: Bound = BOUNDS[name];
  const msg = `must be ${describeBound(b)}`;
  let s = z.number({ error: `must be a number (${describeBound(b)})` }).finite(msg);
  if (b.integer) s = s.int(msg);
  s = b.minExclusive ? s.gt(b.min, msg) : s.gte(b.min, msg);
  return s.lte(b.max, msg);
}

/**
 * The same bound for a value given as text (a query string or a command-line flag): only a plain decimal
 * number is read, with an optional exponent ("0x10", "7 t", " 7" and "" are refused rather than guessed at).
 */
export function boundedText(name: BoundName): z.ZodType<number, string> {
  const b: Bound = BOUNDS[name];
  return z
    .string()
    .max(40)
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, `must be a decimal number (${describeBound(b)})`)
    .transform(Number)
    .pipe(bounded(name));
}
