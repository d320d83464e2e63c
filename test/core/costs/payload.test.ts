import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TONNES, unitsFor, wagonOfGauge } from '../../../src/core/costs/payload.ts';

describe('payload physics', () => {
  it('gives boxes their ISO 668 payload: 30.48 t gross less the tare', () => {
    expect(PAYLOAD_TONNES.teu).toBeCloseTo(28.18, 9);
    expect(PAYLOAD_TONNES.feu).toBeCloseTo(26.73, 9);
  });
  it('rounds a tonnage up to whole units', () => {
    // 1000 t / 69.5 t per 1520 mm wagon = 14.39 -> 15 wagons; 1000 / 28.18 = 35.5 -> 36 boxes
    expect(unitsFor(1000, 'wagon1520')).toBe(15);
    expect(unitsFor(1000, 'teu')).toBe(36);
    expect(unitsFor(69.5, 'wagon1520')).toBe(1);
    expect(unitsFor(0, 'truck')).toBe(0);
  });
  it('names the bad value', () => {
    expect(() => unitsFor(-1, 'teu')).toThrow('tonnes = -1');
  });
  it('carries broad gauges like 1520 and the rest like 1435', () => {
    expect(wagonOfGauge(1520)).toBe('wagon1520');
    expect(wagonOfGauge(1676)).toBe('wagon1520');
    expect(wagonOfGauge(1435)).toBe('wagon1435');
  });
  it('never needs fewer units for more tonnes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (t, d) => {
          for (const u of ['teu', 'feu', 'wagon1520', 'wagon1435', 'truck'] as const)
            expect(unitsFor(t + d, u)).toBeGreaterThanOrEqual(unitsFor(t, u));
        },
      ),
    );
  });
});
