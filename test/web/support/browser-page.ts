/**
 * The page in a real browser for the browser tests: builds it with Vite into a temporary folder, starts the real
 * server on it (bundled dataset, a temporary SQLite file, random port), and opens Debian's chromium with
 * playwright-core (software WebGL through SwiftShader, so MapLibre renders headless). Page errors are collected.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type RunningServer, startServer } from '../../../src/server/server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../../..');
export const hasChromium = existsSync(CHROMIUM);

/** Errors the page may log without being at fault (software GL, see docs/web.md). */
const BENIGN = [/GPU stall due to ReadPixels/i, /WebGL.*performance/i];

export interface BrowserPage {
  server: RunningServer;
  browser: Browser;
  page: Page;
  dbFile: string;
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowserPage(viewport = { width: 1366, height: 800 }): Promise<BrowserPage> {
  const tmp = mkdtempSync(join(tmpdir(), 'keruen-web-'));
  const webDir = join(tmp, 'web');
  const dbFile = join(tmp, 'keruen.db');
  // Built from the current sources every run, into a private folder, so a test never sees a stale page.
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir } });
  const server = await startServer({ port: 0, dbFile, webDir, rateLimitPerMinute: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // No calls home: the page test checks that nothing leaves localhost.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !BENIGN.some((re) => re.test(m.text()))) errors.push(`console: ${m.text()}`);
  });
  return {
    server,
    browser,
    page,
    dbFile,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  targets: string[];
}

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now, of any impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on for everything else.
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return (r.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>).map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}
