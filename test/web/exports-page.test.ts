/**
 * The Exports view in a real browser (as test/web/page.test.ts): open the tab, read the table of landed cost and
 * CO2e per tonne, switch to "CPC pipeline disrupted" and see the trans-Caspian row and the bottleneck, the flow
 * diagram drawn, links coloured on the map, axe checks clean and no page errors. Skipped without chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type BrowserPage, hasChromium, openBrowserPage, ROOT } from './support/browser-page.ts';

const ARTIFACTS = join(ROOT, 'test-artifacts');

describe.skipIf(!hasChromium)('Exports view in chromium', () => {
  let b: BrowserPage;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    b = await openBrowserPage();
    ({ page } = b);
    await page.goto(`${b.server.url}/`);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('shows landed cost and CO2e per tonne by commodity and corridor, and the shares of EU imports', async () => {
    await page.click('#tab-exports');
    await page.waitForSelector('.exports-table tbody tr', { timeout: 60_000 });
    const rows = await page.$$eval('.exports-table tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.startsWith('uranium-uoc'))).toBe(true);
    expect(rows.some((r) => r.startsWith('copper-cathode'))).toBe(true);
    expect(await page.textContent('.exports-shares')).toMatch(/26\.8\s?%.*2022/);
    expect(await page.$('svg.exports-diagram path')).not.toBeNull();
  }, 90_000);

  it('under CPC disrupted, shows crude by the Middle corridor, the bottleneck of the rest and the change from the baseline', async () => {
    await page.waitForFunction(() => document.querySelectorAll('.exports-scenario option').length > 1, undefined, {
      timeout: 30_000,
    });
    await page.selectOption('.exports-scenario', 'cpc-disrupted');
    await page.waitForFunction(
      () => /CPC/.test(document.querySelector('.exports-status')?.textContent ?? ''),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const rows = await page.$$eval('.exports-table tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.some((r) => r.startsWith('crude-oilMiddle'))).toBe(true);
    expect(await page.textContent('.exports-unserved')).toMatch(/Aktau port – Sangachal/);
    // against the baseline: crude served falls and the unserved tonnes appear
    const change = await page.$$eval('.exports-change tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(change.some((r) => /^crude-oil48[\s,.]?300(\.0)? → 3[\s,.]?400/.test(r))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'exports-cpc-disrupted.png') });
  }, 90_000);

  it('passes axe checks (WCAG 2 A/AA) and logged no page errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 60_000);
});
