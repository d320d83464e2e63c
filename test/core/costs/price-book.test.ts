import { describe, expect, it } from 'vitest';
import { PRICE_YEAR, priceBookOf } from '../../../src/core/costs/price-book.ts';
import { type PriceSeries, PriceSeriesSchema, readSeriesAt } from '../../../src/core/costs/price-series.ts';
import { toHoursSinceEpoch } from '../../../src/core/time.ts';

const cpi: PriceSeries = {
  id: 'cpi',
  kind: 'price_index',
  currency: 'USD',
  services: [],
  links: [],
  countries: [],
  includesBorderFees: false,
  entryExit: [],
  points: [
    { date: '2021', value: 270, source: 'X' },
    { date: '2025', value: 324, source: 'X' },
  ],
};
const eur: PriceSeries = {
  id: 'fx-eur',
  kind: 'fx',
  currency: 'EUR',
  services: [],
  links: [],
  countries: [],
  includesBorderFees: false,
  entryExit: [],
  points: [{ date: '2021', value: 1.2, source: 'X' }],
};
const lane: PriceSeries = {
  id: 'lane',
  kind: 'sea_lane',
  currency: 'USD',
  services: ['svc'],
  links: [],
  countries: [],
  includesBorderFees: false,
  entryExit: [],
  laneKm: 10_000,
  per: 'feu',
  points: [
    { date: '2021-01-01', value: 2000, source: 'A' },
    { date: '2021-01-11', value: 4000, source: 'B' },
  ],
};
const book = priceBookOf([cpi, eur, lane]);

describe('price book', () => {
  it('states its price year', () => expect(book.priceYear).toBe(PRICE_YEAR));
  it('converts at the figure year and deflates to the price year', () => {
    // EUR 10 of 2021 = USD 12 of 2021; × 324 / 270 = USD 14.4 of 2025
    const r = book.toPriceYearUsd(10, 'EUR', 2021);
    expect(r.usd).toBeCloseTo(14.4, 9);
    expect(r.provenance).toBe('sourced');
  });
  it('leaves a figure without a year in price-year dollars, and says when a currency has no rate', () => {
    expect(book.toPriceYearUsd(10, 'USD', undefined).usd).toBe(10);
    expect(book.toPriceYearUsd(10, 'CHF', 2021)).toEqual({ usd: 10, provenance: 'missing' });
  });
  it('reads a fx year outside its series at the nearest point, as an estimate', () => {
    // 2024: no EUR point; 2021's 1.2 holds, then × 324 / (CPI of 2024, between 270 and 324)
    const r = book.toPriceYearUsd(10, 'EUR', 2024);
    expect(r.provenance).toBe('estimated');
  });
});

describe('sea lane at a date', () => {
  const at = (iso: string) => toHoursSinceEpoch(iso);
  it('reads a quote on its date, and interpolates between quotes', () => {
    expect(readSeriesAt(lane.points, at('2021-01-01T00:00:00Z')).value).toBe(2000);
    const mid = readSeriesAt(lane.points, at('2021-01-06T00:00:00Z'));
    expect(mid.value).toBeCloseTo(3000, 9);
    expect(mid.sources).toEqual(['A', 'B']);
    expect(mid.outside).toBeUndefined();
  });
  it('holds the nearest quote outside the series and says so', () => {
    expect(readSeriesAt(lane.points, at('2020-06-01T00:00:00Z'))).toMatchObject({ value: 2000, outside: 'before' });
    expect(readSeriesAt(lane.points, at('2023-06-01T00:00:00Z'))).toMatchObject({ value: 4000, outside: 'after' });
  });
  it('prices a TEU-km: a FEU quote halved over the lane length', () => {
    // 4000 USD per FEU / 2 / 10,000 km = 0.2 USD per TEU-km
    expect(book.seaUsdPerTeuKmAt(lane, at('2021-01-11T00:00:00Z')).value).toBeCloseTo(0.2, 12);
    expect(book.seaLaneOf('svc')).toBe(lane);
    expect(book.seaLaneOf('other')).toBeUndefined();
  });
});

describe('tramp lane per tonne', () => {
  const tramp = PriceSeriesSchema.parse({
    id: 'grain',
    kind: 'sea_lane',
    currency: 'USD',
    links: ['l1'],
    laneKm: 1000,
    per: 'tonne',
    points: [{ date: '2020-01-17', value: 36, source: 'A' }],
  });
  it('finds the lane by link and reads USD per tonne-km', () => {
    const b = priceBookOf([tramp]);
    expect(b.seaLaneOfLink('l1')).toBe(tramp);
    expect(b.seaLaneOfLink('l2')).toBeUndefined();
    // USD 36 per tonne over 1,000 km
    expect(b.usdPerTonneKmAt(tramp, toHoursSinceEpoch('2020-01-17T00:00:00Z')).value).toBeCloseTo(0.036, 12);
    expect(() => b.usdPerTonneKmAt(lane, 0)).toThrow(/per is feu, not tonne/);
  });
  it('rejects a per-tonne lane on a service, and a sea lane with neither services nor links', () => {
    const onService = PriceSeriesSchema.safeParse({ ...tramp, services: ['svc'] });
    expect(onService.success).toBe(false);
    expect(onService.error?.issues[0]?.path).toEqual(['per']);
    const bare = PriceSeriesSchema.safeParse({ ...tramp, links: [] });
    expect(bare.error?.issues[0]?.message).toMatch(/services or links/);
  });
});
