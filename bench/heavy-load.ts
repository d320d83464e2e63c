/**
 * Heavy-load benchmark: `npm run bench:heavy` (node --import tsx bench/heavy-load.ts [--quick]).
 *
 * Does the server stay responsive while clients hammer its CPU-heavy endpoints? Starts `keruen serve`'s server
 * (shipped dataset, in-memory database) in a child process, twice in one run: once with the work pool (heavy
 * answers in a worker thread, the default) and once with `threads: 0` (heavy answers on the event loop, as before
 * the pool existed). Each time, 8 clients, each with its own token (so each has its own quota), send
 * POST /reliability with 200,000 samples and POST /scenarios/flows with a new value-of-time factor (never cached)
 * back to back for the run's duration, while a probe asks GET /health and a cached GET /routes one after the
 * other and records their latencies. Server memory (RSS) is read from /proc before and after.
 *
 * Target (issue #13): /health and a cached route under 50 ms p99 with the pool. Prints a table, then as its last
 * line one JSON object with every figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CLIENTS = 8;
const TARGET_P99_MS = 50;

if (process.argv.includes('--server')) {
  const threads = Number(process.argv[process.argv.indexOf('--threads') + 1]);
  const dbFile = process.argv[process.argv.indexOf('--db') + 1] as string;
  const { startServer } = await import('../src/server/index.ts');
  const s = await startServer({
    port: 0,
    dbFile,
    rateLimitPerMinute: 1_000_000_000,
    webDir: '/nonexistent',
    workPool: { threads, perClient: 2, maxQueue: 64, timeoutMs: 60_000 },
  });
  process.stdout.write(`${JSON.stringify({ port: s.port, pid: process.pid })}\n`);
} else {
  await main();
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number);
}

async function startChild(
  threads: number,
  dbFile: string,
): Promise<{ child: ChildProcess; base: string; pid: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--server', '--threads', String(threads), '--db', dbFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { port, pid } = JSON.parse(line) as { port: number; pid: number };
  return { child, base: `http://127.0.0.1:${port}`, pid };
}

/** A database file with one token per heavy client (each client then has its own quota, as real users do). */
async function databaseWithTokens(): Promise<{ dbFile: string; tokens: string[] }> {
  const { SqliteStorage } = await import('../src/server/index.ts');
  const dbFile = join(mkdtempSync(join(tmpdir(), 'keruen-heavy-')), 'bench.db');
  const storage = new SqliteStorage(dbFile);
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) tokens.push((await storage.createToken(`client ${i}`)).token);
  await storage.close();
  return { dbFile, tokens };
}

interface ModeFigures {
  mode: 'pool' | 'event-loop';
  heavy: { sent: number; byStatus: Record<string, number> };
  health: { n: number; p50Ms: number; p99Ms: number; maxMs: number };
  cachedRoute: { n: number; p50Ms: number; p99Ms: number; maxMs: number };
  rssMb: { before: number | null; after: number | null };
}

async function runMode(threads: number, durationMs: number): Promise<ModeFigures> {
  const { dbFile, tokens } = await databaseWithTokens();
  const { child, base, pid } = await startChild(threads, dbFile);
  const route = `${base}/routes?from=cn-xian&to=de-duisburg&depart=2026-12-07T08:00:00Z`;
  if ((await fetch(route)).status !== 200) throw new Error('route query does not answer 200');
  const before = rssMb(pid);
  const byStatus: Record<string, number> = {};
  let sent = 0;
  let stop = false;
  const heavyClient = async (i: number) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` };
    for (let k = 0; !stop; k++) {
      const flows = k % 2 === 1;
      const body = flows
        ? { base: 'baseline', other: 'red-sea-closed', votFactor: 1 + i / 100 + k / 10_000 }
        : { from: 'cn-xian', to: 'de-duisburg', depart: '2026-12-07', samples: 200_000, seed: k };
      const r = await fetch(`${base}${flows ? '/scenarios/flows' : '/reliability'}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      }).catch(() => undefined);
      sent++;
      const key = r === undefined ? 'error' : String(r.status);
      byStatus[key] = (byStatus[key] ?? 0) + 1;
      await r?.arrayBuffer();
      if (r !== undefined && r.status === 429) await new Promise((res) => setTimeout(res, 50));
    }
  };
  const health: number[] = [];
  const cached: number[] = [];
  const probe = async () => {
    while (!stop) {
      for (const [url, into] of [
        [`${base}/health`, health],
        [route, cached],
      ] as const) {
        const t0 = performance.now();
        const r = await fetch(url);
        await r.arrayBuffer();
        into.push(performance.now() - t0);
      }
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, i) => heavyClient(i));
  const probing = probe();
  await new Promise((res) => setTimeout(res, durationMs));
  stop = true;
  await Promise.all([...clients, probing]);
  const after = rssMb(pid);
  child.kill('SIGTERM');
  const fig = (xs: number[]) => ({
    n: xs.length,
    p50Ms: quantile(xs, 0.5),
    p99Ms: quantile(xs, 0.99),
    maxMs: Math.max(...xs),
  });
  return {
    mode: threads > 0 ? 'pool' : 'event-loop',
    heavy: { sent, byStatus },
    health: fig(health),
    cachedRoute: fig(cached),
    rssMb: { before, after },
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const durationMs = quick ? 3_000 : 20_000;
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(
    `heavy-load bench: ${CLIENTS} heavy clients for ${durationMs / 1000} s per mode; ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const modes = [await runMode(1, durationMs), await runMode(0, durationMs)];
  const f = (x: number) => x.toFixed(1);
  log(
    'mode        heavy sent  statuses                      /health p50/p99/max ms   cached route p50/p99/max ms   RSS MB before/after',
  );
  for (const m of modes)
    log(
      `${m.mode.padEnd(11)} ${String(m.heavy.sent).padStart(10)}  ${JSON.stringify(m.heavy.byStatus).padEnd(28)}  ${f(m.health.p50Ms)}/${f(m.health.p99Ms)}/${f(m.health.maxMs)}`.padEnd(
        90,
      ) +
        `${f(m.cachedRoute.p50Ms)}/${f(m.cachedRoute.p99Ms)}/${f(m.cachedRoute.maxMs)}`.padEnd(30) +
        `${m.rssMb.before?.toFixed(0)}/${m.rssMb.after?.toFixed(0)}`,
    );
  const pool = modes[0] as ModeFigures;
  const loop = modes[1] as ModeFigures;
  const met = pool.health.p99Ms <= TARGET_P99_MS && pool.cachedRoute.p99Ms <= TARGET_P99_MS;
  log(
    `target: /health and cached route p99 <= ${TARGET_P99_MS} ms with the pool: ${met ? 'met' : 'NOT met'}; probes answered ${pool.health.n} with the pool vs ${loop.health.n} on the event loop; cached-route p99 ${(loop.cachedRoute.p99Ms / pool.cachedRoute.p99Ms).toFixed(0)}x longer on the event loop`,
  );
  log(JSON.stringify({ bench: 'heavy-load', clients: CLIENTS, durationMs, targetP99Ms: TARGET_P99_MS, met, modes }));
}
