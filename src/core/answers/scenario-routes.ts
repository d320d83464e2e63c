/**
 * The answer to "what would this route look like under these scenarios": one route search on the baseline and
 * under each scenario (a scenario set in a year opens what is planned by then).
 */
import type { EmissionsModel } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import type { RouteRequestBody } from '../requests/route.ts';
import { resolveRoute } from '../requests/route.ts';
import type { RouteRequest, RouteResult, RoutingEngine } from '../routing/plan.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';
import { plannedYearUnder, scenarioEngine } from './route-under-scenario.ts';

function summary(r: RouteResult) {
  const best = (k: 'durationH' | 'costUsd') =>
    r.itineraries.reduce<number | null>((m, it) => (m === null || it.totals[k] < m ? it.totals[k] : m), null);
  return {
    itineraries: r.itineraries.length,
    fastestH: best('durationH'),
    cheapestUsd: best('costUsd'),
    noRoute: r.noRoute,
    options: r.itineraries.map((it) => ({
      key: it.key,
      corridor: it.corridor,
      keyNodes: it.keyNodes,
      totals: it.totals,
    })),
  };
}

export function answerScenarioRoutes(
  engine: RoutingEngine,
  route: RouteRequestBody,
  scenarios: ReadonlyArray<{ id: string; scenario: Scenario }>,
  now: Date,
  emissions?: EmissionsModel | undefined,
) {
  const net: Network = engine.network;
  const request: RouteRequest = resolveRoute(net, route, now);
  const results = scenarios.map(({ id, scenario: sc }) => {
    const e = scenarioEngine(engine, { id, name: sc.name, scenario: sc, key: id }, emissions);
    const r = plannedYearUnder(request, sc);
    return { id, name: sc.name, ...summary(e.route(r, { timelines: false })) };
  });
  return { request, baseline: summary(engine.route(request, { timelines: false })), scenarios: results };
}
