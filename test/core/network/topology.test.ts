/**
 * Topology fixes of issue 15 on the shipped network: routes that used to be missing or forced through the wrong
 * place.
 */
import { describe, expect, it } from 'vitest';
import type { RouteRequest } from '../../../src/core/routing/plan.ts';
import { loadContext } from '../../../src/io/index.ts';

const { engine } = loadContext();
const depart = '2025-03-03T08:00:00Z';
const teu = { kind: 'containers', teu: 1 } as const;

function route(req: Omit<RouteRequest, 'depart' | 'cargo'> & Partial<RouteRequest>) {
  return engine.route({ depart, cargo: teu, ...req }, { timelines: false }).itineraries;
}

describe('topology', () => {
  it('Constanța -> Rotterdam all-sea sails via Gibraltar, not through the Suez Canal and back', () => {
    const its = route({ from: 'ro-constanta', to: 'nl-rotterdam', avoidModes: ['rail', 'road', 'ferry'] });
    const fastest = its.reduce((a, b) => (a.totals.durationH <= b.totals.durationH ? a : b));
    expect(fastest.legs.map((l) => l.linkId)).toEqual(['sea-constanta-rotterdam-gibraltar']);
    expect(fastest.countries).not.toContain('EG');
    // And it stays possible when Egypt is avoided.
    expect(route({ from: 'ro-constanta', to: 'nl-rotterdam', avoidCountries: ['EG'] }).length).toBeGreaterThan(0);
  });

  it('the Iranian route pays its break of gauge: a gauge-change stop with a duration in Iran', () => {
    const its = route({ from: 'cn-yiwu', to: 'ir-tehran' });
    // The overland Southern itineraries enter Iran from Turkmenistan (1520 -> 1435 mm); others come by sea.
    const southern = its.filter((i) => i.corridor === 'Southern' && i.countries.includes('TM'));
    expect(southern.length).toBeGreaterThan(0);
    for (const it of southern) {
      const iranian = it.stops.filter((s) => s.kind === 'gauge_change' && s.node.startsWith('ir-'));
      expect(iranian.length, it.keyNodes.join(' > ')).toBe(1);
      expect(iranian[0]?.durationH).toBeGreaterThan(6);
    }
  });

  it('a Black Sea feeder reaches Istanbul (Ambarlı) from Poti', () => {
    const its = route({ from: 'ge-poti', to: 'tr-ambarli', avoidModes: ['rail', 'road'] });
    expect(its.some((i) => i.legs.some((l) => l.linkId === 'black-sea-poti-ambarli-feeder'))).toBe(true);
  });

  it('Azerbaijan reaches Russia by rail at Yalama – Samur, and by road there and at Upper Lars', () => {
    const rail = route({ from: 'az-baku', to: 'ru-astrakhan', avoidModes: ['road', 'ferry', 'sea'] });
    expect(rail.some((i) => i.legs.some((l) => l.linkId === 'az-yalama-samur'))).toBe(true);
    const truck = { kind: 'general', tonnes: 20 } as const;
    const road = route({ from: 'az-baku', to: 'ru-samur', cargo: truck, avoidModes: ['rail'] });
    expect(road.some((i) => i.legs.some((l) => l.linkId === 'az-yalama-samur-road'))).toBe(true);
    const lars = route({ from: 'ge-tbilisi', to: 'ru-moscow', cargo: truck, avoidModes: ['rail', 'ferry', 'sea'] });
    expect(lars.some((i) => i.legs.some((l) => l.linkId === 'ge-kazbegi-upper-lars-road'))).toBe(true);
  });
});
