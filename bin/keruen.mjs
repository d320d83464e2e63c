#!/usr/bin/env node
// Entry point of the `keruen` CLI. Runs the compiled JavaScript of `npm run build` (build/cli/) when it is current,
// and otherwise the TypeScript sources through tsx. Current means every source file listed in build/cli/stamp.json
// still has the modification time and size it had at the build: an edit since sends the CLI back to the sources,
// so it never runs stale code. The check is one stat per source file (about 2 ms). KERUEN_NO_BUILD=1 forces tsx.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function buildIsCurrent() {
  if (process.env.KERUEN_NO_BUILD === '1') return false;
  try {
    const stamp = JSON.parse(readFileSync(new URL('build/cli/stamp.json', root), 'utf8'));
    if (!Array.isArray(stamp.inputs) || stamp.inputs.length === 0) return false;
    for (const [path, mtimeMs, size] of stamp.inputs) {
      const s = statSync(new URL(path, root));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
    }
    return true;
  } catch {
    // no build, a corrupt stamp or a source file gone: run the sources
    return false;
  }
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // the version alone needs none of the commands: the same line commander prints, from the same package.json
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  process.stdout.write(`${pkg.version ?? '0.0.0'}\n`);
} else if (buildIsCurrent()) {
  await import('../build/cli/keruen.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
