import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxesUsd,
  HANDLING_FEU_OVER_20FT,
  PROPORTIONAL,
  RAIL_BOX_RATES,
  RAIL_FEU_OVER_20FT,
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
  it('reads a handling charge per box: half per TEU of a 40-foot box, whole for a 20-foot one', () => {
    const node = { id: 'nl-rotterdam', facility: { handlingCostUsdPerTeu: { value: 220, source: 'C' } } };
    const p = stopPart(node as Parameters<typeof stopPart>[0], false, neutralPriceBook());
    expect(p.usdPerTeu).toBeCloseTo(110, 9);
    expect(p.feuOver20ft).toBe(1);
    expect(boxesUsd(p.usdPerTeu, 1, p.feuOver20ft)).toBeCloseTo(220, 9);
  });
});
