/**
 * One-way single-criterion Dijkstra against its peers on one seeded random graph: our CSR Dijkstra
 * (src/core/routing/dijkstra.ts; its bidirectional variant in bidirectional-dijkstra.ts) in this process; igraph
 * and networkx (Python, Debian's system interpreter) and ngraph.path and graphology (Node) each in a child process
 * reading the same graph file. Every implementation times each query alone after a warm-up; answers are compared
 * query by query with ours.
 *
 * Our search is timed once on all queries (the reference answers), and again right after each peer on that
 * peer's queries: the ratio uses the adjacent timing.
 *
 * Two one-way families, because not every peer offers both:
 * - p2p: point-to-point, stopping when the target is settled (ours, igraph, networkx, ngraph A* with h = 0);
 * - sssp: the full single-source search (ours, igraph, networkx, graphology, whose only one-way weighted search
 *   this is), answered by the distance to t and the number of vertices reached.
 * Bidirectional peers (ngraph NBA*, graphology's point-to-point) are shown beside our one-way p2p for context:
 * a different algorithm, so those ratios are not like for like.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCsr, Dijkstra } from '../../src/core/index.ts';
import {
  type EdgeListGraph,
  generateRandomGraph,
  readGraphFile,
  readQueriesFile,
  writeGraphFiles,
} from '../support/random-graph.ts';
import { columnMedians, median } from '../support/stats.ts';
import { BidirectionalDijkstra } from './bidirectional-dijkstra.ts';

export type Algorithm = 'p2p' | 'sssp' | 'bidir';

export interface ImplRun {
  name: string;
  impl: string;
  algorithm: Algorithm;
  version: string;
  runtime: string;
  queries: number;
  warmup: number;
  repeats: number;
  buildMs: number;
  /** Per query, the median over the repeats. */
  timesMs: number[];
  dists: Array<number | null>;
  reached: Array<number | null>;
}

export interface PeerPlan {
  name: string;
  lib: 'igraph' | 'networkx' | 'ngraph' | 'graphology';
  algorithm: Algorithm;
  queries: number;
  warmup: number;
  repeats: number;
}

export interface Comparison {
  name: string;
  algorithm: Algorithm;
  /** Our algorithm it is compared with (p2p for bidirectional peers). */
  against: Algorithm;
  likeForLike: boolean;
  queries: number;
  peerMedianMs: number;
  oursMedianMs: number;
  /** Peer median / our median on the same queries: above 1 means we are faster. */
  ratio: number;
  answersChecked: number;
  mismatches: number;
  peerDistSum: number;
  oursDistSum: number;
}

export interface NotRun {
  name: string;
  reason: string;
}

export interface SingleCriterionResult {
  graph: { n: number; m: number; seed: number; queries: number; reachable: number; distSum: number };
  ours: ImplRun[];
  peers: ImplRun[];
  comparisons: Comparison[];
  peersNotRun: NotRun[];
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CACHE = fileURLToPath(new URL('../.cache/', import.meta.url));
/** Debian's interpreter: apt's python3-igraph / python3-networkx install there, not into pyenv's python3. */
const SYSTEM_PYTHON = '/usr/bin/python3';

function timeOurs(
  g: EdgeListGraph,
  queries: Int32Array,
  algorithm: Algorithm,
  nq: number,
  warmup: number,
  repeats: number,
): ImplRun {
  const t0 = performance.now();
  const csr = buildCsr(g.n, g.from, g.to, g.w);
  const bidir = algorithm === 'bidir';
  const dj = bidir ? new BidirectionalDijkstra(csr) : new Dijkstra(csr);
  const buildMs = performance.now() - t0;
  const full = algorithm === 'sssp';
  // `?? 0` on the query pairs' reads (within the file's pairs): never taken
  for (let i = 0; i < warmup; i++) dj.run(queries[2 * i] ?? 0, full ? -1 : (queries[2 * i + 1] ?? 0));
  const runs: number[][] = [];
  const dists: Array<number | null> = [];
  const reached: Array<number | null> = [];
  for (let r = 0; r < repeats; r++) {
    const times = new Array<number>(nq);
    for (let i = 0; i < nq; i++) {
      const s = queries[2 * i] ?? 0;
      const t = queries[2 * i + 1] ?? 0;
      const a = performance.now();
      const d = dj.run(s, full ? -1 : t);
      times[i] = performance.now() - a;
      if (r > 0) continue;
      if (full && dj instanceof Dijkstra) {
        dists.push(dj.reached(t) ? (dj.dist[t] ?? null) : null);
        let c = 0;
        for (let v = 0; v < g.n; v++) if (dj.reached(v)) c++;
        reached.push(c);
      } else {
        dists.push(Number.isFinite(d) ? d : null);
        reached.push(null);
      }
    }
    runs.push(times);
  }
  return {
    name: `keruen ${algorithm === 'p2p' ? 'Dijkstra p2p' : algorithm === 'bidir' ? 'bidirectional Dijkstra' : 'Dijkstra full'}`,
    impl: 'keruen',
    algorithm,
    version: bidir ? 'bench/routing/bidirectional-dijkstra.ts' : 'src/core/routing/dijkstra.ts',
    runtime: `node ${process.version}`,
    queries: nq,
    warmup,
    repeats,
    buildMs,
    timesMs: columnMedians(runs),
    dists,
    reached,
  };
}

function runPeer(plan: PeerPlan, graphPath: string, queriesPath: string): ImplRun | NotRun {
  const args = [plan.lib, plan.algorithm, graphPath, queriesPath, plan.queries, plan.warmup, plan.repeats].map(String);
  const python = plan.lib === 'igraph' || plan.lib === 'networkx';
  if (python && !existsSync(SYSTEM_PYTHON)) return { name: plan.name, reason: `${SYSTEM_PYTHON} not found` };
  const r = python
    ? spawnSync(SYSTEM_PYTHON, [`${HERE}peers.py`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, ['--import', 'tsx', `${HERE}peer-js.ts`, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
  if (r.error) return { name: plan.name, reason: r.error.message };
  if (r.status !== 0) {
    const err = r.stderr.trim().split('\n');
    const line = err.find((l) => /Error|error:/.test(l)) ?? err[err.length - 1] ?? '';
    return { name: plan.name, reason: `exit ${r.status}: ${line.trim()}` };
  }
  try {
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Omit<ImplRun, 'name'>;
    return { name: plan.name, ...out };
  } catch (e) {
    return { name: plan.name, reason: `unreadable output: ${(e as Error).message}` };
  }
}

/** Same distance? null (unreachable) matches only null; weights are integers, so sums are exact. */
const sameDist = (a: number | null, b: number | null): boolean => (a === null ? b === null : b !== null && a === b);

/**
 * `ours` holds the answers of our main run; `oursAdjacent` is our search timed again on the peer's queries right
 * after the peer ran, so that both medians come from the same stretch of machine load (the development machine
 * is shared, and its load moves within minutes).
 */
function compare(peer: ImplRun, ours: ImplRun, oursAdjacent: ImplRun): Comparison {
  const nq = Math.min(peer.queries, ours.queries);
  let mismatches = 0;
  let peerSum = 0;
  let oursSum = 0;
  for (let i = 0; i < nq; i++) {
    const a = peer.dists[i] ?? null;
    const b = ours.dists[i] ?? null;
    if (a !== null) peerSum += a;
    if (b !== null) oursSum += b;
    const pr = peer.reached[i] ?? null;
    const or = ours.reached[i] ?? null;
    if (!sameDist(a, b) || (pr !== null && or !== null && pr !== or)) mismatches++;
  }
  const peerMedianMs = median(peer.timesMs.slice(0, nq));
  const oursMedianMs = median(oursAdjacent.timesMs.slice(0, nq));
  return {
    name: peer.name,
    algorithm: peer.algorithm,
    against: ours.algorithm,
    likeForLike: peer.algorithm === ours.algorithm,
    queries: nq,
    peerMedianMs,
    oursMedianMs,
    ratio: peerMedianMs / oursMedianMs,
    answersChecked: nq,
    mismatches,
    peerDistSum: peerSum,
    oursDistSum: oursSum,
  };
}

export interface SingleCriterionOptions {
  n: number;
  m: number;
  seed: number;
  queries: number;
  /** Queries for our full single-source runs (and the cap of every sssp peer). */
  ssspQueries: number;
  repeats: number;
  peers: PeerPlan[];
  log: (line: string) => void;
}

/** The peers and how many queries each runs: the slow ones on a prefix of the same query list. */
export function defaultPeerPlans(scale: number): PeerPlan[] {
  const q = (k: number) => Math.max(5, Math.round(k * scale));
  return [
    { name: 'igraph get_shortest_paths', lib: 'igraph', algorithm: 'p2p', queries: q(1000), warmup: 20, repeats: 3 },
    {
      name: 'networkx dijkstra_path_length',
      lib: 'networkx',
      algorithm: 'p2p',
      queries: q(100),
      warmup: 3,
      repeats: 1,
    },
    { name: 'ngraph.path aStar (h = 0)', lib: 'ngraph', algorithm: 'p2p', queries: q(200), warmup: 10, repeats: 1 },
    { name: 'igraph distances', lib: 'igraph', algorithm: 'sssp', queries: q(200), warmup: 10, repeats: 1 },
    {
      name: 'networkx single_source_dijkstra',
      lib: 'networkx',
      algorithm: 'sssp',
      queries: q(20),
      warmup: 2,
      repeats: 1,
    },
    {
      name: 'graphology dijkstra.singleSource',
      lib: 'graphology',
      algorithm: 'sssp',
      queries: q(20),
      warmup: 3,
      repeats: 1,
    },
    {
      name: 'ngraph.path nba (bidirectional)',
      lib: 'ngraph',
      algorithm: 'bidir',
      queries: q(1000),
      warmup: 20,
      repeats: 1,
    },
    {
      name: 'graphology dijkstra.bidirectional',
      lib: 'graphology',
      algorithm: 'bidir',
      queries: q(1000),
      warmup: 20,
      repeats: 1,
    },
  ];
}

export function runSingleCriterion(o: SingleCriterionOptions): SingleCriterionResult {
  const graphPath = `${CACHE}graph-${o.n}-${o.m}-${o.seed}.txt`;
  const queriesPath = `${CACHE}queries-${o.n}-${o.m}-${o.seed}-${o.queries}.txt`;
  const gen = generateRandomGraph({ n: o.n, m: o.m, queries: o.queries, seed: o.seed });
  writeGraphFiles(graphPath, queriesPath, gen.graph, gen.queries);
  // Ours reads the same files as the peers.
  const g = readGraphFile(graphPath);
  const queries = readQueriesFile(queriesPath);
  o.log(`graph: n = ${g.n}, m = ${g.from.length}, seed ${o.seed}, ${o.queries} queries (${graphPath})`);

  const p2p = timeOurs(g, queries, 'p2p', o.queries, 50, o.repeats);
  o.log(`ours p2p: median ${median(p2p.timesMs).toFixed(3)} ms over ${p2p.queries} queries x ${o.repeats}`);
  const bidirOurs = timeOurs(g, queries, 'bidir', o.queries, 50, o.repeats);
  o.log(
    `ours bidirectional: median ${median(bidirOurs.timesMs).toFixed(3)} ms over ${bidirOurs.queries} queries x ${o.repeats}`,
  );
  const ssspN = Math.min(o.ssspQueries, o.queries);
  const sssp = timeOurs(g, queries, 'sssp', ssspN, 20, o.repeats);
  o.log(`ours full: median ${median(sssp.timesMs).toFixed(3)} ms over ${sssp.queries} queries x ${o.repeats}`);

  const peers: ImplRun[] = [];
  const peersNotRun: NotRun[] = [];
  const comparisons: Comparison[] = [];
  for (const plan of o.peers) {
    const capped = plan.algorithm === 'sssp' ? { ...plan, queries: Math.min(plan.queries, ssspN) } : plan;
    const r = runPeer({ ...capped, queries: Math.min(capped.queries, o.queries) }, graphPath, queriesPath);
    if ('reason' in r) {
      peersNotRun.push(r);
      o.log(`${plan.name}: NOT RUN (${r.reason})`);
      continue;
    }
    peers.push(r);
    const against = r.algorithm;
    const adjacent = timeOurs(g, queries, against, r.queries, 20, Math.max(1, r.repeats));
    const c = compare(r, against === 'sssp' ? sssp : against === 'bidir' ? bidirOurs : p2p, adjacent);
    comparisons.push(c);
    o.log(
      `${plan.name}: median ${c.peerMedianMs.toFixed(3)} ms vs ours ${c.oursMedianMs.toFixed(3)} ms on ` +
        `${c.queries} queries: ${c.ratio.toFixed(2)}x, ${c.mismatches} mismatching answers`,
    );
  }
  const reachable = p2p.dists.filter((d) => d !== null).length;
  const distSum = p2p.dists.reduce<number>((a, d) => a + (d ?? 0), 0);
  return {
    graph: { n: g.n, m: g.from.length, seed: o.seed, queries: o.queries, reachable, distSum },
    ours: [p2p, bidirOurs, sssp],
    peers,
    comparisons,
    peersNotRun,
  };
}
