import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, Dijkstra } from '../../../src/core/routing/dijkstra.ts';

/** Bellman-Ford as the plain reference. */
function bellmanFord(n: number, es: Array<[number, number, number]>, s: number): number[] {
  const d = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  d[s] = 0;
  for (let i = 0; i < n; i++) for (const [a, b, w] of es) if (d[a]! + w < d[b]!) d[b] = d[a]! + w;
  return d;
}

describe('Dijkstra on CSR', () => {
  it('matches Bellman-Ford on random graphs, point-to-point and full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            es: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 100 })), { maxLength: 120 }),
            s: fc.nat(n - 1),
            t: fc.nat(n - 1),
          }),
        ),
        ({ n, es, s, t }) => {
          const g = buildCsr(
            n,
            Int32Array.from(es, (e) => e[0]),
            Int32Array.from(es, (e) => e[1]),
            Float64Array.from(es, (e) => e[2]),
          );
          const dj = new Dijkstra(g);
          const ref = bellmanFord(n, es, s);
          expect(dj.run(s, t)).toBe(ref[t]);
          dj.run(s, -1);
          for (let v = 0; v < n; v++) expect(dj.reached(v) ? dj.dist[v] : Number.POSITIVE_INFINITY).toBe(ref[v]);
          const p = dj.pathTo(t);
          if (Number.isFinite(ref[t]!)) {
            expect(p[0]).toBe(s);
            expect(p[p.length - 1]).toBe(t);
          } else expect(p).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
