/**
 * `keruen route ... --ileap FILE` (issue 17, item 7): the CLI writes the same iLEAP footprint the API gives for
 * the same itinerary (one function, core/emissions/itinerary-chain.ts), chosen by row or key; a row or key the
 * table does not have is refused naming --itinerary and listing what it offers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chosenItinerary } from '../../../src/cli/commands/route-ileap.ts';
import { KeruenError } from '../../../src/core/index.ts';
import { shippedApp } from '../../server/support/shipped-app.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DIR = mkdtempSync(join(tmpdir(), 'keruen-ileap-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const DEPART = '2027-03-02T08:00:00Z';
const ARGS = ['--from', 'kz-almaty', '--to', 'az-alat', '--teu', '2', '--depart', DEPART];

const keruen = (args: string[]) =>
  spawnSync(process.execPath, ['bin/keruen.mjs', 'route', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('keruen route --ileap', () => {
  it('writes the footprint the API gives for the same itinerary', async () => {
    const file = join(DIR, 'second.json');
    const cli = keruen([...ARGS, '--json', '--ileap', file, '--itinerary', '2']);
    expect(cli.status, cli.stderr).toBe(0);
    const second = JSON.parse(cli.stdout).itineraries[1];
    const fromCli = JSON.parse(readFileSync(file, 'utf8'));
    expect(fromCli.shipmentFootprint.shipmentId).toBe(second.key);
    const { app, close } = await shippedApp();
    const body = { from: 'kz-almaty', to: 'az-alat', depart: DEPART, cargo: { kind: 'containers', teu: 2 } };
    const api = await app.inject({
      method: 'POST',
      url: '/emissions/itinerary',
      payload: { ...body, itineraryKey: second.key },
    });
    await close();
    expect(api.statusCode, api.body).toBe(200);
    expect(fromCli).toEqual(api.json());
    const sum = fromCli.shipmentFootprint.tces.reduce((s: number, t: { co2eWTW: string }) => s + Number(t.co2eWTW), 0);
    expect(sum).toBeCloseTo(second.totals.co2eKg, 4);
  }, 60_000);

  it('refuses a row past the table or a malformed key, naming --itinerary and the offered keys', () => {
    const its = [{ key: 'aaaaaaaaaaaa.bbbbbbbbbbbb' }, { key: 'cccccccccccc.dddddddddddd' }] as Array<
      Parameters<typeof chosenItinerary>[0][number]
    >;
    expect(chosenItinerary(its, undefined)).toBe(its[0]);
    expect(chosenItinerary(its, 'cccccccccccc.dddddddddddd')).toBe(its[1]);
    for (const bad of ['3', '0', 'zzz', 'eeeeeeeeeeee.ffffffffffff']) {
      try {
        chosenItinerary(its, bad);
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(KeruenError);
        expect((e as KeruenError).issues[0]).toMatchObject({ field: '--itinerary', value: bad });
        expect((e as KeruenError).message).toContain('aaaaaaaaaaaa.bbbbbbbbbbbb');
      }
    }
    const cli = keruen([...ARGS, '--ileap', join(DIR, 'x.json'), '--itinerary', '99']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/--itinerary 99: the table has rows 1 to \d+/);
  }, 60_000);

  it('names --ileap and the path when the file cannot be written', () => {
    const cli = keruen([...ARGS, '--ileap', join(DIR, 'no-such-dir', 'x.json')]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/--ileap .*no-such-dir.*: cannot write the file \(ENOENT/);
  }, 60_000);
});
