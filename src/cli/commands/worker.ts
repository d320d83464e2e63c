/**
 * `keruen worker`: takes simulation jobs from the queue that `keruen serve --job-queue pg-boss` fills, on the same
 * PostgreSQL database, and runs them (server/job-worker.ts). Run one per core on any machine that reaches the
 * database; stop with Ctrl-C (it finishes or hands back the jobs it holds).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { KeruenError } from '../../core/index.ts';
import { DEFAULT_DATA_DIR } from '../../io/index.ts';

function concurrency(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected an integer from 1 to 64');
  return n;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('run simulation jobs from the shared queue (pg-boss on the PostgreSQL database of the API)')
    .addOption(
      new Option('-c, --concurrency <n>', 'jobs run at once, one thread each').argParser(concurrency).default(1),
    )
    .option('--db <url>', 'postgres:// URL of the API database (default: KERUEN_DATABASE_URL)')
    .addOption(new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/'))
    .action(async (o: { concurrency: number; db?: string; data: string }) => {
      // Imported when the worker runs, not when the CLI starts (see serve.ts).
      const { chosenDb, describeDb, startJobWorker } = await import('../../server/index.ts');
      const db = chosenDb(o.db);
      const w = await startJobWorker({ db, dataDir: o.data, concurrency: o.concurrency, boss: bossFromEnv() });
      process.stdout.write(`Keruen worker: ${o.concurrency} at once, jobs from ${describeDb(db)}\n`);
      for (const sig of ['SIGINT', 'SIGTERM'] as const)
        process.once(sig, () => void w.close().then(() => process.exit(0)));
    });
}

/** Expiry and maintenance seconds from the environment (KERUEN_JOB_EXPIRE_S, KERUEN_JOB_MAINTENANCE_S), for tests. */
export function bossFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const n = (k: string): number | undefined => {
    const v = env[k];
    if (v === undefined) return undefined;
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1 || x > 86_400)
      throw new KeruenError(
        'KERUEN_INVALID_INPUT',
        `${k} = ${JSON.stringify(v)}: expected whole seconds from 1 to 86400`,
        [],
        {
          field: k,
          value: v,
        },
      );
    return x;
  };
  const expireInSeconds = n('KERUEN_JOB_EXPIRE_S');
  const maintenanceIntervalSeconds = n('KERUEN_JOB_MAINTENANCE_S');
  return {
    ...(expireInSeconds === undefined ? {} : { expireInSeconds }),
    ...(maintenanceIntervalSeconds === undefined ? {} : { maintenanceIntervalSeconds }),
    ...(env.KERUEN_JOB_SCHEMA === undefined ? {} : { schema: env.KERUEN_JOB_SCHEMA }),
  };
}
