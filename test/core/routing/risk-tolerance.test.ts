/**
 * The epsilon-front of risk queries (src/core/routing/front-tolerance.ts) against the exact four-criterion front:
 * every route of the exact front is covered by a returned route, within the tolerance once (time from the
 * departure, cost and CO2e within `relative`, the probability of a cut within `riskAbsolute`); on three criteria the
 * tolerance changes nothing, route for route. On the shipped network (random queries, fast-check) and on a sample of
 * the routing benchmark's 10x queries (bench/routing/multi-criteria.ts, seed 42).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomRequests } from '../../../bench/routing/multi-criteria.ts';
import { replicate, toNetwork } from '../../../bench/support/synthetic-corridors.ts';
import { createEmissionsModel, parseDatasetFiles } from '../../../src/core/index.ts';
import type { CompiledGraph } from '../../../src/core/network/compile.ts';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import {
  checkFrontTolerance,
  covers,
  EXACT_FRONT,
  probabilityOf,
  RISK_FRONT_TOLERANCE,
  relaxedRiskLog,
} from '../../../src/core/routing/front-tolerance.ts';
import { type ParetoPath, ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { RoutingEngine } from '../../../src/core/routing/plan.ts';
import type { SearchQuery } from '../../../src/core/routing/query.ts';
import { loadContext, loadEmissionFactorsDir, readDatasetFiles } from '../../../src/io/index.ts';

const YEAR_2026_H = Date.UTC(2026, 0, 1) / 3_600_000;
/** Rounding slack of the check: the search compares sums that carry its own 1e-9 tolerance. */
const SLACK = 1e-6;

/** The exact-front routes no returned route covers (transfers too when a limit makes them a criterion). */
function uncovered(exact: readonly ParetoPath[], got: readonly ParetoPath[], q: SearchQuery): ParetoPath[] {
  const withTransfers = q.maxTransfers !== undefined;
  return exact.filter(
    (p) =>
      !got.some(
        (r) => covers(r, p, q.departH, RISK_FRONT_TOLERANCE, SLACK) && (!withTransfers || r.transfers <= p.transfers),
      ),
  );
}

function routers(g: CompiledGraph) {
  return {
    exact: new ParetoRouter(g, { riskTolerance: EXACT_FRONT }),
    eps: new ParetoRouter(g, { riskTolerance: RISK_FRONT_TOLERANCE }),
  };
}

describe('front tolerance', () => {
  it('relaxes a risk by percentage points of the probability of a cut', () => {
    // p = 1 - e^-r: r = ln 2 is p = 0.5; plus 1 point is p = 0.51, r = -ln 0.49
    expect(probabilityOf(Math.LN2)).toBeCloseTo(0.5, 12);
    expect(relaxedRiskLog(Math.LN2, 0.01)).toBeCloseTo(-Math.log(0.49), 12);
    expect(relaxedRiskLog(Math.LN2, 0)).toBe(Math.LN2);
    // past a probability of 1 every risk is covered
    expect(relaxedRiskLog(-Math.log(0.005), 0.01)).toBe(Number.POSITIVE_INFINITY);
  });

  it('covers within the relative tolerance on time from the departure, cost and CO2e', () => {
    const b = { arriveH: 100 + 50, costUsd: 1000, co2eKg: 200, riskLog: 0.1 };
    // 1% of 50 h is 0.5 h; of USD 1000, 10; of 200 kg, 2
    expect(covers({ ...b, arriveH: 150.5, costUsd: 1010, co2eKg: 202 }, b, 100, RISK_FRONT_TOLERANCE)).toBe(true);
    expect(covers({ ...b, arriveH: 150.6 }, b, 100, RISK_FRONT_TOLERANCE)).toBe(false);
    expect(covers({ ...b, costUsd: 1010.5 }, b, 100, RISK_FRONT_TOLERANCE)).toBe(false);
    expect(covers({ ...b, riskLog: 0.2 }, b, 100, RISK_FRONT_TOLERANCE)).toBe(false);
  });

  it('refuses a tolerance outside [0, 1), naming the field and the value', () => {
    expect(() => checkFrontTolerance({ relative: -0.01, riskAbsolute: 0 })).toThrow(/riskTolerance\.relative = -0\.01/);
    expect(() => checkFrontTolerance({ relative: 0, riskAbsolute: 1 })).toThrow(/riskTolerance\.riskAbsolute = 1/);
    expect(
      () => new ParetoRouter(loadContext().graph, { riskTolerance: { relative: Number.NaN, riskAbsolute: 0 } }),
    ).toThrow(/relative = NaN/);
  });
});

describe('the epsilon-front on the shipped network', () => {
  const { graph: g, network, engine } = loadContext();
  const { exact, eps } = routers(g);
  const usable = network.nodes.map((_, i) => i).filter((i) => (g.nodeOff[i + 1] ?? 0) > (g.nodeOff[i] ?? 0));
  const query = fc.record({
    origin: fc.constantFrom(...usable),
    destination: fc.constantFrom(...usable),
    departH: fc.double({ min: YEAR_2026_H, max: YEAR_2026_H + 365 * 24, noNaN: true }),
    cargo: fc.oneof(
      fc.record({ kind: fc.constant('containers' as const), teu: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('bulk' as const), tonnes: fc.integer({ min: 1, max: 900 }) }),
    ),
    avoidCountries: fc.subarray(['RU', 'IR', 'KZ', 'AZ'], { maxLength: 1 }),
    maxTransfers: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  });

  it('covers every route of the exact four-criterion front', () => {
    fc.assert(
      fc.property(query, (q0) => {
        const q = { ...q0, useRisk: true };
        const got = eps.search(q);
        expect(uncovered(exact.search(q), got, q)).toEqual([]);
      }),
      { numRuns: 150, seed: 21 },
    );
  });

  it('leaves the three-criterion search unchanged', () => {
    fc.assert(
      fc.property(query, (q0) => {
        const q = { ...q0, useRisk: false };
        expect(eps.search(q)).toEqual(exact.search(q));
      }),
      { numRuns: 100, seed: 22 },
    );
  });

  it('states the tolerance in a risk answer, and only there', () => {
    const req = {
      from: 'cn-xian',
      to: 'de-duisburg',
      depart: '2026-03-03T08:00:00Z',
      cargo: { kind: 'containers', teu: 1 },
    } as const;
    expect(engine.route(req).tolerance).toBeUndefined();
    const t = engine.route({ ...req, useRisk: true }).tolerance;
    expect(t).toMatchObject({
      relative: RISK_FRONT_TOLERANCE.relative,
      riskAbsolute: RISK_FRONT_TOLERANCE.riskAbsolute,
    });
    expect(t?.note).toMatch(/epsilon-front.*1% slower.*1 percentage points/);
  });
});

describe('the epsilon-front on the 10x benchmark network', () => {
  const K = 10;
  const net = toNetwork(replicate(parseDatasetFiles(readDatasetFiles()).raw, { copies: K, seed: 42 + K }), 'x10');
  const g = compileNetwork(net, { emissions: createEmissionsModel(loadEmissionFactorsDir()) });
  const engine = new RoutingEngine(net, g);
  const { exact, eps } = routers(g);
  const reqs = randomRequests(net, g, 40, 42);

  it('covers every route of the exact front on a sample of the benchmark queries, with fewer routes', () => {
    let exactRoutes = 0;
    let returned = 0;
    for (const req of reqs) {
      const q = { ...engine.toQuery(req), useRisk: true };
      const all = exact.search(q);
      const got = eps.search(q);
      expect(uncovered(all, got, q)).toEqual([]);
      exactRoutes += all.length;
      returned += got.length;
    }
    // the point of the tolerance: the front is smaller (35 against 24 routes a query at 1%, 1 point, in a run)
    expect(returned).toBeLessThan(exactRoutes);
  });

  it('leaves the three-criterion search unchanged on the same queries', () => {
    for (const req of reqs) {
      const q = { ...engine.toQuery(req), useRisk: false };
      expect(eps.search(q)).toEqual(exact.search(q));
    }
  });
});
