/**
 * Name search over the network's nodes: by id, name, any alias or UN/LOCODE, insensitive to case, diacritics,
 * apostrophes and the spelling of separators, so that "Aqtau", "aktau", "KZAAU" and "kz-aktau" all find the port
 * of Aktau, and "Constanta" finds "Constanța". The CLI, the router's --from/--to and the API resolve names here.
 *
 * Matching has three tiers, best first: exact (the normalised query equals a normalised key), prefix, and
 * substring. Suggestions for a query that matches nothing rank keys by the larger of trigram Dice similarity
 * (robust to transposed syllables, as in pg_trgm) and 1 - Levenshtein distance / length (robust to one-letter
 * slips in short names such as "Aktaw" / "Aktau"), the latter also word by word, weighted 0.9, so that "Baqu"
 * suggests "Port of Baku".
 */
import { KeruenError } from '../errors.ts';
import { must } from '../must.ts';
import type { Network, NetworkNode } from './network.ts';

/** Letters that NFD does not decompose into a base letter and a combining mark. */
const FOLD: Readonly<Record<string, string>> = {
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/**
 * Normalises a name for comparison: lower case, diacritics stripped (NFD, then combining marks removed),
 * dotless ı to i, ł to l (and a few more letters NFD keeps whole), apostrophes dropped ("Xi'an" → "xian"),
 * dashes, underscores, dots, commas, slashes and runs of spaces turned into one space.
 *
 * @example normaliseName('Constanța – Port') // 'constanta port'
 * @example normaliseName("Xi’an") // 'xian'
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłđðøßæœþ]/g, (c) => FOLD[c] ?? c)
    .replace(/['’‘ʼʻ`´]/g, '')
    .replace(/[\s\-‐‑‒–—_.,/()]+/g, ' ')
    .trim();
}

/** The normalised name without spaces: "kz aau" and "kzaau" meet here, as do "Xi An" and "Xian". */
export function compactName(s: string): string {
  return normaliseName(s).replace(/ /g, '');
}

export type NameField = 'id' | 'name' | 'alias' | 'locode';
export type MatchTier = 'exact' | 'prefix' | 'substring';

export interface NodeMatch {
  node: NetworkNode;
  /** Which field matched, and its text as written in the dataset. */
  field: NameField;
  text: string;
  tier: MatchTier;
}

export interface NameSuggestion {
  id: string;
  name: string;
  /** The key that came closest (a name, alias, id or locode as written). */
  matched: string;
  /** 0..1, higher is closer. */
  similarity: number;
}

interface Entry {
  nodeIndex: number;
  field: NameField;
  text: string;
  key: string;
  /** The words of a multi-word name ("Port of Baku (Alat)" → port, baku, alat), for suggestions. */
  words: string[];
}

/** A one-word query close to one word of a longer name is a good hint, but less so than the whole name. */
const WORD_WEIGHT = 0.9;

const FIELD_RANK: Readonly<Record<NameField, number>> = { id: 0, locode: 1, name: 2, alias: 3 };
const TIER_RANK: Readonly<Record<MatchTier, number>> = { exact: 0, prefix: 1, substring: 2 };

/** Built once per network (networks are immutable) and kept while the network lives. */
const indexCache = new WeakMap<Network, Entry[]>();

function indexOf(net: Network): Entry[] {
  const cached = indexCache.get(net);
  if (cached !== undefined) return cached;
  const entries: Entry[] = [];
  net.nodes.forEach((n, nodeIndex) => {
    const add = (field: NameField, text: string, keyText = text): void => {
      const key = compactName(keyText);
      const words = normaliseName(keyText)
        .split(' ')
        .filter((w) => w.length >= 3 && w !== key);
      if (key !== '') entries.push({ nodeIndex, field, text, key, words });
    };
    add('id', n.id);
    // Ids read `<country>-<place>` (kz-aktau); the place part alone is how people type it.
    const prefix = `${n.country.toLowerCase()}-`;
    if (n.id.startsWith(prefix) && n.id.length > prefix.length) add('id', n.id, n.id.slice(prefix.length));
    add('name', n.name);
    for (const a of n.aliases) add('alias', a);
    // The name in other languages (Актау, Bakou) is found like an alias.
    for (const v of Object.values(n.names ?? {})) if (v !== undefined) add('alias', v);
    if (n.locode !== undefined) add('locode', n.locode);
  });
  indexCache.set(net, entries);
  return entries;
}

/**
 * Finds the nodes whose id, name, alias or UN/LOCODE matches the query: exact matches first, then names that
 * start with the query, then names that contain it; one match per node (its best), ties in dataset order.
 * Returns [] when nothing matches (see closestNames for suggestions). Does not mutate the network.
 *
 * @example findNodes(net, 'Aqtau')[0]?.node.id // 'kz-aktau'
 */
export function findNodes(net: Network, query: string): NodeMatch[] {
  const q = compactName(query);
  if (q === '') return [];
  const best = new Map<number, { entry: Entry; tier: MatchTier }>();
  for (const e of indexOf(net)) {
    let tier: MatchTier | undefined;
    if (e.key === q) tier = 'exact';
    else if (e.key.startsWith(q)) tier = 'prefix';
    else if (q.length >= 3 && e.key.includes(q)) tier = 'substring';
    if (tier === undefined) continue;
    const prev = best.get(e.nodeIndex);
    if (prev === undefined || compareMatch(tier, e, prev.tier, prev.entry) < 0)
      best.set(e.nodeIndex, { entry: e, tier });
  }
  return [...best.values()]
    .sort((a, b) => compareMatch(a.tier, a.entry, b.tier, b.entry) || a.entry.nodeIndex - b.entry.nodeIndex)
    .map(({ entry, tier }) => ({ node: nodeOf(net, entry), field: entry.field, text: entry.text, tier }));
}

/** The node an index entry names. */
function nodeOf(net: Network, e: Entry): NetworkNode {
  return must(net.nodes[e.nodeIndex], 'node of a name');
}

function compareMatch(ta: MatchTier, a: Entry, tb: MatchTier, b: Entry): number {
  return TIER_RANK[ta] - TIER_RANK[tb] || FIELD_RANK[a.field] - FIELD_RANK[b.field];
}

/**
 * Resolves a query to one node, as the router's --from/--to need: an exact match on a single node wins; else a
 * single prefix or substring match. Throws KERUEN_UNKNOWN_NODE (details.closest lists suggestions) when nothing
 * matches, and KERUEN_INVALID_INPUT (details.candidates) when several nodes match equally well.
 *
 * @example getNodeByName(net, 'Horgos').id // 'kz-khorgos' on a network that lists Horgos as an alias
 */
export function getNodeByName(net: Network, query: string): NetworkNode {
  const matches = findNodes(net, query);
  const first = matches[0];
  if (first === undefined) {
    const closest = closestNames(net, query, 5);
    const hint = closest.length > 0 ? `; closest: ${closest.map((c) => `${c.name} (${c.id})`).join(', ')}` : '';
    throw new KeruenError('KERUEN_UNKNOWN_NODE', `no node matches ${JSON.stringify(query)}${hint}`, [], {
      query,
      closest,
    });
  }
  const top = matches.filter((m) => m.tier === first.tier);
  if (top.length === 1) return first.node;
  const candidates = top.map((m) => ({ id: m.node.id, name: m.node.name, matched: m.text }));
  throw new KeruenError(
    'KERUEN_INVALID_INPUT',
    `${JSON.stringify(query)} matches ${top.length} nodes: ${candidates.map((c) => c.id).join(', ')}; use an id`,
    [],
    { query, candidates },
  );
}

/**
 * The k node names closest to the query, for "did you mean" hints; one suggestion per node, best first.
 *
 * @example closestNames(net, 'Aktaw', 3)[0]?.id // 'kz-aktau'
 */
export function closestNames(net: Network, query: string, k = 5): NameSuggestion[] {
  const q = compactName(query);
  if (q === '' || k <= 0) return [];
  const qGrams = trigrams(q);
  const best = new Map<number, NameSuggestion>();
  for (const e of indexOf(net)) {
    let similarity = Math.max(dice(qGrams, trigrams(e.key)), levSimilarity(q, e.key));
    for (const w of e.words) similarity = Math.max(similarity, WORD_WEIGHT * levSimilarity(q, w));
    const prev = best.get(e.nodeIndex);
    if (prev === undefined || similarity > prev.similarity) {
      const n = nodeOf(net, e);
      best.set(e.nodeIndex, { id: n.id, name: n.name, matched: e.text, similarity });
    }
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id)).slice(0, k);
}

function levSimilarity(a: string, b: string): number {
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

/** Trigrams of the padded string (pg_trgm pads with two leading and one trailing space). */
function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [g, n] of a) {
    common += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/** Levenshtein distance with two rolling rows; names are short, so O(|a|·|b|) is cheap. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  // reads within the rows' length: `?? 0` is never taken
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}
