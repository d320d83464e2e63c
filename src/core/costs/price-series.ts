/**
 * Dated price series of the dataset (data/prices/*.yaml): a price index that deflates costs to the output's price
 * year (US CPI-U annual averages, BLS), exchange rates to USD by year (ECB, Federal Reserve), sea freight per
 * trade lane at spot dates (Drewry World Container Index; tramp freight per tonne on a link, Sea Lines), and rail
 * container freight per lane at dates (the ERAI index of the 1520 mm transit, China–Europe block-train through
 * rates). Each point carries its source or estimate.
 */
import { z } from 'zod';
import { provenanceShape } from '../network/figure.ts';
import { type EvidenceProvenance, provenanceOf } from './provenance.ts';

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const PointSchema = z
  .strictObject({
    /** YYYY for an annual average, YYYY-MM or YYYY-MM-DD for a dated quote. */
    date: z.string().regex(DATE_RE, 'date is YYYY, YYYY-MM or YYYY-MM-DD'),
    value: z.number().finite().positive('a price or index point must be positive'),
    ...provenanceShape,
  })
  .superRefine((p, ctx) => {
    if (p.source === undefined && p.estimate === undefined)
      ctx.addIssue({ code: 'custom', message: 'point has neither a source nor an estimate', path: ['source'] });
  });
export type PricePoint = z.infer<typeof PointSchema>;

export const PRICE_SERIES_KINDS = ['price_index', 'fx', 'sea_lane', 'rail_lane'] as const;

const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'country is an ISO 3166 alpha-2 code, e.g. KZ');

export const PriceSeriesSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
    kind: z.enum(PRICE_SERIES_KINDS),
    /** price_index: the currency it deflates; fx: the currency converted (values are USD per unit); sea_lane: USD. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency is an ISO 4217 code, e.g. EUR'),
    /** sea_lane: the services (data/services) whose sea legs this lane prices. */
    services: z.array(z.string().min(1)).default([]),
    /**
     * sea_lane: links (data/links) without a service whose line haul this lane prices inside the series' span (tramp
     * trades, such as Caspian grain); outside it the link's own tariff, its long-run level, holds when it has one.
     */
    links: z.array(z.string().min(1)).default([]),
    /** rail_lane: the countries whose rail legs this lane prices for containers (a leg counts in its origin's country). */
    countries: z.array(CountrySchema).default([]),
    /**
     * rail_lane: the quotes include the border, customs and terminal fees of the lane's countries (ERAI does): a
     * container on a rail leg then pays no border fee at a post of those countries on a crossing between two lane
     * countries, or between a lane country and one of `entryExit` (the countries where the quoted unit starts and ends).
     */
    includesBorderFees: z.boolean().default(false),
    /** rail_lane: the source that says the quotes include those fees. */
    feesSource: z.string().min(1).optional(),
    entryExit: z.array(CountrySchema).default([]),
    /** sea_lane, rail_lane: length the quote covers, km; a leg pays its share per km. */
    laneKm: z.number().positive().optional(),
    /** sea_lane, rail_lane: what one quote buys (the WCI and ERAI quote per 40' box; tramp freight per tonne). */
    per: z.enum(['feu', 'teu', 'tonne']).optional(),
    points: z.array(PointSchema).min(1),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (
      s.kind === 'sea_lane' &&
      (s.laneKm === undefined || s.per === undefined || s.services.length + s.links.length === 0)
    )
      ctx.addIssue({
        code: 'custom',
        message: 'a sea_lane series needs services or links, laneKm and per',
        path: ['laneKm'],
      });
    if (s.per === 'tonne' && (s.kind !== 'sea_lane' || s.services.length > 0))
      ctx.addIssue({
        code: 'custom',
        message: `per: tonne prices tramp links only (a sea_lane with links, no services); got kind ${s.kind}`,
        path: ['per'],
      });
    if (s.kind === 'rail_lane' && (s.laneKm === undefined || s.per === undefined || s.countries.length === 0))
      ctx.addIssue({ code: 'custom', message: 'a rail_lane series needs countries, laneKm and per', path: ['laneKm'] });
    if (s.includesBorderFees && s.feesSource === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'a lane that includes border fees names the source that says so (feesSource)',
        path: ['feesSource'],
      });
  });
export type PriceSeries = z.output<typeof PriceSeriesSchema>;

/** Hours since the epoch of a point's date: a year counts at its middle (annual averages), a month at its 15th. */
export function dateOfPointH(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const ms =
    m === undefined
      ? Date.UTC(y ?? 1970, 6, 1)
      : d === undefined
        ? Date.UTC(y ?? 1970, m - 1, 15)
        : Date.UTC(y ?? 1970, m - 1, d);
  return ms / 3_600_000;
}

/** A series read at a time: its value, the provenance of the points used, and whether it had to extrapolate. */
export interface SeriesReading {
  value: number;
  provenance: EvidenceProvenance;
  sources: string[];
  /** 'before' / 'after': the time lies outside the series, and its first / last point holds. */
  outside?: 'before' | 'after' | undefined;
  /** The date(s) of the points read. */
  dates: string[];
}

const sourcesOf = (p: PricePoint): string[] =>
  p.source === undefined ? [] : typeof p.source === 'string' ? [p.source] : [...p.source];

/**
 * Value at `tH` (hours since epoch): linear between the two points around it; outside the series the nearest end
 * point holds and the reading says so. Points need not be sorted.
 * @example readSeriesAt(series, toHoursSinceEpoch('2021-07-09')) // the WCI spot of that date
 */
export function readSeriesAt(points: readonly PricePoint[], tH: number): SeriesReading {
  return readSortedAt(sortPoints(points), tH);
}

/** The points in date order (a copy), for repeated reads with readSortedAt. */
export function sortPoints(points: readonly PricePoint[]): PricePoint[] {
  return [...points].sort((a, b) => dateOfPointH(a.date) - dateOfPointH(b.date));
}

/** readSeriesAt on points already in date order (sortPoints): no copy, no sort. */
export function readSortedAt(ps: readonly PricePoint[], tH: number): SeriesReading {
  const first = ps[0];
  const last = ps[ps.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('points: a series needs at least one point');
  const one = (p: PricePoint, outside?: 'before' | 'after'): SeriesReading => ({
    value: p.value,
    provenance: provenanceOf(p),
    sources: sourcesOf(p),
    outside,
    dates: [p.date],
  });
  if (tH <= dateOfPointH(first.date)) return one(first, tH < dateOfPointH(first.date) ? 'before' : undefined);
  if (tH >= dateOfPointH(last.date)) return one(last, tH > dateOfPointH(last.date) ? 'after' : undefined);
  let i = 0;
  while (dateOfPointH((ps[i + 1] ?? last).date) < tH) i++;
  const a = ps[i] ?? first;
  const b = ps[i + 1] ?? last;
  const ta = dateOfPointH(a.date);
  const w = (tH - ta) / (dateOfPointH(b.date) - ta);
  const pa = provenanceOf(a);
  return {
    value: a.value + w * (b.value - a.value),
    provenance: pa === 'sourced' && provenanceOf(b) === 'sourced' ? 'sourced' : 'estimated',
    sources: [...new Set([...sourcesOf(a), ...sourcesOf(b)])],
    dates: [a.date, b.date],
  };
}

/** Value of an annual series for `year`: the point of that year, else the nearest year's (reading says so). */
export function readSeriesForYear(points: readonly PricePoint[], year: number): SeriesReading {
  return readSeriesAt(points, Date.UTC(year, 6, 1) / 3_600_000);
}
