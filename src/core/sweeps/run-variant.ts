/**
 * One variant of a sweep: its scenario applied to the baseline, the demand set scaled by its growth factor,
 * assigned at equilibrium, and the KPIs a sweep compares, flattened into one row. Pure and worker-safe: a worker
 * on another machine that runs the same variant on the same dataset writes the same KPIs (only `ms` differs).
 */
import { comparisonYear, flowRunOptions } from '../answers/scenario-flows.ts';
import { KeruenError } from '../errors.ts';
import type { EmissionsModel } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import type { SweepSpec } from '../requests/sweep.ts';
import { scaleDemand } from '../scenarios/demand.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import { BASELINE_ID, runScenario } from '../scenarios/run-scenario.ts';
import type { Scenario } from '../scenarios/scenario-schema.ts';
import type { SweepVariant } from './sweep-variants.ts';

export interface SweepContext {
  network: Network;
  emissions?: EmissionsModel | undefined;
  library: ScenarioLibrary;
}

export interface CommodityRow {
  commodity: string;
  unit: 'TEU' | 't';
  demand: number;
  served: number;
  unserved: number;
}

/** The KPIs of one variant (volumes a year; money in the dataset's price year, USD). */
export interface VariantResult extends SweepVariant {
  converged: boolean;
  relativeGap: number;
  generalisedCostUsd: number;
  /** The shippers' expected perceived cost (the logsum, kpis.ts): compare variants on it. */
  userCostUsd: number;
  costUsd: number;
  co2eTonnes: number;
  commodities: CommodityRow[];
  /** Served container volume by corridor, share of all served TEU. */
  containerCorridorShares: Record<string, number>;
  /** Mean P90 door-to-door days over served OD pairs, weighted by served volume; null without samples. */
  p90DaysWeighted: number | null;
  /** The most utilised capacity-limited element and its utilisation (flow / capacity). */
  topBottleneck: { id: string; utilisation: number } | null;
  ms: number;
}

/** Throws KERUEN_UNKNOWN_ID naming the field when the spec names a scenario or demand set the library lacks. */
export function checkSweep(spec: SweepSpec, library: ScenarioLibrary): void {
  const demand = spec.demand ?? library.defaultDemand;
  if (!library.demands.some((d) => d.id === demand))
    throw new KeruenError('KERUEN_UNKNOWN_ID', `demand: no demand set ${demand} in the library`, [], {
      field: 'demand',
      value: demand,
    });
  for (const [i, id] of spec.scenarios.entries())
    if (id !== BASELINE_ID && !library.scenarios.some((s) => s.id === id))
      throw new KeruenError('KERUEN_UNKNOWN_ID', `scenarios[${i}]: no library scenario ${id}`, [], {
        field: `scenarios[${i}]`,
        value: id,
      });
}

function scenarioOf(library: ScenarioLibrary, id: string): Scenario | undefined {
  return id === BASELINE_ID ? undefined : library.scenarios.find((s) => s.id === id);
}

export function runVariant(ctx: SweepContext, spec: SweepSpec, v: SweepVariant): VariantResult {
  checkSweep(spec, ctx.library);
  const t0 = performance.now();
  const base = ctx.library.demands.find((d) => d.id === (spec.demand ?? ctx.library.defaultDemand));
  if (base === undefined) throw new KeruenError('KERUEN_UNKNOWN_ID', 'demand: no demand set', [], {});
  const demand = v.growth === 1 ? base : scaleDemand(base, v.growth);
  // Every variant in the sweep's year (the latest of its scenarios), as `scenario compare` runs both sides: the
  // differences between variants are then their scenarios', not the planned links of their years.
  const year = comparisonYear(...spec.scenarios.map((id) => scenarioOf(ctx.library, id)));
  const options = flowRunOptions(year, { emissions: ctx.emissions, samples: spec.samplesPerOd, seed: v.seed });
  const run = runScenario(ctx.network, scenarioOf(ctx.library, v.scenario), demand, {
    ...options,
    kpis: { ...options.kpis, topBottlenecks: 1 },
  });
  const k = run.kpis;
  const containers = k.commodities.filter((c) => c.unit === 'TEU');
  const teu = containers.reduce((s, c) => s + c.served, 0);
  const shares: Record<string, number> = {};
  for (const c of containers)
    for (const [corridor, x] of Object.entries(c.byCorridor))
      shares[corridor] = (shares[corridor] ?? 0) + (teu > 0 ? x.volume / teu : 0);
  let weight = 0;
  let p90 = 0;
  for (const od of k.ods)
    if (od.p90TimeH !== null && od.served > 0) {
      weight += od.served;
      p90 += od.served * (od.p90TimeH / 24);
    }
  const top = k.bottlenecks[0];
  return {
    ...v,
    converged: k.converged,
    relativeGap: k.relativeGap,
    ...k.totals,
    commodities: k.commodities.map(({ commodity, unit, demand: d, served, unserved }) => ({
      commodity,
      unit,
      demand: d,
      served,
      unserved,
    })),
    containerCorridorShares: shares,
    p90DaysWeighted: weight > 0 ? p90 / weight : null,
    topBottleneck: top === undefined ? null : { id: top.id, utilisation: top.utilisation },
    ms: performance.now() - t0,
  };
}
