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
});
