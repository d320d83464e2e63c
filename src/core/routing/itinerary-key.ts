/**
 * A stable key for an itinerary, so that a booking can name exactly the itinerary a user chose in a route answer
 * and the server can find it again in a fresh search. Two parts: the route (links and services taken, in order)
 * and the timing (each leg's departure). When a key is not found again, comparing the parts says what changed:
 * the same legs at other times (a timetable or the ready time moved), or other legs (a link, service or
 * constraint changed).
 */

/** The leg fields a key reads. */
export interface KeyedLeg {
  linkId: string;
  depart: string;
  service?: { id: string } | undefined;
}

/** FNV-1a over a string, 32 bits, as 8 hex digits: small, fast and stable across runs and platforms. */
function fnv1a(s: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** 12 hex digits from two differently seeded 32-bit hashes (48 bits: collisions are negligible per search). */
function hash48(s: string): string {
  return (fnv1a(s) + fnv1a(s, 0x050c5d1f)).slice(0, 12);
}

/**
 * The key of an itinerary: `<route>.<timing>`, each 12 hex digits.
 * @example itineraryKey([{ linkId: 'a-b', depart: '2025-03-03T08:00:00.000Z' }]) // 'xxxxxxxxxxxx.yyyyyyyyyyyy'
 */
export function itineraryKey(legs: readonly KeyedLeg[]): string {
  const route = legs.map((l) => `${l.linkId}@${l.service?.id ?? ''}`).join('>');
  const timing = legs.map((l) => l.depart).join('>');
  return `${hash48(route)}.${hash48(`${route}|${timing}`)}`;
}

/** The route part of a key (the links and services taken). */
export function routePartOf(key: string): string {
  return key.split('.')[0] ?? '';
}

/** The grammar of a key, for request schemas. */
export const ITINERARY_KEY_PATTERN = /^[0-9a-f]{12}\.[0-9a-f]{12}$/;
