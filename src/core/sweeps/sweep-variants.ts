/**
 * The variants of a sweep: the grid scenarios × growth × seeds in a fixed order (scenario slowest, seed fastest),
 * or a seeded sample of it without replacement. A variant's index is its place in this list, the key its result
 * is stored under, so that a variant run twice (a worker that died, a retry) is recognised as the same one.
 */
import { Rng } from '../reliability/rng.ts';
import type { SweepSpec } from '../requests/sweep.ts';

export interface SweepVariant {
  index: number;
  scenario: string;
  growth: number;
  seed: number;
}

/** The variant at a place of the full grid. */
function gridVariant(s: SweepSpec, cell: number, index: number): SweepVariant {
  const perScenario = s.growth.length * s.seeds.length;
  const scenario = s.scenarios[Math.floor(cell / perScenario)] as string;
  const growth = s.growth[Math.floor((cell % perScenario) / s.seeds.length)] as number;
  const seed = s.seeds[cell % s.seeds.length] as number;
  return { index, scenario, growth, seed };
}

export function gridSize(s: SweepSpec): number {
  return s.scenarios.length * s.growth.length * s.seeds.length;
}

/**
 * Every variant of the sweep. A sample draws `count` distinct grid cells (Floyd's algorithm: `count` draws, no
 * array of the whole grid), listed in grid order.
 * @example listVariants({ name: 'x', scenarios: ['baseline'], growth: [1, 1.2], seeds: [1], samplesPerOd: 0 })
 * // [{ index: 0, scenario: 'baseline', growth: 1, seed: 1 }, { index: 1, scenario: 'baseline', growth: 1.2, seed: 1 }]
 */
export function listVariants(s: SweepSpec): SweepVariant[] {
  const n = gridSize(s);
  if (s.sample === undefined) return Array.from({ length: n }, (_, i) => gridVariant(s, i, i));
  const rng = new Rng(s.sample.seed);
  const chosen = new Set<number>();
  for (let j = n - s.sample.count; j < n; j++) {
    const t = Math.floor(rng.uniform() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b).map((cell, i) => gridVariant(s, cell, i));
}

/** The variant of a given index, or undefined past the end (a stored job names variants by index). */
export function variantAt(s: SweepSpec, index: number): SweepVariant | undefined {
  if (s.sample === undefined) return index >= 0 && index < gridSize(s) ? gridVariant(s, index, index) : undefined;
  return listVariants(s)[index];
}
