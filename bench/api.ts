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
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { createInterface } from 'node:readline';

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

if (process.argv.includes('--server')) {
  // Child: the server under test.
  const { startServer } = await import('../src/server/server.ts');
  const s = await startServer({
    port: 0,
    dbFile: ':memory:',
    rateLimitPerMinute: 1_000_000_000,
    webDir: '/nonexistent',
  });
  process.stdout.write(`${JSON.stringify({ port: s.port })}\n`);
} else {
  await main();
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
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const durationS = quick ? 2 : 8;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--server'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = (c: ChildProcess) => c.exitCode === null && c.kill('SIGTERM');
  process.on('exit', () => stop(child));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;

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
    const [a, b] = pairs[i % pairs.length]!;
    const depart = new Date(Date.UTC(2026, 11, 7, 0, Math.floor(i / pairs.length))).toISOString();
    return { ...r, path: `/routes?from=${a}&to=${b}&depart=${depart}&teu=1` };
  };
  const run = async (paths: string[] | 'distinct', connections: number, seconds: number): Promise<Figures> => {
    const r = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests:
        paths === 'distinct'
          ? [{ method: 'GET', setupRequest: distinct }]
          : paths.map((path) => ({ method: 'GET', path })),
    });
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
    };
  };

  log(`server: ${base}; dataset ${JSON.stringify(health.dataset)} (${health.nodes} nodes, ${health.links} links)`);
  log(
    `route queries: ${routePaths.length} distinct, ${(itineraries / routePaths.length).toFixed(1)} itineraries each on average`,
  );
  log('warm-up...');
  await run('distinct', 8, quick ? 1 : 3);
  await run(routePaths, 8, 1);
  await run(['/health'], 8, 1);

  const levels: { connections: number; route: Figures; routeCached: Figures; health: Figures }[] = [];
  log('route: distinct queries (no cache hit) | cached: 40 repeated queries | health: trivial endpoint');
  log('conns |   route r/s p50 p99 err |  cached r/s p50 p99 err |  health r/s p50 p99 err');
  const f = (x: Figures) =>
    `${String(x.rps).padStart(11)} ${String(x.p50Ms).padStart(3)} ${String(x.p99Ms).padStart(3)} ${String(x.errors + x.non2xx + x.timeouts).padStart(3)}`;
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
      durationSPerLevel: durationS,
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
