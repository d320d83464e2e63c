import { describe, expect, it } from 'vitest';
import type { Itinerary } from '../../web/src/api.ts';
import { itineraryFacts } from '../../web/src/itinerary-facts.ts';

const itinerary = (riskProbability: number, riskEvents: string[]): Itinerary =>
  ({
    totals: {
      depart: '2026-12-07T08:00:00.000Z',
      arrive: '2027-01-05T08:00:00.000Z',
      costUsd: 4000,
      costComplete: true,
      distanceKm: 9000,
      riskProbability,
      riskEvents,
    },
  }) as unknown as Itinerary;

describe('itinerary facts', () => {
  it('names the risk events a route is exposed to beside its chance of a cut', () => {
    const text = itineraryFacts(itinerary(0.3, ['russia-sanctions']));
    expect(text).toContain('30');
    expect(text).toContain('russia-sanctions');
  });

  it('says no more than the chance when the route meets no event', () => {
    expect(itineraryFacts(itinerary(0, []))).not.toContain('exposed');
  });
});
