/**
 * Side-by-side comparison of two scenario runs on the same demand: time per OD pair (mean and P90), served
 * and unserved volume, corridor shares, utilisation of the capacity-limited elements, CO2e, cost and
 * generalised cost, each with its difference (other minus base).
 */
import type { CommodityTotals, OdKpi, ScenarioKpis } from './kpis.ts';

export interface Pair<T> {
  base: T;
  other: T;
  delta: T;
}

const pair = (a: number | null, b: number | null): Pair<number | null> => ({
  base: a,
  other: b,
  delta: a === null || b === null ? null : b - a,
});

export interface OdComparison {
  from: string;
  to: string;
  commodity: string;
  unit: 'TEU' | 't';
  demand: number;
  served: Pair<number | null>;
  unserved: Pair<number | null>;
  meanTimeH: Pair<number | null>;
  p90TimeH: Pair<number | null>;
  costUsdPerUnit: Pair<number | null>;
  co2eKgPerUnit: Pair<number | null>;
  mainCorridor: { base: string | null; other: string | null };
}

export interface CorridorComparison {
  commodity: string;
  corridor: string;
  volume: Pair<number | null>;
  share: Pair<number | null>;
}

export interface ElementComparison {
  kind: string;
  id: string;
  direction?: string | undefined;
  utilisation: Pair<number | null>;
  delayH: Pair<number | null>;
}

export interface Comparison {
  base: { id: string; name: string };
  other: { id: string; name: string };
  ods: OdComparison[];
  corridors: CorridorComparison[];
  elements: ElementComparison[];
  commodities: Array<{
    commodity: string;
    unit: 'TEU' | 't';
    served: Pair<number | null>;
    unserved: Pair<number | null>;
    unitDays: Pair<number | null>;
    costUsd: Pair<number | null>;
    co2eTonnes: Pair<number | null>;
    userCostUsd: Pair<number | null>;
  }>;
  totals: {
    generalisedCostUsd: Pair<number | null>;
    /** The shippers' expected perceived cost (the logsum): its delta is the change in their welfare, with sign. */
    userCostUsd: Pair<number | null>;
    costUsd: Pair<number | null>;
    co2eTonnes: Pair<number | null>;
  };
  solver: { base: { iterations: number; relativeGap: number }; other: { iterations: number; relativeGap: number } };
}

const key = (o: { from: string; to: string; commodity: string }) => `${o.from} ${o.to} ${o.commodity}`;
const mainCorridor = (o: OdKpi | undefined) => o?.routes[0]?.corridor ?? null;

export function compareKpis(
  base: { id: string; name: string; kpis: ScenarioKpis },
  other: { id: string; name: string; kpis: ScenarioKpis },
): Comparison {
  const b = base.kpis;
  const o = other.kpis;
  return {
    base: { id: base.id, name: base.name },
    other: { id: other.id, name: other.name },
    ods: compareOds(b, o),
    corridors: compareCorridors(b, o),
    elements: compareElements(b, o),
    commodities: compareCommodities(b, o),
    totals: {
      generalisedCostUsd: pair(b.totals.generalisedCostUsd, o.totals.generalisedCostUsd),
      userCostUsd: pair(b.totals.userCostUsd, o.totals.userCostUsd),
      costUsd: pair(b.totals.costUsd, o.totals.costUsd),
      co2eTonnes: pair(b.totals.co2eTonnes, o.totals.co2eTonnes),
    },
    solver: {
      base: { iterations: b.iterations, relativeGap: b.relativeGap },
      other: { iterations: o.iterations, relativeGap: o.relativeGap },
    },
  };
}

/** Every OD pair of the base run, with the same pair of the other run (null figures where it has none). */
function compareOds(b: ScenarioKpis, o: ScenarioKpis): OdComparison[] {
  const otherOds = new Map(o.ods.map((x) => [key(x), x]));
  return b.ods.map((x) => {
    const y = otherOds.get(key(x));
    return {
      from: x.from,
      to: x.to,
      commodity: x.commodity,
      unit: x.unit,
      demand: x.demand,
      served: pair(x.served, y?.served ?? null),
      unserved: pair(x.unserved, y?.unserved ?? null),
      meanTimeH: pair(x.meanTimeH, y?.meanTimeH ?? null),
      p90TimeH: pair(x.p90TimeH, y?.p90TimeH ?? null),
      costUsdPerUnit: pair(x.costUsdPerUnit, y?.costUsdPerUnit ?? null),
      co2eKgPerUnit: pair(x.co2eKgPerUnit, y?.co2eKgPerUnit ?? null),
      mainCorridor: { base: mainCorridor(x), other: mainCorridor(y) },
    };
  });
}

/** Volume and share per commodity of the base run and corridor used in either run, corridors sorted by name. */
function compareCorridors(b: ScenarioKpis, o: ScenarioKpis): CorridorComparison[] {
  const corridors: CorridorComparison[] = [];
  const otherC = new Map(o.commodities.map((c) => [c.commodity, c]));
  for (const c of b.commodities) {
    const d = otherC.get(c.commodity);
    const names = [...new Set([...Object.keys(c.byCorridor), ...Object.keys(d?.byCorridor ?? {})])].sort();
    for (const n of names) {
      corridors.push({
        commodity: c.commodity,
        corridor: n,
        volume: pair(c.byCorridor[n]?.volume ?? 0, d ? (d.byCorridor[n]?.volume ?? 0) : null),
        share: pair(c.byCorridor[n]?.share ?? 0, d ? (d.byCorridor[n]?.share ?? 0) : null),
      });
    }
  }
  return corridors;
}

/** Every element listed in either run, most utilised (in either run) first. */
function compareElements(b: ScenarioKpis, o: ScenarioKpis): ElementComparison[] {
  const ek = (e: { kind: string; id: string; direction?: string | undefined }) =>
    `${e.kind} ${e.id} ${e.direction ?? ''}`;
  const otherE = new Map(o.bottlenecks.map((e) => [ek(e), e]));
  const seen = new Set<string>();
  const elements: ElementComparison[] = [];
  for (const e of [...b.bottlenecks, ...o.bottlenecks]) {
    const k = ek(e);
    if (seen.has(k)) continue;
    seen.add(k);
    const x = b.bottlenecks.find((z) => ek(z) === k);
    const y = otherE.get(k);
    elements.push({
      kind: e.kind,
      id: e.id,
      direction: e.direction,
      utilisation: pair(x?.utilisation ?? null, y?.utilisation ?? null),
      delayH: pair(x?.delayH ?? null, y?.delayH ?? null),
    });
  }
  const util = (e: ElementComparison) => Math.max(e.utilisation.base ?? 0, e.utilisation.other ?? 0);
  return elements.sort((p, q) => util(q) - util(p));
}

/** Per commodity of the base run: served, unserved, unit-days, cost and CO2e in both runs. */
function compareCommodities(b: ScenarioKpis, o: ScenarioKpis): Comparison['commodities'] {
  const otherC = new Map(o.commodities.map((c) => [c.commodity, c]));
  return b.commodities.map((c: CommodityTotals) => {
    const d = otherC.get(c.commodity);
    return {
      commodity: c.commodity,
      unit: c.unit,
      served: pair(c.served, d?.served ?? null),
      unserved: pair(c.unserved, d?.unserved ?? null),
      unitDays: pair(c.unitDays, d?.unitDays ?? null),
      costUsd: pair(c.costUsd, d?.costUsd ?? null),
      co2eTonnes: pair(c.co2eTonnes, d?.co2eTonnes ?? null),
      userCostUsd: pair(c.userCostUsd, d?.userCostUsd ?? null),
    };
  });
}
