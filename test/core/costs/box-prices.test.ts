import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxesUsd,
  HANDLING_FEU_OVER_20FT,
  PROPORTIONAL,
  RAIL_BOX_PAIRS,
  RAIL_BOX_RATES,
  RAIL_FEU_OVER_20FT,
  railFeuOver20ft,
} from '../../../src/core/costs/box-prices.ts';
import { lineHaulParts, stopPart } from '../../../src/core/costs/cost-parts.ts';
import { neutralPriceBook } from '../../../src/core/costs/price-book.ts';

describe('box prices', () => {
  it('takes the rail ratio from the published per-km pair: 0.24 / 0.15 = 1.6', () => {
    expect(RAIL_BOX_RATES).toMatchObject({ usdPer20ftKm: 0.15, usdPer40ftKm: 0.24, source: 'O114', year: 2023 });
    expect(RAIL_FEU_OVER_20FT).toBeCloseTo(1.6, 12);
  });
  it('prices whole 40-foot boxes and a 20-foot box for an odd TEU', () => {
    // per TEU of a 40' box 100: a 40' 200; a 20' at ratio 1.6: 200 / 1.6 = 125
    expect(boxesUsd(100, 2, 1.6)).toBeCloseTo(200, 9);
    expect(boxesUsd(100, 1, 1.6)).toBeCloseTo(125, 9);
    expect(boxesUsd(100, 3, 1.6)).toBeCloseTo(325, 9);
    // a per-box charge: a 40' pays it once, like a 20'
    expect(boxesUsd(110, 1, HANDLING_FEU_OVER_20FT)).toBeCloseTo(220, 9);
    expect(boxesUsd(110, 2, HANDLING_FEU_OVER_20FT)).toBeCloseTo(220, 9);
    // proportional by default
    expect(boxesUsd(100, 7)).toBeCloseTo(700, 9);
    expect(PROPORTIONAL).toBe(2);
  });
  it('names a bad ratio or count', () => {
    expect(() => boxesUsd(1, 1, 0.5)).toThrow('feuOver20ft = 0.5');
    expect(() => boxesUsd(1, 1, 2.5)).toThrow('feuOver20ft = 2.5');
    expect(() => boxesUsd(1, -1, 1.6)).toThrow('teu = -1');
    expect(() => boxesUsd(1, Number.NaN, 1.6)).toThrow('teu = NaN');
  });
  it('never costs less for more TEU, and never more than a 20-foot price per TEU', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (teu, d, r) => {
          const a = boxesUsd(100, teu, r);
          expect(boxesUsd(100, teu + d, r)).toBeGreaterThanOrEqual(a - 1e-6);
          expect(a).toBeLessThanOrEqual((200 / r) * Math.max(teu, 1) + 1e-6);
        },
      ),
    );
  });
  it('gives rail parts per TEU-km the rail ratio and other modes none', () => {
    const rate = { id: 'x', usdPerTeuKm: { value: 0.12, source: 'O114' } };
    const km = { value: 100, source: 'S' };
    const [rail] = lineHaulParts(
      { mode: 'rail', distanceKm: km, tariff: undefined, service: undefined },
      rate,
      neutralPriceBook(),
      0,
    );
    const [road] = lineHaulParts(
      { mode: 'road', distanceKm: km, tariff: undefined, service: undefined },
      rate,
      neutralPriceBook(),
      0,
    );
    expect(rail?.feuOver20ft).toBeCloseTo(1.6, 12);
    expect(rail?.sources).toContain('O114');
    expect(road?.feuOver20ft).toBeUndefined();
  });
  it("uses a network's own published pair where it has one: TCDD 0.23 / 0.18 = 1.28 on Turkish rail", () => {
    expect(RAIL_BOX_PAIRS.TR).toMatchObject({ per20ftKm: 0.18, per40ftKm: 0.23, source: 'C-TCDD-TARIFF' });
    expect(railFeuOver20ft('TR').ratio).toBeCloseTo(0.23 / 0.18, 12);
    expect(railFeuOver20ft('TR').source).toBe('C-TCDD-TARIFF');
    // every other network, and a leg of unknown country, falls back to the KZ–TM–IR pair
    expect(railFeuOver20ft('KZ')).toEqual({ ratio: RAIL_FEU_OVER_20FT, source: 'O114' });
    expect(railFeuOver20ft(undefined)).toEqual({ ratio: RAIL_FEU_OVER_20FT, source: 'O114' });
    // every published pair is a valid box ratio (a 40' between 1 and 2 times a 20')
    for (const pair of Object.values(RAIL_BOX_PAIRS)) {
      expect(pair.per40ftKm / pair.per20ftKm).toBeGreaterThanOrEqual(1);
      expect(pair.per40ftKm / pair.per20ftKm).toBeLessThanOrEqual(2);
    }
  });
  it("prices a country rate's rail leg with that country's ratio", () => {
    const km = { value: 100, source: 'S' };
    const tr = { id: 'tr-rail', country: 'TR', usdPerTeuKm: { value: 0.136, source: 'C-TCDD-TARIFF' } };
    const [p] = lineHaulParts(
      { mode: 'rail', distanceKm: km, tariff: undefined, service: undefined },
      tr,
      neutralPriceBook(),
      0,
    );
    expect(p?.feuOver20ft).toBeCloseTo(0.23 / 0.18, 12);
    expect(p?.sources).toContain('C-TCDD-TARIFF');
    // 100 km at USD 0.136 per TEU of a 40' box: a 40' pays 27.2, a 20' 27.2 / 1.278 = 21.3 (EUR 0.18 / 0.23 of it)
    expect(boxesUsd(p?.usdPerTeu ?? Number.NaN, 2, p?.feuOver20ft)).toBeCloseTo(27.2, 9);
    expect(boxesUsd(p?.usdPerTeu ?? Number.NaN, 1, p?.feuOver20ft)).toBeCloseTo((27.2 * 0.18) / 0.23, 9);
  });
  it('reads a handling charge per box: half per TEU of a 40-foot box, whole for a 20-foot one', () => {
    const node = { id: 'nl-rotterdam', facility: { handlingCostUsdPerTeu: { value: 220, source: 'C' } } };
    const p = stopPart(node as Parameters<typeof stopPart>[0], false, neutralPriceBook());
    expect(p.usdPerTeu).toBeCloseTo(110, 9);
    expect(p.feuOver20ft).toBe(1);
    expect(boxesUsd(p.usdPerTeu, 1, p.feuOver20ft)).toBeCloseTo(220, 9);
  });
});
