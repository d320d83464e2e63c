import { describe, expect, it } from 'vitest';
import { departureNotes } from '../../../src/core/requests/departure-notes.ts';
import { resolveRoute } from '../../../src/core/requests/route.ts';
import { loadContext } from '../../../src/io/index.ts';

const NOW = new Date('2026-12-06T12:00:00Z');

describe('departureNotes', () => {
  it('labels a ready date in the past with how long ago, naming the field and the value', () => {
    const [n] = departureNotes('2026-01-21', NOW);
    expect(n).toMatchObject({ code: 'past_departure', field: 'depart', value: '2026-01-21' });
    expect(n?.message).toMatch(/^depart 2026-01-21 is 319 days before now \(2026-12-06\)/);
  });

  it('says nothing for no date, a date now (within the hour of clock skew) or a future date', () => {
    expect(departureNotes(undefined, NOW)).toEqual([]);
    expect(departureNotes('2026-12-06T11:30:00Z', NOW)).toEqual([]);
    expect(departureNotes('2027-01-10', NOW)).toEqual([]);
    expect(departureNotes('2026-12-06T10:00:00Z', NOW)[0]?.message).toMatch(/less than a day before now/);
  });

  it('reaches the route answer through resolveRoute, whichever interface asks', () => {
    const { network, engine } = loadContext();
    const body = { from: 'Aktau', to: 'Baku', cargo: { kind: 'containers' as const, teu: 1 } };
    const past = engine.route(resolveRoute(network, { ...body, depart: '2025-03-03' }, NOW));
    expect(past.notes?.map((x) => x.code)).toEqual(['past_departure']);
    const now = engine.route(resolveRoute(network, body, NOW));
    expect(now.notes).toBeUndefined();
  });
});
