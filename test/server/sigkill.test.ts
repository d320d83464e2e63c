/**
 * Crash test: a burst of concurrent writes (scenarios and shipment events) against a server in a child process,
 * killed with SIGKILL in the middle of the burst. After a restart on the same database file every write that was
 * acknowledged (2xx) must be there, and SQLite's integrity check must pass. Three kill cycles on one file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage/sqlite-storage.ts';

const CHILD = new URL('./support/serve-fixture.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'keruen-kill-'));
const db = join(dir, 'k.db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  // Listen for the exit now: it may come before the test gets round to waiting for it.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, exited };
}

const scenario = (n: number) => ({
  id: `burst-${n}`,
  name: `Burst scenario ${n}`,
  description: 'Written during the crash test.',
  sources: ['T1'],
  changes: [{ kind: 'close', target: 'link', id: 'p-q' }],
});

describe('SIGKILL during a burst of writes', () => {
  it('loses no acknowledged write and leaves an intact database', async () => {
    const setup = new SqliteStorage(db);
    const { token } = await setup.createToken('crash');
    await setup.close();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ackedScenarios = new Set<string>();
    const ackedEvents = new Set<string>();
    let shipmentId: string | undefined;

    for (let cycle = 0; cycle < 3; cycle++) {
      const { child, url, exited } = await start();
      if (shipmentId === undefined) {
        const r = await fetch(`${url}/shipments`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            from: 'cn-a',
            to: 'ge-c',
            depart: '2026-03-02T00:00:00Z',
            deadline: '2026-03-14T00:00:00Z',
          }),
        });
        expect(r.status).toBe(201);
        shipmentId = ((await r.json()) as { id: string }).id;
      }
      let killed = false;
      let acksThisCycle = 0;
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const n = cycle * 1_000_000 + w * 10_000 + i;
          const isEvent = i % 2 === 1;
          try {
            const r = isEvent
              ? await fetch(`${url}/shipments/${shipmentId}/events`, {
                  method: 'POST',
                  headers,
                  body: JSON.stringify({ type: 'arrived', node: 'kz-b', at: '2026-03-04T00:00:00Z', note: `n${n}` }),
                })
              : await fetch(`${url}/scenarios`, { method: 'POST', headers, body: JSON.stringify(scenario(n)) });
            if (r.status >= 200 && r.status < 300) {
              const b = (await r.json()) as { id: string };
              (isEvent ? ackedEvents : ackedScenarios).add(b.id);
              acksThisCycle++;
            } else throw new Error(`unexpected ${r.status}`);
          } catch (e) {
            if (!killed) throw e;
          }
        }
      };
      let failure: unknown;
      const workers = Array.from({ length: 8 }, (_, w) =>
        worker(w).catch((e) => {
          failure ??= e;
        }),
      );
      // Kill once the burst is well under way, without waiting for in-flight requests.
      while (acksThisCycle < 150 && failure === undefined) await new Promise((r) => setTimeout(r, 5));
      if (failure !== undefined) throw failure;
      killed = true;
      child.kill('SIGKILL');
      await Promise.allSettled(workers);
      await exited;
      expect(child.signalCode).toBe('SIGKILL');
    }

    // Restart: every acknowledged write is there.
    const { child, url, exited } = await start();
    const sc = (await (await fetch(`${url}/scenarios`, { headers })).json()) as { scenarios: { id: string }[] };
    const stored = new Set(sc.scenarios.map((s) => s.id));
    const ev = (await (await fetch(`${url}/shipments/${shipmentId}/events`, { headers })).json()) as {
      events: { id: string; seq: number }[];
    };
    const storedEvents = new Set(ev.events.map((e) => e.id));
    child.kill('SIGTERM');
    await exited;
    expect(ackedScenarios.size + ackedEvents.size).toBeGreaterThanOrEqual(450);
    for (const id of ackedScenarios) expect(stored.has(id), `scenario ${id}`).toBe(true);
    for (const id of ackedEvents) expect(storedEvents.has(id), `event ${id}`).toBe(true);
    // Sequence numbers stay gapless and unique even across the crashes.
    expect(ev.events.map((e) => e.seq)).toEqual(ev.events.map((_, i) => i + 1));
    const check = new SqliteStorage(db);
    expect(await check.integrityCheck()).toBe('ok');
    await check.close();
  }, 120_000);
});
