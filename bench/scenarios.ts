/**
 * Scenario benchmark: `npm run bench:scenarios` (node --import tsx bench/scenarios.ts [--quick]).
 *
 * Question: how long does a full `keruen scenario compare` take on the shipped network and default demand
 * (apply, compile, equilibrium assignment, KPIs with the reliability Monte Carlo at 2,000 samples per OD pair,
 * comparison), and how does it grow with 10x and 100x the OD pairs? Loading the dataset and the emission
 * factors is timed separately (once per process in the CLI).
 *
 * Extra OD pairs are drawn with a seeded generator (mulberry32, seed 42) among the nodes that have an open
 * link, commodities in turn, each with the mean volume of the default flows of that commodity divided by the
 * scale factor, so the total load on the network stays of the same order. One warm-up run, then the median and
 * the slowest of `repeats` runs. Prints a table, then one JSON line with every figure.
 */
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import type { DemandSet, Flow } from '../src/core/index.ts';
import { compareKpis, createEmissionsModel, getScenario, must, runScenario } from '../src/core/index.ts';
import { loadContext, loadDemand, loadScenarios } from '../src/io/index.ts';
import { mulberry32, pick } from './support/rng.ts';
import { median, round } from './support/stats.ts';

const quick = process.argv.includes('--quick');
const repeats = quick ? 2 : 7;
const SEED = 42;
const PAIRS = ['baseline red-sea-closed', 'baseline russia-closed', 'dostyk-moyinty-single-track baseline'];
const log = (line: string) => process.stdout.write(`${line}\n`);

const t0 = performance.now();
const ctx = loadContext();
const emissions = createEmissionsModel(ctx.factors);
const scenarios = loadScenarios();
const demand = loadDemand();
const loadMs = performance.now() - t0;

function scaled(d: DemandSet, factor: number): DemandSet {
  if (factor === 1) return d;
  const rnd = mulberry32(SEED);
  const open = new Set<string>();
  for (const l of ctx.network.links)
    if (l.status === 'operational') {
      open.add(l.from);
      open.add(l.to);
    }
  const nodes = [...open].sort();
  const byCommodity = new Map<string, Flow[]>();
  for (const f of d.flows) byCommodity.set(f.commodity, [...(byCommodity.get(f.commodity) ?? []), f]);
  const commodities = [...byCommodity.keys()];
  const flows: Flow[] = [...d.flows];
  const seen = new Set(d.flows.map((f) => `${f.from} ${f.to} ${f.commodity}`));
  const target = d.flows.length * factor;
  while (flows.length < target) {
    const c = must(commodities[flows.length % commodities.length], 'a commodity');
    const from = pick(rnd, nodes);
    const to = pick(rnd, nodes);
    const key = `${from} ${to} ${c}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    const fs = must(byCommodity.get(c), 'flows of a commodity');
    const meanVolume = fs.reduce((s, f) => s + f.volumePerYear.value, 0) / fs.length;
    flows.push({
      from,
      to,
      commodity: c,
      volumePerYear: { value: meanVolume / factor, estimate: 'benchmark: synthetic OD pair' },
    });
  }
  return { ...d, flows };
}

function compareOnce(pair: string, d: DemandSet) {
  const [a, b] = pair.split(' ') as [string, string];
  const s = (id: string) => (id === 'baseline' ? undefined : getScenario(scenarios, id));
  const opts = { emissions, kpis: { samples: 2000, seed: 1 } };
  const t = performance.now();
  const ra = runScenario(ctx.network, s(a), d, opts);
  const rb = runScenario(ctx.network, s(b), d, opts);
  compareKpis(ra, rb);
  const ms = performance.now() - t;
  return {
    ms,
    parts: {
      compileMs: ra.timingsMs.compile + rb.timingsMs.compile,
      assignMs: ra.timingsMs.assign + rb.timingsMs.assign,
      kpisMs: ra.timingsMs.kpis + rb.timingsMs.kpis,
    },
    iterations: [ra.assignment.iterations, rb.assignment.iterations],
    dijkstraRuns: ra.assignment.dijkstraRuns + rb.assignment.dijkstraRuns,
  };
}

const cpu = cpus()[0]?.model ?? 'unknown';
log(
  `node ${process.version}, ${release()}, ${cpu}, ${availableParallelism()} cores, ${round(totalmem() / 2 ** 30, 1)} GiB`,
);
log(
  `network: ${ctx.network.nodes.length} nodes, ${ctx.network.links.length} links, ${ctx.graph.vertexCount} platforms, ${ctx.graph.edgeCount} edges; load ${round(loadMs, 0)} ms`,
);
log('');
log(
  `${'compare'.padEnd(42)}${'OD pairs'.padStart(9)}${'median ms'.padStart(11)}${'max ms'.padStart(9)}${'assign'.padStart(9)}${'kpis'.padStart(9)}${'iters'.padStart(8)}${'Dijkstra'.padStart(10)}`,
);
const results: Array<Record<string, unknown>> = [];
for (const factor of [1, 10, 100]) {
  const d = scaled(demand, factor);
  for (const pair of factor === 1 ? PAIRS : PAIRS.slice(0, 1)) {
    compareOnce(pair, d); // warm-up
    const runs = Array.from({ length: repeats }, () => compareOnce(pair, d));
    const ms = runs.map((r) => r.ms);
    const med = median(ms);
    const last = must(runs.at(-1), 'a timed run');
    log(
      `${pair.padEnd(42)}${String(d.flows.length).padStart(9)}${String(round(med, 0)).padStart(11)}${String(round(Math.max(...ms), 0)).padStart(9)}` +
        `${String(round(last.parts.assignMs, 0)).padStart(9)}${String(round(last.parts.kpisMs, 0)).padStart(9)}${last.iterations.join('/').padStart(8)}${String(last.dijkstraRuns).padStart(10)}`,
    );
    results.push({
      pair,
      odPairs: d.flows.length,
      factor,
      medianMs: round(med, 1),
      maxMs: round(Math.max(...ms), 1),
      ...Object.fromEntries(Object.entries(last.parts).map(([k, v]) => [k, round(v, 1)])),
      iterations: last.iterations,
      dijkstraRuns: last.dijkstraRuns,
    });
  }
}
const medianOf = (f: number) =>
  must(
    results.find((r) => r.factor === f),
    `the x${f} run`,
  ).medianMs as number;
const base = medianOf(1);
const grow = (f: number) => round(medianOf(f) / base, 2);
log('');
log(`growth of the median compare time: 10x OD pairs ${grow(10)}x, 100x OD pairs ${grow(100)}x`);
log(
  JSON.stringify({
    seed: SEED,
    repeats,
    loadMs: round(loadMs, 0),
    results,
    growth: { x10: grow(10), x100: grow(100) },
  }),
);
