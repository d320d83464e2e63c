/** Itineraries carry no float noise: a leg's wait is 0 or a real wait, never 1e-11 h left by the time arithmetic. */
import { describe, expect, it } from 'vitest';
import { loadContext } from '../../../src/io/index.ts';

describe('itinerary waits', () => {
  it('are exactly 0 or at least a millisecond-scale wait on the shipped dataset', () => {
    const { engine } = loadContext();
    const pairs = [
      ['cn-xian', 'de-duisburg'],
      ['kz-almaty', 'am-yerevan'],
      ['cn-urumqi', 'ge-poti'],
    ];
    let legs = 0;
    for (const [from, to] of pairs) {
      const r = engine.route({
        from: from as string,
        to: to as string,
        depart: '2026-03-03T08:00:00Z',
        cargo: { kind: 'containers', teu: 1 },
      });
      for (const it of r.itineraries) {
        for (const leg of it.legs) {
          legs++;
          expect(leg.waitH === 0 || leg.waitH >= 1e-6).toBe(true);
        }
        expect(it.totals.waitH === 0 || it.totals.waitH >= 1e-6).toBe(true);
      }
    }
    expect(legs).toBeGreaterThan(20);
  });
});
