import { describe, expect, it } from 'vitest';
import { borderParts, lineHaulParts } from '../../../src/core/costs/cost-parts.ts';
import { priceBookOf } from '../../../src/core/costs/price-book.ts';
import { type PriceSeries, PriceSeriesSchema } from '../../../src/core/costs/price-series.ts';
import type { NetworkNode } from '../../../src/core/network/network.ts';

const lane: PriceSeries = PriceSeriesSchema.parse({
  id: 'erai',
  kind: 'rail_lane',
  currency: 'USD',
  countries: ['KZ', 'RU'],
  entryExit: ['CN'],
  includesBorderFees: true,
  feesSource: 'F',
  laneKm: 1000,
  per: 'feu',
  points: [
    { date: '2023-01-01', value: 2000, source: 'E1' },
    { date: '2024-01-01', value: 4000, source: 'E2' },
  ],
});
const book = priceBookOf([lane]);
const at = (iso: string) => Date.parse(iso) / 3_600_000;
const km = { value: 100, source: 'S' };
const rate = {
  id: 'kz-rail',
  country: 'KZ',
  usdPerTeuKm: { value: 0.3, source: 'S' },
  usdPerTonneKm: { value: 0.006, source: 'T' },
};
const rail = { mode: 'rail' as const, distanceKm: km, tariff: undefined, service: undefined };

describe('rail lanes', () => {
  it('prices a container rail leg in a lane country at the date, per km of the lane', () => {
    const parts = lineHaulParts(rail, rate, book, at('2023-01-01T00:00:00Z'));
    const box = parts.find((p) => p.appliesTo === 'containers');
    // USD 2,000 per FEU over 1,000 km = 1 per TEU-km × 100 km; in USD of 2023 (no price index here)
    expect(box?.usdPerTeu).toBeCloseTo(100, 9);
    expect(box).toMatchObject({ kind: 'line_haul', provenance: 'sourced', sources: ['E1', 'O114'] });
    expect(box?.basis).toMatch(/^rail lane erai /);
    // a tonnage keeps the country's tariff per tonne-km
    expect(parts.find((p) => p.appliesTo === 'tonnage')?.usdPerTonne).toBeCloseTo(0.6, 9);
  });
  it('moves with the quotes: half way between two points, half way between their prices', () => {
    const [box] = lineHaulParts(rail, rate, book, (at('2023-01-01T00:00:00Z') + at('2024-01-01T00:00:00Z')) / 2);
    expect(box?.usdPerTeu).toBeCloseTo(150, 6);
  });
  it('holds the nearest point outside the series, as an estimate', () => {
    const [box] = lineHaulParts(rail, rate, book, at('2020-01-01T00:00:00Z'));
    expect(box?.usdPerTeu).toBeCloseTo(100, 9);
    expect(box?.provenance).toBe('estimated');
  });
  it('leaves other countries, other modes and link tariffs alone', () => {
    const [cn] = lineHaulParts(rail, { ...rate, country: 'CN' }, book, at('2023-01-01T00:00:00Z'));
    expect(cn?.usdPerTeu).toBeCloseTo(30, 9);
    const [road] = lineHaulParts({ ...rail, mode: 'road' }, rate, book, at('2023-01-01T00:00:00Z'));
    expect(road?.usdPerTeu).toBeCloseTo(30, 9);
    const tariff = { usdPerTeu: { value: 77, source: 'T' } };
    const [own] = lineHaulParts({ ...rail, tariff }, rate, book, at('2023-01-01T00:00:00Z'));
    expect(own?.usdPerTeu).toBe(77);
  });
  it('charges containers no border fee that the lane includes, tonnage still', () => {
    const post = (id: string, country: string): Pick<NetworkNode, 'id' | 'country' | 'border'> => ({
      id,
      country,
      border: { costUsdPerTeu: { value: 100, source: 'B' } } as NetworkNode['border'],
    });
    const kzRu = borderParts(post('kz', 'KZ'), post('ru', 'RU'), book, 'rail');
    expect(kzRu.map((p) => p.appliesTo)).toEqual(['tonnage', 'containers', 'tonnage', 'containers']);
    // containers see a USD 0 part that says why, resting on the lane's source for the fees
    expect(kzRu[1]).toMatchObject({
      usdPerTeu: 0,
      provenance: 'sourced',
      sources: ['F'],
      basis: 'border kz: included in rail lane erai',
    });
    // the CN side of the CN–KZ entry is not in the lane; the KZ side is
    const cnKz = borderParts(post('cn', 'CN'), post('kz', 'KZ'), book, 'rail');
    expect(cnKz.map((p) => p.appliesTo)).toEqual(['both', 'tonnage', 'containers']);
    // a crossing of the lane without fees in the data: missing for tonnage, included for containers
    const bare = (id: string, country: string) => ({ id, country, border: undefined });
    const none = borderParts(bare('kz', 'KZ'), bare('ru', 'RU'), book, 'rail');
    expect(none.map((p) => [p.appliesTo, p.provenance])).toEqual([
      ['tonnage', 'missing'],
      ['containers', 'sourced'],
    ]);
    expect(borderParts(bare('kz', 'KZ'), bare('uz', 'UZ'), book, 'rail').map((p) => p.provenance)).toEqual(['missing']);
    // KZ–UZ is not a crossing of the lane; by road nothing is included
    expect(borderParts(post('kz', 'KZ'), post('uz', 'UZ'), book, 'rail').map((p) => p.appliesTo)).toEqual([
      'both',
      'both',
    ]);
    expect(borderParts(post('kz', 'KZ'), post('ru', 'RU'), book, 'road').map((p) => p.appliesTo)).toEqual([
      'both',
      'both',
    ]);
  });
  it('refuses a rail lane without countries, length or unit, naming the field', () => {
    const bad = PriceSeriesSchema.safeParse({ ...lane, countries: [] });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('a rail_lane series needs countries, laneKm and per');
    expect(PriceSeriesSchema.safeParse({ ...lane, countries: ['kz'] }).success).toBe(false);
    const noSource = PriceSeriesSchema.safeParse({ ...lane, feesSource: undefined });
    expect(JSON.stringify(noSource.error?.issues)).toContain('feesSource');
  });
});
