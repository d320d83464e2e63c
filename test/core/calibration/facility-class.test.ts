import { describe, expect, it } from 'vitest';
import { classifySteps, journeyClassOf, type PlaceInfo } from '../../../src/core/calibration/facility-class.ts';
import type { TimelineStep } from '../../../src/core/reliability/timeline.ts';

const places = new Map<string, PlaceInfo>([
  ['Khorgos', { country: 'CN', kind: 'terminal', lat: 44.2, lon: 80.4 }],
  ['Altynkol', { country: 'KZ', kind: 'terminal', lat: 44.2, lon: 80.3 }],
  ['Kuryk port', { country: 'KZ', kind: 'sea_port', lat: 43.2, lon: 51.65 }],
  ['Port of Baku', { country: 'AZ', kind: 'sea_port', lat: 39.9, lon: 49.4 }],
  ['Poti', { country: 'GE', kind: 'sea_port', lat: 42.15, lon: 41.67 }],
  ['Brest', { country: 'BY', kind: 'terminal', lat: 52.1, lon: 23.7 }],
  ['Małaszewicze', { country: 'PL', kind: 'terminal', lat: 52.0, lon: 23.5 }],
  ['Rotterdam', { country: 'NL', kind: 'sea_port', lat: 51.9, lon: 4.1 }],
  ['Singapore - West', { country: 'SG', kind: 'sea_port', lat: 1.3, lon: 103.8 }],
]);
const f = { dist: 'fixed', value: 10 } as const;
const step = (kind: TimelineStep['kind'], label: string): TimelineStep => ({ kind, label, duration: f });

describe('classifySteps', () => {
  it('types borders by the crossing they belong to', () => {
    const steps = [
      step('border', 'Khorgos outbound'),
      step('travel', 'Khorgos - Altynkol (rail)'),
      step('border', 'Altynkol inbound'),
      step('border', 'Brest outbound'),
      step('travel', 'Brest - Małaszewicze (rail)'),
      step('border', 'Małaszewicze inbound'),
    ];
    // a cross-border rail link counts with the lines of the country beyond China
    expect(classifySteps(steps, places)).toEqual([
      'cn-kz-border',
      'rail-cis',
      'cn-kz-border',
      'eu-entry-border',
      'rail-eu',
      'eu-entry-border',
    ]);
  });

  it('types port dwells by basin and leaves ferries and inland terminals to the data', () => {
    const steps = [
      step('dwell', 'Kuryk port handling'),
      step('sailing', 'ASCO ferry: Kuryk – Alat: Kuryk port - Port of Baku'),
      step('dwell', 'Poti handling'),
      step('dwell', 'Altynkol handling'),
      step('gauge_change', 'Altynkol gauge change'),
      step('sailing', 'Liner: Singapore - West - Rotterdam'),
      step('dwell', 'Rotterdam handling'),
    ];
    expect(classifySteps(steps, places)).toEqual([
      'caspian-port',
      undefined,
      'black-sea-port',
      undefined,
      'gauge-change',
      'sea-leg',
      'sea-port',
    ]);
  });

  it('leaves a step whose places it does not know untyped, and a lone border post as other-border', () => {
    expect(classifySteps([step('travel', 'Nowhere - Elsewhere (rail)'), step('border', 'X inbound')], places)).toEqual([
      undefined,
      'other-border',
    ]);
  });

  it('gives a sea-only journey its own journey factor', () => {
    expect(journeyClassOf(['sea-leg', 'sea-port', undefined])).toBe('journey-sea');
    expect(journeyClassOf(['sea-leg', 'rail-cn'])).toBe('journey');
    expect(journeyClassOf(['caspian-port'])).toBe('journey');
  });
});
