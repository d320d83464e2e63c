/**
 * Scenarios and the capacity engine: scenario files and their application to the network, demand tables,
 * equilibrium assignment with congestion, KPIs, comparison and investment ranking.
 */

export { applyScenario, checkScenario, tryApplyScenario } from './apply-scenario.ts';
export * from './assignment.ts';
export * from './compare.ts';
export { batchHoursAt, mD1WaitH, mD1WaitSlopeH, meanTimetableWaitH, TEU_PER_TRAIN } from './congestion.ts';
export * from './demand.ts';
export * from './kpis.ts';
export * from './rank-investments.ts';
export { buildResources, type ResourceKind, type Resources } from './resources.ts';
export * from './run-scenario.ts';
export { getScenario, parseScenario, parseScenarioFiles, type TextFile } from './scenario-load.ts';
export * from './scenario-schema.ts';
