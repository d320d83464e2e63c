/**
 * EvidenceProvenance of a figure as route output reports it: `sourced` when a source prints it, `estimated` when it is
 * derived or assumed (an `estimate:` with its reasoning), `missing` when the dataset has no figure and the model
 * counts 0 or a default. Shares of a total that rest on sourced figures follow from it (docs/methodology.md).
 */

export type EvidenceProvenance = 'sourced' | 'estimated' | 'missing';

/** Source ids of a figure, as a list. */
export function sourceIdsOf(f: { source?: string | readonly string[] | undefined } | undefined): string[] {
  const s = f?.source;
  if (s === undefined) return [];
  return typeof s === 'string' ? [s] : [...s];
}

/**
 * EvidenceProvenance of a dataset figure: an estimate (even one citing sources) is `estimated`, a figure with a source
 * only is `sourced`, none at all is `missing`.
 * @example provenanceOf({ value: 12, source: 'F52' }) // 'sourced'
 */
export function provenanceOf(f: { source?: unknown; estimate?: unknown } | undefined): EvidenceProvenance {
  if (f === undefined) return 'missing';
  if (f.estimate !== undefined) return 'estimated';
  return f.source !== undefined ? 'sourced' : 'missing';
}

/** The weaker of two provenances (missing < estimated < sourced): a part derived from both is only as good. */
export function weakerProvenance(a: EvidenceProvenance, b: EvidenceProvenance): EvidenceProvenance {
  const rank = { missing: 0, estimated: 1, sourced: 2 } as const;
  return rank[a] <= rank[b] ? a : b;
}

/**
 * Share of a total that rests on sourced parts: sum of sourced amounts over the sum of all, or null when the
 * total is 0 (nothing to weigh).
 * @example sourcedShare([{ amount: 3, provenance: 'sourced' }, { amount: 1, provenance: 'estimated' }]) // 0.75
 */
export function sourcedShare(parts: readonly { amount: number; provenance: EvidenceProvenance }[]): number | null {
  let all = 0;
  let sourced = 0;
  for (const p of parts) {
    all += p.amount;
    if (p.provenance === 'sourced') sourced += p.amount;
  }
  return all > 0 ? sourced / all : null;
}
