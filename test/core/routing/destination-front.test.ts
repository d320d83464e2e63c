/**
 * The destination's front (routing/destination-front.ts: arrays sorted by arrival, prefix minima, early exits)
 * against the plain list it replaced: the same labels kept after every insert, and the same answer to every
 * pruning question, on random criteria drawn from a few values so that ties and near-ties (within EPS) are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DestinationFront, EPS } from '../../../src/core/routing/destination-front.ts';

type Crit = [number, number, number, number, number];

/** The list's rules: dominance-or-equality within EPS on t, c, e (and r, x when they are criteria). */
function naiveDominates(a: Crit, b: Crit, risk: boolean, transfers: boolean): boolean {
  return (
    a[0] <= b[0] + EPS &&
    a[1] <= b[1] + EPS &&
    a[2] <= b[2] + EPS &&
    (!risk || a[3] <= b[3] + EPS) &&
    (!transfers || a[4] <= b[4])
  );
}

const value = fc.constantFrom(0, 1, 1 + EPS / 2, 1 + 2 * EPS, 2, 3, 5.5);
const crit = fc.tuple(value, value, value, value, fc.integer({ min: 0, max: 3 })) as fc.Arbitrary<Crit>;
const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), c: crit }),
  fc.record({ kind: fc.constant('ask' as const), c: crit }),
);

describe('DestinationFront', () => {
  it('keeps the labels the plain list keeps and answers every question as it does', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(op, { maxLength: 120 }), (risk, transfers, ops) => {
        const front = new DestinationFront();
        front.clear(risk, transfers);
        let list: { l: number; c: Crit }[] = [];
        ops.forEach((o, l) => {
          const [t, c, e, r, x] = o.c;
          if (o.kind === 'ask') {
            const naive = list.some(
              (k) => k.c[0] <= t && k.c[1] <= c && k.c[2] <= e && (!risk || k.c[3] <= r) && (!transfers || k.c[4] <= x),
            );
            expect(front.anyWithin(t, c, e, r, x)).toBe(naive);
            return;
          }
          const refused = list.some((k) => naiveDominates(k.c, o.c, risk, transfers));
          if (!refused) list = [...list.filter((k) => !naiveDominates(o.c, k.c, risk, transfers)), { l, c: o.c }];
          expect(front.insert(l, t, c, e, r, x)).toBe(!refused);
          const kept = Array.from({ length: front.size }, (_, i) => front.labelAt(i));
          expect([...kept].sort((a, b) => a - b)).toEqual(list.map((k) => k.l).sort((a, b) => a - b));
        });
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('grows past its first capacity', () => {
    const front = new DestinationFront();
    front.clear(true, false);
    // 300 labels on a line of trade-offs: later arrival, lower cost; none dominates another
    for (let i = 0; i < 300; i++) expect(front.insert(i, i, 300 - i, 1, 1, 0)).toBe(true);
    expect(front.size).toBe(300);
    expect(front.labelAt(299)).toBe(299);
    expect(front.anyWithin(299, 1, 1, 1, 0)).toBe(true);
    expect(front.anyWithin(298, 1, 1, 1, 0)).toBe(false);
  });
});
