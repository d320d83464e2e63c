/**
 * How places and codes are written in a request: a node by id, name, alias or UN/LOCODE (resolved against the
 * network by resolveNodeRef), a country as an ISO 3166 alpha-2 code in either case.
 */
import { z } from 'zod';
import { KeruenError } from '../errors.ts';
import { getNodeByName } from '../network/names.ts';
import type { Network, NetworkNode } from '../network/network.ts';

export const NodeRefSchema = z
  .string()
  .trim()
  .min(1, 'must name a place')
  .max(200, 'must be at most 200 characters')
  .describe('node id (kz-aktau) or name, alias or UN/LOCODE (Aktau, KZ AAU)');

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as KZ')
  .transform((s) => s.toUpperCase());

export const IdSchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A node named in a request, or KERUEN_UNKNOWN_NODE / KERUEN_INVALID_INPUT naming the request field. */
export function resolveNodeRef(net: Network, field: string, query: string): NetworkNode {
  try {
    return getNodeByName(net, query);
  } catch (e) {
    if (e instanceof KeruenError)
      throw new KeruenError(e.code, e.message, e.issues, { ...e.details, field, value: query });
    throw e;
  }
}
