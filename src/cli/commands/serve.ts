/**
 * `keruen serve`: the HTTP API and the web page on the embedded database (created on first use) and the
 * bundled dataset. Stops cleanly on Ctrl-C.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DATA_DIR } from '../../io/index.ts';
import { closeOnSignals, DEFAULT_DB_FILE, DEFAULT_PORT, startServer } from '../../server/server.ts';

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API (OpenAPI at /openapi.json, docs at /docs) and the web page at /')
    .addOption(new Option('-p, --port <port>', 'port to listen on').argParser(nonNegativeInt).default(DEFAULT_PORT))
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--db <file>', 'SQLite database file (created when missing)', DEFAULT_DB_FILE)
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .addOption(
      new Option('--rate-limit <n>', 'requests per minute per client; 0 turns the limit off')
        .argParser(nonNegativeInt)
        .default(600),
    )
    .option('--log', 'log every request (JSON lines on standard output)')
    .action(async (o: { port: number; host: string; db: string; data: string; rateLimit: number; log?: boolean }) => {
      const s = await startServer({
        port: o.port,
        host: o.host,
        dbFile: o.db,
        dataDir: o.data,
        rateLimitPerMinute: o.rateLimit,
        logger: o.log === true,
      });
      closeOnSignals(s);
      process.stdout.write(`Keruen API on ${s.url} (docs ${s.url}/docs, database ${o.db})\n`);
    });
}
