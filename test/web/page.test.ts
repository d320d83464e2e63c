/**
 * Browser tests of the web page: builds the page with Vite into a temporary folder, starts the real server
 * (bundled dataset, a temporary SQLite file, random port) serving it, and drives Debian's chromium with
 * playwright-core (software WebGL through SwiftShader, so MapLibre renders headless). Screenshots go to
 * test-artifacts/. Skipped, with a message, only when /usr/bin/chromium is absent.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/server.ts';
import { SqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import {
  axeViolations,
  type BrowserPage,
  CHROMIUM,
  hasChromium,
  openBrowserPage,
  ROOT,
} from './support/browser-page.ts';

const ARTIFACTS = join(ROOT, 'test-artifacts');
if (!hasChromium) console.warn(`test/web: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

interface RenderedFeature {
  properties: Record<string, unknown>;
}
type MapHandle = { queryRenderedFeatures(o: { layers: string[] }): RenderedFeature[] };

describe.skipIf(!hasChromium)('web page in chromium', () => {
  let b: BrowserPage;
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    b = await openBrowserPage();
    ({ server, page, errors } = b);
    page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  const rendered = (layers: string[]) =>
    page.evaluate(
      (ls) =>
        (window as unknown as { keruenMap: MapHandle }).keruenMap
          .queryRenderedFeatures({ layers: ls })
          .map((f) => ({ properties: f.properties })),
      layers,
    );

  /** Resolves after the map has drawn a frame with everything loaded (a forced repaint, then 'idle'). */
  const mapIdle = () =>
    page.evaluate(
      () =>
        new Promise<void>((done) => {
          const m = (
            window as unknown as { keruenMap: { triggerRepaint(): void; once(e: string, f: () => void): void } }
          ).keruenMap;
          m.once('idle', () => done());
          m.triggerRepaint();
        }),
    );

  it('loads with the map, the basemap and the network, offline', async () => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    await page.goto(server.url);
    await page.waitForFunction(
      () => (window as unknown as { __keruenMapReady?: boolean }).__keruenMapReady === true,
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await page.getAttribute('#map', 'data-state')).toBe('ready');
    // The planner's scenario selector lists the library after the baseline.
    await page.waitForSelector('#plan-scenario option[value=red-sea-closed]', { state: 'attached' });
    const links = await rendered(['links', 'links-planned']);
    const nodes = await rendered(['nodes']);
    const countries = await rendered(['land']);
    expect(new Set(links.map((f) => f.properties.id)).size).toBeGreaterThan(50);
    expect(new Set(nodes.map((f) => f.properties.id)).size).toBeGreaterThan(50);
    expect(countries.length).toBeGreaterThan(20);
    // Planned links are drawn, dashed, in their own layer.
    expect((await rendered(['links-planned'])).every((f) => f.properties.status !== 'operational')).toBe(true);
    expect(external).toEqual([]);
    // The hubs are named on the map from the first view; the legend folds.
    const labels = await page.$$eval('.place-label', (l) => l.map((x) => x.textContent ?? ''));
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(labels.length).toBeLessThan(60);
    expect(labels.some((n) => /Aktau|Alashankou|Dostyk|Baku/.test(n))).toBe(true);
    await page.click('.legend summary');
    expect(await page.$eval('.legend details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.click('.legend summary');
    await page.screenshot({ path: join(ARTIFACTS, 'web-1-network.png') });
  });

  it("finds Xi'an → Duisburg avoiding Russia across the Caspian, in the table and on the map", async () => {
    await page.fill('#from', 'xian');
    await page.waitForSelector('#from-list [role=option]');
    expect(await page.textContent('#from-list [role=option]')).toContain("Xi'an");
    await page.press('#from', 'Enter');
    await page.fill('#to', 'Duisburg');
    await page.waitForSelector('#to-list [role=option]');
    await page.press('#to', 'Enter');
    await page.fill('#avoid-countries', 'RU');
    const routesResponse = page.waitForResponse((r) => r.url().endsWith('/routes') && r.request().method() === 'POST');
    await page.click('button[type=submit]');
    const body = (await (await routesResponse).json()) as {
      itineraries: Array<{
        corridor: string;
        legs: Array<{ mode: string; from: string; to: string; countries: string[] }>;
      }>;
    };
    await page.waitForSelector('table[data-testid=itineraries] tbody tr', { timeout: 20_000 });

    // The server's answer avoids Russia and includes a Caspian ferry crossing.
    expect(body.itineraries.length).toBeGreaterThan(0);
    for (const it of body.itineraries) for (const l of it.legs) expect(l.countries).not.toContain('RU');
    const caspianPorts = /^(kz-aktau|kz-kuryk|tm-turkmenbashi|az-alat|az-baku)/;
    const middle = body.itineraries.findIndex((it) =>
      it.legs.some((l) => l.mode === 'ferry' && caspianPorts.test(l.from) && caspianPorts.test(l.to)),
    );
    expect(middle).toBeGreaterThanOrEqual(0);

    // The table shows it, with its Caspian ports, and P50/P90 days from the Monte Carlo.
    const rows = await page.$$eval('table[data-testid=itineraries] tbody tr', (trs) =>
      trs.map((tr) => ({
        corridor: (tr as HTMLElement).dataset.corridor,
        via: tr.querySelector('.via')?.getAttribute('title') ?? '',
        cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
      })),
    );
    expect(rows.length).toBe(body.itineraries.length);
    expect(rows[middle]!.corridor).toBe('Middle');
    expect(rows[middle]!.via).toMatch(/Aktau|Kuryk|Turkmenbashi|Baku|Alat/);
    const [p50, p90] = [Number(rows[middle]!.cells[2]), Number(rows[middle]!.cells[3])];
    expect(p50).toBeGreaterThan(5);
    expect(p90).toBeGreaterThanOrEqual(p50);

    // On the map: a line per itinerary, and the Middle one drawn as the selection once chosen.
    await page.click(`table[data-testid=itineraries] tbody tr[data-index="${middle}"] button`);
    await mapIdle();
    const lines = await rendered(['route-selected', 'route-other']);
    expect(new Set(lines.map((f) => f.properties.index)).size).toBe(body.itineraries.length);
    const selected = await rendered(['route-selected']);
    expect(selected.length).toBeGreaterThan(0);
    expect(selected.every((f) => f.properties.corridor === 'Middle')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'web-2-route.png') });
  });

  it('renders the transit-time distribution and the time/cost–distance charts', async () => {
    const bars = await page.$$eval('[data-testid=distribution-chart] svg rect', (r) => r.length);
    expect(bars).toBeGreaterThan(5);
    const label = await page.getAttribute('[data-testid=distribution-chart] svg', 'aria-label');
    expect(label).toMatch(/P50 [\d.]+ days, P90 [\d.]+ days/);
    for (const id of ['time-distance-chart', 'cost-distance-chart']) {
      expect(await page.$$eval(`[data-testid=${id}] svg path`, (p) => p.length)).toBeGreaterThan(0);
    }
    // Vertical steps: borders and the Caspian transshipments show as rules in the time–distance chart.
    expect(await page.$$eval('[data-testid=time-distance-chart] svg line', (l) => l.length)).toBeGreaterThan(2);
    await page.locator('[data-testid=distribution-chart]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'web-3-charts.png') });
  });

  it('switches language to Russian and French, with locale number formats', async () => {
    await page.selectOption('#lang', 'ru');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.textContent('.plan-results h2')).toBe('Маршруты');
    expect(await page.textContent('button[type=submit]')).toBe('Найти маршруты');
    const ruP50 = await page.textContent('table[data-testid=itineraries] tbody tr td:nth-child(3)');
    expect(ruP50).toMatch(/^\d+,\d$/);
    expect(await page.textContent('[data-testid=distribution-chart] figcaption strong')).toBe(
      'Распределение срока доставки',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'web-4-ru.png') });
    await page.selectOption('#lang', 'fr');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('.plan-results h2')).toBe('Itinéraires');
    expect(await page.textContent('table[data-testid=itineraries] tbody tr td:nth-child(3)')).toMatch(/^\d+,\d$/);
    await page.selectOption('#lang', 'en');
    expect(await page.textContent('.plan-results h2')).toBe('Itineraries');
  });

  it('passes axe checks (WCAG 2 A/AA) with no violation of any impact', async () => {
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('compares two library scenarios by flows: KPI table, utilisation colours, bottlenecks', async () => {
    await page.click('#tab-scenarios');
    // Closing the Russian route moves the calibrated rail market to the Middle Corridor and sea.
    await page.waitForSelector('#fl-b option[value="russia-closed"]', { state: 'attached' });
    await page.selectOption('#fl-a', 'baseline');
    await page.selectOption('#fl-b', 'russia-closed');
    expect(await page.textContent('#fl-desc')).toMatch(/Sources: S/);
    const response = page.waitForResponse((r) => r.url().endsWith('/scenarios/flows'));
    // Click and read the busy state in one turn, before any answer can arrive.
    const busy = await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('#view-scenarios form.fl-form button[type=submit]')!.click();
      return [
        document.querySelector('#view-scenarios .sc-flows')!.getAttribute('aria-busy'),
        document.querySelector('#view-scenarios .sc-flows [role=status]')!.textContent,
      ];
    });
    expect(busy[0]).toBe('true');
    expect(busy[1]).toMatch(/Assigning/);
    const body = (await (await response).json()) as {
      totals: { costUsd: { delta: number } };
      utilisation: {
        links: Array<{ id: string; base: { utilisation: number } | null; other: { utilisation: number } | null }>;
      };
    };
    await page.waitForSelector('table[data-testid=flows-table] tbody tr', { timeout: 30_000 });
    expect(await page.getAttribute('#view-scenarios .sc-flows', 'aria-busy')).toBe('false');

    // The table: totals with their difference, coloured by sign, and per-OD times.
    const cost = await page.$$eval('table[data-testid=flows-table] tbody tr[data-key=cost] > *', (c) =>
      c.map((x) => ({ text: x.textContent ?? '', sign: (x as HTMLElement).dataset.sign })),
    );
    expect(cost[0]!.text).toBe('Transport cost, USD m');
    expect(Number(cost[1]!.text.replace(/,/g, ''))).toBeGreaterThan(0);
    // The difference cell shows the server's sign: sea is cheaper than rail, so transport cost falls here.
    expect(body.totals.costUsd.delta).not.toBe(0);
    const up = body.totals.costUsd.delta > 0;
    expect(cost[3]!.sign).toBe(up ? 'up' : 'down');
    expect(/^[+]/.test(cost[3]!.text)).toBe(up);
    const mean = await page.$$eval(
      'table[data-testid=flows-table] tbody tr[data-key^="mean:cn-xian:de-duisburg"] td',
      (c) => c.map((x) => x.textContent ?? ''),
    );
    expect(Number(mean[0])).toBeGreaterThan(5);

    // The map: links coloured by their utilisation in the other run, as the server computed it.
    const expected = new Map<string, number>();
    for (const l of body.utilisation.links)
      if (l.other !== null) expected.set(l.id, Math.max(expected.get(l.id) ?? 0, l.other.utilisation));
    expect(expected.size).toBeGreaterThan(5);
    const ids = [...expected.keys()];
    const states = await page.evaluate(
      (xs) =>
        xs.map(
          (id) =>
            (
              window as unknown as {
                keruenMap: { getFeatureState(f: { source: string; id: string }): { util?: number } };
              }
            ).keruenMap.getFeatureState({ source: 'network', id }).util,
        ),
      ids,
    );
    for (const [i, s] of states.entries()) expect(s).toBeCloseTo(expected.get(ids[i]!)!, 9);
    await mapIdle();
    // The layer is drawn, with links the server gave a utilisation among its features (others are transparent).
    const drawn = (await rendered(['links-util'])).map((f) => String(f.properties.id));
    expect(drawn.filter((id) => expected.has(id)).length).toBeGreaterThan(0);

    // The top bottlenecks, named, with both runs' utilisation.
    const items = await page.$$eval('[data-testid=bottlenecks] li', (li) => li.map((x) => x.textContent ?? ''));
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]).toMatch(/\d+%.*→.*\d+%/);

    // The change between the runs: some links coloured, the utilisation layer hidden.
    await page.selectOption('#fl-map', 'change');
    const deltas = await page.evaluate(
      (xs) =>
        xs
          .map(
            (id) =>
              (
                window as unknown as {
                  keruenMap: { getFeatureState(f: { source: string; id: string }): { delta?: number } };
                }
              ).keruenMap.getFeatureState({ source: 'network', id }).delta,
          )
          .filter((d) => d !== undefined),
      ids,
    );
    expect(deltas.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { keruenMap: { getLayoutProperty(l: string, p: string): unknown } }
        ).keruenMap.getLayoutProperty('links-util', 'visibility'),
      ),
    ).toBe('none');
    await mapIdle();
    await page.screenshot({ path: join(ARTIFACTS, 'web-5-flows.png') });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 60_000);

  it('compares a stored scenario with the baseline, in a table and on the map', async () => {
    const storage = new SqliteStorage(b.dbFile);
    const { token } = await storage.createToken('web-test');
    await storage.close();
    const caspian = ['caspian-kuryk-alat-ferry', 'caspian-turkmenbashi-alat-ferry', 'caspian-aktau-alat-feeder'];
    const res = await fetch(`${server.url}/scenarios`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'caspian-ferries-closed',
        name: 'Caspian ferries closed',
        description: 'Three trans-Caspian ferry and feeder links closed, to see the comparison view work.',
        sources: ['S36'],
        changes: caspian.map((id) => ({ kind: 'close', target: 'link', id })),
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const stored = (await res.json()) as { id: string };

    await page.click('#tab-scenarios');
    await page.fill('#sc-token', token);
    await page.press('#sc-token', 'Tab');
    await page.waitForSelector(`#sc-b option[value="${stored.id}"]`, { state: 'attached' });
    await page.selectOption('#sc-a', '');
    await page.selectOption('#sc-b', stored.id);
    await page.fill('#sc-from', "Xi'an");
    await page.press('#sc-from', 'Enter');
    await page.fill('#sc-to', 'Duisburg');
    await page.press('#sc-to', 'Enter');
    await page.click('#view-scenarios form.sc-route button[type=submit]');
    await page.waitForSelector('table[data-testid=scenario-table] tbody tr', { timeout: 20_000 });
    const rows = await page.$$eval('table[data-testid=scenario-table] tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')),
    );
    expect(rows[0]![0]).toBe('Itineraries found');
    const fastest = rows.find((r) => r[0] === 'Fastest, days (planned)')!;
    expect(Number(fastest[1])).toBeGreaterThan(5);
    expect(Number(fastest[2])).toBeGreaterThan(5);
    const states = await page.evaluate(
      (ids) =>
        ids.map(
          (id) =>
            (
              window as unknown as {
                keruenMap: { getFeatureState(f: { source: string; id: string }): { delta?: number } };
              }
            ).keruenMap.getFeatureState({ source: 'network', id }).delta,
        ),
      caspian,
    );
    expect(states).toEqual([1, 1, 1]);
    await mapIdle();
    await page.screenshot({ path: join(ARTIFACTS, 'web-5-scenarios.png') });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('creates a shipment, records a milestone and shows the ETA and deadline risk', async () => {
    await page.click('#tab-shipments');
    await page.click('#view-shipments summary');
    await page.fill('#sh-name', 'Test container');
    await page.fill('#sh-from', "Xi'an");
    await page.press('#sh-from', 'Enter');
    await page.fill('#sh-to', 'Duisburg');
    await page.press('#sh-to', 'Enter');
    await page.click('#view-shipments form button[type=submit]');
    await page.waitForSelector('[data-testid=shipment-eta] .risk', { timeout: 20_000 });
    const p = Number(await page.getAttribute('[data-testid=shipment-eta] .risk', 'data-probability'));
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(await page.$$eval('[data-testid=shipment-eta] svg rect', (r) => r.length)).toBeGreaterThan(5);
    expect(await page.textContent('.sh-list')).toContain('Test container');

    await page.selectOption('#ev-type', 'departed');
    await page.fill('#ev-node', "Xi'an");
    await page.press('#ev-node', 'Enter');
    await page.click('#ev-note');
    await page.fill('#ev-note', 'left the terminal');
    await page.click('#view-shipments .sh-detail form button[type=submit]');
    await page.waitForSelector('.sh-detail table tbody tr');
    expect(await page.textContent('.sh-detail table tbody tr')).toContain('Departed');
    await page.locator('[data-testid=shipment-eta]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'web-6-shipment.png') });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('runs a sweep from the scenarios view: progress, then the spread per scenario and growth', async () => {
    // The token typed in the previous test is still in #sc-token.
    await page.click('#tab-scenarios');
    await page.waitForSelector('#view-scenarios input[type=checkbox][value="russia-closed"]');
    await page.check('#view-scenarios input[type=checkbox][value="russia-closed"]');
    await page.fill('#sw-growth', '1, 1.2');
    await page.fill('#sw-seeds', '2');
    await page.click('#sw-run');
    await page.waitForSelector('#sw-out table', { timeout: 60_000 });
    const rows = await page.$$eval('#sw-out table tr', (trs) => trs.slice(1).map((tr) => tr.children[0]?.textContent));
    expect(rows).toEqual(['baseline', 'baseline', 'russia-closed', 'russia-closed']);
    expect(await page.$$eval('#sw-out svg circle', (cs) => cs.length)).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'web-7-sweep.png') });
  }, 90_000);

  it('logged no page errors and made no failed requests', () => {
    expect(errors).toEqual([]);
  });
});
