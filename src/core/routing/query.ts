/**
 * A route query in compiled form, and the per-query edge filter (constraints: status and planned year, modes,
 * countries, nodes, links, what the cargo can ride on). Built once per query at the entry point; the search only
 * reads the mask.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { CARRIES_BITS, EDGE_LINK, MODE_CODES, STATUS_CODES } from '../network/compile.ts';
import type { Mode } from '../network/schema.ts';

export type Cargo =
  | { kind: 'containers'; teu: number; tonnesPerTeu?: number | undefined; commodity?: string | undefined }
  | { kind: 'bulk' | 'liquid' | 'general'; tonnes: number; commodity?: string | undefined };

export interface Constraints {
  avoidCountries?: readonly string[] | undefined;
  avoidModes?: readonly Mode[] | undefined;
  /** Node indices to avoid. */
  avoidNodes?: readonly number[] | undefined;
  /** Link indices to avoid. */
  avoidLinks?: readonly number[] | undefined;
  /** Include planned and under-construction links and nodes expected to open by this year. */
  includePlannedUpTo?: number | undefined;
  /** At most this many transfers (changes of vehicle, including gauge changes). */
  maxTransfers?: number | undefined;
  /**
   * Dangerous goods (class 7, ammonia): link and node indices that do not accept the cargo, from the rules of
   * core/exports/dangerous-goods.ts. Cut as their own constraint so that "no route" names it.
   */
  dangerousGoods?: { deniedLinks: readonly number[]; deniedNodes: readonly number[] } | undefined;
}

export interface SearchQuery extends Constraints {
  origin: number;
  destination: number;
  /** Ready time, hours since the epoch (UTC). */
  departH: number;
  cargo: Cargo;
  /** Add risk as a fourth criterion. */
  useRisk?: boolean | undefined;
}

const OPERATIONAL = STATUS_CODES.indexOf('operational');
const CLOSED = STATUS_CODES.indexOf('closed');

function cargoBits(c: Cargo): number {
  switch (c.kind) {
    case 'containers':
      return CARRIES_BITS.containers | CARRIES_BITS.wagons | CARRIES_BITS.trucks;
    case 'bulk':
      return CARRIES_BITS.bulk | CARRIES_BITS.wagons;
    case 'liquid':
      return CARRIES_BITS.liquid | CARRIES_BITS.wagons;
    case 'general':
      return CARRIES_BITS.wagons | CARRIES_BITS.trucks | CARRIES_BITS.bulk;
  }
}

/** Why an edge is out, for explaining "no route" (bit per constraint). */
export const CUT_STATUS = 1;
export const CUT_MODE = 2;
export const CUT_COUNTRY = 4;
export const CUT_NODE = 8;
export const CUT_LINK = 16;
export const CUT_CARGO = 32;
export const CUT_DANGEROUS = 64;
export const CUT_NAMES: Record<number, string> = {
  [CUT_STATUS]: 'status (planned, under construction or closed)',
  [CUT_MODE]: 'avoided modes',
  [CUT_COUNTRY]: 'avoided countries',
  [CUT_NODE]: 'avoided nodes',
  [CUT_LINK]: 'avoided links',
  [CUT_CARGO]: 'cargo type (services that do not carry it)',
  [CUT_DANGEROUS]: 'dangerous goods (links and ports that do not accept the class)',
};

const PIPELINE = MODE_CODES.indexOf('pipeline');
const ROAD = MODE_CODES.indexOf('road');

/**
 * What buildEdgeCuts reads of a query, as a string: two queries with the same key get the same cuts on the same
 * graph, so a router that keeps its last cuts rebuilds them only when the key changes (a pass over every edge
 * and five allocations, about 0.1 ms on the 10x benchmark network, saved on most queries of a session).
 */
export function edgeCutKey(q: Constraints & { cargo: Cargo }, ignore = 0): string {
  return JSON.stringify([
    q.avoidCountries,
    q.avoidModes,
    q.avoidNodes,
    q.avoidLinks,
    q.includePlannedUpTo,
    q.cargo.kind,
    q.dangerousGoods?.deniedLinks,
    q.dangerousGoods?.deniedNodes,
    ignore,
  ]);
}

/**
 * Fills `cut` (one byte per edge) with the constraints that exclude each edge; 0 means usable.
 * `ignore` masks out constraint bits (used to find which constraint cuts all routes).
 */
export function buildEdgeCuts(g: CompiledGraph, q: Constraints & { cargo: Cargo }, cut: Uint8Array, ignore = 0): void {
  const avoidC = new Uint8Array(g.countries.length);
  for (const c of q.avoidCountries ?? []) {
    const i = g.countries.indexOf(c);
    if (i >= 0) avoidC[i] = 1;
  }
  const avoidN = new Uint8Array(g.nodeOff.length - 1);
  for (const n of q.avoidNodes ?? []) avoidN[n] = 1;
  const avoidL = new Set(q.avoidLinks ?? []);
  const avoidM = new Set((q.avoidModes ?? []).map((m) => MODE_CODES.indexOf(m)));
  const bits = cargoBits(q.cargo);
  // Pipelines carry liquids only; liquids in bulk (crude, ammonia) ride tank wagons, tankers and pipelines, not roads.
  const liquid = q.cargo.kind === 'liquid';
  const dgLinks = new Set(q.dangerousGoods?.deniedLinks ?? []);
  const dgNodes = new Uint8Array(avoidN.length);
  for (const n of q.dangerousGoods?.deniedNodes ?? []) dgNodes[n] = 1;
  const year = q.includePlannedUpTo;
  for (let e = 0; e < g.edgeCount; e++) {
    let c = 0;
    // typed-array reads of e's own fields: `?? -1` / `?? 0` never taken, and free in V8 (see pareto-search.ts)
    const st = g.status[e];
    if (st === CLOSED || (st !== OPERATIONAL && (year === undefined || (g.statusYear[e] ?? 0) > year))) c |= CUT_STATUS;
    const a = g.vNode[g.source[e] ?? -1] ?? -1;
    const b = g.vNode[g.target[e] ?? -1] ?? -1;
    if (avoidC[g.nodeCountry[a] ?? -1] || avoidC[g.nodeCountry[b] ?? -1]) c |= CUT_COUNTRY;
    if (avoidN[a] || avoidN[b]) c |= CUT_NODE;
    if (dgNodes[a] || dgNodes[b]) c |= CUT_DANGEROUS;
    if (g.kind[e] === EDGE_LINK) {
      const l = g.link[e] ?? -1;
      if (avoidM.has(g.mode[e] ?? -1)) c |= CUT_MODE;
      if (avoidL.has(l)) c |= CUT_LINK;
      for (let k = g.linkViaOff[l] ?? 0, end = g.linkViaOff[l + 1] ?? 0; k < end; k++) {
        if (avoidC[g.linkVia[k] ?? -1]) c |= CUT_COUNTRY;
      }
      if (((g.carries[e] ?? 0) & bits) === 0) c |= CUT_CARGO;
      const m = g.mode[e] ?? -1;
      if ((m === PIPELINE && !liquid) || (m === ROAD && liquid)) c |= CUT_CARGO;
      if (dgLinks.has(l)) c |= CUT_DANGEROUS;
    }
    cut[e] = c & ~ignore;
  }
}
