/** Entry point of the `keruen` CLI (bin/keruen.mjs imports this module). */
import { run } from './program.ts';

// `keruen network export ... | head` closes the pipe early: stop quietly instead of printing an EPIPE stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await run(process.argv);
