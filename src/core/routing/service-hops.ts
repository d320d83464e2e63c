/**
 * The rail links a scheduled train's run rides between its stops, as the compiler chose them for its service edge
 * (network/service-edges.ts railHops: the first rail link, in link order, from one stop to the next), so that the
 * itinerary prices every link of the run, as the search's edge cost sums them, and not only the first.
 */
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';

export interface ServiceHop {
  link: NetworkLink;
  from: NetworkNode;
  to: NetworkNode;
}

const railLinksByNetwork = new WeakMap<Network, Map<string, NetworkLink>>();

/** The first rail link from node x to node y by "x>y" (a bidirectional link both ways), in link order. */
function railLinks(net: Network): Map<string, NetworkLink> {
  let m = railLinksByNetwork.get(net);
  if (m === undefined) {
    m = new Map();
    for (const l of net.links) {
      if (l.mode !== 'rail' || l.service !== undefined) continue;
      if (!m.has(`${l.from}>${l.to}`)) m.set(`${l.from}>${l.to}`, l);
      if (l.bidirectional && !m.has(`${l.to}>${l.from}`)) m.set(`${l.to}>${l.from}`, l);
    }
    railLinksByNetwork.set(net, m);
  }
  return m;
}

/**
 * The hops of service `svc` run from node a to node b (its route forwards or backwards); undefined when the
 * service has no route, the run does not join a to b, or a hop has no rail link (the compiler then drafts no edge).
 */
export function serviceHops(
  net: Network,
  svc: NetworkService,
  a: NetworkNode,
  b: NetworkNode,
): ServiceHop[] | undefined {
  const route = svc.route;
  if (route === undefined || route.length < 2) return undefined;
  const stops = route[0] === a.id && route[route.length - 1] === b.id ? route : [...route].reverse();
  if (stops[0] !== a.id || stops[stops.length - 1] !== b.id) return undefined;
  const links = railLinks(net);
  const hops: ServiceHop[] = [];
  for (let i = 0; i + 1 < stops.length; i++) {
    const x = stops[i] as string;
    const y = stops[i + 1] as string;
    const link = links.get(`${x}>${y}`);
    const from = net.nodes[net.nodeIndex.get(x) ?? -1];
    const to = net.nodes[net.nodeIndex.get(y) ?? -1];
    if (link === undefined || from === undefined || to === undefined) return undefined;
    hops.push({ link, from, to });
  }
  return hops;
}
