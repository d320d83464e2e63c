/**
 * Turns an API route request (names or ids, optional departure) into the engine's RouteRequest, and shapes the
 * engine's answer for the wire (itinerary timelines only on request: they are for simulations, and they double
 * the size of a response).
 */
import { KeruenError } from '../core/errors.ts';
import { getNodeByName } from '../core/network/names.ts';
import type { Network, NetworkNode } from '../core/network/network.ts';
import type { Mode } from '../core/network/schema.ts';
import type { RouteRequest, RouteResult } from '../core/routing/plan.ts';
import type { Cargo } from '../core/routing/query.ts';

export interface ApiRouteInput {
  from: string;
  to: string;
  depart?: string | undefined;
  cargo: Cargo;
  avoidCountries?: string[] | undefined;
  avoidModes?: Mode[] | undefined;
  avoidNodes?: string[] | undefined;
  avoidLinks?: string[] | undefined;
  includePlannedUpTo?: number | undefined;
  maxTransfers?: number | undefined;
  useRisk?: boolean | undefined;
}

/**
 * Resolves a node given by id or name, naming the request field on failure (KERUEN_UNKNOWN_NODE with the closest
 * names, or KERUEN_INVALID_INPUT with the candidates when several nodes match).
 */
export function resolveNode(net: Network, field: string, query: string): NetworkNode {
  try {
    return getNodeByName(net, query);
  } catch (e) {
    if (e instanceof KeruenError) {
      throw new KeruenError(e.code, e.message, e.issues, { ...e.details, field, value: query });
    }
    throw e;
  }
}

/** Resolves names to ids (KERUEN_UNKNOWN_NODE with suggestions when nothing matches). */
export function toRouteRequest(net: Network, q: ApiRouteInput, now: Date): RouteRequest {
  const from = resolveNode(net, 'from', q.from).id;
  const to = resolveNode(net, 'to', q.to).id;
  return {
    from,
    to,
    depart: q.depart ?? now.toISOString(),
    cargo: q.cargo,
    avoidCountries: q.avoidCountries,
    avoidModes: q.avoidModes,
    avoidNodes: q.avoidNodes,
    avoidLinks: q.avoidLinks,
    includePlannedUpTo: q.includePlannedUpTo,
    maxTransfers: q.maxTransfers,
    useRisk: q.useRisk,
  };
}

/** The result without itinerary timelines unless asked for. */
export function routeResponse(r: RouteResult, withTimeline: boolean): unknown {
  if (withTimeline) return r;
  return { ...r, itineraries: r.itineraries.map(({ timeline: _t, ...it }) => it) };
}
