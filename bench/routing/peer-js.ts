/**
 * JavaScript peers of the routing benchmark (ngraph.path, graphology-shortest-path), each run by bench/routing.ts
 * in a child process of its own so that its object graph and garbage collector do not touch the other timings.
 *
 * usage: peer-js.ts <ngraph|graphology> <p2p|sssp|bidir> GRAPH QUERIES N_QUERIES WARMUP REPEATS
 * Prints one JSON object in the same shape as peers.py.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readGraphFile, readQueriesFile } from '../support/random-graph.ts';
import { columnMedians } from '../support/stats.ts';

type Answer = [dist: number | null, reached: number | null];
type Query = (s: number, t: number) => () => Answer;

const [lib, algo, graphPath, queriesPath, nqArg, warmupArg, repeatsArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const require = createRequire(import.meta.url);
/** Version from the package's own manifest (ngraph.path does not export ./package.json). */
const versionOf = (pkg: string): string =>
  JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
const g0 = readGraphFile(graphPath);
const allQ = readQueriesFile(queriesPath);
const nq = Math.min(Number(nqArg), allQ.length / 2);
const { n, from, to, w } = g0;
const m = from.length;

const t0 = performance.now();
let query: Query;
let version: string;
if (lib === 'ngraph') {
  const createGraph = require('ngraph.graph');
  const path = require('ngraph.path');
  version = versionOf('ngraph.path');
  const g = createGraph();
  for (let i = 0; i < n; i++) g.addNode(i);
  for (let i = 0; i < m; i++) g.addLink(from[i], to[i], w[i]);
  const opts = { oriented: true, distance: (_a: unknown, _b: unknown, link: { data: number }) => link.data };
  // ngraph.path has no plain Dijkstra: A* with a zero heuristic is one-way Dijkstra, NBA* the bidirectional form.
  const finder = algo === 'bidir' ? path.nba(g, opts) : path.aStar(g, opts);
  const len = (p: Array<{ id: number }>): number | null => {
    if (p.length === 0) return null;
    let d = 0;
    // the path runs from t back to s: each node links to the one before it in the array
    for (let i = p.length - 1; i > 0; i--) {
      const [next, node] = [p[i - 1], p[i]];
      if (next !== undefined && node !== undefined) d += g.getLink(node.id, next.id).data;
    }
    return d;
  };
  query = (s, t) => {
    const p = finder.find(s, t);
    return () => [s === t ? 0 : len(p), null];
  };
} else if (lib === 'graphology') {
  const Graph = require('graphology');
  const { dijkstra } = require('graphology-shortest-path');
  version = versionOf('graphology-shortest-path');
  const g = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (let i = 0; i < m; i++) g.addEdge(String(from[i]), String(to[i]), { w: w[i] });
  const len = (p: string[] | null | undefined): number | null => {
    if (!p) return null;
    let d = 0;
    for (let i = 1; i < p.length; i++) d += g.getEdgeAttribute(g.edge(p[i - 1], p[i]), 'w');
    return d;
  };
  if (algo === 'bidir') {
    query = (s, t) => {
      const p = dijkstra.bidirectional(g, String(s), String(t), 'w');
      return () => [len(p), null];
    };
  } else {
    // graphology's only one-way weighted search is the full single-source one (it also builds every path).
    query = (s, t) => {
      const paths = dijkstra.singleSource(g, String(s), 'w');
      return () => [len(paths[String(t)]), Object.keys(paths).length];
    };
  }
} else throw new Error(`unknown peer ${lib}`);
const buildMs = performance.now() - t0;

// `?? 0` on the query pairs' reads (within the file's pairs): never taken
for (let i = 0; i < Math.min(Number(warmupArg), nq); i++) query(allQ[2 * i] ?? 0, allQ[2 * i + 1] ?? 0);
const repeats = Number(repeatsArg);
const runs: number[][] = [];
const answers: Answer[] = [];
for (let r = 0; r < repeats; r++) {
  const times: number[] = [];
  for (let i = 0; i < nq; i++) {
    const s = allQ[2 * i] ?? 0;
    const t = allQ[2 * i + 1] ?? 0;
    const a = performance.now();
    const res = query(s, t);
    times.push(performance.now() - a);
    if (r === 0) answers.push(res());
  }
  runs.push(times);
}
const perQuery = columnMedians(runs);
console.log(
  JSON.stringify({
    impl: lib,
    algorithm: algo,
    version,
    runtime: `node ${process.version}`,
    queries: nq,
    warmup: Number(warmupArg),
    repeats,
    buildMs,
    timesMs: perQuery,
    dists: answers.map((a) => a[0]),
    reached: answers.map((a) => a[1]),
  }),
);
