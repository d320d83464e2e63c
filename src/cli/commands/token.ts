/**
 * `keruen token create|list|revoke`: API tokens for writes. The secret is printed once at creation; the
 * database keeps only a salted hash.
 */
import type { Command } from 'commander';
import type { Storage } from '../../server/index.ts';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

const DB_HELP = 'SQLite database file or postgres:// URL (default: KERUEN_DATABASE_URL, then .keruen/keruen.db)';

async function withStorage<T>(db: string | undefined, f: (s: Storage) => Promise<T>): Promise<T> {
  // Imported when a token command runs, not when the CLI starts (see serve.ts).
  const { chosenDb, openStorage } = await import('../../server/index.ts');
  const s = await openStorage(chosenDb(db));
  try {
    return await f(s);
  } finally {
    await s.close();
  }
}

export function register(program: Command): void {
  const token = program.command('token').description('create, list and revoke API tokens');
  token
    .command('create')
    .description('create a token and print it (shown once; only its hash is stored)')
    .option('-n, --name <name>', 'who or what the token is for', 'default')
    .option('--db <file-or-url>', DB_HELP)
    .option('--json', 'print id and token as JSON')
    .action((o: { name: string; db?: string; json?: boolean }) =>
      withStorage(o.db, async (s) => {
        const { token: t, info } = await s.createToken(o.name);
        if (o.json) out(JSON.stringify({ id: info.id, name: info.name, token: t }));
        else {
          out(t);
          process.stderr.write(`token ${info.id} (${info.name}) created; keep it: it is not shown again\n`);
        }
      }),
    );
  token
    .command('list')
    .description('list token ids, names and dates (never the secrets)')
    .option('--db <file-or-url>', DB_HELP)
    .option('--json', 'print as JSON')
    .action((o: { db?: string; json?: boolean }) =>
      withStorage(o.db, async (s) => {
        const list = await s.listTokens();
        if (o.json) out(JSON.stringify(list));
        else
          for (const t of list)
            out(`${t.id}  ${t.name}  ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`);
      }),
    );
  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'token id (the 12 hex digits after krn_)')
    .option('--db <file-or-url>', DB_HELP)
    .action((id: string, o: { db?: string }) =>
      withStorage(o.db, async (s) => {
        if (await s.revokeToken(id)) out(`revoked ${id}`);
        else {
          process.stderr.write(`error: no live token ${id}\n`);
          process.exitCode = 1;
        }
      }),
    );
}
