/** `keruen route` as a user runs it, on the shipped dataset. */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ArrivalSampling,
  itineraryReport,
  itineraryRows,
  type RouteOutput,
  rankByP90,
  table,
  viaCell,
  withArrivals,
} from '../../../src/cli/commands/route.ts';
import type { ArrivalDistribution, Itinerary } from '../../../src/core/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function keruen(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/keruen.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DEPART = '2026-03-03T08:00:00Z';

describe('keruen route', () => {
  it('prints Pareto itineraries as JSON with the documented fields, CO2e and the arrival distribution', () => {
    const r = keruen(
      'route',
      '--from',
      "Xi'an",
      '--to',
      'Duisburg',
      '--depart',
      DEPART,
      '--feu',
      '40',
      '--avoid-countries',
      'RU,BY',
      '--samples',
      '500',
      '--seed',
      '7',
      '--deadline',
      '2026-04-15T00:00:00Z',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.itineraries.length).toBeGreaterThan(0);
    for (const it of out.itineraries) {
      expect(typeof it.corridor).toBe('string');
      expect(it.legs.length).toBeGreaterThan(0);
      for (const leg of it.legs) {
        for (const k of ['mode', 'from', 'to', 'distanceKm', 'depart', 'arrive', 'countries'])
          expect(leg).toHaveProperty(k);
        // no Russian or Belarusian leg when they are avoided
        expect(leg.countries).not.toContain('RU');
        expect(leg.countries).not.toContain('BY');
      }
      for (const k of ['durationH', 'distanceKm', 'costUsd', 'co2eKg']) expect(typeof it.totals[k]).toBe('number');
      expect(it.totals.co2eKg).toBeGreaterThan(0);
      expect(it.arrival.samples).toBe(500);
      expect(it.arrival.seed).toBe(7);
      expect(it.arrival.p50).toBeLessThanOrEqual(it.arrival.p90);
      expect(it.arrival.onTimeProbability).toBeGreaterThanOrEqual(0);
      // legs are consecutive in time
      for (let i = 1; i < it.legs.length; i++)
        expect(Date.parse(it.legs[i].depart)).toBeGreaterThanOrEqual(Date.parse(it.legs[i - 1].arrive) - 1);
    }
    // avoiding Russia leaves the Caspian crossing among the answers
    expect(out.itineraries.some((it: { corridor: string }) => it.corridor === 'Middle')).toBe(true);
  });

  it('is reproducible: the same seed gives the same distribution', () => {
    const args = [
      'route',
      '--from',
      'Aktau',
      '--to',
      'Poti',
      '--depart',
      DEPART,
      '--samples',
      '300',
      '--seed',
      '11',
      '--json',
    ];
    const a = JSON.parse(keruen(...args).stdout);
    const b = JSON.parse(keruen(...args).stdout);
    expect(a.itineraries[0].arrival).toEqual(b.itineraries[0].arrival);
  });

  it('exits 2 and names the constraint when no route exists', () => {
    const r = keruen('route', '--from', "Xi'an", '--to', 'Duisburg', '--depart', DEPART, '--avoid-modes', 'rail');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('avoided modes');
  });

  it('routes from a city with several terminals and prints the terminal each itinerary starts from', () => {
    const r = keruen('route', '--from', 'Istanbul', '--to', 'Almaty', '--depart', DEPART);
    expect(r.code, r.stderr).toBe(0);
    const [title, header, first] = r.stdout.split('\n');
    expect(title).toMatch(/^Istanbul \(4 terminals\) -> Almaty, ready /);
    expect(header).toMatch(/^#\s+from\s+corridor/);
    expect(first).toMatch(/^1\s+Istanbul (Halkalı|Kazlıçeşme|Ayrılıkçeşme)/);
    const json = keruen('route', '--from', 'istanbul', '--to', 'Almaty', '--depart', DEPART, '--json');
    const out = JSON.parse(json.stdout) as { from: { name: string; candidates: { id: string }[] } };
    expect(out.from.name).toBe('Istanbul');
    expect(out.from.candidates).toHaveLength(4);
  });

  it('exits 1 listing the candidates when a name is shared by unrelated stations', () => {
    const r = keruen('route', '--from', 'Sarakhs', '--to', 'Almaty');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tm-sarakhs/);
    expect(r.stderr).toMatch(/ir-sarakhs/);
  });

  it('exits 1 with the closest names for an unknown place', () => {
    const r = keruen('route', '--from', 'Xian', '--to', 'Duisbrg', '--depart', DEPART);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Duisburg');
  });

  it('routes under a library scenario: with the Red Sea closed, nothing sails Singapore -> Port Said', () => {
    const args = ['route', '--from', 'Shanghai', '--to', 'Rotterdam', '--depart', '2026-12-07', '--samples', '200'];
    const base = keruen(...args, '--json');
    expect(base.code).toBe(0);
    const links = (out: { itineraries: Array<{ legs: Array<{ linkId: string }> }> }) =>
      out.itineraries.flatMap((it) => it.legs.map((l) => l.linkId));
    expect(links(JSON.parse(base.stdout))).toContain('sea-singapore-port-said');
    expect(JSON.parse(base.stdout)).not.toHaveProperty('scenario');
    const r = keruen(...args, '--scenario', 'red-sea-closed', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenario).toMatchObject({ id: 'red-sea-closed', year: null });
    expect(out.itineraries.length).toBeGreaterThan(0);
    expect(links(out)).not.toContain('sea-singapore-port-said');
    expect(out.itineraries[0].arrival.samples).toBe(200);
    const text = keruen(...args, '--scenario', 'red-sea-closed');
    expect(text.stdout).toMatch(/^Scenario: red-sea-closed \(/);
  });

  it('exits 1 naming --scenario and the known ids for an unknown scenario', () => {
    const r = keruen('route', '--from', 'Shanghai', '--to', 'Rotterdam', '--scenario', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown scenario "nope"');
    expect(r.stderr).toContain('red-sea-closed');
  });

  it('rejects bad numbers naming the option and the value', () => {
    const r = keruen('route', '--from', 'Xian', '--to', 'Duisburg', '--teu', 'many');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--teu');
    expect(r.stderr).toContain('many');
  });
});

/**
 * An itinerary with what the table reads; 36 h = 1.5 d, $1,234.4 rounds to $1,234; 25% of the cost and 60% of the
 * time rest on sourced figures, in USD of 2025 (issue 15 added the `sourced` column and the price-year note).
 */
function output(
  corridor: string,
  extra: { arrival?: Partial<ArrivalDistribution>; costComplete?: boolean; riskEvents?: string[] } = {},
) {
  return {
    corridor,
    keyNodes: ['Origin', 'Dostyk', 'Aktau', 'Destination'],
    totals: {
      durationH: 36,
      costUsd: 1234.4,
      costComplete: extra.costComplete ?? true,
      co2eKg: 1530,
      transfers: 2,
      priceYear: 2025,
      costSourcedShare: 0.25,
      timeSourcedShare: 0.6,
      riskProbability: extra.riskEvents?.length ? 0.3 : 0,
      riskEvents: extra.riskEvents ?? [],
    },
    ...(extra.arrival ? { arrival: extra.arrival } : {}),
  } as unknown as RouteOutput;
}
const NO_SAMPLES: ArrivalSampling = { samples: undefined, seed: 1, deadlineH: undefined };

describe('keruen route, its steps', () => {
  it('table pads every column to its widest cell, two spaces apart, without trailing spaces', () => {
    expect(
      table([
        ['#', 'corridor', 'x'],
        ['10', 'Middle', ''],
      ]),
    ).toBe('#   corridor  x\n10  Middle');
  });

  it('itineraryRows: days, cost, tonnes of CO2e; P50/P90 with samples and the on-time share with a deadline', () => {
    expect(itineraryRows([output('Middle')], NO_SAMPLES)).toEqual([
      ['#', 'corridor', 'via', 'days', 'cost', 'sourced', 'CO2e t', 'transfers'],
      ['1', 'Middle', 'Dostyk > Aktau', '1.5', '$1,234', '25%/60%', '1.53', '2'],
    ]);
    const sampled = output('Middle', { arrival: { p50: 30, p90: 60, onTimeProbability: 0.876 }, costComplete: false });
    expect(itineraryRows([sampled], { samples: 500, seed: 1, deadlineH: 100 })).toEqual([
      ['#', 'corridor', 'via', 'days', 'P50 d', 'P90 d', 'on time', 'cost', 'sourced', 'CO2e t', 'transfers'],
      ['1', 'Middle', 'Dostyk > Aktau', '1.5', '1.3', '2.5', '88%', '$1,234+', '25%/60%', '1.53', '2'],
    ]);
  });

  it('itineraryReport: title with the count, the first `limit` rows, the lower-bound and Monte Carlo notes', () => {
    const arrival = { p50: 30, p90: 60 };
    const its = [output('Northern', { arrival }), output('Middle', { arrival, costComplete: false })];
    const from = { id: 'a', name: 'Origin' };
    const to = { id: 'b', name: 'Destination' };
    const text = itineraryReport({ from, to, depart: 'D' }, its, { samples: 300, seed: 4, deadlineH: undefined }, 1);
    expect(text.split('\n')).toEqual([
      'Origin -> Destination, ready D, 2 Pareto itineraries',
      '#  corridor  via             days  P50 d  P90 d  cost    sourced  CO2e t  transfers',
      '1  Northern  Dostyk > Aktau  1.5   1.3    2.5    $1,234  25%/60%  1.53    2',
      '+ some legs have no published tariff: cost is a lower bound',
      'Costs in USD of 2025; sourced: share of cost / time resting on sourced figures (--evidence by leg)',
      'Monte Carlo: 300 samples, seed 4',
      '',
    ]);
    expect(itineraryReport({ from, to, depart: 'D' }, its.slice(0, 1), NO_SAMPLES, 12)).toContain(
      ', 1 Pareto itinerary\n',
    );
  });

  it('adds the chance of a cut, and names the events met, when some route meets a risk event', () => {
    const its = [output('Northern', { riskEvents: ['russia-sanctions'] }), output('Middle')];
    expect(itineraryRows(its, NO_SAMPLES).map((r) => r.at(-1))).toEqual(['risk', '30%', '0%']);
    const text = itineraryReport(
      { from: { id: 'a', name: 'A' }, to: { id: 'b', name: 'B' }, depart: 'D' },
      its,
      NO_SAMPLES,
      12,
    );
    expect(text).toContain('events met: russia-sanctions\n');
  });

  it('rankByP90 orders by P90 of arrival, earliest first, and needs the Monte Carlo', () => {
    const its = [
      output('A', { arrival: { p90: 90 } }),
      output('B', { arrival: { p90: 30 } }),
      output('C', { arrival: { p90: 60 } }),
    ];
    expect(rankByP90(its, 1000).map((it) => it.corridor)).toEqual(['B', 'C', 'A']);
    expect(its.map((it) => it.corridor)).toEqual(['A', 'B', 'C']); // not sorted in place
    expect(() => rankByP90(its, undefined)).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }));
  });

  it('withArrivals drops the timeline and, with samples, adds the arrival of a 48 h fixed trip', () => {
    const it48 = {
      corridor: 'Middle',
      timeline: { departH: 0, steps: [{ kind: 'travel', label: 'rail', duration: { dist: 'fixed', value: 48 } }] },
    } as unknown as Itinerary;
    expect(withArrivals([it48], NO_SAMPLES)).toEqual([{ corridor: 'Middle' }]);
    const [late] = withArrivals([it48], { samples: 100, seed: 3, deadlineH: 40 });
    expect(late).not.toHaveProperty('timeline');
    expect(late?.arrival).toMatchObject({ samples: 100, seed: 3, p50: 48, p90: 48, onTimeProbability: 0 });
    const [onTime] = withArrivals([it48], { samples: 100, seed: 3, deadlineH: 48 });
    expect(onTime?.arrival?.onTimeProbability).toBe(1);
  });

  it('viaCell cuts after the last whole key node that fits, marked, and --wide keeps them all', () => {
    const nodes = [
      'Khorgos (CN) railway port',
      'Altynkol (Khorgos Gateway)',
      'Kuryk port',
      'Port of Baku (Alat)',
      'Poti',
    ];
    const cut = viaCell(nodes, 70);
    expect(cut).toBe('Khorgos (CN) railway port > Altynkol (Khorgos Gateway) > …');
    expect(cut.length).toBeLessThanOrEqual(70);
    expect(viaCell(nodes, Number.POSITIVE_INFINITY)).toBe(nodes.join(' > '));
    expect(viaCell(['A', 'B'], 70)).toBe('A > B');
    expect(viaCell(['An extremely long single station name that does not fit'], 20)).toBe('An extremely long s…');
  });
});
