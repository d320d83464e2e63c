/**
 * Architecture rules (after OpenTripPlanner's RaptorArchitectureTest): the core imports no Node built-in module
 * and nothing from the CLI, the server or the I/O shell, so that it runs in a browser or a worker; and no import
 * cycle exists among src/** files (type-only imports included: a cycle of types is still a tangle of concepts).
 * Imports are read with TypeScript's own pre-processor, which also sees dynamic import() and re-exports.
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
