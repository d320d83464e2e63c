/**
 * The `keruen` command-line program: builds the commander program from the command modules and maps errors to
 * exit codes. A KeruenError prints its message and its issues, one line each, and no stack trace; set
 * KERUEN_DEBUG=1 to see the stack of an unexpected error.
 *
 * Exit codes: 0 ok, 1 invalid input or not found, 2 no route.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { KeruenError } from '../core/index.ts';
import { commandModules } from './commands/index.ts';
import { issueLine } from './format.ts';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_NO_ROUTE = 2;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function buildProgram(): Command {
  const program = new Command('keruen')
    .description('Digital twin of the Eurasian freight corridors: sourced network, routing, emissions, scenarios.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError()
    .exitOverride();
  for (const m of commandModules) m.register(program);
  return program;
}

function exitCodeOf(e: KeruenError): number {
  return e.code === 'KERUEN_NO_ROUTE' ? EXIT_NO_ROUTE : EXIT_INVALID;
}

/** Runs the program on argv (as process.argv: node, script, args...) and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT_OK;
  }
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end with exitCode 0; usage errors have already printed their message and the help.
      return e.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    if (e instanceof KeruenError) {
      process.stderr.write(`error: ${e.message}\n`);
      // Issues the message already states are not printed again.
      for (const i of e.issues) if (!e.message.includes(i.message)) process.stderr.write(`  ${issueLine(i)}\n`);
      return exitCodeOf(e);
    }
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`error: ${err.message}\n`);
    if (process.env.KERUEN_DEBUG) process.stderr.write(`${err.stack}\n`);
    return EXIT_INVALID;
  }
}
