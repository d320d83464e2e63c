/**
 * What a scenario changes for Kazakhstan's exports (issue 18: "what must shift, what cannot, and at what extra cost
 * and CO2e"), per commodity: tonnes served and unserved in the baseline and under the scenario, tonnes by corridor
 * in both, the tonnes that had to move to another corridor or EU port, and the extra landed cost and CO2e a year
 * of the tonnes that still move. The extra cost is counted flow by flow at the baseline's own cost per tonne of
 * that flow, so tonnes lost to a closure do not read as a saving.
 */
import type { FlowResult } from './assign-exports.ts';

export interface CommodityChange {
  commodity: string;
  servedTonnes: { baseline: number; scenario: number };
  unservedTonnes: { baseline: number; scenario: number };
  /** Tonnes a year on each corridor and EU entry point, in both runs (0 where a run has none). */
  corridors: Array<{ corridor: string; to: string; baseline: number; scenario: number }>;
  /** Tonnes a year now on a corridor or port beyond what the baseline put there: what had to shift. */
  shiftedTonnes: number;
  /**
   * Landed cost a year, USD, of the tonnes served under the scenario, minus what the same tonnes of each flow cost
   * per tonne in the baseline. A lower bound where `costComplete` is false (a leg without a tariff).
   */
  extraCostUsdPerYear: number;
  costComplete: boolean;
  /** The same for CO2e, tonnes a year; null where a route has no CO2e factor. */
  extraCo2eTonnesPerYear: number | null;
  /** Tonne-weighted landed cost per tonne (plain mean for flows priced only), both runs; null: nothing routed. */
  costUsdPerTonne: { baseline: number | null; scenario: number | null };
}

const served = (f: FlowResult) => f.routes.reduce((s, r) => s + (r.tonnes ?? 0), 0);
const unserved = (f: FlowResult) => f.unserved?.tonnes ?? 0;

/** Cost and CO2e per tonne of a flow's routes, tonne-weighted (plain mean when the flow is priced only). */
function perTonne(f: FlowResult): { cost: number; co2e: number | null } | undefined {
  if (f.routes.length === 0) return undefined;
  const w = served(f);
  const weight = (r: FlowResult['routes'][number]) => (w > 0 ? (r.tonnes ?? 0) / w : 1 / f.routes.length);
  const co2 = f.routes.every((r) => r.co2eKgPerTonne !== null);
  return {
    cost: f.routes.reduce((s, r) => s + weight(r) * r.costUsdPerTonne, 0),
    co2e: co2 ? f.routes.reduce((s, r) => s + weight(r) * (r.co2eKgPerTonne as number), 0) : null,
  };
}

function corridorTonnes(flows: readonly FlowResult[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of flows)
    for (const r of f.routes) {
      const k = `${r.corridor}\u0000${r.to}`;
      m.set(k, (m.get(k) ?? 0) + (r.tonnes ?? 0));
    }
  return m;
}

function meanCost(flows: readonly FlowResult[]): number | null {
  const rows = flows.flatMap((f) => f.routes.map((r) => ({ w: r.tonnes ?? 0, v: r.costUsdPerTonne })));
  if (rows.length === 0) return null;
  const w = rows.reduce((s, x) => s + x.w, 0);
  return w > 0 ? rows.reduce((s, x) => s + x.w * x.v, 0) / w : rows.reduce((s, x) => s + x.v, 0) / rows.length;
}

/** Extra cost and CO2e of one commodity's flows that still move, each at its own baseline cost per tonne. */
function extras(base: readonly FlowResult[], scen: readonly FlowResult[]) {
  let cost = 0;
  let co2e: number | null = 0;
  let complete = true;
  const byId = new Map(base.map((f) => [f.id, f]));
  for (const f of scen) {
    const t = served(f);
    if (t === 0) continue;
    const now = perTonne(f);
    const b = byId.get(f.id);
    const before = b === undefined ? undefined : perTonne(b);
    complete &&= f.routes.every((r) => r.costComplete);
    if (now === undefined) continue;
    // A flow the baseline could not route at all has no baseline cost: its whole cost is extra.
    cost += t * (now.cost - (before?.cost ?? 0));
    co2e = co2e === null || now.co2e === null ? null : co2e + (t * (now.co2e - (before?.co2e ?? 0))) / 1000;
  }
  return { cost, co2e, complete };
}

/** Per commodity, the scenario's flows against the baseline's (the same flow ids, assigned under each network). */
export function changesAgainstBaseline(
  baseline: readonly FlowResult[],
  scenario: readonly FlowResult[],
): CommodityChange[] {
  const commodities = [...new Set([...baseline, ...scenario].map((f) => f.commodity))];
  return commodities.map((commodity) => {
    const b = baseline.filter((f) => f.commodity === commodity);
    const s = scenario.filter((f) => f.commodity === commodity);
    const bt = corridorTonnes(b);
    const st = corridorTonnes(s);
    const keys = [...new Set([...bt.keys(), ...st.keys()])].sort();
    const corridors = keys.map((k) => {
      const [corridor = '', to = ''] = k.split('\u0000');
      return { corridor, to, baseline: bt.get(k) ?? 0, scenario: st.get(k) ?? 0 };
    });
    const x = extras(b, s);
    return {
      commodity,
      servedTonnes: { baseline: b.reduce((a, f) => a + served(f), 0), scenario: s.reduce((a, f) => a + served(f), 0) },
      unservedTonnes: {
        baseline: b.reduce((a, f) => a + unserved(f), 0),
        scenario: s.reduce((a, f) => a + unserved(f), 0),
      },
      corridors,
      shiftedTonnes: corridors.reduce((a, c) => a + Math.max(0, c.scenario - c.baseline), 0),
      extraCostUsdPerYear: x.cost,
      costComplete: x.complete,
      extraCo2eTonnesPerYear: x.co2e,
      costUsdPerTonne: { baseline: meanCost(b), scenario: meanCost(s) },
    };
  });
}
