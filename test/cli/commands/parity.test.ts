/**
 * The CLI refuses what the API refuses, with the same message (naming the flag where the API names the field): both read their input with the core's request
 * schemas (src/core/requests). Each case runs the command and asks the API the same question.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fixtureApp, type TestApp } from '../../server/support/fixture-app.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function keruen(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/keruen.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await fixtureApp({ workPool: { threads: 0 } });
  token = (await t.storage.createToken('parity')).token;
});
afterAll(async () => {
  await t.app.close();
});

const cases: Array<{ what: string; cli: string[]; url: string; field: string; expected: string }> = [
  {
    what: 'an impossible date',
    cli: ['route', '--from', 'Almaty', '--to', 'Baku', '--depart', '2026-02-30'],
    url: '/routes?from=cn-a&to=ge-c&depart=2026-02-30',
    field: 'depart',
    expected: 'day 30 does not exist in 2026-02',
  },
  {
    what: 'a day-first date',
    cli: ['route', '--from', 'Almaty', '--to', 'Baku', '--depart', '04/03/2026'],
    url: '/routes?from=cn-a&to=ge-c&depart=04%2F03%2F2026',
    field: 'depart',
    expected: 'not an ISO 8601 date',
  },
  {
    what: 'a trillion TEU',
    cli: ['route', '--from', 'Almaty', '--to', 'Baku', '--teu', '1e12'],
    url: '/routes?from=cn-a&to=ge-c&teu=1e12',
    field: 'teu',
    expected: 'must be above 0 and at most 1,000,000 TEU',
  },
  {
    what: 'a hundred million samples',
    cli: ['route', '--from', 'Almaty', '--to', 'Baku', '--samples', '1e8'],
    url: '/shipments/x/eta?samples=1e8',
    field: 'samples',
    expected: 'must be an integer from 100 to 200,000 samples',
  },
];

describe('CLI and API refuse alike', () => {
  it.each(cases)('$what', async ({ cli, url, field, expected }) => {
    const c = keruen(...cli);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(`--${field} = `);
    expect(c.stderr).toContain(expected);
    const a = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect(a.statusCode).toBe(400);
    expect(a.json().field).toBe(`query.${field}`);
    expect(a.json().message).toContain(expected);
  });

  it('refuses a ten-year simulation beyond the work bound in both', async () => {
    const c = keruen('simulate', 'port', '--node', 'Aktau', '--demand-teu-per-week', '2000', '--weeks', '1e9');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('--weeks = "1e9": must be an integer from 1 to 520 weeks');
    const big = keruen('simulate', 'port', '--node', 'Aktau', '--demand-teu-per-week', '100000', '--weeks', '520');
    expect(big.stderr).toContain('must be at most 20,000,000 simulated TEU');
    const a = await t.app.inject({
      method: 'POST',
      url: '/simulations/port',
      headers: bearer(token),
      payload: { node: 'Papa port', teuPerWeek: 100_000, weeks: 520 },
    });
    expect(a.statusCode).toBe(400);
    expect(a.json().message).toContain('must be at most 20,000,000 simulated TEU');
  });

  it('reads country codes in either case, in both', async () => {
    const c = spawnSync(
      process.execPath,
      ['bin/keruen.mjs', 'route', '--from', 'Almaty', '--to', 'Baku', '--avoid-countries', 'ru,ir', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(c.status).toBe(0);
    const a = await t.app.inject({ method: 'GET', url: '/routes?from=cn-a&to=ge-c&avoidCountries=ru,ir' });
    expect(a.statusCode).toBe(200);
  });
});
