/** Investment appraisal: EU cost–benefit analysis per project, demand growth to 2040, MILP portfolio. */

export * from './answer.ts';
export * from './appraise.ts';
export * from './benefits.ts';
export * from './cash-flows.ts';
export * from './growth.ts';
export * from './measures.ts';
export * from './portfolio.ts';
export * from './project-traffic.ts';
export * from './risk.ts';
export * from './run-inputs.ts';
export * from './schema.ts';
