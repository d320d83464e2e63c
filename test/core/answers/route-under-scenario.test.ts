/**
 * A route under a scenario (core/answers/route-under-scenario.ts) on the shipped dataset: with the Red Sea
 * closed, Shanghai -> Rotterdam no longer sails Singapore -> Port Said (it goes round the Cape or by rail); the
 * baseline engine is untouched; a scenario's year opens its planned links unless the request names a year.
 */
import { describe, expect, it } from 'vitest';
import {
  answerReliability,
  KeruenError,
  libraryScenario,
  plannedYearUnder,
  type RoutingEngine,
  resolveRoute,
  routeRequestUnder,
  scenarioEngine,
} from '../../../src/core/index.ts';
import { loadContext, loadScenarios } from '../../../src/io/index.ts';

const ctx = loadContext();
const library = loadScenarios();
const NOW = new Date('2026-12-01T00:00:00Z');
const body = {
  from: 'Shanghai',
  to: 'Rotterdam',
  depart: '2026-12-07T08:00:00Z',
  cargo: { kind: 'containers' as const, teu: 1 },
};
const SUEZ_LEG = 'sea-singapore-port-said';
const links = (r: ReturnType<RoutingEngine['route']>) => r.itineraries.flatMap((it) => it.legs.map((l) => l.linkId));

describe('route under a scenario', () => {
  it('avoids Suez with the Red Sea closed, and leaves the baseline as it was', () => {
    const before = ctx.engine.route(resolveRoute(ctx.network, body, NOW), { timelines: false });
    expect(links(before)).toContain(SUEZ_LEG);

    const under = libraryScenario(library, 'red-sea-closed', 'scenario');
    if (under === undefined) throw new Error('red-sea-closed is in the library');
    const engine = scenarioEngine(ctx.engine, under, ctx.emissions);
    const r = engine.route(routeRequestUnder(engine, under, body, NOW), { timelines: false });
    expect(r.itineraries.length).toBeGreaterThan(0);
    expect(links(r)).not.toContain(SUEZ_LEG);
    // round the Cape, or overland by rail
    expect(
      r.itineraries.some(
        (it) => it.keyNodes.some((n) => /Cape of Good Hope/.test(n)) || it.legs.some((l) => l.mode === 'rail'),
      ),
    ).toBe(true);
    // CO2e is still computed (same emissions model)
    expect(r.itineraries.every((it) => it.totals.co2eKg !== null)).toBe(true);

    const after = ctx.engine.route(resolveRoute(ctx.network, body, NOW), { timelines: false });
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('keeps compiled engines in the store by scenario key', () => {
    const under = libraryScenario(library, 'red-sea-closed', 'scenario');
    if (under === undefined) throw new Error('red-sea-closed is in the library');
    const kept = new Map<string, RoutingEngine>();
    const a = scenarioEngine(ctx.engine, under, ctx.emissions, kept);
    expect(scenarioEngine(ctx.engine, under, ctx.emissions, kept)).toBe(a);
    expect([...kept.keys()]).toEqual(['library:red-sea-closed']);
  });

  it("opens planned links up to the scenario's year unless the request names one", () => {
    const sc = library.find((s) => s.id === 'trans-afghan-railway');
    expect(sc?.year).toBe(2030);
    expect(plannedYearUnder({ includePlannedUpTo: undefined }, sc).includePlannedUpTo).toBe(2030);
    expect(plannedYearUnder({ includePlannedUpTo: 2027 }, sc).includePlannedUpTo).toBe(2027);
    const noYear = library.find((s) => s.id === 'red-sea-closed');
    expect(plannedYearUnder({ includePlannedUpTo: undefined }, noYear).includePlannedUpTo).toBeUndefined();
  });

  it('takes "baseline" or nothing as the baseline, and names the field and the known ids otherwise', () => {
    expect(libraryScenario(library, undefined, 'scenario')).toBeUndefined();
    expect(libraryScenario(library, 'baseline', 'scenario')).toBeUndefined();
    try {
      libraryScenario(library, 'nope', 'body.scenario');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KeruenError);
      const k = e as KeruenError;
      expect(k.code).toBe('KERUEN_UNKNOWN_ID');
      expect(k.details).toMatchObject({ field: 'body.scenario', value: 'nope' });
      expect(k.message).toContain('red-sea-closed');
    }
  });

  it('echoes the scenario in the reliability answer, and only under one', () => {
    const under = libraryScenario(library, 'red-sea-closed', 'scenario');
    if (under === undefined) throw new Error('red-sea-closed is in the library');
    const req = { ...body, samples: 200, seed: 1 };
    const base = answerReliability(ctx.engine, req, NOW);
    expect(base).not.toHaveProperty('scenario');
    const a = answerReliability(scenarioEngine(ctx.engine, under, ctx.emissions), req, NOW, under);
    expect(a.scenario).toEqual({ id: 'red-sea-closed', name: under.name, year: null });
    expect(a.itineraries.flatMap((it) => it.keyNodes).some((n) => /Suez/.test(n))).toBe(false);
  });
});
