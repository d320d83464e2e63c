/** The validator's warnings for a link that cannot be timed or priced in some direction (network/validate.ts). */
import { describe, expect, it } from 'vitest';
import { check, FIXTURE_SOURCES, TWO_NODES } from './helpers.ts';

const link = (extra: string) => `
- id: a-b
  from: kz-a
  to: kz-b
  mode: road
  status: operational
  distanceKm: { value: 200, source: T1 }
${extra}`;

const codes = (files: Record<string, string>) =>
  check({ 'sources/s.yaml': FIXTURE_SOURCES, 'nodes/n.yaml': TWO_NODES, ...files })
    .warnings.filter((w) => w.code === 'no_travel_time' || w.code === 'no_cost')
    .map((w) => w.code)
    .sort();

describe('time and cost gaps', () => {
  it('warns when neither the link nor its country rate gives a time or a price', () => {
    expect(codes({ 'links/l.yaml': link('') })).toEqual(['no_cost', 'no_travel_time']);
  });

  it('is silent when the link carries its own speed and tariff', () => {
    const own = '  speedKmPerDay: { value: 500, source: T1 }\n  tariff: { usdPerTonneKm: { value: 0.1, source: T1 } }';
    expect(codes({ 'links/l.yaml': link(own) })).toEqual([]);
  });

  it('is silent when the country rate gives both, in each direction', () => {
    const rates = `
- id: kz-road
  country: KZ
  mode: road
  speedKmPerDay: { value: 500, source: T1 }
  usdPerTonneKm: { value: 0.1, source: T1 }
`;
    expect(codes({ 'links/l.yaml': link(''), 'rates/r.yaml': rates })).toEqual([]);
  });
});
