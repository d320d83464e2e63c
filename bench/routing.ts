/**
 * Routing benchmark: `npm run bench:routing` (node --import tsx bench/routing.ts [--quick]).
 *
 * 1. One-way single-criterion Dijkstra on a seeded random graph (50,000 nodes, 200,000 edges) against igraph,
 *    networkx, ngraph.path and graphology, answers checked query by query (bench/routing/single-criterion.ts).
 * 2. Multi-criteria route queries on the shipped dataset: median and p99 latency over 1,000 random
 *    origin-destination pairs and dates (bench/routing/multi-criteria.ts).
 * 3. The same on synthetic corridor networks 1x, 10x and 100x a base network (bench/support/synthetic-corridors.ts),
 *    with the unbounded search (the reference) on the same queries, and on 10x with risk as a fourth criterion.
 *
 * Prints a table, then as its last line one JSON object with every figure, the ratios and `peersNotRun`.
 * `--quick` runs a tenth of the timed queries, after the same warm-up (for checking the harness, not for quoting).
 */
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import type { EmissionsModel, RawDataset } from '../src/core/index.ts';
import { must, parseDatasetFiles } from '../src/core/index.ts';
import { loadDatasetDir, readDatasetFiles } from '../src/io/index.ts';
import { type LatencyResult, measureLatency } from './routing/multi-criteria.ts';
import { defaultPeerPlans, type NotRun, runSingleCriterion } from './routing/single-criterion.ts';
import { mean, median, round } from './support/stats.ts';
import { corridorTemplate, replicate, toNetwork } from './support/synthetic-corridors.ts';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;
const SEED = 42;
/** The shipped dataset is the base of the synthetic networks once it is at least this large. */
const MIN_TEMPLATE_NODES = 50;
const log = (line: string) => process.stdout.write(`${line}\n`);
const loadStart = loadavg();
const started = new Date().toISOString();

// ---- 1. single-criterion Dijkstra against the peers -------------------------------------------------------
log('== one-way single-criterion Dijkstra (seeded random graph) ==');
const sc = runSingleCriterion({
  n: 50_000,
  m: 200_000,
  seed: SEED,
  queries: Math.round(1000 * scale),
  ssspQueries: Math.round(200 * scale),
  repeats: 3,
  peers: defaultPeerPlans(scale),
  log,
});

// ---- 2. multi-criteria latency ----------------------------------------------------------------------------
log('\n== multi-criteria queries (Pareto: time, cost, CO2e) ==');
const notes: string[] = [];
let emissions: EmissionsModel | undefined;
try {
  const { loadEmissionFactorsDir } = await import('../src/io/index.ts');
  const { createEmissionsModel } = await import('../src/core/index.ts');
  emissions = createEmissionsModel(loadEmissionFactorsDir());
} catch (e) {
  notes.push(`emission factors did not load (${(e as Error).message.split('\n')[0]}): CO2e is 0 on every edge`);
}
const mcQueries = Math.round(1000 * scale);
// Warm-up does not shrink with --quick: with 20 warm-up queries the slowest timed route() calls were among the first
// 40 and ran 3-10 times faster when asked again (JIT warm-up of the itinerary code, not the query), so the quick
// run's p99 measured the compiler rather than the router.
const mcWarmup = 200;
let shipped: LatencyResult | undefined;
let shippedRisk: LatencyResult | undefined;
let shippedRaw: RawDataset | undefined;
const shippedLoad = loadDatasetDir();
if (shippedLoad.network === undefined) {
  const first = shippedLoad.issues[0];
  notes.push(
    `shipped dataset did not load: ${shippedLoad.issues.length} issue(s)` +
      (first ? `, first: ${first.file ?? ''} ${first.id ?? ''} ${first.message}` : ''),
  );
} else {
  shipped = measureLatency(shippedLoad.network, {
    name: 'shipped dataset',
    queries: mcQueries,
    warmup: mcWarmup,
    repeats: 3,
    seed: SEED,
    emissions,
  });
  shippedRisk = measureLatency(shippedLoad.network, {
    name: 'shipped dataset + risk',
    queries: mcQueries,
    warmup: mcWarmup,
    repeats: 3,
    seed: SEED,
    emissions,
    useRisk: true,
  });
  if (shippedLoad.network.nodes.length >= MIN_TEMPLATE_NODES) shippedRaw = parseDatasetFiles(readDatasetFiles()).raw;
}
const template = shippedRaw ?? corridorTemplate(SEED);
const templateName = shippedRaw
  ? 'shipped dataset'
  : `built-in corridor template (${template.nodes.length} nodes; the shipped dataset has ` +
    `${shippedLoad.network?.nodes.length ?? 'no loadable'} nodes, fewer than ${MIN_TEMPLATE_NODES})`;
const synthetic: LatencyResult[] = [];
/**
 * x100 runs 30% of the queries (its unbounded reference takes up to seconds a query); x10 runs twice, the second
 * time with risk as a fourth criterion. Every size but the risk run also times the unbounded search (the
 * reference the bounded one replaces) on the same queries and counts the queries whose Pareto sets differ; the
 * risk run times the exact four-criterion front that its epsilon-front (src/core/routing/front-tolerance.ts) replaces.
 */
const SIZES = [
  { k: 1, queries: mcQueries, warmup: mcWarmup, repeats: 3, reference: true },
  { k: 10, queries: mcQueries, warmup: mcWarmup, repeats: 3, reference: true },
  { k: 10, queries: mcQueries, warmup: mcWarmup, repeats: 3, useRisk: true, reference: true },
  { k: 10, queries: mcQueries, warmup: mcWarmup, repeats: 3, riskFreeOnly: true },
  {
    k: 100,
    queries: Math.max(10, Math.round(mcQueries * 0.3)),
    warmup: Math.max(5, Math.round(mcWarmup / 10)),
    repeats: 3,
    reference: true,
  },
];
const networks = new Map<number, ReturnType<typeof toNetwork>>();
for (const { k, ...run } of SIZES) {
  const net = networks.get(k) ?? toNetwork(replicate(template, { copies: k, seed: SEED + k }), `synthetic x${k}`);
  networks.set(k, net);
  const name = `synthetic x${k}${run.useRisk ? ' + risk' : run.riskFreeOnly ? ' risk-free links' : ''}`;
  synthetic.push(measureLatency(net, { name, ...run, seed: SEED, emissions }));
}

// ---- report -------------------------------------------------------------------------------------------------
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x.toFixed(2));
log('\nTable 1: one-way Dijkstra, 50,000 nodes / 200,000 edges, median ms per query (each query timed alone)');
log(
  `${pad('implementation', 36)}${pad('algorithm', 10)}${pad('version', 32)}${lpad('queries', 8)}${lpad('median', 10)}` +
    `${lpad('ours', 9)}${lpad('ratio', 8)}${lpad('answers', 12)}${lpad('build ms', 10)}`,
);
for (const o of sc.ours)
  log(
    `${pad(o.name, 36)}${pad(o.algorithm, 10)}${pad(o.version, 32)}${lpad(o.queries, 8)}${lpad(ms(median(o.timesMs)), 10)}` +
      `${lpad('', 9)}${lpad('1.00', 8)}${lpad('reference', 12)}${lpad(o.buildMs.toFixed(0), 10)}`,
  );
sc.comparisons.forEach((c, i) => {
  const p = must(sc.peers[i], 'peer of a comparison');
  log(
    `${pad(c.name, 36)}${pad(c.likeForLike ? c.algorithm : `${c.algorithm}*`, 10)}${pad(`${p.version} (${p.runtime})`, 32)}` +
      `${lpad(c.queries, 8)}${lpad(ms(c.peerMedianMs), 10)}${lpad(ms(c.oursMedianMs), 9)}${lpad(`${c.ratio.toFixed(2)}x`, 8)}` +
      `${lpad(c.mismatches === 0 ? `${c.answersChecked} same` : `${c.mismatches} DIFFER`, 12)}${lpad(p.buildMs.toFixed(0), 10)}`,
  );
});
for (const nr of sc.peersNotRun) log(`${pad(nr.name, 36)}NOT RUN: ${nr.reason}`);
log(
  'ratio = peer median / our median on the same queries (above 1: ours is faster); "ours" is our search re-timed\n' +
    'right after each peer, under the same machine load. p2p = point-to-point with early exit,\n' +
    'sssp = full single-source search; * = bidirectional peer against our one-way p2p (not like for like).\n' +
    `Answers: distance (and vertices reached, sssp) compared per query. ${sc.graph.reachable} of ${sc.graph.queries} ` +
    `queries reachable, distance sum ${sc.graph.distSum}.`,
);

log('\nTable 2: multi-criteria queries, ms (search = toQuery + Pareto search; route = with itineraries)');
log(
  `${pad('network', 24)}${lpad('nodes', 7)}${lpad('links', 7)}${lpad('vertices', 9)}${lpad('edges', 8)}${lpad('queries', 8)}` +
    `${lpad('routed', 7)}${lpad('pareto', 7)}${lpad('popped', 8)}${lpad('median', 9)}${lpad('p99', 9)}${lpad('mean', 9)}` +
    `${lpad('route med', 10)}${lpad('route p99', 10)}${lpad('reps', 5)}`,
);
const shippedRuns = [...(shipped ? [shipped] : []), ...(shippedRisk ? [shippedRisk] : [])];
for (const r of [...shippedRuns, ...synthetic])
  log(
    `${pad(r.name, 24)}${lpad(r.nodes, 7)}${lpad(r.links, 7)}${lpad(r.vertices, 9)}${lpad(r.edges, 8)}${lpad(r.queries, 8)}` +
      `${lpad(r.routed, 7)}${lpad(r.meanParetoSize.toFixed(1), 7)}${lpad(r.labelsPoppedMedian, 8)}${lpad(ms(r.searchMedianMs), 9)}` +
      `${lpad(ms(r.searchP99Ms), 9)}${lpad(ms(r.searchMeanMs), 9)}${lpad(ms(r.routeMedianMs), 10)}${lpad(ms(r.routeP99Ms), 10)}${lpad(r.repeats, 5)}`,
  );
for (const r of [...(shipped ? [shipped] : []), ...synthetic])
  if (r.reference)
    log(
      `${r.name}: ${r.reference.kind} search (reference) median ${ms(r.reference.searchMedianMs)}, p99 ` +
        `${ms(r.reference.searchP99Ms)}, CPU ${r.reference.searchCpuMs.toFixed(0)} ms (ours ${r.searchCpuMs.toFixed(0)} ms a pass), ` +
        `popped ${r.reference.labelsPoppedMedian}; queries whose Pareto set differs: ${r.reference.mismatches}`,
    );
log(`synthetic base: ${templateName}; copies joined by 3 random rail links each, seed ${SEED}.`);
for (const n of notes) log(`note: ${n}`);

const likeForLike = sc.comparisons.filter((c) => c.likeForLike);
const igraphP2p = sc.comparisons.find((c) => c.name.startsWith('igraph') && c.algorithm === 'p2p');
const peersNotRun: NotRun[] = [...sc.peersNotRun];
const cpuModel = cpus()[0]?.model ?? 'unknown';
const machine = {
  nproc: availableParallelism(),
  cpu: cpuModel,
  memGiB: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  kernel: release(),
  loadavgStart: loadStart.map((x) => round(x, 2)),
  loadavgEnd: loadavg().map((x) => round(x, 2)),
  peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
};
log(
  `\nmachine: ${machine.nproc} CPUs (${machine.cpu}), node ${machine.node}; load average ${machine.loadavgStart.join(' ')} ` +
    `at start, ${machine.loadavgEnd.join(' ')} at end`,
);
const latency = (r: LatencyResult) => ({
  ...r,
  compileMs: round(r.compileMs, 1),
  meanParetoSize: round(r.meanParetoSize, 2),
  searchMedianMs: round(r.searchMedianMs, 4),
  searchP99Ms: round(r.searchP99Ms, 4),
  searchMeanMs: round(r.searchMeanMs, 4),
  searchMaxMs: round(r.searchMaxMs, 4),
  routeMedianMs: round(r.routeMedianMs, 4),
  routeP99Ms: round(r.routeP99Ms, 4),
  routeMeanMs: round(r.routeMeanMs, 4),
  searchCpuMs: round(r.searchCpuMs, 1),
  routeCpuMs: round(r.routeCpuMs, 1),
  ...(r.reference
    ? {
        reference: {
          ...r.reference,
          searchMedianMs: round(r.reference.searchMedianMs, 4),
          searchP99Ms: round(r.reference.searchP99Ms, 4),
          searchCpuMs: round(r.reference.searchCpuMs, 1),
        },
      }
    : {}),
});
const base = shipped ?? must(synthetic[0], 'a synthetic network');
log(
  JSON.stringify({
    bench: 'routing',
    quick,
    started,
    machine,
    singleCriterion: {
      graph: sc.graph,
      implementations: [...sc.ours, ...sc.peers].map((r) => ({
        name: r.name,
        impl: r.impl,
        algorithm: r.algorithm,
        version: r.version,
        runtime: r.runtime,
        queries: r.queries,
        warmup: r.warmup,
        repeats: r.repeats,
        buildMs: round(r.buildMs, 1),
        medianMs: round(median(r.timesMs), 4),
        meanMs: round(mean(r.timesMs), 4),
      })),
      ratios: sc.comparisons.map((c) => ({
        ...c,
        peerMedianMs: round(c.peerMedianMs, 4),
        oursMedianMs: round(c.oursMedianMs, 4),
        ratio: round(c.ratio, 2),
      })),
      targets: {
        aheadOfEveryPeerLikeForLike: likeForLike.length > 0 && likeForLike.every((c) => c.ratio > 1),
        aheadOfBidirectionalPeers: sc.comparisons.filter((c) => !c.likeForLike).every((c) => c.ratio > 1),
        atLeast2xIgraph: igraphP2p === undefined ? null : igraphP2p.ratio >= 2,
        allAnswersIdentical: sc.comparisons.every((c) => c.mismatches === 0),
      },
    },
    multiCriteria: {
      emissions: emissions !== undefined,
      shipped: shipped ? latency(shipped) : null,
      shippedRisk: shippedRisk ? latency(shippedRisk) : null,
      synthetic: synthetic.map(latency),
      syntheticBase: templateName,
      targets: {
        basis: shipped ? `shipped dataset (${shipped.nodes} nodes)` : 'synthetic x1 (shipped dataset did not load)',
        medianUnder1ms: base.searchMedianMs < 1,
        p99Under5ms: base.searchP99Ms < 5,
      },
      notes,
    },
    peersNotRun,
  }),
);
