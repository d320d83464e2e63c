/**
 * GET /scenarios/library and POST /scenarios/flows on the shipped dataset (the library scenarios are written
 * against it): the library's contents, two equilibrium runs with their differences and utilisation, the
 * answer cache, bad input named by field and value, and stored scenarios reachable only with their own token.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../src/server/index.ts';
import { type ShippedApp, shippedApp } from './support/shipped-app.ts';

let app: FastifyInstance;
let storage: SqliteStorage;
let shipped: ShippedApp;

beforeAll(async () => {
  shipped = await shippedApp();
  ({ app, storage } = shipped);
}, 60_000);
afterAll(async () => {
  await shipped.close();
});

const flows = (payload: Record<string, unknown>, token?: string) =>
  app.inject({
    method: 'POST',
    url: '/scenarios/flows',
    payload,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

interface Load {
  flowTeuPerYear: number;
  capacityTeuPerYear: number;
  utilisation: number;
  measure: string;
}
interface Pair {
  base: number | null;
  other: number | null;
  delta: number | null;
}

describe('GET /scenarios/library', () => {
  it('lists the shipped scenarios with their sources and costs, and the demand sets, without a token', async () => {
    const r = await app.inject({ method: 'GET', url: '/scenarios/library' });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    const ids = b.scenarios.map((s: { id: string }) => s.id);
    expect(ids).toContain('russia-closed');
    expect(ids).toContain('red-sea-closed');
    const aktau = b.scenarios.find((s: { id: string }) => s.id === 'aktau-hub-phase-2');
    expect(aktau.tags).toContain('investment');
    expect(aktau.sources.length).toBeGreaterThan(0);
    expect(aktau.investment.cost.value).toBeGreaterThan(0);
    expect(aktau.investment.currency).toMatch(/^(EUR|USD)$/);
    // Every shipped scenario is named in the page's other languages too.
    for (const s of b.scenarios) expect(s.names, s.id).toEqual({ ru: expect.any(String), fr: expect.any(String) });
    expect(b.scenarios.find((s: { id: string }) => s.id === 'red-sea-closed').names.fr).toMatch(/^Mer Rouge fermée/);
    expect(aktau.description.length).toBeGreaterThan(10);
    const disruption = b.scenarios.find((s: { id: string }) => s.id === 'red-sea-closed');
    expect(disruption.investment).toBeNull();
    const demands = b.demands as Array<{ id: string; default: boolean; flows: number }>;
    expect(demands.length).toBeGreaterThanOrEqual(2);
    expect(demands.filter((d) => d.default)).toHaveLength(1);
    expect(demands.every((d) => d.flows > 0)).toBe(true);
    expect(b.rejected).toEqual([]);
  });
});

describe('POST /scenarios/flows', () => {
  it('compares the baseline with the Red Sea closed: KPIs, differences, utilisation, bottlenecks, shares', async () => {
    const r = await flows({ base: 'baseline', other: 'red-sea-closed' });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b.base).toMatchObject({ id: 'baseline', origin: 'baseline' });
    expect(b.other).toMatchObject({ id: 'red-sea-closed', origin: 'library' });
    expect(b.votFactor).toBe(1);
    // Differences are other minus base.
    for (const k of ['generalisedCostUsd', 'costUsd', 'co2eTonnes'] as const) {
      const p = b.totals[k] as Pair;
      expect(p.delta).toBeCloseTo(p.other! - p.base!, 3);
    }
    // Sending sea containers round the Cape costs more than through Suez.
    expect(b.totals.costUsd.delta).toBeGreaterThan(0);

    // Utilisation rows: flow / capacity of the binding measure, for both runs.
    const links = b.utilisation.links as Array<{ id: string; base: Load | null; other: Load | null; change: number }>;
    expect(links.length).toBeGreaterThan(5);
    expect(b.utilisation.nodes.length).toBeGreaterThan(0);
    for (const l of links)
      for (const x of [l.base, l.other])
        if (x !== null) expect(x.utilisation).toBeCloseTo(x.flowTeuPerYear / x.capacityTeuPerYear, 9);
    const changed = links.filter((l) => l.change !== null && Math.abs(l.change) > 1e-6);
    expect(changed.length).toBeGreaterThan(0);

    // Bottlenecks: most utilised (in either run) first.
    const peak = (e: { utilisation: Pair }) => Math.max(e.utilisation.base ?? 0, e.utilisation.other ?? 0);
    const bn = b.bottlenecks as Array<{ utilisation: Pair }>;
    expect(bn.length).toBeGreaterThan(3);
    for (let i = 1; i < bn.length; i++) expect(peak(bn[i - 1]!)).toBeGreaterThanOrEqual(peak(bn[i]!));

    // Corridor shares of each commodity's served volume add up to 1 in each run (when anything is served).
    const byCommodity = new Map<string, { base: number; other: number }>();
    for (const c of b.corridors as Array<{ commodity: string; share: Pair }>) {
      const s = byCommodity.get(c.commodity) ?? { base: 0, other: 0 };
      s.base += c.share.base ?? 0;
      s.other += c.share.other ?? 0;
      byCommodity.set(c.commodity, s);
    }
    expect(byCommodity.size).toBeGreaterThan(0);
    for (const s of byCommodity.values()) {
      if (s.base > 0) expect(s.base).toBeCloseTo(1, 6);
      if (s.other > 0) expect(s.other).toBeCloseTo(1, 6);
    }

    // Per OD pair: mean and P90 times in both runs, P90 not below the median-ish mean by much.
    const od = (b.ods as Array<{ from: string; to: string; meanTimeH: Pair; p90TimeH: Pair }>).find(
      (o) => o.from === 'cn-xian' && o.to === 'de-duisburg',
    )!;
    expect(od.meanTimeH.base).toBeGreaterThan(24 * 5);
    expect(od.p90TimeH.other).toBeGreaterThan(24 * 5);
  }, 30_000);

  it('answers a repeated request from the cache, and a different value of time afresh', async () => {
    const first = await flows({ base: 'baseline', other: 'red-sea-closed' });
    const again = await flows({ base: 'baseline', other: 'red-sea-closed' });
    expect(again.json().cached).toBe(true);
    const strip = (x: Record<string, unknown>) => ({ ...x, cached: undefined, timingsMs: undefined });
    expect(strip(again.json())).toEqual(strip(first.json()));
    const vot = await flows({ base: 'baseline', other: 'red-sea-closed', votFactor: 3 });
    expect(vot.statusCode).toBe(200);
    expect(vot.json().cached).toBe(false);
    expect(vot.json().votFactor).toBe(3);
    // A higher value of time makes the same flows dearer in generalised cost.
    expect(vot.json().totals.generalisedCostUsd.base).toBeGreaterThan(first.json().totals.generalisedCostUsd.base);
  }, 30_000);

  it('names the field and value of bad input', async () => {
    const unknown = await flows({ base: 'baseline', other: 'atlantis-bridge' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'body.other', value: 'atlantis-bridge' });
    expect(unknown.json().message).toContain('red-sea-closed');
    const base = await flows({ base: 'nope', other: 'baseline' });
    expect(base.json()).toMatchObject({ field: 'body.base', value: 'nope' });
    const demand = await flows({ base: 'baseline', other: 'russia-closed', demand: 'demand-2099' });
    expect(demand.statusCode).toBe(400);
    expect(demand.json()).toMatchObject({ field: 'body.demand', value: 'demand-2099' });
    for (const v of [-1, 0, 1000, 'fast']) {
      const bad = await flows({ base: 'baseline', other: 'russia-closed', votFactor: v });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'body.votFactor', value: v });
    }
    const extra = await flows({ base: 'baseline', other: 'russia-closed', samples: 5 });
    expect(extra.statusCode).toBe(400);
    const missing = await flows({ base: 'baseline' });
    expect(missing.json().field).toBe('body.other');
  });

  it("runs a caller's stored scenario with its token only; another token cannot reach it", async () => {
    const a = (await storage.createToken('a')).token;
    const b = (await storage.createToken('b')).token;
    const created = await app.inject({
      method: 'POST',
      url: '/scenarios',
      headers: { authorization: `Bearer ${a}` },
      payload: {
        id: 'caspian-ferries-closed',
        name: 'Caspian ferries closed',
        description: 'The trans-Caspian ferry and feeder links closed.',
        sources: ['S36'],
        changes: ['caspian-kuryk-alat-ferry', 'caspian-turkmenbashi-alat-ferry', 'caspian-aktau-alat-feeder'].map(
          (id) => ({ kind: 'close', target: 'link', id }),
        ),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const own = await flows({ base: 'baseline', other: id }, a);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().other).toMatchObject({ id, origin: 'stored', name: 'Caspian ferries closed' });
    const kuryk = (own.json().utilisation.links as Array<{ id: string; other: Load | null; base: Load | null }>).find(
      (l) => l.id === 'caspian-kuryk-alat-ferry',
    );
    // Loaded in the baseline; closed, it carries nothing in the scenario's run (or is gone).
    expect(kuryk?.base?.flowTeuPerYear).toBeGreaterThan(0);
    expect(kuryk?.other?.flowTeuPerYear ?? 0).toBe(0);

    const other = await flows({ base: 'baseline', other: id }, b);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ field: 'body.other', value: id });
    const anonymous = await flows({ base: 'baseline', other: id });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().message).toContain('need a token');
    const forged = await flows({ base: 'baseline', other: id }, 'krn_000000000000_nope');
    expect(forged.statusCode).toBe(401);
  }, 30_000);

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/scenarios/library'].get).toBeDefined();
    const body = doc.paths['/scenarios/flows'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['base', 'other', 'demand', 'votFactor']));
  });
});

describe('keruen serve --data', () => {
  it("serves the given dataset's scenario library, not the shipped one", async () => {
    const { cpSync, mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startServer } = await import('../../src/server/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'keruen-data-'));
    cpSync(new URL('../../data', import.meta.url), dir, { recursive: true });
    const files = readdirSync(join(dir, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    for (const f of files.slice(1)) rmSync(join(dir, 'scenarios', f));
    const s = await startServer({ port: 0, dataDir: dir, dbFile: ':memory:', webDir: '/nonexistent' });
    try {
      const lib = (await s.app.inject({ method: 'GET', url: '/scenarios/library' })).json();
      const shipped = (await app.inject({ method: 'GET', url: '/scenarios/library' })).json();
      expect(lib.scenarios.length).toBeGreaterThan(0);
      expect(lib.scenarios.length).toBeLessThan(shipped.scenarios.length);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
