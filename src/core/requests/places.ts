/**
 * How places and codes are written in a request: a node by id, name, alias or UN/LOCODE (resolved against the
 * network by resolveNodeRef), an origin or destination also as a city or metro area standing for all its
 * terminals (resolvePlaceRef: "Istanbul"), a country as an ISO 3166 alpha-2 code in either case.
 */
import { z } from 'zod';
import { KeruenError } from '../errors.ts';
import { getPlaceByName, type Place } from '../network/metros.ts';
import { getNodeByName } from '../network/names.ts';
import type { Network, NetworkNode } from '../network/network.ts';

export const NodeRefSchema = z
  .string()
  .trim()
  .min(1, 'must name a place')
  .max(200, 'must be at most 200 characters')
  .describe(
    'node id (kz-aktau) or name, alias or UN/LOCODE (Aktau, KZ AAU), or a city with several terminals (Istanbul)',
  );

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as KZ')
  .transform((s) => s.toUpperCase());

export const IdSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A node named in a request, or KERUEN_UNKNOWN_NODE / KERUEN_INVALID_INPUT naming the request field. */
export function resolveNodeRef(net: Network, field: string, query: string): NetworkNode {
  return withField(field, query, () => getNodeByName(net, query));
}

/** A node or metro area named in a request (getPlaceByName), or its error naming the request field. */
export function resolvePlaceRef(net: Network, field: string, query: string): Place {
  return withField(field, query, () => getPlaceByName(net, query));
}

/**
 * The engine's origin or destination for a place named in a request: the node's id, or the ids of all the
 * terminals of a metro area (the engine searches from, or to, each and keeps the best).
 *
 * @example resolvePlaceIds(net, 'from', 'Istanbul') // ['tr-istanbul-ayrilikcesme', 'tr-istanbul-kazlicesme', ...]
 */
export function resolvePlaceIds(net: Network, field: string, query: string): string | string[] {
  const place = resolvePlaceRef(net, field, query);
  return place.kind === 'node' ? place.node.id : place.metro.nodes.map((n) => n.id);
}

/** Runs a resolver, adding the request field and value to the details of its KeruenError. */
function withField<T>(field: string, query: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (e) {
    if (e instanceof KeruenError)
      throw new KeruenError(e.code, e.message, e.issues, { ...e.details, field, value: query });
    throw e;
  }
}
