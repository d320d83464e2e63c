/**
 * A route under a scenario ("Red Sea closed", "a new line open"): the scenario applied to the baseline network
 * (`applyScenario`), compiled with the same emissions model (`compileNetwork`), and searched by the same engine
 * code. A scenario set in a `year` opens what is planned by then unless the request names its own
 * includePlannedUpTo (the rule of answerScenarioRoutes). The CLI (`route --scenario`), the API (GET and POST
 * /routes, POST /reliability) and the worker threads call these, so one question has one answer.
 *
 * Cost: applying and compiling the shipped network takes tens of milliseconds, so shells keep compiled engines in
 * a cache keyed by the scenario's `key` (its content: a library id, or a stored record's owner, id and update time).
 */
import { KeruenError } from '../errors.ts';
import type { EmissionsModel } from '../network/compile.ts';
import { compileNetwork } from '../network/compile.ts';
import { resolveRoute } from '../requests/route.ts';
import { type RouteRequest, RoutingEngine } from '../routing/plan.ts';
import { applyScenario } from '../scenarios/apply-scenario.ts';
import { BASELINE_ID } from '../scenarios/run-scenario.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';

/** A scenario a route is asked under, resolved by a shell; `key` identifies its content for caching engines. */
export interface RouteScenario {
  id: string;
  name: string;
  scenario: Scenario;
  key: string;
}

/** Where compiled scenario engines are kept between questions (the server's LruCache fits). */
export interface EngineStore {
  get(key: string): RoutingEngine | undefined;
  set(key: string, engine: RoutingEngine): void;
}

/** What an answer echoes of its scenario: id, name, and the year it is set in (null: none). */
export interface ScenarioEcho {
  id: string;
  name: string;
  year: number | null;
}

export const scenarioEcho = (s: RouteScenario): ScenarioEcho => ({
  id: s.id,
  name: s.name,
  year: s.scenario.year ?? null,
});

/**
 * The routing engine of the baseline under a scenario, from `store` when it holds one for `s.key`. Does not
 * mutate the baseline (applyScenario copies what it changes). Worker-safe.
 * @example
 *   const e = scenarioEngine(ctx.engine, { id, name, scenario, key: `library:${id}` }, model);
 */
export function scenarioEngine(
  base: RoutingEngine,
  s: RouteScenario,
  emissions: EmissionsModel | undefined,
  store?: EngineStore,
): RoutingEngine {
  const hit = store?.get(s.key);
  if (hit !== undefined) return hit;
  const net = applyScenario(base.network, s.scenario);
  const engine = new RoutingEngine(net, compileNetwork(net, { emissions }));
  store?.set(s.key, engine);
  return engine;
}

/** A request's planned-links year under a scenario: the request's own, else the scenario's `year`. */
export function plannedYearUnder<R extends { includePlannedUpTo?: number | undefined }>(
  request: R,
  scenario: Scenario | undefined,
): R {
  const year = scenario?.year;
  return year !== undefined && request.includePlannedUpTo === undefined
    ? { ...request, includePlannedUpTo: year }
    : request;
}

type RouteFieldsOut = Parameters<typeof resolveRoute>[1];

/**
 * The engine's request under a scenario: names resolved on the scenario's network (a scenario may add
 * terminals), planned links opened up to the scenario's year unless the request names one.
 */
export function routeRequestUnder(
  engine: RoutingEngine,
  s: RouteScenario,
  body: RouteFieldsOut,
  now: Date,
): RouteRequest {
  return plannedYearUnder(resolveRoute(engine.network, body, now), s.scenario);
}

/** The scenario `id` of a library, or undefined for the baseline; unknown: KERUEN_UNKNOWN_ID naming `field`. */
export function libraryScenario(
  scenarios: readonly Scenario[],
  id: string | undefined,
  field: string,
  hint = '',
): RouteScenario | undefined {
  if (id === undefined || id === BASELINE_ID) return undefined;
  const sc = scenarios.find((x) => x.id === id);
  if (sc === undefined) throw unknownScenario(scenarios, id, field, hint);
  return { id, name: sc.name, scenario: sc, key: `library:${id}` };
}

/** KERUEN_UNKNOWN_ID for a scenario id, listing the known ones ("baseline" and the library's). */
export function unknownScenario(scenarios: readonly Scenario[], id: string, field: string, hint = ''): KeruenError {
  const known = [BASELINE_ID, ...scenarios.map((x) => x.id)];
  return new KeruenError(
    'KERUEN_UNKNOWN_ID',
    `unknown scenario ${JSON.stringify(id)}; known: ${known.join(', ')}${hint}`,
    [],
    {
      field,
      value: id,
    },
  );
}
