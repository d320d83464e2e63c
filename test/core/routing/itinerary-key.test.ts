import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITINERARY_KEY_PATTERN, itineraryKey, routePartOf } from '../../../src/core/routing/itinerary-key.ts';

const leg = (linkId: string, depart: string, service?: string) => ({
  linkId,
  depart,
  service: service === undefined ? undefined : { id: service },
});
const A = leg('kz-a-b', '2025-03-03T08:00:00.000Z');
const B = leg('ferry-b-c', '2025-03-05T10:00:00.000Z', 'ferry');

describe('itineraryKey', () => {
  it('is the same for the same legs and departures, and matches its grammar', () => {
    expect(itineraryKey([A, B])).toBe(itineraryKey([{ ...A }, { ...B }]));
    expect(itineraryKey([A, B])).toMatch(ITINERARY_KEY_PATTERN);
  });

  it('keeps the route part when only a departure moves, and changes the whole key', () => {
    const later = itineraryKey([A, { ...B, depart: '2025-03-06T10:00:00.000Z' }]);
    expect(routePartOf(later)).toBe(routePartOf(itineraryKey([A, B])));
    expect(later).not.toBe(itineraryKey([A, B]));
  });

  it('changes the route part when a link, its order or the service changes', () => {
    const base = routePartOf(itineraryKey([A, B]));
    expect(routePartOf(itineraryKey([B, A]))).not.toBe(base);
    expect(routePartOf(itineraryKey([A, { ...B, service: { id: 'other' } }]))).not.toBe(base);
    expect(routePartOf(itineraryKey([A, { ...B, linkId: 'ferry-b-d' }]))).not.toBe(base);
  });

  it('tells apart distinct routes drawn at random (no collisions among 2,000)', () => {
    const routes = fc.sample(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
      {
        numRuns: 2000,
        seed: 7,
      },
    );
    const distinct = new Set(routes.map((ids) => ids.join('>')));
    const keys = new Set([...distinct].map((r) => routePartOf(itineraryKey(r.split('>').map((id) => leg(id, 'x'))))));
    expect(keys.size).toBe(distinct.size);
  });

  it('is the hash of the strings it stands for, as keys were written before (stored bookings keep theirs)', () => {
    // the former implementation: build the route and timing strings, then hash each whole (FNV-1a, two seeds)
    const fnv = (s: string, seed: number) => {
      let h = seed >>> 0;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    const h48 = (s: string) => (fnv(s, 0x811c9dc5) + fnv(s, 0x050c5d1f)).slice(0, 12);
    const byStrings = (legs: ReturnType<typeof leg>[]) => {
      const route = legs.map((l) => `${l.linkId}@${l.service?.id ?? ''}`).join('>');
      return `${h48(route)}.${h48(`${route}|${legs.map((l) => l.depart).join('>')}`)}`;
    };
    // a key written by the former implementation, kept literally
    expect(itineraryKey([A, B])).toBe('b4a13822d805.42199b3355ee');
    const legs = fc.array(
      fc.record({ id: fc.string(), depart: fc.string(), svc: fc.option(fc.string(), { nil: undefined }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(legs, (ls) => {
        const built = ls.map((x) => leg(x.id, x.depart, x.svc));
        expect(itineraryKey(built)).toBe(byStrings(built));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
