/**
 * The planner's desk in the browser (issue 17), tried as a forwarder would: a permalink opens Xi'an → Duisburg
 * avoiding Russia, Belarus and Iran with a deadline; the page shows each itinerary's P50/P90 arrival dates and
 * on-time probability; the Middle Corridor itinerary chosen in the table is booked from the page and the stored
 * shipment has exactly its legs; the compared itineraries download as CSV; a "Kuryk ferry doubled" scenario is
 * built in the page and compared with the baseline by flows; on a phone the map comes first and nothing overflows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import { axeViolations, type BrowserPage, hasChromium, openBrowserPage } from './support/browser-page.ts';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface RouteAnswer {
  itineraries: Array<{ key: string; corridor: string; legs: Array<{ linkId: string }> }>;
}

describe.skipIf(!hasChromium)('the planner’s desk', () => {
  let b: BrowserPage;
  let token: string;
  let answer: RouteAnswer;
  let middleKey: string;

  beforeAll(async () => {
    b = await openBrowserPage();
    const storage = new SqliteStorage(b.dbFile);
    token = (await storage.createToken('desk')).token;
    await storage.close();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('opens a permalink, searches, and shows arrival dates and the on-time probability', async () => {
    const hash = `plan?from=cn-xian&to=de-duisburg&depart=${day(2)}&deadline=${day(50)}&cargo=containers&quantity=1&avoidCountries=RU%2C+BY%2C+IR`;
    const routes = b.page.waitForResponse((r) => r.url().endsWith('/routes') && r.request().method() === 'POST');
    await b.page.goto(`${b.server.url}/#${hash}`);
    answer = (await (await routes).json()) as RouteAnswer;
    await b.page.waitForSelector('table[data-testid=itineraries] tbody tr', { timeout: 30_000 });
    expect(await b.page.inputValue('#from')).toMatch(/^Xi'an/);
    expect(await b.page.inputValue('#deadline')).toBe(day(50));
    const middle = answer.itineraries.findIndex((it) => it.corridor === 'Middle');
    expect(middle).toBeGreaterThanOrEqual(0);
    middleKey = answer.itineraries[middle]?.key ?? '';
    await b.page.click(`table[data-testid=itineraries] tbody tr[data-index="${middle}"] button`);
    const facts = (await b.page.textContent('.it-facts')) ?? '';
    expect(facts).toMatch(/arrival P50 .+ · P90 .+/);
    expect(facts).toMatch(/on time by .+: \d+(\.\d)?%/);
  });

  it('books exactly the selected Middle Corridor itinerary from the page', async () => {
    await b.page.click('.booking summary');
    await b.page.fill('#book-token', token);
    await b.page.dispatchEvent('#book-token', 'change');
    const created = b.page.waitForResponse((r) => r.url().endsWith('/shipments') && r.request().method() === 'POST');
    await b.page.click('.booking button[type=submit]');
    const res = await created;
    expect(res.status()).toBe(201);
    const s = (await res.json()) as { id: string; itinerary: { key: string; corridor: string; countries: string[] } };
    expect(s.itinerary.key).toBe(middleKey);
    expect(s.itinerary.corridor).toBe('Middle');
    expect(s.itinerary.countries).not.toContain('RU');
    expect(await b.page.textContent('.booking .status')).toContain(s.id);
  });

  it('downloads the compared itineraries as CSV, one row each', async () => {
    const download = b.page.waitForEvent('download');
    await b.page.click('.export-bar button:first-child');
    const path = await (await download).path();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines.length).toBe(answer.itineraries.length + 1);
    expect(lines.slice(1).some((l) => l.includes(middleKey))).toBe(true);
    expect(b.errors).toEqual([]);
  });

  it('downloads the selected itinerary as an iLEAP footprint with the CO2e the page shows', async () => {
    const download = b.page.waitForEvent('download');
    await b.page.click('.export-bar button:nth-child(3)');
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      shipmentFootprint: { shipmentId: string; tces: Array<{ co2eWTW: string }> };
    };
    expect(file.shipmentFootprint.shipmentId).toBe(middleKey);
    const it = answer.itineraries.find((x) => x.key === middleKey) as unknown as { totals: { co2eKg: number } };
    const sum = file.shipmentFootprint.tces.reduce((s, t) => s + Number(t.co2eWTW), 0);
    expect(sum).toBeCloseTo(it.totals.co2eKg, 3);
    expect(b.errors).toEqual([]);
  });

  it('builds "Kuryk ferry doubled" in the page, saves it and compares it with the baseline', async () => {
    await b.page.click('#tab-scenarios');
    await b.page.fill('#sc-token', token);
    await b.page.dispatchEvent('#sc-token', 'change');
    await b.page.click('.sc-builder summary');
    await b.page.waitForSelector('#sb-target option', { state: 'attached' });
    await b.page.fill('#sb-name', 'Kuryk ferry doubled');
    await b.page.selectOption('#sb-kind', 'set_frequency');
    await b.page.selectOption('#sb-target', 'asco-kuryk-alat-ferry');
    const now = Number(await b.page.inputValue('#sb-value'));
    expect(now).toBeGreaterThan(0);
    await b.page.fill('#sb-value', String(now * 2));
    await b.page.click('.sc-builder button:has-text("Add the change")');
    expect(await b.page.textContent('.sb-changes li')).toMatch(/departures per week/);
    const saved = b.page.waitForResponse((r) => r.url().endsWith('/scenarios') && r.request().method() === 'POST');
    await b.page.click('.sc-builder button[type=submit]');
    const res = await saved;
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // The stored scenario is offered in the flows comparison, and compares with the baseline.
    await b.page.waitForSelector(`#fl-b option[value="${id}"]`, { state: 'attached' });
    await b.page.selectOption('#fl-a', 'baseline');
    await b.page.selectOption('#fl-b', id);
    const flows = b.page.waitForResponse((r) => r.url().endsWith('/scenarios/flows'));
    await b.page.click('#view-scenarios form.fl-form button[type=submit]');
    expect((await flows).status()).toBe(200);
    await b.page.waitForSelector('table[data-testid=flows-table] tbody tr', { timeout: 60_000 });
    expect(b.errors).toEqual([]);
  }, 90_000);

  it('on a phone: the map first, nothing wider than the screen, no axe violation', async () => {
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.click('#tab-plan');
    const layout = await b.page.evaluate(() => ({
      mapTop: document.querySelector('.map-area')?.getBoundingClientRect().top ?? -1,
      panelTop: document.querySelector('#panel')?.getBoundingClientRect().top ?? -1,
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect(layout.mapTop).toBeLessThan(layout.panelTop);
    expect(layout.pageWidth).toBeLessThanOrEqual(390);
    const violations = await axeViolations(b.page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });
});
