import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { borderParts, lineHaulParts, stopPart, sumParts } from '../../../src/core/costs/cost-parts.ts';
import { neutralPriceBook, priceBookOf } from '../../../src/core/costs/price-book.ts';
import type { PriceSeries } from '../../../src/core/costs/price-series.ts';
import type { NetworkLink, NetworkNode } from '../../../src/core/network/network.ts';

const book = neutralPriceBook();
type LinkBits = Pick<NetworkLink, 'tariff' | 'distanceKm' | 'service' | 'mode'>;
const link = (x: Partial<LinkBits>): LinkBits => ({
  mode: 'rail',
  service: undefined,
  distanceKm: { value: 100, source: 'S' },
  ...x,
});
const rate = {
  id: 'kz-rail',
  usdPerTeuKm: { value: 0.3, source: 'S' },
  usdPerTonneKm: { value: 0.006, source: 'T', year: 2025 },
};

describe('line haul', () => {
  it("takes the link's tariff first: a FEU tariff halves to a TEU", () => {
    const [p] = lineHaulParts(link({ tariff: { usdPerFeu: { value: 800, source: 'S' } } }), rate, book, 0);
    expect(p).toMatchObject({ usdPerTeu: 400, per: 'teu', provenance: 'sourced', appliesTo: 'both' });
    // a tonne rides in a full box: 400 / 28.18
    expect(p?.usdPerTonne).toBeCloseTo(400 / 28.18, 9);
  });
  it('else the rate: a TEU and a tonne figure are alternatives, each for its own cargo', () => {
    const parts = lineHaulParts(link({}), rate, book, 0);
    expect(parts.map((p) => p.appliesTo)).toEqual(['containers', 'tonnage']);
    // containers 0.3 × 100 = 30 per TEU; tonnage 0.006 × 100 = 0.6 per tonne, not added together
    const sum = sumParts(parts, 10);
    expect(sum.perTeu).toBeCloseTo(30, 9);
    expect(sum.perTonne).toBeCloseTo(0.6, 9);
  });
  it('is missing (NaN) with neither tariff nor rate', () => {
    const parts = lineHaulParts(link({}), undefined, book, 0);
    expect(parts[0]?.provenance).toBe('missing');
    expect(Number.isNaN(sumParts(parts, 10).perTeu)).toBe(true);
  });
  it('converts a tariff in EUR at its year and deflates it to the price year', () => {
    const series: PriceSeries[] = [
      {
        id: 'cpi',
        kind: 'price_index',
        currency: 'USD',
        services: [],
        countries: [],
        includesBorderFees: false,
        entryExit: [],
        points: [
          { date: '2021', value: 250, source: 'B' },
          { date: '2025', value: 300, source: 'B' },
        ],
      },
      {
        id: 'eur',
        kind: 'fx',
        currency: 'EUR',
        services: [],
        countries: [],
        includesBorderFees: false,
        entryExit: [],
        points: [{ date: '2021', value: 1.2, source: 'E' }],
      },
    ];
    const tariff = { usdPerTonne: { value: 5, source: 'T', year: 2021 }, currency: 'EUR' as const };
    const [p] = lineHaulParts(link({ tariff }), undefined, priceBookOf(series), 0);
    // EUR 5 × 1.2 = USD 6 of 2021 × 300 / 250 = USD 7.2 of 2025
    expect(p?.usdPerTonne).toBeCloseTo(7.2, 9);
  });
  it('prices a sea leg of a lane at the date', () => {
    const lane: PriceSeries = {
      id: 'wci',
      kind: 'sea_lane',
      currency: 'USD',
      services: ['svc'],
      countries: [],
      includesBorderFees: false,
      entryExit: [],
      laneKm: 1000,
      per: 'feu',
      points: [{ date: '2025-01-01', value: 2000, source: 'W' }],
    };
    const t = Date.UTC(2025, 0, 1) / 3.6e6;
    const [p] = lineHaulParts(link({ mode: 'sea', service: 'svc' }), undefined, priceBookOf([lane]), t);
    // 2000 / 2 / 1000 km × 100 km = 100 USD per TEU, sourced on its date
    expect(p).toMatchObject({ kind: 'sea_freight', usdPerTeu: 100, provenance: 'sourced' });
    const late = lineHaulParts(link({ mode: 'sea', service: 'svc' }), undefined, priceBookOf([lane]), t + 1e4);
    expect(late[0]?.provenance).toBe('estimated');
    expect(late[0]?.basis).toContain('after the series');
  });
});

describe('border and stops', () => {
  const node = (country: string, x: Partial<NetworkNode> = {}) =>
    ({ id: country.toLowerCase(), country, ...x }) as NetworkNode;
  it('charges both posts of a crossing, none inside a country, and marks an absent fee missing', () => {
    const a = node('KZ', { border: { costUsdPerTeu: { value: 20, source: 'S' } } });
    const b = node('AZ', { border: { costUsdPerTonne: { value: 1, estimate: 'from the KZ fee by analogy' } } });
    const parts = borderParts(a, b, book);
    expect(parts.map((p) => [p.per, p.provenance])).toEqual([
      ['teu', 'sourced'],
      ['tonne', 'estimated'],
    ]);
    expect(borderParts(a, node('KZ'), book)).toEqual([]);
    expect(borderParts(node('KZ'), node('AZ'), book)[0]).toMatchObject({ usdPerTeu: 0, provenance: 'missing' });
  });
  it('counts absent handling as 0 and missing', () => {
    expect(stopPart(node('KZ', { facility: {} as NetworkNode['facility'] }), false, book)).toMatchObject({
      kind: 'handling',
      usdPerTeu: 0,
      provenance: 'missing',
    });
    const aktau = node('KZ', {
      facility: { handlingCostUsdPerTonne: { value: 13.25, source: 'C' } } as NetworkNode['facility'],
    });
    expect(sumParts([stopPart(aktau, false, book)], 10)).toEqual({ perTeu: 132.5, perTonne: 13.25 });
  });
  it('never gives a lower per-unit cost for a higher tariff', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (v, d) => {
          const at = (x: number) =>
            sumParts(
              lineHaulParts(link({ tariff: { usdPerTonne: { value: x, source: 'S' } } }), undefined, book, 0),
              10,
            );
          expect(at(v + d).perTonne).toBeGreaterThanOrEqual(at(v).perTonne);
        },
      ),
    );
  });
});
