/**
 * Whether a difference between two runs is good or bad news: a rise in cost, CO2e, unserved volume or days is
 * bad, a rise in served volume or in itineraries found is good, and a share moving between corridors is neither.
 * The comparison tables colour a difference by its effect, not by its sign.
 */

/** Which way a metric improves; 'neither' for one that is not better either way (a corridor's share). */
export type Better = 'lower' | 'higher' | 'neither';

export type Effect = 'good' | 'bad' | undefined;

/**
 * @example effectOf(+5, 'lower') // 'bad'
 */
export function effectOf(delta: number | null, better: Better): Effect {
  if (delta === null || delta === 0 || better === 'neither') return undefined;
  return delta < 0 === (better === 'lower') ? 'good' : 'bad';
}
