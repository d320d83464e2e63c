/**
 * Compiles the friendly network into a flat, immutable graph of typed arrays for the hot paths (routing,
 * assignment). Each node is split into platforms, one per (mode, gauge) of the links that touch it, so that a
 * change of vehicle is an explicit transfer edge carrying the facility's dwell, the gauge change or nothing at all
 * (no facility, no change). Border dwell is folded into the link that crosses the border. The standard
 * multimodal expansion (as in OpenTripPlanner's street/transit split); every array fits one ArrayBuffer each so
 * the graph can be handed to a worker.
 *
 * Steps, one file each: platforms.ts numbers the platforms, link-edges.ts and transfer-edges.ts draft the edges,
 * service-edges.ts adds scheduled trains beside their links, edge-table.ts packs them in CSR order; the graph's
 * shape and codes are in compiled-graph.ts (re-exported here).
 */

import { priceBookOfNetwork } from '../costs/price-book.ts';
import type { Issue } from '../errors.ts';
import { must } from '../must.ts';
import { boardingOffsetsH } from '../routing/timetable.ts';
import { type CompiledGraph, DEFAULT_TONNES_PER_TEU, type EmissionsModel } from './compiled-graph.ts';
import { type EdgeDraft, packEdges } from './edge-table.ts';
import { draftLinkEdges } from './link-edges.ts';
import type { Network } from './network.ts';
import { listPlatforms, type Platforms } from './platforms.ts';
import { maskRiskLog, type RiskEvents, riskEventsOf } from './risk-events.ts';
import { draftServiceEdges } from './service-edges.ts';
import { draftTransferEdges } from './transfer-edges.ts';

export * from './compiled-graph.ts';

export interface CompileOptions {
  emissions?: EmissionsModel | undefined;
  tonnesPerTeu?: number;
  /**
   * The instant (hours since epoch) at which dated sea and rail lanes price their links; default: after their last
   * point, as today. The engine compiles a graph at a past departure so that its search ranks routes at that
   * date's prices, as the itineraries price them (routing/dated-engines.ts).
   */
  priceAtH?: number | undefined;
}

/**
 * Compiles a network. Pure and deterministic: the same network gives the same arrays.
 * @example
 *   const g = compileNetwork(loadNetwork(), { emissions });
 *   g.vertexCount; // platforms
 */
export function compileNetwork(net: Network, opts: CompileOptions = {}): CompiledGraph {
  const tonnesPerTeu = opts.tonnesPerTeu ?? DEFAULT_TONNES_PER_TEU;
  const issues: Issue[] = [];
  const countries = [...new Set([...net.nodes.map((n) => n.country), ...net.links.flatMap((l) => l.via)])].sort();
  const countryIdx = new Map(countries.map((c, i) => [c, i]));
  const platforms = listPlatforms(net);
  const riskEvents = riskEventsOf(net.links);
  const priceAtH = opts.priceAtH ?? Number.POSITIVE_INFINITY;
  const edges = draftEdges(net, platforms, { ...opts, tonnesPerTeu, priceAtH }, riskEvents, issues);
  const table = packEdges(edges, platforms.vNode.length);
  const V = platforms.vNode.length;
  const departures = weeklyDepartureTable(net);
  const via = linkViaTable(net, countryIdx);
  return {
    vertexCount: V,
    edgeCount: edges.length,
    vNode: Int32Array.from(platforms.vNode),
    vClass: Uint8Array.from(platforms.vClass),
    nodeOff: platforms.nodeOff,
    ...table,
    riskLog: Float64Array.from(table.riskMask, (m) => maskRiskLog(riskEvents.riskLog, m)),
    riskEvents: riskEvents.ids,
    eventRiskLog: riskEvents.riskLog,
    depOff: departures.off,
    depOffsetsH: departures.offsetsH,
    nodeCountry: Uint16Array.from(net.nodes.map((n) => must(countryIdx.get(n.country), 'index of a country'))),
    linkViaOff: via.off,
    linkVia: via.countries,
    countries,
    issues,
  };
}

/** Every edge, links first (in link order) then each node's transfers; findings go to `issues`. */
function draftEdges(
  net: Network,
  platforms: Platforms,
  opts: { emissions?: EmissionsModel | undefined; tonnesPerTeu: number; priceAtH: number },
  riskEvents: RiskEvents,
  issues: Issue[],
): EdgeDraft[] {
  const { emissions, tonnesPerTeu, priceAtH } = opts;
  const edges: EdgeDraft[] = [];
  const rates = new Map(net.rates.map((r) => [`${r.country}/${r.mode}`, r]));
  const book = priceBookOfNetwork(net);
  const ctx = { net, platforms, rates, emissions, tonnesPerTeu, book, riskEvents, priceAtH };
  for (let li = 0; li < net.links.length; li++) draftLinkEdges(ctx, li, edges, issues);
  draftServiceEdges(net, platforms, edges, issues);
  const { nodeOff, vClass } = platforms;
  net.nodes.forEach((n, ni) => {
    draftTransferEdges(n, nodeOff[ni] ?? 0, nodeOff[ni + 1] ?? 0, vClass, emissions, tonnesPerTeu, edges, book);
  });
  return edges;
}

/** Weekly departures of each service: service s's offsets are offsetsH[off[s] .. off[s+1]). */
function weeklyDepartureTable(net: Network): { off: Int32Array; offsetsH: Float64Array } {
  const off = new Int32Array(net.services.length + 1);
  const deps: number[] = [];
  net.services.forEach((s, si) => {
    off[si] = deps.length;
    deps.push(...boardingOffsetsH(s));
  });
  off[net.services.length] = deps.length;
  return { off, offsetsH: Float64Array.from(deps) };
}

/** Country indices of each link's extra `via` countries: link l's are countries[off[l] .. off[l+1]). */
function linkViaTable(
  net: Network,
  countryIdx: ReadonlyMap<string, number>,
): { off: Int32Array; countries: Uint16Array } {
  const off = new Int32Array(net.links.length + 1);
  const via: number[] = [];
  net.links.forEach((l, li) => {
    off[li] = via.length;
    for (const c of l.via) via.push(must(countryIdx.get(c), 'index of a country'));
  });
  off[net.links.length] = via.length;
  return { off, countries: Uint16Array.from(via) };
}
