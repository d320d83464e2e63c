/**
 * The single-criterion benchmark graph: a random sparse directed graph (no self-loops, no duplicate edges,
 * integer weights 1..100) and random (s, t) queries, all from one mulberry32 stream. The text format
 * ("n m", then "u v w" lines; queries "s t") is what every peer reads, in Node or in Python.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { must } from '../../src/core/index.ts';
import { mulberry32 } from './rng.ts';

export interface EdgeListGraph {
  n: number;
  from: Int32Array;
  to: Int32Array;
  w: Float64Array;
}

export interface RandomGraphSpec {
  n: number;
  m: number;
  queries: number;
  seed: number;
}

/** Generates the graph and the queries (queries drawn after the edges, from the same stream). */
export function generateRandomGraph(spec: RandomGraphSpec): { graph: EdgeListGraph; queries: Int32Array } {
  const { n, m } = spec;
  if (m > n * (n - 1)) throw new Error(`cannot place ${m} distinct edges on ${n} vertices`);
  const rnd = mulberry32(spec.seed);
  const seen = new Set<number>();
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const w = new Float64Array(m);
  let k = 0;
  while (k < m) {
    const u = Math.floor(rnd() * n);
    const v = Math.floor(rnd() * n);
    if (u === v || seen.has(u * n + v)) continue;
    seen.add(u * n + v);
    from[k] = u;
    to[k] = v;
    w[k] = 1 + Math.floor(rnd() * 100);
    k++;
  }
  const queries = new Int32Array(2 * spec.queries);
  for (let i = 0; i < queries.length; i++) queries[i] = Math.floor(rnd() * n);
  return { graph: { n, from, to, w }, queries };
}

export function writeGraphFiles(graphPath: string, queriesPath: string, g: EdgeListGraph, queries: Int32Array): void {
  mkdirSync(dirname(graphPath), { recursive: true });
  const lines: string[] = [`${g.n} ${g.from.length}`];
  for (let i = 0; i < g.from.length; i++) lines.push(`${g.from[i]} ${g.to[i]} ${g.w[i]}`);
  writeFileSync(graphPath, `${lines.join('\n')}\n`);
  const q: string[] = [];
  for (let i = 0; i < queries.length; i += 2) q.push(`${queries[i]} ${queries[i + 1]}`);
  writeFileSync(queriesPath, `${q.join('\n')}\n`);
}

export function readGraphFile(path: string): EdgeListGraph {
  const [header = '', ...edges] = readFileSync(path, 'utf8').trim().split('\n');
  const [n, m] = header.split(' ').map(Number) as [number, number];
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const [u, v, weight] = must(edges[i], 'an edge line of the graph file').split(' ');
    from[i] = Number(u);
    to[i] = Number(v);
    w[i] = Number(weight);
  }
  return { n, from, to, w };
}

/** Queries as a flat array s0, t0, s1, t1, ... */
export function readQueriesFile(path: string): Int32Array {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const q = new Int32Array(2 * lines.length);
  lines.forEach((l, i) => {
    const [s, t] = l.split(' ').map(Number) as [number, number];
    q[2 * i] = s;
    q[2 * i + 1] = t;
  });
  return q;
}
