/**
 * Build of the web page (web/) into dist/web, which `keruen serve` serves at /. During development
 * (`npx vite`), API calls are proxied to a server started with `keruen serve` on port 8080.
 */
import { defineConfig } from 'vite';
import { compressAssets } from './web/build/compress-assets.ts';

const API_PREFIXES = ['/network', '/routes', '/reliability', '/emissions', '/simulations', '/scenarios', '/shipments', '/health', '/openapi.json', '/docs'];

export default defineConfig({
  root: 'web',
  base: '/',
  // Brotli and gzip twins of every text asset, and the 600 KB (compressed) budget on JavaScript and CSS.
  plugins: [compressAssets()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // MapLibre alone is about 1 MB minified; the warning would fire on every build without telling anything new.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, { target: 'http://127.0.0.1:8080', changeOrigin: true }])),
  },
});
