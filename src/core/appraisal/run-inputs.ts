/**
 * The inputs of the appraisal's runs, checked before any assignment: the network every run starts from (the
 * dataset's, or the dataset's under a context scenario such as russia-closed), each candidate's scenario (its
 * scenario file or the changes written in projects.yaml) or the reason it cannot be appraised, and the catchment
 * cells the growth file adds to the demand. Pure; worker-safe.
 */
import { type Issue, KeruenError } from '../errors.ts';
import type { EmissionsModel } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { applyScenario } from '../scenarios/apply-scenario.ts';
import type { DemandSet } from '../scenarios/demand.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';
import type { AppraisalData, Project } from './schema.ts';

/** Everything an appraisal runs on: the network, emission factors, base demand, scenario library, appraisal data. */
export interface AppraisalContext {
  network: Network;
  emissions?: EmissionsModel | undefined;
  baseDemand: DemandSet;
  scenarios: ReadonlyMap<string, Scenario>;
  data: AppraisalData;
}

/** Why a candidate cannot be appraised (its `missing`, or no scenario), or null when it can. */
export function unappraisedReason(p: Project, scenarios: ReadonlyMap<string, Scenario>): string | null {
  if (p.missing !== undefined) return p.missing;
  if (p.changes !== undefined) return null;
  if (p.scenario === undefined || !scenarios.has(p.scenario)) return `scenario ${p.scenario ?? '(none)'} not found`;
  return null;
}

/** The project's scenario: its scenario file, or one made of the changes written in projects.yaml. */
export function projectScenario(p: Project, scenarios: ReadonlyMap<string, Scenario>): Scenario {
  if (p.changes === undefined) return scenarios.get(p.scenario as string) as Scenario;
  const cites = p.sources ?? p.capex?.source ?? [];
  return {
    id: `project-${p.id}`,
    name: p.name,
    description: `The network change of the appraisal candidate ${p.id} (data/appraisal/projects.yaml).`,
    sources: Array.isArray(cites) ? [...cites] : [cites],
    tags: ['investment'],
    changes: p.changes,
  } as Scenario;
}

/**
 * The network every run of the call starts from: the dataset's, or the dataset's under the context scenario (the
 * do-minimum and each project are then both valued in that world). KERUEN_UNKNOWN_ID names a context the library
 * lacks.
 */
export function contextNetwork(ctx: AppraisalContext, context: string | undefined): Network {
  if (context === undefined) return ctx.network;
  const s = ctx.scenarios.get(context);
  if (s === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_ID', `no scenario ${JSON.stringify(context)} for the context`, [], {
      field: 'context',
      value: context,
    });
  return applyScenario(ctx.network, s);
}

/**
 * The growth file's added catchment cells must name nodes of the network and commodities of the base demand set;
 * all problems are reported at once (KERUEN_INVALID_DATASET), each with its field and value.
 */
export function checkAddedFlows(ctx: AppraisalContext): void {
  const nodes = new Set(ctx.network.nodes.map((n) => n.id));
  const commodities = new Set(ctx.baseDemand.commodities.map((c) => c.id));
  const issues: Issue[] = [];
  const bad = (i: number, field: string, value: string, message: string) =>
    issues.push({
      code: 'unknown_id',
      file: 'appraisal/growth.yaml',
      field: `addedFlows[${i}].${field}`,
      value,
      message,
    });
  ctx.data.growth.addedFlows.forEach((f, i) => {
    if (!nodes.has(f.from)) bad(i, 'from', f.from, 'not a node of the network');
    if (!nodes.has(f.to)) bad(i, 'to', f.to, 'not a node of the network');
    if (!commodities.has(f.commodity))
      bad(i, 'commodity', f.commodity, `not a commodity of the demand set ${ctx.baseDemand.id}`);
  });
  if (issues.length > 0)
    throw new KeruenError(
      'KERUEN_INVALID_DATASET',
      `appraisal/growth.yaml adds ${issues.length} bad flow field(s)`,
      issues,
    );
}
