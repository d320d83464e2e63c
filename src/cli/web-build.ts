/**
 * First start of `keruen serve` in a fresh checkout: after `npm ci` the web page (web/, built by Vite into
 * dist/web) does not exist yet, so serve builds it once, with Vite's programmatic build and the repository's
 * vite.config.ts, before it starts listening.
 *
 * Vite stays a devDependency. The page needs more than Vite to build (MapLibre, Observable Plot, topojson and
 * the world atlas are devDependencies too, and Vite brings native bundler binaries per platform), and a
 * production install should ship a page built ahead of time rather than build one at start-up. So a
 * checkout with devDependencies (the usual `npm ci`) gets the page built on first start; an install without
 * them, or a failed build, leaves the API running and `/` explaining how to build the page (app.ts).
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { InlineConfig } from 'vite';
import { DEFAULT_DATA_DIR } from '../io/index.ts';

/** The package root: vite.config.ts, web/ and dist/web live here. */
export const PACKAGE_ROOT = resolve(DEFAULT_DATA_DIR, '..');

export type WebPageState =
  | { state: 'present' }
  | { state: 'built'; seconds: number }
  | { state: 'missing'; reason: string };

export interface EnsureWebPageOptions {
  /** Folder the server will serve at /. Only <root>/dist/web is built; another folder is only checked. */
  webDir: string;
  /** Package root holding vite.config.ts and web/ (default: this package). */
  root?: string | undefined;
  /** One line per message, without a newline (serve writes them to standard error). */
  log: (line: string) => void;
  /** Loads Vite (default: import('vite')); tests stand in a failing one. */
  loadVite?: (() => Promise<{ build: (config: InlineConfig) => Promise<unknown> }>) | undefined;
}

/** Whether `webDir` holds a built page. */
export function webPagePresent(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}

const HOW_TO_BUILD = '/ explains how to build it (npm run build:web)';

/**
 * Builds the web page into <root>/dist/web when it is missing there. Never throws: a page that cannot be built
 * is reported (one line) and returned as missing, and the server then explains at / how to build it.
 * @example
 * await ensureWebPage({ webDir: DEFAULT_WEB_DIR, log: (l) => process.stderr.write(`${l}\n`) });
 */
export async function ensureWebPage(o: EnsureWebPageOptions): Promise<WebPageState> {
  const webDir = resolve(o.webDir);
  if (webPagePresent(webDir)) return { state: 'present' };
  const root = resolve(o.root ?? PACKAGE_ROOT);
  const missing = (reason: string): WebPageState => {
    o.log(`web page not built: ${reason}; ${HOW_TO_BUILD}`);
    return { state: 'missing', reason };
  };
  // Only the page's own output folder is built: Vite empties the folder it writes to.
  if (webDir !== join(root, 'dist/web')) return missing(`${webDir} has no index.html`);
  const configFile = join(root, 'vite.config.ts');
  if (!existsSync(configFile) || !existsSync(join(root, 'web/index.html')))
    return missing('the page sources (web/, vite.config.ts) are not in this installation');
  let vite: { build: (config: InlineConfig) => Promise<unknown> };
  try {
    vite = await (o.loadVite ?? (() => import('vite')))();
  } catch {
    return missing('Vite is not installed (an install without devDependencies)');
  }
  const shown = relative(root, webDir);
  o.log(`building the web page once (${shown})…`);
  const started = performance.now();
  try {
    await vite.build({
      configFile,
      root: join(root, 'web'),
      logLevel: 'warn',
      build: { outDir: webDir, emptyOutDir: true },
    });
  } catch (e) {
    return missing(`the build failed: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!webPagePresent(webDir)) return missing(`the build wrote no index.html to ${shown}`);
  const seconds = (performance.now() - started) / 1000;
  o.log(`web page built in ${seconds.toFixed(1)} s (${shown})`);
  return { state: 'built', seconds };
}
