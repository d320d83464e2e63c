/**
 * The server tried as an attacker would: impossible numbers in stored scenarios, floods of made-up tokens,
 * bodies that are deep, ambiguous or not JSON, writes without a token, slow bodies, and heavy requests past their
 * budget, queue or quota. Every one gets a 4xx (or 503/504 with Retry-After) naming what was wrong, and the
 * server keeps answering.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

const scenario = (departuresPerWeek: number) => ({
  id: 'more-ferries',
  name: 'More ferries',
  description: 'The fixture ferry sails more often.',
  sources: ['T1'],
  changes: [{ kind: 'set_frequency', id: 'f', departuresPerWeek: { value: departuresPerWeek, source: 'T1' } }],
});

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await fixtureApp({ workPool: { threads: 1 } });
  token = (await t.storage.createToken('attacker')).token;
});
afterAll(async () => {
  await t.app.close();
});

const health = async (app = t.app) => (await app.inject({ method: 'GET', url: '/health' })).statusCode;

describe('stored scenarios', () => {
  it.each([1e308, 1e8, 1e-300, 0, -1])('refuses departuresPerWeek %s naming the field and the bound', async (v) => {
    const r = await t.app.inject({ method: 'POST', url: '/scenarios', headers: bearer(token), payload: scenario(v) });
    expect(r.statusCode).toBe(400);
    expect(r.json().field).toBe('body.changes.0.departuresPerWeek.value');
    expect(r.json().message).toContain('from 0.1 to 500 departures per week');
    expect(await health()).toBe(200);
  });

  it('re-checks a stored record on load: a tampered 1e308 is a 400 on compare, not a crash', async () => {
    const owner = (await t.storage.verifyToken(token))?.id as string;
    const rec = await t.storage.createScenario(owner, { name: 'tampered', document: scenario(1e308) });
    const r = await t.app.inject({
      method: 'POST',
      url: '/scenarios/compare',
      headers: bearer(token),
      payload: { from: 'cn-a', to: 'ge-c', depart: DEPART, scenarios: [rec.id] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('departuresPerWeek');
    expect(await health()).toBe(200);
  });

  it('accepts the largest bound and compares it', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/scenarios',
      headers: bearer(token),
      payload: scenario(500),
    });
    expect(made.statusCode).toBe(201);
    const r = await t.app.inject({
      method: 'POST',
      url: '/scenarios/compare',
      headers: bearer(token),
      payload: { from: 'cn-a', to: 'ge-c', depart: DEPART, scenarios: [made.json().id] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().scenarios[0].fastestH).toBeLessThan(r.json().baseline.fastestH);
  });
});

describe('headers', () => {
  it('sends a same-origin CSP without inline scripts, and HSTS only over TLS', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const tls = await fixtureApp({ tls: true });
    const h = await tls.app.inject({ method: 'GET', url: '/health' });
    expect(h.headers['strict-transport-security']).toContain('max-age=');
    await tls.app.close();
  });
});

describe('identity first', () => {
  it('answers a write without a token with 401 even when its body is invalid', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/scenarios', payload: { nonsense: true } });
    expect(r.statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/shipments',
      headers: bearer('krn_000000000000_x'),
      payload: '{',
    });
    expect(bad.statusCode).toBe(401);
  });

  it('keys the rate limit on the verified token: 500 made-up ids are limited and leave a real token alone', async () => {
    const limited = await fixtureApp({ rateLimitPerMinute: 50 });
    const victim = (await limited.storage.createToken('victim')).token;
    const victimId = victim.split('_')[1] as string;
    const codes = new Map<number, number>();
    for (let i = 0; i < 500; i++) {
      // Random ids, and the victim's id with a wrong secret: all count against the sender's address.
      const id =
        i % 2 === 0
          ? victimId
          : Math.floor(Math.random() * 2 ** 48)
              .toString(16)
              .padStart(12, '0');
      const r = await limited.app.inject({
        method: 'GET',
        url: '/health',
        headers: bearer(`krn_${id}_${'A'.repeat(43)}`),
      });
      codes.set(r.statusCode, (codes.get(r.statusCode) ?? 0) + 1);
    }
    expect(codes.get(200)).toBe(50);
    expect(codes.get(429)).toBe(450);
    const own = await limited.app.inject({ method: 'GET', url: '/scenarios', headers: bearer(victim) });
    expect(own.statusCode).toBe(200);
    await limited.app.close();
  });
});

describe('hostile bodies', () => {
  const post = (payload: string, type = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/routes', headers: { 'content-type': type }, payload });

  it('refuses deep nesting of any depth with 400', async () => {
    for (const depth of [65, 1_000, 100_000]) {
      const r = await post(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().message).toContain('nested deeper than 64');
    }
    const objects = await post(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    expect(objects.statusCode).toBe(400);
  });

  it('refuses duplicate keys, __proto__, NaN and Infinity spellings, huge numbers and non-JSON types', async () => {
    expect((await post('{"from":"cn-a","from":"ge-c","to":"ge-c"}')).json().message).toContain(
      'repeats the key "from"',
    );
    expect((await post('{"__proto__":{"x":1},"from":"cn-a","to":"ge-c"}')).statusCode).toBe(400);
    for (const v of ['NaN', 'Infinity', '-Infinity', '1e400'])
      expect((await post(`{"from":"cn-a","to":"ge-c","cargo":{"kind":"containers","teu":${v}}}`)).statusCode).toBe(400);
    expect((await post('from=cn-a', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
  });

  it('never answers 5xx to random JSON-ish bodies on any write or heavy endpoint', async () => {
    const urls = ['/routes', '/reliability', '/scenarios', '/scenarios/flows', '/shipments', '/simulations/port'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.jsonValue({ maxDepth: 6 }), async (url, body) => {
        const r = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload: JSON.stringify(body) });
        return r.statusCode < 500;
      }),
      { numRuns: 300 },
    );
  });

  it('closes a connection whose body arrives too slowly', async () => {
    const slow = await fixtureApp({ requestTimeoutMs: 500 });
    await slow.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (slow.app.server.address() as { port: number }).port;
    const started = Date.now();
    const closed = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.write('POST /routes HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{');
      });
      let got = '';
      s.on('data', (d) => {
        got += d.toString();
      });
      s.on('close', () => resolve(got));
      setTimeout(() => s.destroy(), 10_000);
    });
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(closed === '' || closed.startsWith('HTTP/1.1 408')).toBe(true);
    await slow.app.close();
  });
});

describe('heavy work', () => {
  const reliability = (app: TestApp['app'], samples = 200_000) =>
    app.inject({ method: 'POST', url: '/reliability', payload: { from: 'cn-a', to: 'ge-c', depart: DEPART, samples } });

  it('answers 504 with Retry-After past the time budget, and keeps serving', async () => {
    const tight = await fixtureApp({ workPool: { threads: 1, timeoutMs: 1 } });
    const r = await reliability(tight.app);
    expect(r.statusCode).toBe(504);
    expect(r.headers['retry-after']).toBeDefined();
    expect(await health(tight.app)).toBe(200);
    await tight.app.close();
  });

  it('answers 429 past the per-client quota and 503 past the queue', async () => {
    const busy = await fixtureApp({ workPool: { threads: 1, maxQueue: 1, perClient: 2 } });
    const codes = (await Promise.all(Array.from({ length: 6 }, () => reliability(busy.app)))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((c) => c === 429).length).toBe(4);
    const crowd = await fixtureApp({ workPool: { threads: 1, maxQueue: 1, perClient: 100 } });
    const many = (await Promise.all(Array.from({ length: 6 }, () => reliability(crowd.app)))).map((r) => r.statusCode);
    expect(many.filter((c) => c === 503).length).toBeGreaterThanOrEqual(1);
    expect(many.every((c) => c === 200 || c === 503)).toBe(true);
    await busy.app.close();
    await crowd.app.close();
  });

  it('gives the same numbers in the pool as in this thread', async () => {
    const inline = await fixtureApp({ workPool: { threads: 0 } });
    const a = await reliability(t.app, 5000);
    const b = await reliability(inline.app, 5000);
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    await inline.app.close();
  });
});
