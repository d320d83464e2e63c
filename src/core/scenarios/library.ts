/**
 * A dataset's own scenarios and demand sets, as the API offers them: the scenarios that apply to the network
 * (the others listed as rejected with their first problem), the demand sets, and which one is the default.
 */
import type { Network } from '../network/network.ts';
import { checkScenario } from './apply-scenario.ts';
import type { DemandSet } from './demand.ts';
import type { Scenario } from './scenario-schema.ts';

export interface ScenarioLibrary {
  scenarios: Scenario[];
  rejected: Array<{ id: string; problem: string }>;
  demands: DemandSet[];
  defaultDemand: string;
}

export function buildScenarioLibrary(
  network: Network,
  scenarios: readonly Scenario[],
  demands: readonly DemandSet[],
  opts: { defaultDemand?: string | undefined; rejected?: ScenarioLibrary['rejected'] } = {},
): ScenarioLibrary {
  const ok: Scenario[] = [];
  const rejected = [...(opts.rejected ?? [])];
  for (const s of scenarios) {
    const problems = checkScenario(network, s);
    const first = problems[0];
    if (first === undefined) ok.push(s);
    else rejected.push({ id: s.id, problem: first.message });
  }
  const fallback = demands[0]?.id ?? '';
  const defaultDemand = demands.some((d) => d.id === opts.defaultDemand) ? (opts.defaultDemand as string) : fallback;
  return { scenarios: ok, rejected, demands: [...demands], defaultDemand };
}

export const EMPTY_LIBRARY: ScenarioLibrary = { scenarios: [], rejected: [], demands: [], defaultDemand: '' };
