/**
 * A stored scenario read back: checked again by the core schema and against the network on load (a record
 * written by an older version, or edited in the database, must not reach the engines unchecked). A record that
 * no longer passes is a 400 naming the field, the value and the bound, never a crash.
 */
import { checkScenario, KeruenError, parseRequest, type Scenario, ScenarioSchema } from '../core/index.ts';
import type { AppDeps } from './deps.ts';
import type { ScenarioRecord } from './storage/storage.ts';

/** A scenario checked against the network: KERUEN_INVALID_SCENARIO listing every problem, naming `field`. */
export function checkedScenario(deps: Pick<AppDeps, 'network'>, sc: Scenario, field: string): Scenario {
  const issues = checkScenario(deps.network, sc);
  const first = issues[0];
  if (first !== undefined)
    throw new KeruenError(
      'KERUEN_INVALID_SCENARIO',
      `scenario has ${issues.length} problem(s): ${first.message}`,
      issues,
      {
        field: `${field}.${first.field ?? ''}`,
        value: first.value,
      },
    );
  return sc;
}

export async function loadStoredScenario(
  deps: Pick<AppDeps, 'network' | 'storage'>,
  owner: string,
  id: string,
  field: string,
): Promise<{ scenario: Scenario; record: ScenarioRecord } | undefined> {
  const record = await deps.storage.findScenario(owner, id);
  if (record === undefined) return undefined;
  const scenario = parseRequest(ScenarioSchema, record.document, {
    prefix: `stored scenario ${id}`,
    code: 'KERUEN_INVALID_SCENARIO',
    what: `your stored scenario ${id} no longer passes its checks (${field})`,
  });
  return { scenario: checkedScenario(deps, scenario, `stored scenario ${id}`), record };
}
