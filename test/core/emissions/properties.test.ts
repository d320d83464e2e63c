/**
 * Properties the router and reports rely on: emissions are linear in cargo quantity (the router evaluates each
 * link once for 1 TEU and 1 tonne and scales), a chain's total is the sum of its elements, and WTW = WTT + TTW.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Cargo,
  type ChainInput,
  chainEmissions,
  hubEmissions,
  type LegInput,
  legEmissions,
} from '../../../src/core/emissions/index.ts';
import { shipped } from './helpers.ts';

const COUNTRIES = ['CN', 'KZ', 'RU', 'BY', 'PL', 'DE', 'AZ', 'GE', 'TR', 'TM', 'UZ', 'IR', 'MN', 'AM', 'RO'];
const VESSELS = [
  undefined,
  'rail_ferry',
  'ro_pax',
  'ro_ro',
  'container_feeder',
  'container_ship',
  'general_cargo',
] as const;

const legShape = fc.record({
  mode: fc.constantFrom('rail', 'road', 'ferry', 'sea', 'inland_waterway'),
  distanceKm: fc.double({ min: 0, max: 20000, noNaN: true }),
  country: fc.constantFrom(...COUNTRIES),
  electrified: fc.constantFrom(undefined, true, false),
  vessel: fc.constantFrom(...VESSELS),
  tradeLane: fc.constantFrom(undefined, 'asia-north-europe', 'trans-suez', 'nowhere'),
  groupage: fc.boolean(),
  containers: fc.boolean(),
  tonnesPerTeu: fc.constantFrom(undefined, 6, 10, 14.5),
});
type Shape = typeof legShape extends fc.Arbitrary<infer T> ? T : never;

function cargoOf(s: Shape, q: number): Cargo {
  return s.containers ? { kind: 'containers', teu: q, tonnesPerTeu: s.tonnesPerTeu } : { kind: 'general', tonnes: q };
}
function legOf(s: Shape, q: number): LegInput {
  return { ...s, cargo: cargoOf(s, q) } as LegInput;
}
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('emission properties', () => {
  it('a leg is linear in cargo quantity', () => {
    fc.assert(
      fc.property(legShape, fc.double({ min: 0, max: 1000, noNaN: true }), (s, q) => {
        const one = legEmissions(shipped, legOf(s, 1));
        const many = legEmissions(shipped, legOf(s, q));
        return (
          close(many.wtwKg, one.wtwKg * q) && close(many.wttKg!, one.wttKg! * q) && close(many.ttwKg!, one.ttwKg! * q)
        );
      }),
    );
  });

  it('a hub is linear in cargo quantity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'container_terminal',
          'transshipment',
          'gauge_change',
          'storage_transshipment',
          'liquid_bulk_terminal',
        ),
        fc.boolean(),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (operation, containers, q) => {
          const cargo = (n: number): Cargo =>
            containers ? { kind: 'containers', teu: n } : { kind: 'bulk', tonnes: n };
          const one = hubEmissions(shipped, { operation, cargo: cargo(1) });
          return close(hubEmissions(shipped, { operation, cargo: cargo(q) }).wtwKg, one.wtwKg * q);
        },
      ),
    );
  });

  it('WTW = WTT + TTW on every leg, and no part is negative', () => {
    fc.assert(
      fc.property(legShape, fc.double({ min: 0, max: 100, noNaN: true }), (s, q) => {
        const r = legEmissions(shipped, legOf(s, q));
        return close(r.wtwKg, r.wttKg! + r.ttwKg!) && r.wttKg! >= 0 && r.ttwKg! >= 0;
      }),
    );
  });

  it("a chain's total is the sum of its elements", () => {
    const element = fc.oneof(
      legShape.map((s) => {
        const { cargo: _c, ...leg } = legOf(s, 1);
        return { type: 'leg' as const, ...leg };
      }),
      fc.constantFrom('container_terminal', 'transshipment', 'gauge_change').map((operation) => ({
        type: 'hub' as const,
        operation,
      })),
    );
    fc.assert(
      fc.property(
        fc.array(element, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (els, teu) => {
          const chain = {
            shipmentId: 'p',
            cargo: { kind: 'containers', teu },
            elements: els,
          } as unknown as ChainInput;
          const r = chainEmissions(shipped, chain);
          const sum = r.elements.reduce((a, e) => a + e.wtwKg, 0);
          const splitSum = r.elements.reduce((a, e) => a + (e.wttKg ?? 0) + (e.ttwKg ?? 0), 0);
          return (
            r.elements.length === els.length &&
            close(r.totals.wtwKg, sum) &&
            close(r.totals.wttKg + r.totals.ttwKg + r.totals.wtwUnsplitKg, r.totals.wtwKg) &&
            close(r.totals.wttKg + r.totals.ttwKg, splitSum)
          );
        },
      ),
    );
  });

  it('rejects a negative or non-finite quantity with KERUEN_INVALID_INPUT', () => {
    expect(() =>
      legEmissions(shipped, { mode: 'rail', distanceKm: -1, country: 'KZ', cargo: { kind: 'bulk', tonnes: 1 } }),
    ).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }));
    expect(() =>
      legEmissions(shipped, {
        mode: 'rail',
        distanceKm: 1,
        country: 'KZ',
        cargo: { kind: 'bulk', tonnes: Number.NaN },
      }),
    ).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }));
  });
});
