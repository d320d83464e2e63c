/**
 * Scenarios and the capacity engine: scenario files and their application to the network, demand tables,
 * equilibrium assignment with congestion, KPIs, comparison and investment ranking.
 */

export { applyScenario, checkScenario, tryApplyScenario } from './apply-scenario.ts';
export * from './assignment.ts';
export * from './calibrate-logit.ts';
export * from './compare.ts';
export { batchHoursAt, mD1WaitH, mD1WaitSlopeH, meanTimetableWaitH, TEU_PER_TRAIN } from './congestion.ts';
export { CORRIDOR_BANS, corridorOfEdges, edgeCorridors } from './corridor-choice.ts';
export * from './demand.ts';
export * from './kpis.ts';
export { logitExpectedCost, logitShares } from './logit.ts';
export * from './rank-investments.ts';
export { buildResources, type ResourceKind, type Resources } from './resources.ts';
export * from './run-scenario.ts';
export { getScenario, parseScenario, parseScenarioFiles, type TextFile } from './scenario-load.ts';
export * from './scenario-schema.ts';
export { chokePrices, ruleOfHalf, surplusChange } from './surplus.ts';
