/**
 * The benchmark's bidirectional Dijkstra (bench/routing/bidirectional-dijkstra.ts) must give the distances of the
 * plain reference, Bellman-Ford, so that its timings compare like with like.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BidirectionalDijkstra, reverseCsr } from '../../../bench/routing/bidirectional-dijkstra.ts';
import { buildCsr } from '../../../src/core/routing/dijkstra.ts';

function bellmanFord(n: number, es: Array<[number, number, number]>, s: number): number[] {
  const d = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  d[s] = 0;
  for (let i = 0; i < n; i++) for (const [a, b, w] of es) if (d[a]! + w < d[b]!) d[b] = d[a]! + w;
  return d;
}

describe('BidirectionalDijkstra', () => {
  it('reverses a graph edge by edge', () => {
    // 0 -> 1 (5), 0 -> 2 (1), 2 -> 1 (2): reversed, 1 has out-edges to 0 (5) and 2 (2), and 2 to 0 (1).
    const g = buildCsr(3, Int32Array.of(0, 0, 2), Int32Array.of(1, 2, 1), Float64Array.of(5, 1, 2));
    const r = reverseCsr(g);
    const out = (v: number) =>
      Array.from({ length: r.off[v + 1]! - r.off[v]! }, (_, i) => [r.to[r.off[v]! + i], r.w[r.off[v]! + i]]);
    expect(out(0)).toEqual([]);
    expect(out(1).sort()).toEqual([
      [0, 5],
      [2, 2],
    ]);
    expect(out(2)).toEqual([[0, 1]]);
  });

  it('matches Bellman-Ford on random graphs, both ways', () => {
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
          const bi = new BidirectionalDijkstra(g);
          expect(bi.run(s, t)).toBe(bellmanFord(n, es, s)[t]);
          expect(bi.run(t, s)).toBe(bellmanFord(n, es, t)[s]);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
