/**
 * Delivery of the page (issue 17, item 8): the build's Brotli and gzip twins are sent as they are, per
 * Accept-Encoding; content-hashed files under assets/ are cached for a year as immutable, the page itself is
 * revalidated. A small page built by hand stands in for Vite's output; compressTree is the build plugin's step.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../src/io/index.ts';
import { buildApp, SqliteStorage } from '../../src/server/index.ts';
import { compressTree } from '../../web/build/compress-assets.ts';

const JS = `export const corridors = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `corridor-${i}`))};\n`;
let dir: string;
let app: FastifyInstance;
let sizes: ReturnType<typeof compressTree>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keruen-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Keruen</title><script src="/assets/index-3f2a.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index-3f2a.js'), JS);
  writeFileSync(join(dir, 'assets', 'world-9c1d.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  sizes = compressTree(dir);
  const ctx = loadContext();
  app = await buildApp({
    network: ctx.network,
    engine: ctx.engine,
    storage: new SqliteStorage(':memory:'),
    webDir: dir,
    rateLimitPerMinute: 0,
  });
}, 60_000);
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('static delivery', () => {
  it('measures the compressed size of code only, and compresses text, not images', () => {
    expect(sizes.map((s) => s.file)).toEqual([join('assets', 'index-3f2a.js')]);
    expect(sizes[0]?.br).toBeLessThan(JS.length / 4);
  });

  it('sends the Brotli twin to a browser that takes it, immutable for a year', async () => {
    const r = await get('/assets/index-3f2a.js', 'gzip, deflate, br');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(JS);
  });

  it('sends gzip to a client without Brotli, and the plain file to one that takes neither', async () => {
    const gz = await get('/assets/index-3f2a.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await get('/assets/index-3f2a.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });

  it('has the page itself revalidated, so a new build is seen at once', async () => {
    const r = await get('/', 'br');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-encoding']).toBe('br');
  });
});
