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

const FNV_OFFSET = 0x811c9dc5;
const FNV_SEED_2 = 0x050c5d1f;

/** FNV-1a state h after also reading string s (32 bits). */
function feed(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x;
}

/** 12 hex digits from two differently seeded 32-bit FNV-1a states (48 bits: collisions are negligible per search). */
function hex48(h1: number, h2: number): string {
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 12);
}

/**
 * The key of an itinerary: `<route>.<timing>`, each 12 hex digits: the hashes of the route string
 * (`link@service>link@service...`) and of `<route>|<depart>>...`. FNV-1a reads a string in order, so the second hash
 * continues from the first's state instead of reading the route again, and no string is built.
 * @example itineraryKey([{ linkId: 'a-b', depart: '2025-03-03T08:00:00.000Z' }]) // 'xxxxxxxxxxxx.yyyyyyyyyyyy'
 */
export function itineraryKey(legs: readonly KeyedLeg[]): string {
  let h1 = FNV_OFFSET;
  let h2 = FNV_SEED_2;
  for (let i = 0; i < legs.length; i++) {
    const l = legs[i] as KeyedLeg;
    const part = i > 0 ? '>' : '';
    h1 = feed(feed(feed(feed(h1, part), l.linkId), '@'), l.service?.id ?? '');
    h2 = feed(feed(feed(feed(h2, part), l.linkId), '@'), l.service?.id ?? '');
  }
  const route = hex48(h1, h2);
  h1 = feed(h1, '|');
  h2 = feed(h2, '|');
  for (let i = 0; i < legs.length; i++) {
    const d = (legs[i] as KeyedLeg).depart;
    if (i > 0) {
      h1 = feed(h1, '>');
      h2 = feed(h2, '>');
    }
    h1 = feed(h1, d);
    h2 = feed(h2, d);
  }
  return `${route}.${hex48(h1, h2)}`;
}

/** The route part of a key (the links and services taken). */
export function routePartOf(key: string): string {
  return key.split('.')[0] ?? '';
}

/** The grammar of a key, for request schemas. */
export const ITINERARY_KEY_PATTERN = /^[0-9a-f]{12}\.[0-9a-f]{12}$/;
