/**
 * The exports question (issue 18), answered once for the CLI (`keruen exports`), the API (`GET /exports`) and the
 * page: Kazakhstan's export flows from mine gate to EU entry point under a scenario, assigned under capacity
 * (assign-exports.ts), with landed cost, days, ISO 14083 WTW CO2e and risk per tonne by commodity and corridor,
 * the unserved tonnes with their bottleneck, Kazakhstan's share of the EU's imports of each commodity with its
 * year, and the sources of every figure.
 */
import { type EngineStore, type RouteScenario, scenarioEcho, scenarioEngine } from '../answers/route-under-scenario.ts';
import { KeruenError } from '../errors.ts';
import type { EmissionsModel } from '../network/compile.ts';
import type { ExportsRequest } from '../requests/exports.ts';
import { ParetoRouter } from '../routing/pareto-search.ts';
import type { RoutingEngine } from '../routing/plan.ts';
import { BASELINE_ID, BASELINE_NAME } from '../scenarios/run-scenario.ts';
import { toHoursSinceEpoch } from '../time.ts';
import { type CommodityChange, changesAgainstBaseline } from './against-baseline.ts';
import { assignExportFlows, type FlowResult } from './assign-exports.ts';
import { DG_CLASSES, type ExportsDataset } from './catalogue.ts';
import { checkExportsDataset, type DangerousGoodsCut, dangerousGoodsCut } from './dangerous-goods.ts';
import {
  answerSources,
  type CorridorRow,
  corridorRows,
  type ShareRow,
  shareRows,
  type UnservedRow,
  unservedRows,
} from './summary.ts';

/**
 * Every route is searched for one departure: a Monday in early March, past the worst Caspian storm months
 * (services/caspian.yaml), so that an annual answer is not skewed by a winter sailing gap.
 */
export const EXPORTS_DEPART = '2026-03-02T08:00:00Z';

export interface ExportsAnswer {
  scenario: { id: string; name: string; year: number | null };
  commodity: string | null;
  depart: string;
  shares: ShareRow[];
  byCorridor: CorridorRow[];
  unserved: UnservedRow[];
  flows: FlowResult[];
  /** Under a scenario: per commodity, what it changes against the baseline; null for the baseline itself. */
  againstBaseline: CommodityChange[] | null;
  sites: Array<{ id: string; node: string; commodity: string; outputTonnesPerYear: number | null; note: string }>;
  rules: Array<{ id: string; name: string; rule: string; sources: string[] }>;
  sources: Array<{ id: string; title: string; url: string | null; date: string }>;
  notes: string[];
}

export interface ExportsInput {
  /** The baseline engine (network and compiled graph). */
  engine: RoutingEngine;
  emissions: EmissionsModel | undefined;
  dataset: ExportsDataset;
  /** The scenario asked, resolved by the shell; undefined: the baseline. */
  scenario?: RouteScenario | undefined;
  store?: EngineStore | undefined;
}

const NOTES = [
  'Landed cost runs from the mine or plant gate to the EU entry point, in USD of the price year; a cost marked incomplete is a lower bound (a leg without a published tariff counts as free).',
  'CO2e is ISO 14083 / GLEC well-to-wheel; pipeline legs add none because no pumping-energy factor was found (each route lists them under co2eExcludes).',
  'Flows are assigned in file order to their cheapest route, up to the tonnage capacities of pipelines, tanker legs and quotas; TEU and train capacities of the container network are not shared with them.',
  'A flow without a sourced tonnage is priced per tonne and assigned no tonnes.',
];

/**
 * Answers the exports question. Throws KERUEN_INVALID_INPUT naming the field when the commodity is not in the
 * catalogue, and KERUEN_INVALID_DATASET when the exports files name nodes or links the network lacks. Does not
 * mutate its input; worker-safe.
 * @example
 *   const a = answerExports({ engine, emissions, dataset }, { commodity: 'crude-oil' });
 *   a.unserved; // tonnes no route could take, with the bottleneck
 */
export function answerExports(input: ExportsInput, req: ExportsRequest): ExportsAnswer {
  const { dataset } = input;
  if (req.commodity !== undefined && !dataset.commodities.some((c) => c.id === req.commodity)) {
    const known = dataset.commodities.map((c) => c.id).join(', ');
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `commodity = ${JSON.stringify(req.commodity)}: not in the catalogue (${known})`,
      [{ code: 'invalid_input', field: 'commodity', value: req.commodity, message: `must be one of ${known}` }],
      { field: 'commodity', value: req.commodity },
    );
  }
  const s = input.scenario;
  const engine = s === undefined ? input.engine : scenarioEngine(input.engine, s, input.emissions, input.store);
  const mine = (fs: FlowResult[]) => fs.filter((f) => req.commodity === undefined || f.commodity === req.commodity);
  const flows = mine(assignUnder(engine, dataset, s?.scenario.year));
  // Against the baseline the user reads (`keruen exports` alone): a scenario's year also opens what is planned by then.
  const baseline = s === undefined ? null : mine(assignUnder(input.engine, dataset, undefined));
  const shares = shareRows(dataset.commodities.filter((c) => req.commodity === undefined || c.id === req.commodity));
  return {
    scenario: s === undefined ? { id: BASELINE_ID, name: BASELINE_NAME, year: null } : scenarioEcho(s),
    commodity: req.commodity ?? null,
    depart: EXPORTS_DEPART,
    shares,
    byCorridor: corridorRows(flows),
    unserved: unservedRows(flows),
    flows,
    againstBaseline: baseline === null ? null : changesAgainstBaseline(baseline, flows),
    sites: dataset.sites
      .filter((x) => req.commodity === undefined || x.commodity === req.commodity)
      .map((x) => ({
        id: x.id,
        node: x.node,
        commodity: x.commodity,
        outputTonnesPerYear: 'missing' in x.output ? null : x.output.value,
        note: 'missing' in x.output ? x.output.missing : (x.output.note ?? ''),
      })),
    rules: dataset.rules.map((r) => ({ id: r.id, name: r.name, rule: r.rule, sources: r.sources })),
    sources: answerSources(engine.network, flows, shares, dataset),
    notes: NOTES,
  };
}

/**
 * Every flow of the dataset assigned on `engine`'s network. Capacities are shared by all commodities (crude of
 * three fields in one pipeline), so a one-commodity answer still assigns the flows of the others first, in file
 * order; it only shows its own. `plannedUpTo`: links and nodes planned to open by that year count as open.
 */
function assignUnder(engine: RoutingEngine, dataset: ExportsDataset, plannedUpTo: number | undefined): FlowResult[] {
  checkExportsDataset(engine.network, dataset);
  const cuts = new Map<string, DangerousGoodsCut>();
  for (const cls of DG_CLASSES) {
    const cut = dangerousGoodsCut(engine.network, dataset.rules, cls);
    if (cut !== undefined) cuts.set(cls, cut);
  }
  const ctx = {
    engine,
    router: new ParetoRouter(engine.graph),
    departH: toHoursSinceEpoch(EXPORTS_DEPART),
    includePlannedUpTo: plannedUpTo,
    cuts,
  };
  const commodities = new Map(dataset.commodities.map((c) => [c.id, c]));
  return assignExportFlows(ctx, dataset.flows, commodities, new Float64Array(engine.network.links.length));
}
