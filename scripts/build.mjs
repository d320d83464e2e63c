// `npm run build`: compiles the CLI (and the work pool's thread) from TypeScript to JavaScript with esbuild, into
// build/cli/ (ignored by git), and the web page with Vite when asked (`--web`). bin/keruen.mjs runs the compiled
// CLI only while build/cli/stamp.json matches the sources: the stamp lists every source file the bundle was built
// from with its modification time and size, so an edit after the build sends the CLI back to tsx, never to stale
// code. npm packages stay external (resolved from node_modules at run time, as with tsx).
//
// The bundles sit two folders below the repository root, as src/cli/*.ts do, so their `import.meta.url` paths
// (../../package.json, ../../data, ./work-worker.mjs) resolve as they do from the sources.
import { statSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const started = performance.now();
const result = await build({
  entryPoints: { keruen: 'src/cli/main.ts', 'work-worker': 'src/server/work-worker.ts' },
  outdir: 'build/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Code that only some commands need (the server: Fastify, pg, better-sqlite3) goes into chunks imported when
  // those commands run, so `keruen route` does not load it.
  splitting: true,
  // Chunks sit beside the entry points: their import.meta.url paths must resolve as the entries' do.
  chunkNames: '[name]-[hash]',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs)
  .sort()
  .map((path) => {
    const s = statSync(path);
    return [path, s.mtimeMs, s.size];
  });
writeFileSync('build/cli/stamp.json', `${JSON.stringify({ builtAt: new Date().toISOString(), inputs })}\n`);
process.stdout.write(
  `build/cli: ${inputs.length} source files compiled in ${Math.round(performance.now() - started)} ms\n`,
);
