/**
 * The rail links a scheduled train's run rides between its stops, as the compiler recorded them on its service
 * edge (network/service-edges.ts, CompiledGraph hopOff/hopLinks), so that the itinerary prices every link of the
 * run that the search's edge cost sums, and not only the first.
 */
import type { CompiledGraph } from '../network/compile.ts';
import type { Network, NetworkLink, NetworkNode } from '../network/network.ts';

export interface ServiceHop {
  link: NetworkLink;
  from: NetworkNode;
  to: NetworkNode;
}

/** The hops of edge e of graph g (compiled from net); undefined for an edge that is not a train's run. */
export function serviceHops(net: Network, g: CompiledGraph, e: number): ServiceHop[] | undefined {
  const first = g.hopOff[e] ?? 0;
  const end = g.hopOff[e + 1] ?? 0;
  if (end <= first) return undefined;
  const hops: ServiceHop[] = [];
  for (let k = first; k < end; k++) {
    const code = g.hopLinks[k] ?? 0;
    const link = net.links[code >> 1];
    if (link === undefined) throw new RangeError(`edge ${e}: hop link ${code >> 1} is not in the network`);
    const [x, y] = code & 1 ? [link.to, link.from] : [link.from, link.to];
    const from = net.nodes[net.nodeIndex.get(x) ?? -1];
    const to = net.nodes[net.nodeIndex.get(y) ?? -1];
    if (from === undefined || to === undefined) throw new RangeError(`edge ${e}: hop ${link.id} has no end nodes`);
    hops.push({ link, from, to });
  }
  return hops;
}
