/** `keruen worker` as a real process for the distributed tests: resolves once it says it is taking jobs. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const BIN = join(resolve(import.meta.dirname, '../../..'), 'bin/keruen.mjs');

/** Starts a worker on `url`; it is added to `started` (for the test to kill), and rejects if it exits first. */
export function startKeruenWorker(url: string, env: NodeJS.ProcessEnv, started: ChildProcess[]): Promise<ChildProcess> {
  return new Promise<ChildProcess>((ready, fail) => {
    const w = spawn(process.execPath, [BIN, 'worker', '--db', url], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(w);
    let err = '';
    w.stderr?.on('data', (d) => {
      err += String(d);
    });
    w.stdout?.on('data', (d) => {
      if (String(d).includes('Keruen worker')) ready(w);
    });
    w.once('exit', (code, signal) => fail(new Error(`worker exited with ${code ?? signal}: ${err}`)));
  });
}
