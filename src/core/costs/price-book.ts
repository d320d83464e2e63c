/**
 * The price book: converts a dataset cost figure to USD of the output's price year. A figure in another currency
 * converts at the exchange rate of its own year (fx series), then US CPI-U deflates it from its year to
 * PRICE_YEAR (price_index series). A figure without a year is taken as already in PRICE_YEAR dollars (and its
 * part says so); a year outside a series uses the nearest point. Sea lanes price a leg at a date.
 */

import { type PriceSeries, readSortedAt, type SeriesReading, sortPoints } from './price-series.ts';
import type { EvidenceProvenance } from './provenance.ts';

/** Costs are reported in US dollars of this year. */
export const PRICE_YEAR = 2025;

export interface PriceBook {
  readonly priceYear: number;
  /**
   * `amount` in `currency` of `year` as USD of the price year, with the provenance of the conversion
   * ('missing' when a currency has no fx series: the amount is then left unconverted).
   */
  toPriceYearUsd(
    amount: number,
    currency: string,
    year: number | undefined,
  ): { usd: number; provenance: EvidenceProvenance };
  /** The sea lane series that prices a service's legs, if any. */
  seaLaneOf(serviceId: string): PriceSeries | undefined;
  /** The sea lane series that prices a link without a service (a tramp trade), if any. */
  seaLaneOfLink(linkId: string): PriceSeries | undefined;
  /** The rail lane series that prices container rail legs starting in a country, if any. */
  railLaneOf(country: string): PriceSeries | undefined;
  /**
   * The rail lane whose quotes include the border fee of the post in country `post` (one of x, y) for a container
   * on a rail leg from country `x` to `y` (PriceSeries.includesBorderFees), if any.
   */
  borderFeeInLane(post: string, x: string, y: string): PriceSeries | undefined;
  /** USD per TEU-km of a sea or rail lane at `tH` (hours since epoch), in USD of the quote's date (nominal). */
  seaUsdPerTeuKmAt(lane: PriceSeries, tH: number): SeriesReading;
  /** USD per tonne-km of a lane quoted per tonne (`per: tonne`) at `tH`, in USD of the quote's date (nominal). */
  usdPerTonneKmAt(lane: PriceSeries, tH: number): SeriesReading;
}

const NEUTRAL: PriceBook = priceBookOf([]);

/**
 * Builds a price book from the dataset's price series. Pure; worker-safe.
 * @example priceBookOf(net.prices ?? []).toPriceYearUsd(10, 'EUR', 2021) // EUR 10 of 2021 in USD of 2025
 */
export function priceBookOf(series: readonly PriceSeries[]): PriceBook {
  // Series are sorted once and conversions memoised: itineraries convert every part of every leg.
  const sorted = new Map(series.map((s) => [s.id, sortPoints(s.points)]));
  const pointsOf = (s: PriceSeries) => sorted.get(s.id) ?? s.points;
  const atYear = (s: PriceSeries, year: number) => readSortedAt(pointsOf(s), Date.UTC(year, 6, 1) / 3_600_000);
  const cpi = series.find((s) => s.kind === 'price_index' && s.currency === 'USD');
  const fx = new Map(series.filter((s) => s.kind === 'fx').map((s) => [s.currency, s]));
  const lanes = new Map<string, PriceSeries>();
  for (const s of series) if (s.kind === 'sea_lane') for (const svc of s.services) lanes.set(svc, s);
  const linkLanes = new Map<string, PriceSeries>();
  for (const s of series) if (s.kind === 'sea_lane') for (const l of s.links) linkLanes.set(l, s);
  const railLanes = new Map<string, PriceSeries>();
  for (const s of series) if (s.kind === 'rail_lane') for (const c of s.countries) railLanes.set(c, s);
  const inLane = (post: string, x: string, y: string): PriceSeries | undefined => {
    const lane = railLanes.get(post);
    if (lane === undefined || !lane.includesBorderFees) return undefined;
    const other = post === x ? y : x;
    return lane.countries.includes(other) || lane.entryExit.includes(other) ? lane : undefined;
  };
  const deflators = new Map<number, number>();
  const deflator = (year: number): number => {
    let d = deflators.get(year);
    if (d === undefined) {
      d = cpi === undefined ? 1 : atYear(cpi, PRICE_YEAR).value / atYear(cpi, year).value;
      deflators.set(year, d);
    }
    return d;
  };
  return {
    priceYear: PRICE_YEAR,
    toPriceYearUsd(amount, currency, year) {
      let usd = amount;
      let provenance: EvidenceProvenance = 'sourced';
      if (currency !== 'USD') {
        const s = fx.get(currency);
        if (s === undefined) return { usd: amount, provenance: 'missing' };
        const r = atYear(s, year ?? PRICE_YEAR);
        usd = amount * r.value;
        if (r.provenance !== 'sourced' || r.outside) provenance = 'estimated';
      }
      if (year !== undefined && year !== PRICE_YEAR) usd *= deflator(year);
      return { usd, provenance };
    },
    seaLaneOf: (svc) => lanes.get(svc),
    seaLaneOfLink: (linkId) => linkLanes.get(linkId),
    railLaneOf: (country) => railLanes.get(country),
    borderFeeInLane: inLane,
    seaUsdPerTeuKmAt(lane, tH) {
      const r = readSortedAt(pointsOf(lane), tH);
      const perTeu = lane.per === 'feu' ? r.value / 2 : r.value;
      return { ...r, value: perTeu / (lane.laneKm ?? 1) };
    },
    usdPerTonneKmAt(lane, tH) {
      if (lane.per !== 'tonne') throw new RangeError(`lane ${lane.id}: per is ${lane.per}, not tonne`);
      const r = readSortedAt(pointsOf(lane), tH);
      return { ...r, value: r.value / (lane.laneKm ?? 1) };
    },
  };
}

/** A book with no series: no conversion, no deflation, no sea lanes (networks built without data/prices). */
export function neutralPriceBook(): PriceBook {
  return NEUTRAL;
}

const cache = new WeakMap<object, PriceBook>();

/** The price book of a network's price series, built once per network object. */
export function priceBookOfNetwork(net: { prices?: readonly PriceSeries[] | undefined }): PriceBook {
  const hit = cache.get(net);
  if (hit) return hit;
  const book = priceBookOf(net.prices ?? []);
  cache.set(net, book);
  return book;
}
