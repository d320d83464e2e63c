/**
 * Build of the web page (web/) into dist/web, which `keruen serve` serves at /. During development
 * (`npx vite`), API calls are proxied to a server started with `keruen serve` on port 8080.
 */
import { defineConfig } from 'vite';

const API_PREFIXES = ['/network', '/routes', '/reliability', '/emissions', '/simulations', '/scenarios', '/shipments', '/health', '/openapi.json', '/docs'];

export default defineConfig({
  root: 'web',
  base: '/',
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
