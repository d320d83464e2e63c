/** `keruen route` as a user runs it, on the shipped dataset. */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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

  it('exits 1 with the closest names for an unknown place', () => {
    const r = keruen('route', '--from', 'Xian', '--to', 'Duisbrg', '--depart', DEPART);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Duisburg');
  });

  it('rejects bad numbers naming the option and the value', () => {
    const r = keruen('route', '--from', 'Xian', '--to', 'Duisburg', '--teu', 'many');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--teu');
    expect(r.stderr).toContain('many');
  });
});
