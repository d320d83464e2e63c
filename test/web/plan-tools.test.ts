import { describe, expect, it } from 'vitest';
import type { Itinerary } from '../../web/src/api.ts';
import { itinerariesCsv } from '../../web/src/plan-export.ts';
import { hashToPlan, type PlanState, planToHash } from '../../web/src/plan-link.ts';
import { rankItineraries } from '../../web/src/plan-rank.ts';

const plan: PlanState = {
  from: 'cn-xian',
  to: 'de-duisburg',
  depart: '2026-12-07',
  deadline: '2027-01-20',
  cargo: 'containers',
  quantity: '2',
  avoidCountries: 'RU, BY, IR',
  avoidModes: ['road', 'sea'],
  plannedYear: '2030',
  scenario: 'red-sea-closed',
  rank: 'onTime',
};

const itinerary = (key: string, p50: number, cost: number, onTime?: number, via = ['Aktau']): Itinerary =>
  ({
    key,
    corridor: 'Middle',
    keyNodes: ["Xi'an", ...via, 'Duisburg'],
    totals: {
      depart: '2026-12-07T08:00:00.000Z',
      arrive: '2027-01-05T08:00:00.000Z',
      costUsd: cost,
      costComplete: true,
      co2eKg: 900,
      distanceKm: 9000,
      transfers: 3,
      riskProbability: 0.1,
    },
    arrival: { p50, p90: p50 + 48, onTimeProbability: onTime },
  }) as unknown as Itinerary;

describe('permalink', () => {
  it('reads back every field it writes, repeated modes included', () => {
    expect(hashToPlan(`#${planToHash(plan)}`)).toEqual(plan);
  });

  it('leaves out what is empty and reads defaults for it; no plan without both ends', () => {
    const h = planToHash({ from: 'a', to: 'b', cargo: 'bulk', quantity: '5', avoidModes: [], depart: '' });
    expect(h).toBe('plan?from=a&to=b&cargo=bulk&quantity=5');
    expect(hashToPlan('#plan?from=a')).toBeUndefined();
    expect(hashToPlan('#details')).toBeUndefined();
  });
});

describe('ranking', () => {
  const its = [itinerary('a', 700, 3000, 0.5), itinerary('b', 600, 5000, 0.9), itinerary('c', 650, 2000)];
  it('ranks by P50, cost and on-time probability, an itinerary without the figure last', () => {
    expect(rankItineraries(its, 'p50').map((x) => x.key)).toEqual(['b', 'c', 'a']);
    expect(rankItineraries(its, 'cost').map((x) => x.key)).toEqual(['c', 'a', 'b']);
    expect(rankItineraries(its, 'onTime').map((x) => x.key)).toEqual(['b', 'a', 'c']);
    expect(rankItineraries(its, 'pareto').map((x) => x.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('CSV export', () => {
  it('has one header and one row per itinerary, ISO arrival dates, and quotes fields with commas', () => {
    const csv = itinerariesCsv({ itineraries: [itinerary('k1', 600, 4200.4, 0.75, ['Aktau, port', 'Baku'])] });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.split(',')).toContain('p90_arrive');
    expect(lines[1]).toContain('"Aktau, port > Baku"');
    expect(lines[1]).toContain('2027-01-01T08:00:00.000Z,2027-01-03T08:00:00.000Z,0.75,4200,true');
  });
});
