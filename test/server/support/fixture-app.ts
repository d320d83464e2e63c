/**
 * A small worked network and an app on an in-memory database for the server tests:
 *
 *   cn-a --rail 50 h--> kz-b (border: outbound CN 4 h, inbound KZ 6 h) --rail 30 h--> kz-p (port, dwell 10 h)
 *   ==ferry, Mondays 12:00, 20-28 h==> az-q (port, dwell 5 h) --rail 15 h--> ge-c
 */
import type { FastifyInstance } from 'fastify';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import type { Network } from '../../../src/core/network/network.ts';
import { RoutingEngine } from '../../../src/core/routing/plan.ts';
import { type AppOptions, buildApp } from '../../../src/server/app.ts';
import { SqliteStorage } from '../../../src/server/storage/sqlite-storage.ts';
import type { Storage } from '../../../src/server/storage/storage.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const tri = (min: number, mode: number, max: number) => ({
  dist: 'triangular',
  min,
  mode,
  max,
  unit: 'h',
  source: 'T1',
});

export function fixtureNetwork(): Network {
  const rail = (id: string, from: string, to: string, km: number, d: unknown) => ({
    id,
    from,
    to,
    mode: 'rail',
    gauge: 1520,
    status: 'operational',
    distanceKm: fig(km),
    duration: d,
    tariff: { usdPerTeu: fig(km) },
  });
  return networkFrom({
    nodes: [
      node('cn-a', 'CN', { name: 'Alpha', kind: 'terminal', border: { dwellOutbound: fixedH(4) } }),
      node('kz-b', 'KZ', { name: 'Bravo', kind: 'border_crossing', border: { dwellInbound: fixedH(6) } }),
      node('kz-p', 'KZ', { name: 'Papa port', kind: 'sea_port', facility: { dwell: tri(5, 10, 30) } }),
      node('az-q', 'AZ', { name: 'Quebec port', kind: 'sea_port', facility: { dwell: fixedH(5) } }),
      node('ge-c', 'GE', { name: 'Charlie', kind: 'terminal' }),
      node('ge-x', 'GE', { name: 'X-ray', kind: 'city' }),
    ],
    links: [
      rail('a-b', 'cn-a', 'kz-b', 2500, fixedH(50)),
      rail('b-p', 'kz-b', 'kz-p', 1500, tri(25, 30, 45)),
      {
        id: 'p-q',
        from: 'kz-p',
        to: 'az-q',
        mode: 'ferry',
        service: 'f',
        status: 'operational',
        distanceKm: fig(470),
        duration: tri(20, 22, 28),
        tariff: { usdPerTeu: fig(600) },
      },
      rail('q-c', 'az-q', 'ge-c', 600, fixedH(15)),
    ],
    services: [
      {
        id: 'f',
        name: 'Fixture ferry',
        mode: 'ferry',
        vessel: 'rail_ferry',
        carries: ['wagons', 'containers'],
        timetable: [{ day: 'mon', time: '12:00' }],
        capacityTeuPerDeparture: fig(100),
      },
    ],
  });
}

/** Friday 20 March 2026, noon UTC: the server clock of the tests. */
export const NOW = new Date('2026-03-20T12:00:00Z');
export const DEPART = '2026-03-02T00:00:00Z';

export interface TestApp {
  app: FastifyInstance;
  storage: Storage;
  network: Network;
}

export async function fixtureApp(opts: Partial<AppOptions> & { dbFile?: string } = {}): Promise<TestApp> {
  const network = fixtureNetwork();
  const engine = new RoutingEngine(network, compileNetwork(network, {}));
  const storage = opts.storage ?? new SqliteStorage(opts.dbFile ?? ':memory:');
  const app = await buildApp({ network, engine, storage, now: () => NOW, rateLimitPerMinute: 0, ...opts });
  return { app, storage, network };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
