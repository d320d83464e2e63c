/**
 * Service edges: a scheduled train (a service with a `route`, e.g. the Poti–Baku block train, Tue/Sat, 34 h)
 * becomes one edge from its first stop to its last, parallel to the ad-hoc link edges between them, so that the
 * Pareto search chooses between waiting for the timetable and moving ad hoc. The ad-hoc chain pays the border
 * dwell of each crossing and the handling dwell of each terminal; the scheduled edge pays the booked-slot cutoff
 * (cargo at the terminal `cutoff` hours before departure, pre-cleared) and the scheduled running time, border
 * clearance included. Its departures are stored shifted back by the cutoff (timetable.ts boardingOffsetsH), so
 * the search's wait ends at the cutoff and the edge time is cutoff + run: arrival = departure + run.
 *
 * Cost, CO2e and distance are the sums of the route's link edges in the direction travelled, as drafted
 * by link-edges.ts: the tariff of a train is not known apart from its links, and its borders cost the same.
 * Its status is the most restrictive of its links' (a scenario that closes one closes the train). The edge keeps
 * the link edges it rides (`hops`, CompiledGraph hopLinks), which the itinerary prices one by one. It points
 * at the route's first link (itinerary legs read its mode from it; a query's `avoidLinks` cuts the train only
 * through that first link, a limit in docs/known-limits.md).
 */
import type { Issue } from '../errors.ts';
import { must } from '../must.ts';
import { CARRIES_BITS, EDGE_LINK } from './compiled-graph.ts';
import type { EdgeDraft } from './edge-table.ts';
import { meanOf } from './figure.ts';
import { getNodeIndex, type Network, type NetworkService } from './network.ts';
import { type Platforms, platformOf } from './platforms.ts';

/**
 * The first drafted ad-hoc rail edge from node x to node y, by "x>y", in link order then edge order: the edge a
 * route's hop rides. Built once per compile (a scan of every link per hop took seconds on the 100x benchmark
 * network).
 */
function railHops(net: Network, platforms: Platforms, edges: readonly EdgeDraft[]): Map<string, EdgeDraft> {
  const byLink = new Map<number, EdgeDraft[]>();
  for (const e of edges) {
    if (e.kind !== EDGE_LINK || e.service >= 0) continue;
    if (must(net.links[e.link], 'link of an edge').mode !== 'rail') continue;
    const xs = byLink.get(e.link) ?? [];
    xs.push(e);
    byLink.set(e.link, xs);
  }
  const hops = new Map<string, EdgeDraft>();
  for (const xs of byLink.values()) {
    for (const e of xs) {
      const key = `${platforms.vNode[e.src]}>${platforms.vNode[e.dst]}`;
      if (!hops.has(key)) hops.set(key, e);
    }
  }
  return hops;
}

/**
 * Drafts the service edges of every service with a `route` into `edges`, after the link edges. A route whose
 * consecutive stops no rail link joins is left out (issue service_route_gap). Mutates `edges` and `issues`.
 */
export function draftServiceEdges(net: Network, platforms: Platforms, edges: EdgeDraft[], issues: Issue[]): void {
  const hops = railHops(net, platforms, edges);
  net.services.forEach((s, si) => {
    if (s.route === undefined || s.runTime === undefined) return;
    const stops = s.route.map((id) => getNodeIndex(net, id));
    draftRun(net, platforms, hops, s, si, stops, edges, issues);
    if (s.bothWays) draftRun(net, platforms, hops, s, si, [...stops].reverse(), edges, issues);
  });
}

/** One direction of a service's run: edges from every platform of the first stop to the last stop's platform. */
function draftRun(
  net: Network,
  platforms: Platforms,
  railHop: ReadonlyMap<string, EdgeDraft>,
  s: NetworkService,
  si: number,
  stops: number[],
  edges: EdgeDraft[],
  issues: Issue[],
): void {
  const hops: EdgeDraft[] = [];
  for (let i = 0; i + 1 < stops.length; i++) {
    const h = railHop.get(`${must(stops[i], 'stop')}>${must(stops[i + 1], 'stop')}`);
    if (h === undefined) {
      issues.push({
        code: 'service_route_gap',
        file: s.file,
        id: s.id,
        field: `route.${i + 1}`,
        message: `no rail link from ${s.route?.[i]} to ${s.route?.[i + 1]}: service edge left out of the graph`,
      });
      return;
    }
    hops.push(h);
  }
  const first = must(hops[0], 'first hop');
  const last = must(hops[hops.length - 1], 'last hop');
  const sum = (f: (e: EdgeDraft) => number) => hops.reduce((acc, e) => acc + f(e), 0);
  const max = (f: (e: EdgeDraft) => number) => hops.reduce((acc, e) => Math.max(acc, f(e)), 0);
  const timeH = (s.cutoff ? meanOf(s.cutoff) : 0) + meanOf(must(s.runTime, 'runTime'));
  const from = must(stops[0], 'first stop');
  const lastLink = must(net.links[last.link], 'link of the last hop');
  const dst = must(platforms.at(must(stops[stops.length - 1], 'last stop'), platformOf(lastLink)), 'platform');
  for (let p = platforms.nodeOff[from] ?? 0; p < (platforms.nodeOff[from + 1] ?? 0); p++) {
    edges.push({
      ...first,
      src: p,
      dst,
      timeH,
      borderH: 0,
      distanceKm: sum((e) => e.distanceKm),
      costTeu: sum((e) => e.costTeu),
      costTeu20: sum((e) => e.costTeu20),
      costTonne: sum((e) => e.costTonne),
      co2Teu: sum((e) => e.co2Teu),
      co2Tonne: sum((e) => e.co2Tonne),
      // a train through several links of one risk event is exposed to it once
      riskMask: hops.reduce((m, e) => m | e.riskMask, 0),
      // the train runs only where all its links run: the most restrictive status (closed > planned > building)
      status: max((e) => e.status),
      statusYear: max((e) => e.statusYear),
      service: si,
      carries: s.carries.reduce((m, c) => m | CARRIES_BITS[c], 0),
      // the links it rides, so that the itinerary prices each (routing/service-hops.ts)
      hops: hops.map((e) => e.link * 2 + e.reversed),
    });
  }
}
