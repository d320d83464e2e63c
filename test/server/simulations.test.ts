import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fixtureApp, type TestApp } from './support/fixture-app.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await fixtureApp();
  token = (await t.storage.createToken('sim')).token;
});
afterAll(async () => {
  await t.app.close();
});

describe('port simulation jobs', () => {
  it('runs in a worker thread, reports progress, and is visible only to its token', async () => {
    // Papa port: one ferry a week (Mondays 12:00) of 100 TEU; 80 TEU a week arrive.
    const r = await t.app.inject({
      method: 'POST',
      url: '/simulations/port',
      headers: bearer(token),
      payload: { node: 'Papa port', teuPerWeek: 80, weeks: 20, seed: 5 },
    });
    expect(r.statusCode).toBe(202);
    const id = r.json().id as string;
    const other = (await t.storage.createToken('other')).token;
    expect((await t.app.inject({ method: 'GET', url: `/simulations/${id}`, headers: bearer(other) })).statusCode).toBe(
      404,
    );
    let job = r.json();
    for (let i = 0; i < 400 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((res) => setTimeout(res, 50));
      job = (await t.app.inject({ method: 'GET', url: `/simulations/${id}`, headers: bearer(token) })).json();
    }
    expect(job.status).toBe('done');
    expect(job.progress).toBe(1);
    expect(job.result.weeks).toBe(20);
    expect(job.result.scheduledSailings).toBe(20);
    // Capacity 100 a week against 80 arriving: the queue stays bounded, a unit waits at most a few sailings.
    expect(job.result.wait.p50H).toBeLessThan(168 * 2);
  });

  it('names a node without sailings', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/simulations/port',
      headers: bearer(token),
      payload: { node: 'cn-a', teuPerWeek: 80 },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: 'no_sailings', field: 'node' });
  });

  it('streams progress as server-sent events until the job ends, and cancels on DELETE', async () => {
    const live = await fixtureApp({ now: () => new Date() });
    const own = (await live.storage.createToken('sse')).token;
    await live.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(live.app.server.address() as { port: number }).port}`;
    const start = (weeks: number) =>
      fetch(`${base}/simulations/port`, {
        method: 'POST',
        headers: { ...bearer(own), 'content-type': 'application/json' },
        body: JSON.stringify({ node: 'Papa port', teuPerWeek: 20_000, weeks, seed: 1 }),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const job = await start(300);
    const stream = await (await fetch(`${base}/simulations/${job.id}/events`, { headers: bearer(own) })).text();
    const events = [...stream.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBeDefined();
    expect(events.at(-1)).toBe('done');
    expect(events.slice(0, -1).every((e) => e === 'progress')).toBe(true);
    const last = JSON.parse(
      stream
        .trim()
        .split('\n')
        .at(-1)
        ?.replace(/^data: /, '') ?? '{}',
    );
    expect(last).toMatchObject({ id: job.id, status: 'done', progress: 1 });

    const long = await start(520);
    const cancelled = await fetch(`${base}/simulations/${long.id}`, { method: 'DELETE', headers: bearer(own) });
    expect((await cancelled.json()).status).toBe('cancelled');
    const after = await (await fetch(`${base}/simulations/${long.id}/events`, { headers: bearer(own) })).text();
    expect(after).toContain('event: cancelled');
    await live.app.close();
  });
});
