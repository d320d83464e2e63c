/**
 * Route output shows its evidence alike in the CLI and the API (issue 15, item 3): per leg its cost and time parts
 * with provenance, per itinerary the sourced shares and the price year; and the CLI's --evidence text.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceReport } from '../../../src/cli/commands/route-evidence.ts';
import { shippedApp } from '../../server/support/shipped-app.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ARGS = ['--from', 'kz-almaty', '--to', 'am-yerevan', '--cargo', 'bulk', '--tonnes', '1000'];
const DEPART = '2025-06-01T00:00:00.000Z';

describe('route evidence in the CLI and the API', () => {
  it('gives the same cost and time parts, shares and price year', async () => {
    const cli = spawnSync(process.execPath, ['bin/keruen.mjs', 'route', ...ARGS, '--depart', DEPART, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const fromCli = JSON.parse(cli.stdout).itineraries[0];
    const { app, close } = await shippedApp();
    const r = await app.inject({
      method: 'GET',
      url: `/routes?from=kz-almaty&to=am-yerevan&cargo=bulk&tonnes=1000&depart=${encodeURIComponent(DEPART)}`,
    });
    await close();
    expect(r.statusCode).toBe(200);
    // the same itinerary (the Pareto set is the same; match on its key nodes)
    const key = (x: { keyNodes: string[] }) => x.keyNodes.join('>');
    const fromApi = r.json().itineraries.find((x: { keyNodes: string[] }) => key(x) === key(fromCli));
    for (const k of ['priceYear', 'costUsd', 'costSourcedShare', 'timeSourcedShare'])
      expect(fromApi.totals[k]).toEqual(fromCli.totals[k]);
    expect(fromApi.totals.priceYear).toBe(2025);
    expect(fromApi.legs.map((l: { costParts: unknown }) => l.costParts)).toEqual(
      fromCli.legs.map((l: { costParts: unknown }) => l.costParts),
    );
    expect(fromApi.legs.map((l: { timeParts: unknown }) => l.timeParts)).toEqual(
      fromCli.legs.map((l: { timeParts: unknown }) => l.timeParts),
    );
    expect(fromApi.stops.map((x: { costParts: unknown }) => x.costParts)).toEqual(
      fromCli.stops.map((x: { costParts: unknown }) => x.costParts),
    );
    // the text report lists the same first itinerary by leg
    const text = evidenceReport(fromCli);
    expect(text).toContain('Evidence of itinerary 1 (costs in USD of 2025)');
    expect(text).toContain('line_haul');
    expect(text).toMatch(/sourced: \d+% of the cost, \d+% of the time/);
  }, 60_000);
});
