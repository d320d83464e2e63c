/**
 * API benchmark: `npm run bench:api` (node --import tsx bench/api.ts [--quick]).
 *
 * Starts `keruen serve`'s server (startServer: shipped dataset, in-memory database, rate limiter on with a
 * ceiling high enough not to trip) in a child process, then drives it with autocannon from this process at rising
 * concurrency: route searches (GET /routes on ten origin-destination pairs across the corridors) twice — once
 * with every request a distinct query (a new departure minute), which the response cache cannot answer, and
 * once cycling over 40 queries (ten pairs, four days), which it does — and, in the same run at the same
 * concurrency, the trivial GET /health as the floor of what the HTTP stack costs. Server and load generator
 * share the machine's cores, which the report states.
 *
 * Prints a table, then as its last line one JSON object with every figure. Target: >= 1,500 route requests/s
 * with p99 <= 30 ms and no errors. `--quick` runs 2 s per level (for checking the harness, not for quoting).
 * `--workers N` runs the server as `keruen serve --workers N` does (node:cluster, a temporary database file).
 *
 * Besides requests/s, each level reports the server's CPU time per request (user + system of the server
 * processes, from /proc on Linux, null elsewhere): other work on a shared machine moves requests/s and
 * latencies a lot, the CPU cost of a request much less, so it is the figure to compare optimisations by.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { must } from '../src/core/index.ts';

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
type Autocannon = (o: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; path?: string; setupRequest?: (r: { path: string }) => { path: string } }[];
}) => Promise<AutocannonResult>;
const AUTOCANNON = 'autocannon';
const autocannon = ((await import(AUTOCANNON)) as { default: Autocannon }).default;

const TARGET = { routeRps: 1500, p99Ms: 30 };
const LEVELS = [1, 4, 16, 64];

const workersArg = process.argv.indexOf('--workers');
const WORKERS = workersArg >= 0 ? Number(process.argv[workersArg + 1]) : 1;
if (!(Number.isInteger(WORKERS) && WORKERS >= 1)) throw new Error('--workers needs a positive integer');

if (process.argv.includes('--server')) {
  // Child: the server under test.
  const cluster = (await import('node:cluster')).default;
  const { startServer, startWorkers } = await import('../src/server/index.ts');
  const o = { port: 0, rateLimitPerMinute: 1_000_000_000, webDir: '/nonexistent' };
  // The workers share a temporary database file, named after the primary's process id.
  const dir = join(tmpdir(), `keruen-bench-${cluster.isPrimary ? process.pid : process.ppid}`);
  if (WORKERS > 1 && cluster.isPrimary) {
    mkdirSync(dir, { recursive: true });
    const w = await startWorkers(WORKERS, { ...o, dbFile: join(dir, 'bench.db') });
    process.once('SIGTERM', () => void w.close().then(() => rmSync(dir, { recursive: true, force: true })));
    process.stdout.write(`${JSON.stringify({ port: w.port, pids: [process.pid, ...w.pids] })}\n`);
  } else if (WORKERS > 1) {
    const s = await startServer({ ...o, dbFile: join(dir, 'bench.db') });
    process.once('SIGTERM', () => void s.close().then(() => process.exit(0)));
  } else {
    const s = await startServer({ ...o, dbFile: ':memory:' });
    process.stdout.write(`${JSON.stringify({ port: s.port, pids: [process.pid] })}\n`);
  }
} else {
  await main();
}

/** CPU seconds (user + system) used so far by these processes, from /proc; undefined off Linux. */
function cpuSeconds(pids: number[]): number | undefined {
  try {
    let ticks = 0;
    for (const pid of pids) {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    }
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

interface Figures {
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Server CPU time (all its processes) per request, ms; null where /proc is missing. */
  serverCpuMsPerReq: number | null;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const durationS = quick ? 2 : 8;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--server', '--workers', String(WORKERS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = (c: ChildProcess) => c.exitCode === null && c.kill('SIGTERM');
  process.on('exit', () => stop(child));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: must(child.stdout, 'server stdout') }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const server = JSON.parse(line) as { port: number; pids: number[] };
  const base = `http://127.0.0.1:${server.port}`;

  // Origin-destination pairs across the corridors, four departure days each: 40 distinct queries.
  const pairs = [
    ['cn-xian', 'de-duisburg'],
    ['cn-xian', 'tr-istanbul-halkali'],
    ['cn-urumqi', 'ge-poti'],
    ['kz-dostyk', 'pl-warsaw'],
    ['cn-chongqing', 'de-duisburg'],
    ['cn-yiwu', 'nl-rotterdam'],
    ['kz-almaty', 'az-baku'],
    ['uz-tashkent', 'ge-poti'],
    ['cn-lianyungang', 'hu-budapest'],
    ['kz-aktau', 'ro-constanta'],
  ];
  const days = ['2026-12-07', '2026-12-09', '2026-12-11', '2026-12-13'];
  const routePaths = days.flatMap((d) =>
    pairs.map(([a, b]) => `/routes?from=${a}&to=${b}&depart=${d}T08:00:00Z&teu=1`),
  );
  // Check every query answers 200 before measuring (a benchmark of 400s would be meaningless).
  let itineraries = 0;
  for (const p of routePaths) {
    const r = await fetch(base + p);
    if (r.status !== 200) throw new Error(`${p}: ${r.status} ${await r.text()}`);
    itineraries += ((await r.json()) as { itineraries: unknown[] }).itineraries.length;
  }
  const health = (await (await fetch(`${base}/health`)).json()) as { dataset: unknown; nodes: number; links: number };

  // Distinct queries: every request of the whole run is a different (pair, departure minute), so none is
  // answered from the server's response cache; this is the figure of the search itself.
  let next = 0;
  const distinct = (r: { path: string }) => {
    const i = next++;
    const [a, b] = must(pairs[i % pairs.length], 'a node pair');
    const depart = new Date(Date.UTC(2026, 11, 7, 0, Math.floor(i / pairs.length))).toISOString();
    return { ...r, path: `/routes?from=${a}&to=${b}&depart=${depart}&teu=1` };
  };
  const run = async (paths: string[] | 'distinct', connections: number, seconds: number): Promise<Figures> => {
    const cpu0 = cpuSeconds(server.pids);
    const r = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests:
        paths === 'distinct'
          ? [{ method: 'GET', setupRequest: distinct }]
          : paths.map((path) => ({ method: 'GET', path })),
    });
    const cpu1 = cpuSeconds(server.pids);
    return {
      rps: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p90Ms: r.latency.p90,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
      requests: r.requests.total,
      errors: r.errors,
      non2xx: r.non2xx,
      timeouts: r.timeouts,
      serverCpuMsPerReq:
        cpu0 === undefined || cpu1 === undefined || r.requests.total === 0
          ? null
          : Math.round(((cpu1 - cpu0) * 1000 * 1000) / r.requests.total) / 1000,
    };
  };

  log(
    `server: ${base} (${WORKERS === 1 ? 'one process' : `${WORKERS} workers`}); dataset ${JSON.stringify(health.dataset)} (${health.nodes} nodes, ${health.links} links)`,
  );
  log(
    `route queries: ${routePaths.length} distinct, ${(itineraries / routePaths.length).toFixed(1)} itineraries each on average`,
  );
  log('warm-up...');
  await run('distinct', 8, quick ? 1 : 3);
  await run(routePaths, 8, 1);
  await run(['/health'], 8, 1);

  const levels: { connections: number; route: Figures; routeCached: Figures; health: Figures }[] = [];
  log(
    'route: distinct queries, every request a new one (no cache hit) | cached: 40 repeated queries | health: trivial',
  );
  log('cpu: server CPU ms per request');
  log('conns |   route r/s p50 p99 err   cpu |  cached r/s p50 p99 err   cpu |  health r/s p50 p99 err   cpu');
  const f = (x: Figures) =>
    `${String(x.rps).padStart(11)} ${String(x.p50Ms).padStart(3)} ${String(x.p99Ms).padStart(3)} ${String(x.errors + x.non2xx + x.timeouts).padStart(3)} ${(x.serverCpuMsPerReq?.toFixed(3) ?? '-').padStart(5)}`;
  for (const c of LEVELS) {
    const route = await run('distinct', c, durationS);
    const cached = await run(routePaths, c, durationS);
    const trivial = await run(['/health'], c, durationS);
    levels.push({ connections: c, route, routeCached: cached, health: trivial });
    log(`${String(c).padStart(5)} | ${f(route)} | ${f(cached)} | ${f(trivial)}`);
  }
  stop(child);

  const clean = (x: Figures) => x.p99Ms <= TARGET.p99Ms && x.errors + x.non2xx + x.timeouts === 0;
  const bestOf = (pick: (l: (typeof levels)[number]) => Figures) =>
    levels
      .filter((l) => clean(pick(l)))
      .reduce<(typeof levels)[number] | undefined>(
        (m, l) => (m === undefined || pick(l).rps > pick(m).rps ? l : m),
        undefined,
      );
  const best = bestOf((l) => l.route);
  const bestCached = bestOf((l) => l.routeCached);
  const cpu = cpus()[0];
  log(
    JSON.stringify({
      bench: 'api',
      quick,
      workers: WORKERS,
      durationSPerLevel: durationS,
      uncachedQueries: 'every route request of the run is a distinct (pair, departure minute): no cache hit',
      machine: {
        cpus: availableParallelism(),
        cpuModel: cpu?.model,
        memGb: Math.round(totalmem() / 2 ** 30),
        os: release(),
        node: process.version,
        loadavg1mBefore: loadavg()[0],
        note: 'server and load generator share these cores',
      },
      dataset: health.dataset,
      routeQueries: routePaths.length,
      levels,
      target: TARGET,
      bestRouteRpsWithinP99Target: best?.route.rps ?? null,
      atConnections: best?.connections ?? null,
      targetMet: best !== undefined && best.route.rps >= TARGET.routeRps,
      bestCachedRouteRpsWithinP99Target: bestCached?.routeCached.rps ?? null,
      cachedAtConnections: bestCached?.connections ?? null,
      cachedTargetMet: bestCached !== undefined && bestCached.routeCached.rps >= TARGET.routeRps,
    }),
  );
}
