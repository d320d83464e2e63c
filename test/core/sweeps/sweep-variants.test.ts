import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridSize, listVariants, SweepSpecSchema, variantAt } from '../../../src/core/index.ts';

const spec = (o: Record<string, unknown>) => SweepSpecSchema.parse({ name: 's', scenarios: ['baseline'], ...o });

describe('sweep variants', () => {
  it('lists the grid scenario-major, seed-minor, with indexes 0..n-1', () => {
    const s = spec({ scenarios: ['baseline', 'russia-closed'], growth: [1, 1.5], seeds: [1, 2, 3] });
    const v = listVariants(s);
    expect(v).toHaveLength(12);
    expect(v[0]).toEqual({ index: 0, scenario: 'baseline', growth: 1, seed: 1 });
    expect(v[4]).toEqual({ index: 4, scenario: 'baseline', growth: 1.5, seed: 2 });
    expect(v[11]).toEqual({ index: 11, scenario: 'russia-closed', growth: 1.5, seed: 3 });
    expect(v.map((x) => x.index)).toEqual([...Array(12).keys()]);
  });

  it('samples distinct grid cells, the same for the same seed, and variantAt agrees with the list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (count, seed) => {
        const s = spec({ growth: [0.5, 1, 1.5, 2], seeds: [...Array(15).keys()], sample: { count, seed } });
        const v = listVariants(s);
        expect(v).toHaveLength(count);
        const cells = new Set(v.map((x) => `${x.growth}/${x.seed}`));
        expect(cells.size).toBe(count);
        expect(listVariants(s)).toEqual(v);
        expect(variantAt(s, count - 1)).toEqual(v[count - 1]);
        expect(variantAt(s, count)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a grid past the variant bound, a sample larger than the grid, repeats, and bad factors', () => {
    const big = SweepSpecSchema.safeParse({
      name: 'x',
      scenarios: ['a', 'b', 'c'],
      growth: [1, 2, 3, 4],
      seeds: [...Array(1000).keys()],
    });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toMatch(/12000 variants.*at most 10000/);
    const sample = SweepSpecSchema.safeParse({ name: 'x', scenarios: ['a'], seeds: [1, 2], sample: { count: 3 } });
    expect(sample.error?.issues[0]).toMatchObject({ path: ['sample', 'count'] });
    const dup = SweepSpecSchema.safeParse({ name: 'x', scenarios: ['a', 'a'] });
    expect(dup.error?.issues[0]).toMatchObject({ path: ['scenarios'], message: 'lists a twice' });
    const growth = SweepSpecSchema.safeParse({ name: 'x', scenarios: ['a'], growth: [0] });
    expect(growth.error?.issues[0]?.message).toMatch(/above 0 and at most 10/);
    expect(gridSize(spec({ growth: [1, 2], seeds: [1, 2, 3] }))).toBe(6);
  });
});
