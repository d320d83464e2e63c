/**
 * A sweep sent from the command line to the shared queue: the sweep job is stored in the PostgreSQL database of
 * the deployment, its variants go to pg-boss, and `keruen worker`s on any machine run them; this waits, reporting
 * the share done, and returns every variant's KPIs and the summary. The job belongs to a token named
 * CLI_TOKEN_NAME (created once), so the API lists and cancels it like any other.
 */
import type { SweepSpec, SweepSummary, VariantResult } from '../core/index.ts';
import { KeruenError } from '../core/index.ts';
import { BOSS_DEFAULTS, BossJobs, type BossSettings, openBoss } from './pg-boss-jobs.ts';
import { isPostgresUrl, PostgresStorage } from './storage/postgres-storage.ts';
import { FINISHED } from './storage/rows.ts';

export const CLI_TOKEN_NAME = 'keruen sweep (command line)';
const POLL_MS = 500;

export interface QueuedSweepResult {
  jobId: string;
  status: string;
  error?: string | undefined;
  results: VariantResult[];
  summary?: SweepSummary | undefined;
}

export async function runQueuedSweep(
  db: string,
  spec: SweepSpec,
  variants: number,
  opts: { boss?: Partial<BossSettings> | undefined; onProgress?: (done: number) => void } = {},
): Promise<QueuedSweepResult> {
  if (!isPostgresUrl(db))
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      'db: a queued sweep needs the postgres:// database of the workers',
      [],
      {
        field: 'db',
        value: db,
      },
    );
  const storage = await PostgresStorage.open(db);
  const settings = { ...BOSS_DEFAULTS, ...opts.boss };
  const jobs = new BossJobs(storage, await openBoss(db, settings), settings);
  try {
    const live = (await storage.listTokens()).find((t) => t.name === CLI_TOKEN_NAME && t.revokedAt === null);
    const owner = live?.id ?? (await storage.createToken(CLI_TOKEN_NAME)).info.id;
    let job = await storage.createJob(owner, 'sweep', { spec, variants });
    jobs.startSweep(job);
    while (!FINISHED.has(job.status)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      // A lost connection (a database restart) is waited out: the next poll reconnects.
      job = (await storage.getJob(job.id).catch(() => job)) ?? job;
      opts.onProgress?.(Math.round(job.progress * variants));
    }
    const results = (await storage.listJobParts(job.id)).map((p) => p.result as VariantResult);
    const summary = (job.result as { summary?: SweepSummary } | undefined)?.summary;
    return { jobId: job.id, status: job.status, error: job.error, results, summary };
  } finally {
    await jobs.close();
    await storage.close();
  }
}
