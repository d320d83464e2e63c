/**
 * Platforms: each node of the network split into one vertex per platform class (rail of each gauge, road, ferry,
 * sea, inland waterway) of the links that touch it, so that a change of vehicle becomes an explicit transfer
 * edge (compile.ts). A node's platforms are numbered consecutively in PLATFORM_CLASSES order; a node no link
 * touches has none.
 */
import { must } from '../must.ts';
import { PLATFORM_CLASSES, type PlatformClass } from './compiled-graph.ts';
import { getNodeIndex, type Network, type NetworkLink } from './network.ts';

/** The platform class a link runs on: rail by gauge (1435 when none is given), other modes by mode. */
export function platformOf(l: Pick<NetworkLink, 'mode' | 'gauge'>): PlatformClass {
  if (l.mode === 'rail') return `rail${l.gauge ?? 1435}` as PlatformClass;
  return l.mode;
}

export interface Platforms {
  /** Platform -> node index, and its class index into PLATFORM_CLASSES. */
  vNode: number[];
  vClass: number[];
  /** Node n's platforms are nodeOff[n] .. nodeOff[n+1] - 1. */
  nodeOff: Int32Array;
  /** Platform of (node index, class), undefined when the node has none of that class. */
  at(node: number, c: PlatformClass): number | undefined;
}

/**
 * Numbers the platforms of every node.
 * @example
 *   // one rail1520 link a–b and one road link b–c: a has [rail1520], b [rail1520, road], c [road]
 *   listPlatforms(net).nodeOff; // Int32Array [0, 1, 3, 4]
 */
export function listPlatforms(net: Network): Platforms {
  const classesAt: Array<Set<PlatformClass>> = net.nodes.map(() => new Set());
  for (const l of net.links) {
    const c = platformOf(l);
    for (const end of [l.from, l.to]) must(classesAt[getNodeIndex(net, end)], 'node of a link end').add(c);
  }
  const vNode: number[] = [];
  const vClass: number[] = [];
  const nodeOff = new Int32Array(net.nodes.length + 1);
  const index = new Map<string, number>();
  classesAt.forEach((classes, ni) => {
    nodeOff[ni] = vNode.length;
    PLATFORM_CLASSES.forEach((c, ci) => {
      if (!classes.has(c)) return;
      index.set(`${ni}/${c}`, vNode.length);
      vNode.push(ni);
      vClass.push(ci);
    });
  });
  nodeOff[net.nodes.length] = vNode.length;
  return { vNode, vClass, nodeOff, at: (node, c) => index.get(`${node}/${c}`) };
}
