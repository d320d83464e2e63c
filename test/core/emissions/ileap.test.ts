/** iLEAP export: one TCE per element in order, Decimal strings, cited TOCs/HOCs, intensities that reproduce TCEs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainEmissions, parseChain, toDecimal, toIleap } from '../../../src/core/emissions/index.ts';
import { shipped } from './helpers.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const chain = parseChain(JSON.parse(readFileSync('docs/examples/chain-xian-duisburg.json', 'utf8')));

describe('iLEAP export', () => {
  const result = chainEmissions(shipped, chain);
  const x = toIleap(shipped, result, { teu: 1 });

  it('has one TCE per element, chained by prevTceIds, with Decimal strings', () => {
    const tces = x.shipmentFootprint.tces;
    expect(tces.map((t) => t.tceId)).toEqual(result.elements.map((e) => e.id));
    expect(tces[0]!.prevTceIds).toBeUndefined();
    expect(tces[1]!.prevTceIds).toEqual([tces[0]!.tceId]);
    for (const t of tces) {
      for (const v of [t.mass, t.transportActivity, t.co2eWTW, t.co2eTTW, ...Object.values(t.distance)])
        expect(v).toMatch(DECIMAL);
      expect((t.tocId === undefined) !== (t.hocId === undefined)).toBe(true);
    }
    expect(x.shipmentFootprint.mass).toBe('10000');
  });

  it('sums back to the chain total and lists every cited TOC and HOC once', () => {
    const sum = x.shipmentFootprint.tces.reduce((a, t) => a + Number(t.co2eWTW), 0);
    expect(sum).toBeCloseTo(result.totals.wtwKg, 4);
    const tocIds = new Set(x.shipmentFootprint.tces.flatMap((t) => (t.tocId ? [t.tocId] : [])));
    expect(x.tocs.map((t) => t.tocId).sort()).toEqual([...tocIds].sort());
    expect(x.hocs.map((h) => h.hocId)).toEqual(['hub-maritime-container-terminal']);
  });

  it('gives TOC intensities (kg per tkm) that reproduce each leg', () => {
    for (const t of x.shipmentFootprint.tces.filter((t) => t.tocId)) {
      const toc = x.tocs.find((o) => o.tocId === t.tocId)!;
      expect(Number(toc.co2eIntensityWTW) * Number(t.transportActivity)).toBeCloseTo(Number(t.co2eWTW), 3);
    }
  });

  it('formats decimals without exponents', () => {
    expect(toDecimal(1e-9)).toBe('0');
    expect(toDecimal(1234567.5)).toBe('1234567.5');
    expect(toDecimal(-0.0000001)).toBe('0');
    expect(toDecimal(2.5e-5, 8)).toBe('0.000025');
  });
});
