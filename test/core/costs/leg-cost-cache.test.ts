/**
 * legCostParts keeps the unpriced parts of each link end (evidence.ts legEntry): all of them for an undated leg,
 * the border parts and the line haul at the last few instants for a leg priced at its date (sea, tramp and rail
 * lanes). Whatever the order of the asks, the parts must equal those computed afresh (`cache: false`), value for
 * value, on every link of the shipped network, both directions, dates repeated and not, both kinds of cargo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legCostParts, type PricedCargo } from '../../../src/core/costs/evidence.ts';
import { priceBookOfNetwork } from '../../../src/core/costs/price-book.ts';
import { getNode } from '../../../src/core/network/network.ts';
import { loadContext } from '../../../src/io/index.ts';

const { network } = loadContext();
const YEAR_2024_H = Date.UTC(2024, 0, 1) / 3_600_000;
const book = priceBookOfNetwork(network);
const isDated = (i: number) => {
  const l = network.links[i];
  return (
    l !== undefined &&
    ((l.service !== undefined && book.seaLaneOf(l.service) !== undefined) ||
      book.seaLaneOfLink(l.id) !== undefined ||
      (l.mode === 'rail' && l.tariff === undefined && book.railLaneOf(getNode(network, l.from).country) !== undefined))
  );
};
const dated = network.links.map((_, i) => i).filter(isDated);

const cargo: fc.Arbitrary<PricedCargo> = fc.oneof(
  fc.record({ kind: fc.constant('containers' as const), teu: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('tonnage' as const), tonnes: fc.integer({ min: 1, max: 3000 }) }),
);
/** An ask: a link (dated ones half the time), a direction, an instant from a few repeated ones or any in 2024-2027. */
const ask = fc.record({
  link: fc.oneof(fc.nat(network.links.length - 1), fc.constantFrom(...(dated.length > 0 ? dated : [0]))),
  back: fc.boolean(),
  tH: fc.oneof(
    fc.constantFrom(YEAR_2024_H + 1000, YEAR_2024_H + 9000.5, YEAR_2024_H + 20_000.25),
    fc.double({ min: YEAR_2024_H, max: YEAR_2024_H + 4 * 8760, noNaN: true }),
  ),
  cargo,
});

describe('legCostParts cache', () => {
  it('the shipped network prices some legs at their date', () => {
    expect(dated.length).toBeGreaterThan(0);
  });

  it('gives the parts computed afresh, in any order of asks', () => {
    fc.assert(
      fc.property(fc.array(ask, { minLength: 1, maxLength: 30 }), (asks) => {
        for (const x of asks) {
          const l = network.links[x.link];
          if (l === undefined) continue;
          const [a, b] = [getNode(network, l.from), getNode(network, l.to)];
          const [from, to] = x.back ? [b, a] : [a, b];
          const kept = legCostParts(network, l, from, to, x.tH, x.cargo);
          expect(kept).toEqual(legCostParts(network, l, from, to, x.tH, x.cargo, false));
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
