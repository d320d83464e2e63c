/**
 * One question, one answer: `keruen scenario compare` and POST /scenarios/flows run a scenario the same way
 * (core/answers/scenario-flows.ts), so for the same scenarios, demand and seed they give the same totals, per
 * commodity figures and corridor shares, to the last digit.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedApp } from '../../server/support/shipped-app.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('scenario compare in the CLI and the API', () => {
  it('gives the same comparison for a scenario set in a future year (bakhty-ayagoz, 2028)', async () => {
    const cli = spawnSync(
      process.execPath,
      ['bin/keruen.mjs', 'scenario', 'compare', 'baseline', 'bakhty-ayagoz', '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(0);
    const fromCli = JSON.parse(cli.stdout).comparison;
    const { app, close } = await shippedApp();
    const r = await app.inject({
      method: 'POST',
      url: '/scenarios/flows',
      payload: { base: 'baseline', other: 'bakhty-ayagoz' },
    });
    await close();
    expect(r.statusCode).toBe(200);
    const fromApi = r.json();
    expect(fromApi.totals).toEqual(fromCli.totals);
    expect(fromApi.commodities).toEqual(fromCli.commodities);
    expect(fromApi.corridors).toEqual(fromCli.corridors);
    expect(fromApi.totals.generalisedCostUsd.delta).toBeLessThan(0);
  }, 60_000);
});
