/**
 * The OpenAPI document is a contract clients can generate code from: every operation has a unique, named
 * operationId, its error responses with the one error schema, explicit security (empty when public); the
 * document has servers and a licence; and the operationId table names only operations that exist.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '../../src/server/openapi.ts';
import { fixtureApp, type TestApp } from './support/fixture-app.ts';
import { shippedApp } from './support/shipped-app.ts';

type Op = { operationId?: string; security?: unknown[]; responses?: Record<string, { content?: unknown }> };
let t: TestApp;
let doc: { info: { license?: unknown }; servers?: unknown[]; paths: Record<string, Record<string, Op>> };
beforeAll(async () => {
  t = await fixtureApp({ workPool: { threads: 0 } });
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => {
  await t.app.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('OpenAPI document', () => {
  it('names every operation once, from the table, in lower camel case', () => {
    const ids = operations().map(({ key, op }) => {
      expect(op.operationId, key).toBe(OPERATION_IDS[key]);
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(25);
  });

  it('documents the error responses and the security of every operation', () => {
    for (const { key, op } of operations()) {
      expect(Array.isArray(op.security), key).toBe(true);
      expect(op.responses?.['400']?.content, key).toBeDefined();
      expect(op.responses?.['429'], key).toBeDefined();
      if ((op.security?.length ?? 0) > 0) expect(op.responses?.['401'], key).toBeDefined();
    }
    expect(operations().find((o) => o.key === 'GET /health')?.op.security).toEqual([]);
    expect(operations().find((o) => o.key === 'POST /reliability')?.op.responses?.['504']).toBeDefined();
  });

  it('has servers and a licence, and no stale operationId', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license).toMatchObject({ name: 'Apache-2.0' });
    const keys = new Set(operations().map((o) => o.key));
    // The emissions endpoints exist only when the app has emission factors (the fixture has none).
    expect(Object.keys(OPERATION_IDS).filter((k) => !keys.has(k))).toEqual([
      'POST /emissions',
      'POST /emissions/itinerary',
    ]);
  });
});

/** Redocly's recommended rules, as `redocly lint` applies them, on the shipped app's document (every operation). */
async function redoclyProblems(source: string) {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source, config, absoluteRef: 'openapi.json' });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
}

describe("the ecosystem's standard lint", () => {
  it('passes Redocly recommended with no error and no warning', async () => {
    const shipped = await shippedApp();
    const source = (await shipped.app.inject({ method: 'GET', url: '/openapi.json' })).body;
    await shipped.close();
    expect(await redoclyProblems(source)).toEqual([]);
  }, 60_000);

  it('would catch an operation without operationId, summary, 4xx answer or security', async () => {
    const bare = {
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
    };
    const rules = (await redoclyProblems(JSON.stringify(bare))).map((p) => p.split(':')[0]);
    expect(rules).toEqual(
      expect.arrayContaining([
        'warn operation-operationId',
        'error operation-summary',
        'warn operation-4xx-response',
        'error security-defined',
        'error no-empty-servers',
        'warn info-license',
      ]),
    );
  });
});
