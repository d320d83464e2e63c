/**
 * The Investments view in a real browser (as test/web/page.test.ts): open the tab, run the appraisal under
 * EUR 10 bn (POST /appraisal, a job polled to the end), read the portfolio line with the solver's gap, the
 * cumulative ENPV chart, the table of projects, open a project's sheet (yearly flows chart, sensitivity table);
 * with a token and a context, the durable job (POST /jobs/appraisal); axe checks clean and no page errors. Skipped without chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/index.ts';
import { axeViolations, type BrowserPage, hasChromium, openBrowserPage, ROOT } from './support/browser-page.ts';

const ARTIFACTS = join(ROOT, 'test-artifacts');

describe.skipIf(!hasChromium)('Investments view in chromium', () => {
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

  it('appraises the candidates and shows the portfolio under EUR 10 bn with the chart and the table', async () => {
    await page.click('#tab-investments');
    await page.fill('.inv-form input', '10');
    await page.click('.inv-form button');
    // Wait for the answer or a failure, so that a failure shows its message rather than a timeout.
    await page.waitForFunction(
      () =>
        document.querySelector('.inv-portfolio') !== null ||
        /fail|échou|не удал/i.test(document.querySelector('.inv-status')?.textContent ?? ''),
      undefined,
      { timeout: 90_000 },
    );
    expect(await page.textContent('.inv-status')).toBe('');
    expect(await page.textContent('.inv-portfolio')).toMatch(/HiGHS Optimal, gap 0/);
    expect(await page.$('.inv-out svg')).not.toBeNull();
    const rows = await page.$$eval('.inv-out > .inv-table tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.includes('Bakhty'))).toBe(true);
  }, 120_000);

  it("opens a project's appraisal sheet with its yearly flows and sensitivity table", async () => {
    await page.click('.inv-out > .inv-table tbody tr button');
    await page.waitForSelector('.inv-sheet', { timeout: 10_000 });
    const cases = await page.$$eval('.inv-sheet tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(cases).toEqual(expect.arrayContaining(['base', 'capex +20%', 'demand -20%']));
    expect(await page.$('.inv-sheet svg')).not.toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'investments.png') });
  }, 60_000);

  it('runs the appraisal as a durable job of the token in the token field, under a context', async () => {
    const storage = new SqliteStorage(b.dbFile);
    const { token } = await storage.createToken('investments');
    await storage.close();
    await page.fill('#inv-token', token);
    await page.selectOption('.inv-form select >> nth=1', 'russia-closed');
    await page.fill('.inv-form input', '2');
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/jobs/appraisal',
    );
    await page.click('.inv-form button');
    const job = (await (await posted).json()) as { id: string };
    await page.waitForFunction(() => document.querySelector('.inv-status')?.textContent === '', undefined, {
      timeout: 90_000,
    });
    // the job is the token's, stored with its answer, made under the context
    const res = await fetch(`${b.server.url}/jobs/${job.id}`, { headers: { authorization: `Bearer ${token}` } });
    const stored = (await res.json()) as { kind: string; status: string; result?: { context: string | null } };
    expect(stored.kind).toBe('appraisal');
    expect(stored.status).toBe('done');
    expect(stored.result?.context).toBe('russia-closed');
    expect(await page.textContent('.inv-portfolio')).toMatch(/HiGHS Optimal, gap 0/);
  }, 120_000);

  it('passes axe checks (WCAG 2 A/AA) and logged no page errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 60_000);
});
