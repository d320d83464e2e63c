/**
 * `keruen serve`: the HTTP API and the web page on the embedded database (created on first use) and the
 * bundled dataset. The first start in a fresh checkout builds the web page (web-build.ts). Stops cleanly on
 * Ctrl-C.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DATA_DIR } from '../../io/index.ts';
import { ensureWebPage } from '../web-build.ts';
import { bossFromEnv } from './worker.ts';

/**
 * The flags' defaults: the server's own (src/server DEFAULT_PORT, DEFAULT_WORK_POOL), written here so that
 * registering the command loads no server code (Fastify, pg, better-sqlite3 cost a few hundred ms of every
 * command's start); the server is imported when `serve` runs. test/cli/commands/serve-defaults.test.ts checks
 * that they agree.
 */
export const SERVE_DEFAULTS = {
  port: 8080,
  workPool: { threads: 1, maxQueue: 32, perClient: 2, timeoutMs: 30_000 },
} as const;
const DEFAULT_WORK_POOL = SERVE_DEFAULTS.workPool;

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

interface ServeFlags {
  port: number;
  host: string;
  db?: string;
  data: string;
  rateLimit: number;
  log?: boolean;
  workers: number;
  web?: string;
  workThreads: number;
  workQueue: number;
  workPerClient: number;
  workTimeout: number;
  jobQueue: 'in-process' | 'pg-boss';
}

/** An integer flag within [min, max], refused with the bound otherwise. */
const intWithin = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
  return n;
};

export function register(program: Command): void {
  const cmd = program
    .command('serve')
    .description('start the HTTP API (OpenAPI at /openapi.json, docs at /docs) and the web page at /')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on').argParser(nonNegativeInt).default(SERVE_DEFAULTS.port),
    )
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option(
      '--db <file-or-url>',
      'SQLite database file (created when missing) or postgres:// URL (default: KERUEN_DATABASE_URL, then .keruen/keruen.db)',
    )
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .option('--web <dir>', 'folder of the built web page served at / (default: dist/web, built on first start)')
    .addOption(
      new Option('--rate-limit <n>', 'requests per minute per client; 0 turns the limit off')
        .argParser(nonNegativeInt)
        .default(600),
    )
    .option('--log', 'log every request (JSON lines on standard output)')
    .addOption(
      new Option(
        '--workers <n>',
        'processes serving the API (node:cluster); each has its own cache, rate-limit counters and simulation jobs',
      )
        .argParser(positiveInt)
        .default(1),
    )
    .addOption(
      new Option(
        '--job-queue <queue>',
        'where simulation jobs run: this process, or pg-boss on the PostgreSQL --db for `keruen worker`s',
      )
        .choices(['in-process', 'pg-boss'])
        .default('in-process'),
    );
  addWorkPoolOptions(cmd).action(serve);
}

/** The work pool's flags: threads, queue, per-client quota, time budget. */
function addWorkPoolOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--work-threads <n>',
        'worker threads for heavy answers (reliability, flows, ETA, simulations); 0 runs them on the event loop',
      )
        .argParser(intWithin(0, 64))
        .default(DEFAULT_WORK_POOL.threads),
    )
    .addOption(
      new Option('--work-queue <n>', 'heavy requests that may wait for a thread (503 beyond)')
        .argParser(intWithin(0, 10_000))
        .default(DEFAULT_WORK_POOL.maxQueue),
    )
    .addOption(
      new Option('--work-per-client <n>', 'heavy requests one client may have at once (429 beyond)')
        .argParser(intWithin(1, 1000))
        .default(DEFAULT_WORK_POOL.perClient),
    )
    .addOption(
      new Option('--work-timeout <s>', 'time budget of a heavy answer, seconds (504 beyond)')
        .argParser(intWithin(1, 3600))
        .default(DEFAULT_WORK_POOL.timeoutMs / 1000),
    );
}

async function serve(o: ServeFlags): Promise<void> {
  const { chosenDb, closeOnSignals, DEFAULT_WEB_DIR, describeDb, startServer, startWorkers } = await import(
    '../../server/index.ts'
  );
  const webDir = o.web === undefined ? DEFAULT_WEB_DIR : resolve(o.web);
  // Once, in the primary, before any worker serves the folder.
  if (cluster.isPrimary) await ensureWebPage({ webDir, log: (line) => process.stderr.write(`${line}\n`) });
  const opts = {
    port: o.port,
    host: o.host,
    dbFile: o.db,
    dataDir: o.data,
    webDir,
    rateLimitPerMinute: o.rateLimit,
    logger: o.log === true,
    workPool: {
      threads: o.workThreads,
      maxQueue: o.workQueue,
      perClient: o.workPerClient,
      timeoutMs: o.workTimeout * 1000,
    },
    jobQueue: o.jobQueue,
    boss: bossFromEnv(),
  };
  if (o.workers > 1 && cluster.isPrimary) {
    // The workers run this same command and take the branch below.
    const w = await startWorkers(o.workers, opts);
    for (const sig of ['SIGINT', 'SIGTERM'] as const)
      process.once(sig, () => void w.close().then(() => process.exit(0)));
    process.stdout.write(
      `Keruen API on ${w.url} with ${o.workers} workers (docs ${w.url}/docs, database ${describeDb(chosenDb(o.db))})\n`,
    );
    return;
  }
  const s = await startServer(opts);
  closeOnSignals(s);
  if (cluster.isPrimary)
    process.stdout.write(`Keruen API on ${s.url} (docs ${s.url}/docs, database ${describeDb(chosenDb(o.db))})\n`);
}
