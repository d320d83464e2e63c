/** Bounds: each holds at its edges, refuses just past them with a message stating it, and docs/security.md lists it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BOUNDS,
  type Bound,
  type BoundName,
  bounded,
  boundedText,
  describeBound,
  parseRequest,
  RouteTextSchema,
} from '../../../src/core/index.ts';

const names = Object.keys(BOUNDS) as BoundName[];

describe('bounds', () => {
  it.each(names)('%s accepts its edges and refuses beyond them, naming the bound', (name) => {
    const b: Bound = BOUNDS[name];
    const s = bounded(name);
    expect(s.safeParse(b.max).success).toBe(true);
    expect(s.safeParse(b.min).success).toBe(b.minExclusive !== true);
    const over = s.safeParse(b.max + Math.max(1, b.max * 1e-6));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toContain(describeBound(b));
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, -1e308, 1e308]) expect(s.safeParse(v).success).toBe(false);
  });

  it('reads text as the same number, or refuses it', () => {
    expect(boundedText('teu').parse('40')).toBe(40);
    expect(boundedText('teu').parse('1.5e2')).toBe(150);
    for (const t of ['', ' 7', '7 TEU', '0x10', 'Infinity', 'NaN', '1e12'])
      expect(boundedText('teu').safeParse(t).success).toBe(false);
  });

  it('names the field, the value and the bound in one message', () => {
    expect(() => parseRequest(RouteTextSchema, { from: 'a', to: 'b', teu: '1e12' })).toThrow(
      'teu = "1e12": must be above 0 and at most 1,000,000 TEU',
    );
  });

  it('are all listed in docs/security.md as bounds.ts states them', () => {
    const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
    for (const name of names) expect(doc).toContain(`| \`${name}\` | ${describeBound(BOUNDS[name])} |`);
  });
});
