/**
 * A scenario named by a request: "baseline", a library scenario (public), or, with the caller's token, one of the
 * caller's stored scenarios (checked again on load). Its `key` identifies its content for caches: a stored one's
 * includes the owner and the record's update time, so an edited scenario is never answered from a stale run and
 * one caller's scenario is never answered to another.
 */
import type { FlowScenario, RouteScenario } from '../core/index.ts';
import { BASELINE_ID, BASELINE_NAME, unknownScenario } from '../core/index.ts';
import type { AppDeps } from './deps.ts';
import { loadStoredScenario } from './stored-scenario.ts';

/** The scenario `id`, or KERUEN_UNKNOWN_ID naming `field` (e.g. `body.scenario`) with the known ids. */
export async function resolveScenarioId(
  deps: Pick<AppDeps, 'library' | 'network' | 'storage'>,
  field: string,
  id: string,
  owner: string | undefined,
): Promise<FlowScenario> {
  const lib = deps.library;
  if (id === BASELINE_ID) return { id, name: BASELINE_NAME, origin: 'baseline', scenario: undefined, key: 'baseline' };
  const s = lib.scenarios.find((x) => x.id === id);
  if (s) return { id, name: s.name, origin: 'library', scenario: s, key: `library:${id}` };
  if (owner !== undefined) {
    const stored = await loadStoredScenario(deps, owner, id, field);
    if (stored !== undefined) {
      const { scenario, record } = stored;
      const key = `stored:${owner}:${id}:${record.updatedAt}`;
      return { id, name: scenario.name, origin: 'stored', scenario, key };
    }
  }
  const hint = owner === undefined ? ' (your stored scenarios need a token)' : ', or one of your stored scenarios';
  throw unknownScenario(lib.scenarios, id, field, hint);
}

/** The scenario a route is asked under, or undefined for the baseline (absent or "baseline"). */
export async function routeScenarioOf(
  deps: Pick<AppDeps, 'library' | 'network' | 'storage'>,
  field: string,
  id: string | undefined,
  owner: string | undefined,
): Promise<RouteScenario | undefined> {
  if (id === undefined) return undefined;
  const s = await resolveScenarioId(deps, field, id, owner);
  return s.scenario === undefined ? undefined : { id: s.id, name: s.name, scenario: s.scenario, key: s.key };
}

/** Whether a scenario id needs the caller's identity (neither the baseline nor a library scenario). */
export const isStoredScenarioId = (deps: Pick<AppDeps, 'library'>, id: string | undefined): boolean =>
  id !== undefined && id !== BASELINE_ID && !deps.library.scenarios.some((x) => x.id === id);
