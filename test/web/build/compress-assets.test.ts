/**
 * The compression plugin finds the build's output where Vite wrote it: `outDir` is relative to the config's root
 * (web/), not to the folder `npm run build:web` was started from. Run from the repository root, the plugin once
 * looked for ../dist/web beside the checkout and failed `npm start` on a fresh clone.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compressAssets } from '../../../web/build/compress-assets.ts';

const dir = mkdtempSync(join(tmpdir(), 'keruen-compress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compressAssets', () => {
  it('compresses the output folder resolved against the config root, whatever the working directory', () => {
    mkdirSync(join(dir, 'web'));
    mkdirSync(join(dir, 'dist/web/assets'), { recursive: true });
    writeFileSync(join(dir, 'dist/web/assets/app.js'), 'console.log("keruen");'.repeat(50));
    const plugin = compressAssets() as unknown as {
      configResolved(c: { root: string; build: { outDir: string } }): void;
      closeBundle(this: { info(m: string): void; error(m: string): never }): void;
    };
    plugin.configResolved({ root: join(dir, 'web'), build: { outDir: '../dist/web' } });
    const info: string[] = [];
    plugin.closeBundle.call({
      info: (m) => info.push(m),
      error: (m) => {
        throw new Error(m);
      },
    });
    expect(existsSync(join(dir, 'dist/web/assets/app.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'dist/web/assets/app.js.gz'))).toBe(true);
    expect(info.at(-1)).toMatch(/JavaScript and CSS: \d+ KB with Brotli/);
  });
});
