import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesUsd } from '../../../src/core/costs/box-prices.ts';
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
        links: [],
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
        links: [],
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
      links: [],
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
  it('prices a tramp link per tonne from its lane inside the dates, from its tariff outside them', () => {
    const lane: PriceSeries = {
      id: 'caspian',
      kind: 'sea_lane',
      currency: 'USD',
      services: [],
      links: ['astrakhan-anzali'],
      countries: [],
      includesBorderFees: false,
      entryExit: [],
      laneKm: 100,
      per: 'tonne',
      points: [
        { date: '2025-01-01', value: 20, source: 'A' },
        { date: '2025-03-01', value: 40, source: 'B' },
      ],
    };
    const tariff = { usdPerTonne: { value: 30, source: 'T', year: 2025 } };
    const tramp = { ...link({ mode: 'sea', tariff }), id: 'astrakhan-anzali' };
    const b = priceBookOf([lane]);
    const jan31 = Date.UTC(2025, 0, 31) / 3.6e6;
    const [mid] = lineHaulParts(tramp, undefined, b, jan31);
    // 30 of 59 days from USD 20 to USD 40: 20 + 20 × 30 / 59 = 30.17 per tonne over the lane's 100 km
    expect(mid).toMatchObject({ kind: 'sea_freight', per: 'tonne', provenance: 'sourced', sources: ['A', 'B'] });
    expect(mid?.usdPerTonne).toBeCloseTo(20 + (20 * 30) / 59, 9);
    // Before the first point the link's tariff holds (its long-run level), not the January spot.
    const [early] = lineHaulParts(tramp, undefined, b, Date.UTC(2024, 0, 1) / 3.6e6);
    expect(early).toMatchObject({ kind: 'line_haul', usdPerTonne: 30, basis: 'tariff' });
    // Without a tariff, the nearest point holds and the part is an estimate.
    const [bare] = lineHaulParts({ ...tramp, tariff: undefined }, undefined, b, Date.UTC(2024, 0, 1) / 3.6e6);
    expect(bare).toMatchObject({ usdPerTonne: 20, provenance: 'estimated' });
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
    // A box pays 10 t of the per-tonne charge, USD 132.5, a 40' box once: per TEU of a 40' box USD 66.25, per TEU
    // of a 20' box the whole 132.5 (what the search adds for a 20' box, routing/edge-cost.ts).
    const p = stopPart(aktau, false, book);
    expect(sumParts([p], 10)).toEqual({ perTeu: 66.25, perTeu20: 132.5, perTonne: 13.25 });
    expect(boxesUsd(p.usdPerTeu, 1, p.feuOver20ft)).toBeCloseTo(132.5, 9);
    expect(boxesUsd(p.usdPerTeu, 2, p.feuOver20ft)).toBeCloseTo(132.5, 9);
    // A gauge change per tonne stays per tonne: a 40' box pays for twice a 20' box's tonnes.
    const yard = node('KZ', {
      gaugeChange: { costUsdPerTonne: { value: 2, source: 'G' } } as NetworkNode['gaugeChange'],
    });
    const g = stopPart(yard, true, book);
    expect(g).toMatchObject({ usdPerTonne: 2, per: 'tonne' });
    expect(g.feuOver20ft).toBeUndefined();
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
