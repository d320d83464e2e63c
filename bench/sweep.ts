/**
 * Sweep benchmark: `node --import tsx bench/sweep.ts [--quick]`, run by `npm run bench`.
 *
 * Question: how long do the Pareto sets of 500 origin-destination pairs take (an OD matrix for an appraisal or a
 * scenario sweep)? Network: the synthetic 10x corridors (bench/support/synthetic-corridors.ts, seed 52), 25
 * origins x 20 destinations drawn with mulberry32 (seed 42), one departure (2026-03-03 08:00 UTC), 2 TEU.
 * Ours: `sweepPareto` (src/core/routing/one-to-many.ts): bounded searches grouped by destination, each
 * destination's bounds computed once. Peer: the same pairs one by one with the unbounded label-setting search
 * (today's reference, `new ParetoRouter(graph, { bounded: false })`), on the same queries, in the same process.
 * Answers are compared pair by pair (criteria of every route). One warm-up of each, then the median of 3 runs
 * (1 with --quick). Ends with one JSON line.
 */
import { loadavg } from 'node:os';
import {
  compileNetwork,
  createEmissionsModel,
  type ParetoPath,
  ParetoRouter,
  parseDatasetFiles,
  type SearchQuery,
  sweepPareto,
} from '../src/core/index.ts';
import { loadEmissionFactorsDir, readDatasetFiles } from '../src/io/index.ts';
import { mulberry32, pick } from './support/rng.ts';
import { median, round } from './support/stats.ts';
import { replicate, toNetwork } from './support/synthetic-corridors.ts';

const quick = process.argv.includes('--quick');
const runs = quick ? 1 : 3;
const SEED = 42;
const K = 10;
const log = (line: string) => process.stdout.write(`${line}\n`);
const loadStart = loadavg()[0] ?? 0;

const net = toNetwork(replicate(parseDatasetFiles(readDatasetFiles()).raw, { copies: K, seed: SEED + K }), 'x10');
const graph = compileNetwork(net, { emissions: createEmissionsModel(loadEmissionFactorsDir()) });
const usable = net.nodes.map((_, i) => i).filter((i) => (graph.nodeOff[i + 1] ?? 0) > (graph.nodeOff[i] ?? 0));

/** 25 distinct origins x 20 distinct destinations, no pair of a node with itself: 500 pairs. */
function odMatrix(seed: number): SearchQuery[] {
  const rnd = mulberry32(seed);
  const draw = (n: number, not: ReadonlySet<number>) => {
    const out = new Set<number>();
    while (out.size < n) {
      const v = pick(rnd, usable);
      if (!not.has(v)) out.add(v);
    }
    return [...out];
  };
  const origins = draw(25, new Set());
  const destinations = draw(20, new Set(origins));
  const departH = Date.UTC(2026, 2, 3, 8) / 3_600_000;
  return origins.flatMap((origin) =>
    destinations.map((destination) => ({
      origin,
      destination,
      departH,
      cargo: { kind: 'containers', teu: 2 } as const,
    })),
  );
}

const queries = odMatrix(SEED);
const criteria = (sets: readonly ParetoPath[][]) =>
  sets.map((ps) => JSON.stringify(ps.map((p) => [p.arriveH, p.costUsd, p.co2eKg])));

function timeOurs(): { ms: number; sets: ParetoPath[][]; boundSets: number } {
  const router = new ParetoRouter(graph); // a fresh router: no bounds cached from an earlier run
  const t = performance.now();
  const r = sweepPareto(router, queries);
  return { ms: performance.now() - t, sets: r.sets, boundSets: r.boundSetsComputed };
}

function timePeer(): { ms: number; sets: ParetoPath[][] } {
  const router = new ParetoRouter(graph, { bounded: false });
  const t = performance.now();
  const sets = queries.map((q) => router.search(q));
  return { ms: performance.now() - t, sets };
}

timeOurs();
timePeer();
const ours = Array.from({ length: runs }, timeOurs);
const peer = Array.from({ length: runs }, timePeer);
const a = criteria(ours[0]?.sets ?? []);
const b = criteria(peer[0]?.sets ?? []);
const mismatches = a.filter((x, i) => x !== b[i]).length;
const oursMs = median(ours.map((r) => r.ms));
const peerMs = median(peer.map((r) => r.ms));
log(
  `sweep of ${queries.length} OD pairs on the synthetic x${K} network (${graph.vertexCount} platforms): ` +
    `ours ${oursMs.toFixed(1)} ms (${ours[0]?.boundSets} bound sets), pair by pair unbounded ${peerMs.toFixed(1)} ms, ` +
    `${(peerMs / oursMs).toFixed(1)}x; pairs whose Pareto set differs: ${mismatches}`,
);
log(
  JSON.stringify({
    bench: 'sweep',
    quick,
    queries: queries.length,
    runs,
    oursMs: round(oursMs, 1),
    peerMs: round(peerMs, 1),
    ratio: round(peerMs / oursMs, 2),
    mismatches,
    routed: a.filter((x) => x !== '[]').length,
    boundSets: ours[0]?.boundSets,
    loadAvg: [round(loadStart, 2), round(loadavg()[0] ?? 0, 2)],
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
  }),
);
