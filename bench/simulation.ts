/**
 * Simulation benchmarks, one run (`npm run bench:simulation`; the last line of output is one JSON object):
 * 1. Port queue, simple: Poisson arrivals at 13 TEU/h, 24 sailings a week of 100 TEU (rho = 0.91), until
 *    1,000,000 TEU have sailed; ours (simulatePort) against SimPy 3 running the same model.
 * 2. Port queue, fleet: 2,000 wagons, each its own process (2,000 pending events), cycle uniform 100-200 h,
 *    5% of sailings cancelled, 500 weeks; ours against SimPy 3 with one process per wagon.
 * 3. Monte Carlo of a 20-leg itinerary (lognormal, triangular, uniform, empirical legs and 4 sailings with
 *    cancellations), 1,000,000 samples with quantiles; ours against the same sampling vectorised in numpy.
 * 4. The same Monte Carlo on 2 worker threads (piscina) against 1 thread; the samples are identical.
 * Targets (issue #21): >= 15x SimPy on the simple port, >= 2x numpy, on this shared machine in one run.
 * Same work: each peer computes, inside its timed part, the outputs ours returns (the port's wait quantiles,
 * maximum, time-average queue and weekly records; the Monte Carlo's quantiles, mean and 30-bin histogram).
 * Timings of 1 and 3: ROUNDS rounds after a warm-up, each round one run of ours then one run of the peer (a
 * child process per run, its start-up not timed; numpy warms up inside its process), so both sides meet the
 * same stretch of load; each side's best round makes the ratio, and every round is in the JSON (the spread).
 * 2 and 4: best of REPEATS after a warm-up on both sides (SimPy: best of REPEATS runs in one process). The load
 * average is recorded at the start and the end. SimPy runs under Debian's /usr/bin/python3 (python3-simpy3),
 * numpy under the default python3; a peer that cannot run is reported as such.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import {
  BLOCK_SAMPLES,
  blockCountFor,
  compileTimeline,
  type PortSailing,
  sampleTransitTimes,
  simulatePort,
  summariseTransitTimes,
  type Timeline,
  type TimelineStep,
} from '../src/core/index.ts';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'simulation');
const REPEATS = 3;
const ROUNDS = 5;
const SEED = 42;
const MC_SAMPLES = 1_000_000;
const FLEET_UNITS = 2000;
const FLEET_WEEKS = 500;

function best(fn: () => unknown): { s: number; result: unknown } {
  fn(); // warm-up
  let s = Number.POSITIVE_INFINITY;
  let result: unknown;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    result = fn();
    s = Math.min(s, (performance.now() - t0) / 1000);
  }
  return { s, result };
}

function python(exe: string, args: string[]): Record<string, unknown> {
  const r = spawnSync(exe, args, { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop() };
  try {
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    return { error: `unreadable output: ${r.stdout.slice(0, 200)}` };
  }
}

const round = (x: number, d = 4) => Number(x.toFixed(d));
const log = (s: string) => process.stdout.write(`${s}\n`);

// Mon-Sat, 02/08/14/20 h: 24 sailings a week
const timetable = (capacityTeu: number, p: number): PortSailing[] =>
  [0, 1, 2, 3, 4, 5].flatMap((d) =>
    [2, 8, 14, 20].map((h) => ({ offsetH: d * 24 + h, capacityTeu, cancellationProbability: p })),
  );

const loadAtStart = loadavg().map((x) => round(x, 2));
log(
  `machine: ${cpus()[0]?.model ?? '?'} x ${availableParallelism()}, node ${process.version}, load average ${loadAtStart.join(' ')}`,
);

/** One timed run. */
function timed<T>(fn: () => T): { s: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { s: (performance.now() - t0) / 1000, result };
}

/**
 * ROUNDS rounds of one run of ours then one run of the peer (after a warm-up of ours); the best of each side,
 * every round's time, and the peer's output of its best round (or its error).
 */
function interleaved<T>(
  ours: () => T,
  peer: () => Record<string, unknown>,
): { s: number; result: T; runsS: number[]; peer: Record<string, unknown>; peerRunsS: number[] } {
  ours(); // warm-up
  const runsS: number[] = [];
  const peerRunsS: number[] = [];
  let result = ours();
  let bestPeer: Record<string, unknown> = {};
  for (let r = 0; r < ROUNDS; r++) {
    const t = timed(ours);
    if (runsS.length === 0 || t.s < Math.min(...runsS)) result = t.result;
    runsS.push(round(t.s));
    const p = peer();
    if (typeof p.wall_s !== 'number') return { s: Math.min(...runsS), result, runsS, peer: p, peerRunsS };
    if (peerRunsS.length === 0 || p.wall_s < Math.min(...peerRunsS)) bestPeer = p;
    peerRunsS.push(round(p.wall_s));
  }
  return { s: Math.min(...runsS), result, runsS, peer: bestPeer, peerRunsS };
}

// 1. simple port
const simple = interleaved(
  () =>
    simulatePort({
      sailings: timetable(100, 0),
      arrivals: { kind: 'poisson', teuPerWeek: 13 * 168 },
      weeks: 1_000_000,
      stopAfterShippedTeu: 1_000_000,
      seed: SEED,
    }),
  () => python('/usr/bin/python3', [join(HERE, 'port_simpy.py'), 'simple', '1000000', '1']),
);
const simpleR = simple.result;
const simpySimple = simple.peer;
log(
  `port simple, ours: ${simple.s.toFixed(3)} s (rounds ${simple.runsS.join(', ')}), mean wait ${simpleR.wait.meanH.toFixed(3)} h, ${simpleR.events} events`,
);
log(`port simple, SimPy: rounds ${simple.peerRunsS.join(', ')}; best ${JSON.stringify(simpySimple)}`);

// 2. fleet port
const fleet = best(() =>
  simulatePort({
    sailings: timetable(100, 0.05),
    arrivals: { kind: 'fleet', units: FLEET_UNITS, cycleH: { dist: 'uniform', min: 100, max: 200 } },
    weeks: FLEET_WEEKS,
    seed: SEED,
  }),
);
const fleetR = fleet.result as ReturnType<typeof simulatePort>;
log(
  `port fleet (${FLEET_UNITS} processes), ours: ${fleet.s.toFixed(3)} s, mean wait ${fleetR.wait.meanH.toFixed(3)} h, shipped ${fleetR.shippedTeu}`,
);
const simpyFleet = python('/usr/bin/python3', [
  join(HERE, 'port_simpy.py'),
  'fleet',
  String(FLEET_UNITS),
  String(FLEET_WEEKS),
  String(REPEATS),
]);
log(`port fleet, SimPy: ${JSON.stringify(simpyFleet)}`);

// 3. Monte Carlo, 20 legs
const steps: TimelineStep[] = [];
for (let i = 0; i < 20; i++) {
  const m = i % 5;
  if (m === 0) steps.push({ kind: 'travel', label: `rail ${i}`, duration: { dist: 'lognormal', p50: 40, p90: 65 } });
  if (m === 1)
    steps.push({ kind: 'dwell', label: `terminal ${i}`, duration: { dist: 'triangular', min: 6, mode: 12, max: 48 } });
  if (m === 2) steps.push({ kind: 'border', label: `border ${i}`, duration: { dist: 'uniform', min: 10, max: 70 } });
  if (m === 3)
    steps.push({
      kind: 'sailing',
      label: `ferry ${i}`,
      duration: { dist: 'uniform', min: 18, max: 22 },
      departuresH: [10, 58, 106, 154],
      cancellationProbability: 0.08,
    });
  if (m === 4)
    steps.push({
      kind: 'transfer',
      label: `transfer ${i}`,
      duration: { dist: 'empirical', sample: [2, 3, 4, 6, 9, 14, 30] },
    });
}
const timeline: Timeline = { departH: Date.parse('2025-03-03T00:00:00Z') / 3_600_000, steps };
const compiled = compileTimeline(timeline);
const tlFile = join(tmpdir(), `keruen-bench-timeline-${process.pid}.json`);
writeFileSync(tlFile, JSON.stringify(timeline));
let mc: ReturnType<typeof interleaved<ReturnType<typeof summariseTransitTimes>>>;
try {
  mc = interleaved(
    () => summariseTransitTimes(sampleTransitTimes(compiled, SEED, MC_SAMPLES), SEED),
    () => python('python3', [join(HERE, 'mc_numpy.py'), tlFile, String(MC_SAMPLES), String(SEED), '1']),
  );
} finally {
  // the timeline file is the peer's input only: leave nothing in the temporary folder
  rmSync(tlFile, { force: true });
}
const mcR = mc.result;
const numpy = mc.peer;
log(
  `monte carlo 20 legs x ${MC_SAMPLES}, ours: ${mc.s.toFixed(3)} s (rounds ${mc.runsS.join(', ')}), p50 ${mcR.p50.toFixed(2)} p90 ${mcR.p90.toFixed(2)} h`,
);
log(`monte carlo, numpy: rounds ${mc.peerRunsS.join(', ')}; best ${JSON.stringify(numpy)}`);

// 4. two worker threads
const pool = new Piscina({
  filename: join(HERE, 'mc-worker.ts'),
  minThreads: 2,
  maxThreads: 2,
  execArgv: ['--import', 'tsx'],
});
async function parallel(threads: number): Promise<Float64Array> {
  const blocks = blockCountFor(MC_SAMPLES);
  const per = Math.ceil(blocks / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const firstBlock = w * per;
      const blockCount = Math.max(0, Math.min(per, blocks - firstBlock));
      const count = Math.max(
        0,
        Math.min(MC_SAMPLES, (firstBlock + blockCount) * BLOCK_SAMPLES) - firstBlock * BLOCK_SAMPLES,
      );
      return pool.run({
        compiled,
        seed: SEED,
        firstBlock,
        blockCount,
        total: MC_SAMPLES,
        count,
      }) as Promise<Float64Array>;
    }),
  );
  const all = new Float64Array(MC_SAMPLES);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
await parallel(2); // warm-up: starts both workers and compiles their code
let parS = Number.POSITIVE_INFINITY;
let par: Float64Array = new Float64Array(0);
for (let i = 0; i < REPEATS; i++) {
  const t0 = performance.now();
  par = await parallel(2);
  parS = Math.min(parS, (performance.now() - t0) / 1000);
}
const oneThread = best(() => sampleTransitTimes(compiled, SEED, MC_SAMPLES));
const identical = (oneThread.result as Float64Array).every((x, i) => x === par[i]);
await pool.destroy();
log(
  `monte carlo sampling, 1 thread ${oneThread.s.toFixed(3)} s, 2 workers ${parS.toFixed(3)} s, identical samples: ${identical}`,
);

const ratio = (peer: unknown, ours: number) => (typeof peer === 'number' ? round(peer / ours, 2) : null);
const median = (xs: number[]): number | undefined => [...xs].sort((a, b) => a - b)[xs.length >> 1];
log(
  JSON.stringify({
    bench: 'simulation',
    node: process.version,
    cpus: availableParallelism(),
    loadAverage: loadAtStart,
    loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
    rounds: ROUNDS,
    portSimple: {
      oursS: round(simple.s),
      simpyS: typeof simpySimple.wall_s === 'number' ? round(simpySimple.wall_s) : null,
      speedupVsSimpy: ratio(simpySimple.wall_s, simple.s),
      oursRunsS: simple.runsS,
      simpyRunsS: simple.peerRunsS,
      speedupOfMedians: ratio(median(simple.peerRunsS), median(simple.runsS) ?? 0),
      oursMeanWaitH: round(simpleR.wait.meanH, 3),
      simpyMeanWaitH: simpySimple.mean_wait_h ?? null,
      simpyError: simpySimple.error ?? null,
    },
    portFleet: {
      processes: FLEET_UNITS,
      oursS: round(fleet.s),
      simpyS: typeof simpyFleet.wall_s === 'number' ? round(simpyFleet.wall_s) : null,
      speedupVsSimpy: ratio(simpyFleet.wall_s, fleet.s),
      oursMeanWaitH: round(fleetR.wait.meanH, 3),
      simpyMeanWaitH: simpyFleet.mean_wait_h ?? null,
      simpyError: simpyFleet.error ?? null,
    },
    monteCarlo20Legs: {
      samples: MC_SAMPLES,
      oursS: round(mc.s),
      numpyS: typeof numpy.wall_s === 'number' ? round(numpy.wall_s) : null,
      speedupVsNumpy: ratio(numpy.wall_s, mc.s),
      oursRunsS: mc.runsS,
      numpyRunsS: mc.peerRunsS,
      speedupOfMedians: ratio(median(mc.peerRunsS), median(mc.runsS) ?? 0),
      oursP50H: round(mcR.p50, 2),
      numpyP50H: typeof numpy.p50 === 'number' ? round(numpy.p50, 2) : null,
      oursP90H: round(mcR.p90, 2),
      numpyP90H: typeof numpy.p90 === 'number' ? round(numpy.p90, 2) : null,
      numpyError: numpy.error ?? null,
    },
    workers: {
      samples: MC_SAMPLES,
      oneThreadS: round(oneThread.s),
      twoWorkersS: round(parS),
      speedup: round(oneThread.s / parS, 2),
      identicalSamples: identical,
    },
  }),
);
