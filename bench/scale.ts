/**
 * Scale-out benchmark: `npm run bench:scale` (node --import tsx bench/scale.ts [--quick]); needs a PostgreSQL
 * server: KERUEN_DATABASE_URL or KERUEN_TEST_DATABASE_URL (.ci/run's role works). Everything runs in a temporary
 * schema that is dropped at the end.
 *
 * 1. Sweep throughput with 1, 2 and 4 `keruen worker` processes (one thread each) on the same sweep
 *    (variants of the shipped scenarios, no Monte Carlo), against the embedded loop (runVariant in this process,
 *    no queue, no database) as the reference: variants per second and the workers' peak memory.
 * 2. The queue's own cost: pg-boss inserting, fetching and completing no-op jobs, jobs per second.
 * 3. The result size per variant as stored (bytes of JSON).
 * 4. API throughput on the two storage backends: GET /shipments/:id/events (a token check and one read), driven
 *    by autocannon, with SQLite (a file) and with PostgreSQL.
 *
 * Prints a table, then as its last line one JSON object with every figure. On a 2-core machine, more than two
 * workers only share the cores: the figure to read is how close 2 workers come to twice 1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { listVariants, runVariant, SweepSpecSchema } from '../src/core/index.ts';
import { loadContext, loadScenarioLibrary } from '../src/io/index.ts';
import { BossJobs, buildApp, openBoss, PostgresStorage, SqliteStorage, type Storage } from '../src/server/index.ts';

const QUICK = process.argv.includes('--quick');
const BASE_URL = process.env.KERUEN_DATABASE_URL ?? process.env.KERUEN_TEST_DATABASE_URL;
if (BASE_URL === undefined) throw new Error('set KERUEN_DATABASE_URL (or KERUEN_TEST_DATABASE_URL) to a PostgreSQL');
const BIN = join(resolve(import.meta.dirname, '..'), 'bin/keruen.mjs');
const AUTOCANNON = 'autocannon';
type Autocannon = (o: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<{
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}>;
const autocannon = ((await import(AUTOCANNON)) as { default: Autocannon }).default;

const tag = randomUUID().replace(/-/g, '').slice(0, 10);
const schema = `keruen_bench_${tag}`;
const bossSchema = `${schema}_boss`;
const url = `${BASE_URL}${BASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
const settings = {
  schema: bossSchema,
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireInSeconds: 120,
  maintenanceIntervalSeconds: 5,
};
const env = { ...process.env, KERUEN_JOB_SCHEMA: bossSchema };

const spec = SweepSpecSchema.parse({
  name: 'bench',
  scenarios: ['baseline', 'red-sea-closed', 'russia-closed', 'bakhty-ayagoz'],
  growth: QUICK ? [1, 1.2, 1.4] : [0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5],
  seeds: QUICK ? [1, 2] : [1, 2, 3],
  samplesPerOd: 0,
});
const VARIANTS = listVariants(spec).length;

/** Peak resident memory of a process, MB (Linux /proc; null elsewhere). */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const startWorker = () =>
  new Promise<ChildProcess>((ready, fail) => {
    const w = spawn(process.execPath, [BIN, 'worker', '--db', url], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    w.stdout?.on('data', (d) => String(d).includes('Keruen worker') && ready(w));
    w.once('exit', (code) => fail(new Error(`worker exited with ${code}`)));
  });

async function sweepWith(storage: Storage, jobs: BossJobs, owner: string, workers: number) {
  const procs = await Promise.all(Array.from({ length: workers }, startWorker));
  const job = await storage.createJob(owner, 'sweep', { spec, variants: VARIANTS });
  const t0 = performance.now();
  jobs.startSweep(job);
  let row = job;
  while (row.status !== 'done' && row.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 100));
    row = (await storage.getJob(job.id)) ?? row;
  }
  const s = (performance.now() - t0) / 1000;
  const rss = procs.map((p) => peakRssMb(p.pid)).filter((x): x is number => x !== null);
  for (const p of procs) p.kill('SIGKILL');
  if (row.status !== 'done') throw new Error(`sweep ${row.status}: ${row.error}`);
  const parts = await storage.listJobParts(job.id);
  const bytes = parts.reduce((a, p) => a + JSON.stringify(p.result).length, 0) / parts.length;
  return {
    workers,
    seconds: s,
    variantsPerS: VARIANTS / s,
    peakRssMbPerWorker: Math.max(...rss),
    bytesPerResult: bytes,
  };
}

function embedded() {
  const ctx = loadContext();
  const c = { network: ctx.network, emissions: ctx.emissions, library: loadScenarioLibrary(ctx.network) };
  const t0 = performance.now();
  for (const v of listVariants(spec)) runVariant(c, spec, v);
  const s = (performance.now() - t0) / 1000;
  return { seconds: s, variantsPerS: VARIANTS / s, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * pg-boss's own cost per job: inserting n no-op jobs, then fetching and completing them in a tight loop (batches of
 * `batch`, no polling wait: `work()` would add its polling interval and measure that instead).
 */
async function queueCeiling(n: number, batch = 50) {
  const boss = new PgBoss({ connectionString: url, schema: `${bossSchema}_noop`, max: 4 });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('noop');
  const t0 = performance.now();
  await boss.insert(Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { i } })));
  const t1 = performance.now();
  let done = 0;
  while (done < n) {
    const js = await boss.fetch('noop', { batchSize: batch });
    if (js.length === 0) break;
    await boss.complete(
      'noop',
      js.map((j) => j.id),
    );
    done += js.length;
  }
  const t2 = performance.now();
  await boss.stop({ graceful: false, wait: true });
  return {
    jobs: n,
    batch,
    insertPerS: n / ((t1 - t0) / 1000),
    fetchCompletePerS: done / ((t2 - t1) / 1000),
  };
}

async function apiThroughput(storage: Storage, label: string) {
  const ctx = loadContext();
  const app = await buildApp({ network: ctx.network, engine: ctx.engine, storage, rateLimitPerMinute: 0 });
  const { token, info } = await storage.createToken('bench');
  const sh = await storage.createShipment(info.id, { request: {}, itinerary: {}, deadline: '2027-01-01T00:00:00Z' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const r = await autocannon({
    url: `${address}/shipments/${sh.id}/events`,
    connections: 10,
    duration: QUICK ? 2 : 8,
    headers: { authorization: `Bearer ${token}` },
  });
  await app.close();
  return { storage: label, requestsPerS: r.requests.average, p99Ms: r.latency.p99, errors: r.errors + r.non2xx };
}

const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const dir = mkdtempSync(join(tmpdir(), 'keruen-bench-scale-'));
try {
  const load = { start: loadavg()[0] };
  const storage = await PostgresStorage.open(url);
  const jobs = new BossJobs(storage, await openBoss(url, settings), settings);
  const owner = (await storage.createToken('bench')).info.id;
  const reference = embedded();
  const sweeps = [];
  for (const n of [1, 2, 4]) sweeps.push(await sweepWith(storage, jobs, owner, n));
  const queue = await queueCeiling(QUICK ? 500 : 2000);
  await jobs.close();
  const api = [
    await apiThroughput(new SqliteStorage(join(dir, 'bench.db')), 'sqlite'),
    await apiThroughput(storage, 'postgres'),
  ];
  await storage.close();
  const out = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAvg: { ...load, end: loadavg()[0] } },
    variants: VARIANTS,
    embedded: reference,
    sweeps: sweeps.map((s) => ({ ...s, vsEmbedded: s.variantsPerS / reference.variantsPerS })),
    queue,
    api,
  };
  console.log(
    `sweep of ${VARIANTS} variants (no Monte Carlo); embedded loop ${reference.variantsPerS.toFixed(1)} variants/s`,
  );
  console.log('workers | s | variants/s | x embedded | peak RSS MB/worker | bytes/result');
  for (const s of out.sweeps)
    console.log(
      `${s.workers} | ${s.seconds.toFixed(1)} | ${s.variantsPerS.toFixed(1)} | ${s.vsEmbedded.toFixed(2)} | ${s.peakRssMbPerWorker.toFixed(0)} | ${s.bytesPerResult.toFixed(0)}`,
    );
  console.log(
    `pg-boss no-op jobs (${queue.jobs}): insert ${queue.insertPerS.toFixed(0)}/s, fetch+complete in batches of ${queue.batch} ${queue.fetchCompletePerS.toFixed(0)}/s`,
  );
  for (const a of api)
    console.log(`API ${a.storage}: ${a.requestsPerS.toFixed(0)} req/s, p99 ${a.p99Ms} ms, errors ${a.errors}`);
  console.log(JSON.stringify(out));
} finally {
  rmSync(dir, { recursive: true, force: true });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS ${bossSchema} CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS ${bossSchema}_noop CASCADE`);
  await admin.end();
}
