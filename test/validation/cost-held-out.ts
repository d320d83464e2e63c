/**
 * The held-out part of the cost validation (issue 15, round 2): a rule fixed before any figure of the model changed,
 * so that no one chooses which published prices test the model. prices.yaml records its result as `heldOut: true`;
 * cost-validation.test.ts checks that the two agree, and docs/validation.md reports both parts apart.
 */
import type { PriceObservation } from './cost-cases.ts';

/** FNV-1a 32-bit hash of a string: a fixed, documented draw that no one can tune. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Share of each corridor's observations held out from calibration. */
export const HELD_OUT_SHARE = 0.3;

export const HELD_OUT_RULE = `in each corridor, the observations are ordered by the FNV-1a 32-bit hash of their id and the first round(${HELD_OUT_SHARE} × n) are held out`;

/**
 * The held-out ids by HELD_OUT_RULE (stratified by corridor). Fixed before any figure of the model was changed for
 * round 2 of issue 15; prices.yaml records the result as `heldOut: true` and the guard test checks they agree.
 */
export function heldOutIds(obs: readonly Pick<PriceObservation, 'id' | 'corridor'>[]): Set<string> {
  const byCorridor = new Map<string, string[]>();
  for (const o of obs) byCorridor.set(o.corridor, [...(byCorridor.get(o.corridor) ?? []), o.id]);
  const out = new Set<string>();
  for (const ids of byCorridor.values()) {
    const ranked = [...ids].sort((a, b) => fnv1a(a) - fnv1a(b) || a.localeCompare(b));
    for (const id of ranked.slice(0, Math.round(HELD_OUT_SHARE * ids.length))) out.add(id);
  }
  return out;
}
