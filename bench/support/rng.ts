/**
 * mulberry32: the small seeded 32-bit generator used by every Keruen benchmark, so that graphs, queries and
 * dates are reproduced exactly from the seed (the same generator as the peer harness in the toolchain notes).
 */
import { must } from '../../src/core/index.ts';

export type Rng = () => number;

/** A generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export const randInt = (rnd: Rng, n: number): number => Math.floor(rnd() * n);

/** An element of `xs` drawn uniformly; throws when `xs` is empty. */
export const pick = <T>(rnd: Rng, xs: readonly T[]): T => must(xs[randInt(rnd, xs.length)], 'an element to draw');
