/**
 * What an itinerary reads of a compiled edge that depends on the edge alone, not on the date or the cargo: its
 * end nodes, link and service, the countries the leg crosses, and its timeline steps. A CPU profile of 10x
 * `route()` (bench/routing.ts) spent a third of building itineraries re-deriving these for every leg of every
 * itinerary (node and link lookups, the countries' filter, the steps' spreads and season scans); they are now
 * derived once per edge and kept beside the compiled graph.
 *
 * Cache: per compiled graph (a WeakMap, so a graph dropped is a cache dropped), for the network it was compiled
 * from. A scenario builds a new Network (copy on write) and compiles a new graph, so it gets a new cache; the
 * same graph asked with another network object starts a fresh one rather than serve the old network's facts
 * (test/core/routing/edge-facts.test.ts). Itineraries share the step objects and the read-only fields cached
 * here; nothing downstream mutates a step (calibration and the Monte Carlo copy what they change).
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_LINK, edgeLink, edgeSourceNode, edgeTargetNode } from '../network/compile.ts';
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import { linkTimelineSteps, transferTimelineStep } from './link-timeline.ts';

/** The date- and cargo-free facts of one edge. */
export interface EdgeFacts {
  a: NetworkNode;
  /** The target node (for a transfer, the same node as `a`). */
  b: NetworkNode;
  /** The link of a link edge; undefined for a transfer or gauge change. */
  l: NetworkLink | undefined;
  svc: NetworkService | undefined;
  /** Countries of the leg in order: from, via, to, each once. Read-only: copy before handing it out. */
  countries: readonly string[];
  /** The timeline steps of the edge, computed on first use (a route without timelines never asks). */
  steps: readonly TimelineStep[] | undefined;
}

interface GraphFacts {
  net: Network;
  facts: (EdgeFacts | undefined)[];
}

const cache = new WeakMap<CompiledGraph, GraphFacts>();

/** The facts of every edge of `g` compiled from `net`, filled edge by edge as itineraries ask. */
export function edgeFactsOf(net: Network, g: CompiledGraph): (EdgeFacts | undefined)[] {
  let gf = cache.get(g);
  if (gf === undefined || gf.net !== net) {
    gf = { net, facts: new Array<EdgeFacts | undefined>(g.edgeCount) };
    cache.set(g, gf);
  }
  return gf.facts;
}

/**
 * The facts of edge e (graph `g` compiled from `net`); `facts` as edgeFactsOf returns it. Throws when the edge
 * is out of range.
 */
export function getEdgeFacts(net: Network, g: CompiledGraph, facts: (EdgeFacts | undefined)[], e: number): EdgeFacts {
  const hit = facts[e];
  if (hit !== undefined) return hit;
  const a = edgeSourceNode(net, g, e);
  const b = edgeTargetNode(net, g, e);
  const isLink = g.kind[e] === EDGE_LINK;
  const l = isLink ? edgeLink(net, g, e) : undefined;
  const svcI = g.service[e] ?? -1;
  const svc = svcI >= 0 ? net.services[svcI] : undefined;
  const countries =
    l === undefined ? [a.country] : [a.country, ...l.via, b.country].filter((x, i, xs) => xs.indexOf(x) === i);
  const f: EdgeFacts = { a, b, l, svc, countries, steps: undefined };
  facts[e] = f;
  return f;
}

/** The timeline steps of edge e, computed once per edge (link-timeline.ts). */
export function edgeSteps(net: Network, g: CompiledGraph, f: EdgeFacts, e: number): readonly TimelineStep[] {
  if (f.steps !== undefined) return f.steps;
  const timeH = must(g.timeH[e], 'edge time');
  const steps =
    f.l !== undefined
      ? linkTimelineSteps(net, g, e, timeH - must(g.borderH[e], 'edge border time'))
      : [transferTimelineStep(net, g, e, timeH)];
  f.steps = steps;
  return steps;
}
