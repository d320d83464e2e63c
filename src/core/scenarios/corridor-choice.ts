/**
 * The corridor alternatives of an OD pair, for the logit route choice of the stochastic user equilibrium: the
 * cheapest route of each corridor (Northern, Middle, Southern, Trans-Afghan, and the routes that use none of them:
 * Sea or Regional), found by searches that forbid the edges of the other corridors. One alternative per corridor,
 * not every path: near-identical variants of one corridor (two Caspian ferries, two border stations) would
 * otherwise count as separate alternatives and draw flow to that corridor by their number alone (the independence
 * of irrelevant alternatives of the multinomial logit, Ben-Akiva and Lerman 1985, ch. 5). Within a corridor the
 * shipper takes the cheapest route under the current congestion.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_LINK, edgeLink, edgeSourceNode, edgeTargetNode } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { type CorridorLabel, corridorLabel } from '../routing/corridor-label.ts';

/** Bits of the land corridors an edge belongs to (by the countries it touches, as corridor-label.ts reads them). */
export const NORTHERN = 1;
export const MIDDLE = 2;
export const SOUTHERN = 4;
export const TRANS_AFGHAN = 8;
/** Not a corridor: sea-going edges, forbidden in a second search per land corridor. */
export const SEA = 16;
const ALL = NORTHERN | MIDDLE | SOUTHERN | TRANS_AFGHAN;

/**
 * Masks of forbidden edges, one search each: none forbidden (the cheapest route overall); for each land
 * corridor, the others forbidden, with and without sea legs (the cheapest route with the other corridors
 * forbidden may still be the sea route, cheaper than any by land); all land corridors forbidden (the cheapest
 * by sea or within the region).
 */
export const CORRIDOR_BANS: readonly number[] = [
  0,
  ...[NORTHERN, MIDDLE, SOUTHERN, TRANS_AFGHAN].flatMap((c) => [ALL & ~c, (ALL & ~c) | SEA]),
  ALL,
];

const CASPIAN = new Set(['KZ', 'TM', 'AZ', 'IR', 'RU']);

const bitsOf = (country: string): number =>
  country === 'RU' || country === 'BY'
    ? NORTHERN
    : country === 'AZ' || country === 'GE' || country === 'AM'
      ? MIDDLE
      : country === 'IR'
        ? SOUTHERN
        : country === 'AF'
          ? TRANS_AFGHAN
          : 0;

export interface EdgeCorridors {
  /** Per compiled edge: corridor bits. */
  mask: Uint8Array;
  /** Per compiled edge: km by sea (link edges of mode sea), for the Sea/Regional distinction. */
  seaKm: Float64Array;
}

/** Corridor bits of every compiled edge: countries at both ends and `via`, and Caspian ferry crossings. */
export function edgeCorridors(net: Network, g: CompiledGraph): EdgeCorridors {
  const M = g.edgeCount;
  const mask = new Uint8Array(M);
  const seaKm = new Float64Array(M);
  for (let e = 0; e < M; e++) {
    const a = edgeSourceNode(net, g, e);
    const b = edgeTargetNode(net, g, e);
    let m = bitsOf(a.country) | bitsOf(b.country);
    if (g.kind[e] === EDGE_LINK) {
      const l = edgeLink(net, g, e);
      for (const c of l.via) m |= bitsOf(c);
      if (l.mode === 'ferry' && a.country !== b.country && CASPIAN.has(a.country) && CASPIAN.has(b.country))
        m |= MIDDLE;
      if (l.mode === 'sea') {
        seaKm[e] = g.distanceKm[e] ?? 0;
        m |= SEA;
      }
    }
    mask[e] = m;
  }
  return { mask, seaKm };
}

/** The corridor label of a route, as the itinerary would name it (corridor-label.ts). */
export function corridorOfEdges(g: CompiledGraph, ec: EdgeCorridors, edges: Iterable<number>): CorridorLabel {
  let m = 0;
  let sea = 0;
  let total = 0;
  // `?? 0`: a route's edges are edges of g, so never taken (and free in V8)
  for (const e of edges) {
    m |= ec.mask[e] ?? 0;
    sea += ec.seaKm[e] ?? 0;
    total += g.distanceKm[e] ?? 0;
  }
  const countries: string[] = [];
  if (m & NORTHERN) countries.push('RU');
  if (m & MIDDLE) countries.push('AZ');
  if (m & SOUTHERN) countries.push('IR');
  if (m & TRANS_AFGHAN) countries.push('AF');
  return corridorLabel({ countries, seaKm: sea, totalKm: total, crossesCaspian: false });
}
