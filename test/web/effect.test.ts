import { describe, expect, it } from 'vitest';
import { effectOf } from '../../web/src/effect.ts';
import { kpiCells } from '../../web/src/flows-table.ts';

describe('good or bad news', () => {
  it('colours a difference by what it means, not by its sign', () => {
    expect(effectOf(5, 'lower')).toBe('bad');
    expect(effectOf(-5, 'lower')).toBe('good');
    expect(effectOf(5, 'higher')).toBe('good');
    expect(effectOf(-5, 'higher')).toBe('bad');
    expect(effectOf(5, 'neither')).toBeUndefined();
    expect(effectOf(0, 'lower')).toBeUndefined();
    expect(effectOf(null, 'lower')).toBeUndefined();
  });

  it('marks a rise in served volume good and a rise in cost bad in the flows table; a share moving, neither', () => {
    const pair = (base: number, other: number) => ({ base, other, delta: other - base });
    const fmt = (v: number) => v.toFixed(1);
    expect(kpiCells({ pair: pair(10, 12), fmt, scale: 1, better: 'higher' })).toMatchObject({
      sign: 'up',
      effect: 'good',
    });
    expect(kpiCells({ pair: pair(10, 12), fmt, scale: 1, better: 'lower' })).toMatchObject({
      sign: 'up',
      effect: 'bad',
    });
    expect(kpiCells({ pair: pair(10, 12), fmt, scale: 1, better: 'neither' }).effect).toBeUndefined();
    // A difference that prints as zero gets no colour either way.
    expect(kpiCells({ pair: pair(10, 10.01), fmt, scale: 1, better: 'lower' }).effect).toBeUndefined();
  });
});
