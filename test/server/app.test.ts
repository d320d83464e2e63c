import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_OF_CODE } from '../../src/server/errors.ts';
import { DEPART, fixtureApp, type TestApp } from './support/fixture-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await fixtureApp();
});
afterAll(async () => {
  await t.app.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('public reads', () => {
  it('answers /health with the dataset', async () => {
    const r = await get('/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', nodes: 6, links: 4 });
  });

  it('serves the network as JSON and GeoJSON', async () => {
    expect((await get('/network/nodes')).json()).toHaveLength(6);
    const g = await get('/network/geojson');
    expect(g.headers['content-type']).toMatch(/geo\+json/);
    expect(g.json().type).toBe('FeatureCollection');
    expect((await get('/network/nodes/kz-p')).json().name).toBe('Papa port');
    const miss = await get('/network/nodes/kz-pp');
    expect(miss.statusCode).toBe(404);
    expect(miss.json().closest[0].id).toBe('kz-p');
  });

  it('finds routes by name with GET and POST', async () => {
    const r = await get(`/routes?from=Alpha&to=ge-c&depart=${DEPART}`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.from.id).toBe('cn-a');
    expect(b.itineraries[0].legs.map((l: { to: string }) => l.to)).toEqual(['kz-b', 'kz-p', 'az-q', 'ge-c']);
    expect(b.itineraries[0].timeline).toBeUndefined();
    const p = await t.app.inject({
      method: 'POST',
      url: '/routes',
      payload: { from: 'cn-a', to: 'ge-c', depart: DEPART, cargo: { kind: 'containers', teu: 2 }, timeline: true },
    });
    expect(p.statusCode).toBe(200);
    expect(p.json().itineraries[0].timeline.steps).toHaveLength(8);
  });

  it('answers a repeated query from the cache with the same body, and a different one afresh', async () => {
    const url = `/routes?from=cn-a&to=ge-c&depart=${DEPART}`;
    const first = (await get(url)).body;
    expect((await get(url)).body).toBe(first);
    const two = (await get(`${url}&teu=2`)).json();
    expect(two.itineraries[0].totals.costUsd).toBeCloseTo(2 * JSON.parse(first).itineraries[0].totals.costUsd, 6);
  });

  it('answers 200 with noRoute when constraints cut every route', async () => {
    const r = await get(`/routes?from=cn-a&to=ge-c&depart=${DEPART}&avoidModes=ferry`);
    expect(r.statusCode).toBe(200);
    expect(r.json().itineraries).toEqual([]);
    expect(r.json().noRoute.cutBy).toContain('avoided modes');
  });

  it('gives the reliability of each itinerary', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/reliability',
      payload: { from: 'cn-a', to: 'ge-c', depart: DEPART, deadline: '2026-03-12T00:00:00Z', samples: 2000, seed: 7 },
    });
    expect(r.statusCode).toBe(200);
    const it0 = r.json().itineraries[0];
    expect(it0.onTimeProbability).toBeGreaterThan(0);
    expect(it0.onTimeProbability).toBeLessThanOrEqual(1);
    expect(it0.transitH.p5).toBeLessThanOrEqual(it0.transitH.p95);
  });
});

describe('bad input is a 4xx naming the field and the value', () => {
  it.each([
    ['/routes?from=cn-a&to=ge-c&teu=-1', 'query.teu', '-1'],
    ['/routes?from=cn-a&to=ge-c&depart=yesterday', 'query.depart', 'yesterday'],
    ['/routes?from=cn-a&to=ge-c&avoidModes=rail,camel', 'query.avoidModes.1', undefined],
    ['/routes?from=cn-a', 'query.to', undefined],
    ['/routes?from=cn-a&to=ge-c&bogus=1', 'query', undefined],
  ])('%s', async (url, field, value) => {
    const r = await get(url);
    expect(r.statusCode).toBe(400);
    const b = r.json();
    expect(b.error).toBe('invalid_request');
    expect(b.field).toBe(field);
    if (value !== undefined) expect(b.value).toBe(value);
  });

  it('names an unknown node with suggestions', async () => {
    const r = await get('/routes?from=Alfa&to=ge-c');
    expect(r.statusCode).toBe(STATUS_OF_CODE.KERUEN_UNKNOWN_NODE);
    expect(r.json()).toMatchObject({ error: 'KERUEN_UNKNOWN_NODE', field: 'from', value: 'Alfa' });
    expect(r.json().closest[0].id).toBe('cn-a');
  });

  it('names a bad body field', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/routes',
      payload: { from: 'cn-a', to: 'ge-c', cargo: { kind: 'containers', teu: 'many' } },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ field: 'body.cargo.teu', value: 'many' });
  });

  it('rejects malformed JSON, wrong media types and oversized bodies with a 4xx', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/routes',
      headers: { 'content-type': 'application/json' },
      payload: '{"from": ',
    });
    expect(bad.statusCode).toBe(400);
    const media = await t.app.inject({
      method: 'POST',
      url: '/routes',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(media.statusCode).toBe(415);
    const big = await t.app.inject({
      method: 'POST',
      url: '/routes',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ from: 'x'.repeat(300_000) }),
    });
    expect(big.statusCode).toBe(413);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const r = await get('/nowhere');
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toBe('not_found');
  });
});

describe('OpenAPI and hardening', () => {
  it('publishes OpenAPI 3.1 generated from the request schemas', async () => {
    const r = await get('/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/routes', '/reliability', '/scenarios', '/shipments', '/shipments/{id}/events', '/health'])
      expect(doc.paths).toHaveProperty([p]);
    const params = doc.paths['/routes'].get.parameters.map((x: { name: string }) => x.name);
    expect(params).toEqual(expect.arrayContaining(['from', 'to', 'depart', 'teu', 'avoidCountries']));
    expect(
      doc.paths['/shipments/{id}/events'].post.requestBody.content['application/json'].schema.properties.type.enum,
    ).toEqual(['departed', 'arrived', 'border_crossed', 'ferry_loaded']);
    expect((await get('/docs')).statusCode).toBe(200);
  });

  it('sets security headers', async () => {
    const r = await get('/health');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-frame-options']).toBeDefined();
  });

  it('limits the request rate per client', async () => {
    const limited = await fixtureApp({ rateLimitPerMinute: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    await limited.app.close();
  });
});
