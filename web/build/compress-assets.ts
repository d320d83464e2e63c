/**
 * Vite plugin for delivery: after the bundle is written, every text asset gets a Brotli (.br) and a gzip (.gz)
 * twin that the server sends as they are (no compression per request), and the build fails when the JavaScript
 * and CSS a visitor downloads, compressed, exceed the budget. Node's zlib only: no extra package.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map']);
const CODE = new Set(['.js', '.mjs', '.css']);

/** Compressed bytes of JavaScript and CSS a visitor may download: the budget of issue 17 is 600 KB. */
export const BUDGET_BYTES = 600 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Writes the .br and .gz twins of each text file under `dir`; returns the Brotli size of each JS or CSS file. */
export function compressTree(dir: string): Array<{ file: string; bytes: number; br: number }> {
  const sizes: Array<{ file: string; bytes: number; br: number }> = [];
  for (const p of filesUnder(dir)) {
    const ext = extname(p);
    if (!TEXT.has(ext)) continue;
    const raw = readFileSync(p);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(`${p}.br`, br);
    writeFileSync(`${p}.gz`, gzipSync(raw, { level: 9 }));
    if (CODE.has(ext)) sizes.push({ file: relative(dir, p), bytes: raw.length, br: br.length });
  }
  return sizes;
}

export function compressAssets(budget = BUDGET_BYTES): Plugin {
  let outDir = 'dist';
  return {
    name: 'keruen-compress-assets',
    apply: 'build',
    configResolved(c) {
      // outDir is relative to the config's root (web/), not to the directory the build was started from.
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const sizes = compressTree(outDir);
      const total = sizes.reduce((s, x) => s + x.br, 0);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      for (const s of sizes) this.info(`${s.file}: ${kb(s.bytes)}, ${kb(s.br)} with Brotli`);
      if (total > budget) this.error(`JavaScript and CSS weigh ${kb(total)} with Brotli, over the ${kb(budget)} budget`);
      this.info(`JavaScript and CSS: ${kb(total)} with Brotli (budget ${kb(budget)})`);
    },
  };
}
