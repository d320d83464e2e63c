/**
 * Cities and metro areas with several terminals ("Istanbul": Halkalı, Kazlıçeşme, Ayrılıkçeşme): the nodes whose
 * `metro` field names the same place. A request that names the place stands for all its terminals, and the search
 * starts from (or ends at) whichever serves best; a request that names one station (its id, UN/LOCODE, or a name
 * or alias that only it carries) keeps to that station.
 *
 * Resolution order (getPlaceByName): an exact id or UN/LOCODE is a station; a metro's name is the metro; a name that
 * matches several nodes equally well is their metro when they all share one, and otherwise an error listing the
 * candidates (twin border towns such as Sarakhs (IR) and Sarakhs (TM) are not one place).
 */
import { compactName, findNodes, getNodeByName } from './names.ts';
import type { Network, NetworkNode } from './network.ts';

export interface Metro {
  /** As written in the dataset's `metro` field. */
  name: string;
  /** Its nodes in dataset order: two or more. */
  nodes: readonly NetworkNode[];
}

/** A place named in a request: one node, or a metro area standing for all its nodes. */
export type Place = { kind: 'node'; node: NetworkNode } | { kind: 'metro'; metro: Metro };

/** Built once per network (networks are immutable), keyed by the compact metro name. */
const metroCache = new WeakMap<Network, ReadonlyMap<string, Metro>>();

function metrosOf(net: Network): ReadonlyMap<string, Metro> {
  const cached = metroCache.get(net);
  if (cached !== undefined) return cached;
  const groups = new Map<string, { name: string; nodes: NetworkNode[] }>();
  for (const n of net.nodes) {
    if (n.metro === undefined) continue;
    const key = compactName(n.metro);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { name: n.metro, nodes: [n] });
    else g.nodes.push(n);
  }
  // A metro of one node is just that node: naming it resolves as before.
  const metros = new Map([...groups].filter(([, g]) => g.nodes.length >= 2));
  metroCache.set(net, metros);
  return metros;
}

/**
 * The metro areas of the network with two or more nodes, in dataset order of their first node.
 *
 * @example listMetros(net).map((m) => m.name) // ['Baku', 'Istanbul'] on the shipped dataset
 */
export function listMetros(net: Network): Metro[] {
  return [...metrosOf(net).values()];
}

/**
 * The metro area whose name is the query (any case, diacritics and separators), or undefined.
 *
 * @example findMetro(net, 'istanbul')?.nodes.length // 3
 */
export function findMetro(net: Network, query: string): Metro | undefined {
  return metrosOf(net).get(compactName(query));
}

/** The metro area that the nodes are, all of it and nothing else ("Marmaray" names two of Istanbul's three). */
function wholeMetro(net: Network, nodes: readonly NetworkNode[]): Metro | undefined {
  const first = nodes[0]?.metro;
  if (first === undefined || nodes.some((n) => n.metro !== first)) return undefined;
  const metro = findMetro(net, first);
  return metro?.nodes.length === nodes.length ? metro : undefined;
}

/**
 * Resolves a query to a place: a station named exactly (id or UN/LOCODE) stays that station; a metro's name, or a
 * name that matches all the nodes of one metro (and no other) equally well, is the metro; otherwise getNodeByName's answer or error
 * (KERUEN_UNKNOWN_NODE with suggestions, KERUEN_INVALID_INPUT with the candidates). Does not mutate the network.
 *
 * @example getPlaceByName(net, 'Istanbul') // { kind: 'metro', metro: { name: 'Istanbul', nodes: [3 nodes] } }
 * @example getPlaceByName(net, 'Halkali') // { kind: 'node', node: tr-istanbul-halkali }
 */
export function getPlaceByName(net: Network, query: string): Place {
  const q = compactName(query);
  const matches = findNodes(net, query);
  const first = matches[0];
  const namesStation =
    first !== undefined &&
    first.tier === 'exact' &&
    (first.field === 'locode' || (first.field === 'id' && compactName(first.node.id) === q));
  if (namesStation) return { kind: 'node', node: first.node };
  const named = findMetro(net, query);
  if (named !== undefined) return { kind: 'metro', metro: named };
  const top = matches.filter((m) => m.tier === first?.tier);
  const shared =
    top.length > 1
      ? wholeMetro(
          net,
          top.map((m) => m.node),
        )
      : undefined;
  if (shared !== undefined) return { kind: 'metro', metro: shared };
  return { kind: 'node', node: getNodeByName(net, query) };
}

/** The nodes a place stands for: one, or all of a metro's. */
export function placeNodes(p: Place): readonly NetworkNode[] {
  return p.kind === 'node' ? [p.node] : p.metro.nodes;
}
