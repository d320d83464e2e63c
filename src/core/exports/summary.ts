/**
 * The exports answer's tables: per commodity and corridor, tonnes and tonne-weighted landed cost, days, CO2e and
 * risk per tonne; the unserved tonnes with their bottleneck; and the sources behind every figure shown.
 */
import type { Network } from '../network/network.ts';
import type { Bottleneck, FlowResult } from './assign-exports.ts';
import type { ExportCommodity, ExportsDataset, MaybeFigure } from './catalogue.ts';

export interface CorridorRow {
  commodity: string;
  corridor: string;
  /** EU entry points reached. */
  to: string[];
  /** Tonnes per year assigned; 0 when only priced (flows without a sourced tonnage). */
  tonnes: number;
  /** Tonne-weighted means (plain means over priced-only routes when no tonnes are assigned). */
  costUsdPerTonne: number;
  costComplete: boolean;
  days: number;
  co2eKgPerTonne: number | null;
  riskProbability: number;
  flows: string[];
}

export interface UnservedRow {
  flow: string;
  commodity: string;
  tonnes: number;
  bottleneck: Bottleneck[];
  cutBy: string[];
}

export interface ShareRow {
  commodity: string;
  name: string;
  hsCode: string;
  euCrm: string;
  packing: string;
  dangerousGoods: string | null;
  /** Kazakhstan's share of the EU's imports (0–1) with its year and sources; missing: why it is not known. */
  euImportShare: { value: number; year: number | null; source: string[]; note: string | null } | { missing: string };
}

const mean = (xs: Array<{ w: number; v: number }>): number => {
  const w = xs.reduce((s, x) => s + x.w, 0);
  return w > 0 ? xs.reduce((s, x) => s + x.w * x.v, 0) / w : xs.reduce((s, x) => s + x.v, 0) / xs.length;
};

/** Per commodity and corridor: what was assigned, and what a tonne costs, takes and emits on it. */
export function corridorRows(flows: readonly FlowResult[]): CorridorRow[] {
  const groups = new Map<string, Array<{ f: FlowResult; r: FlowResult['routes'][number] }>>();
  for (const f of flows)
    for (const r of f.routes) {
      const k = `${f.commodity}\u0000${r.corridor}`;
      const g = groups.get(k) ?? [];
      g.push({ f, r });
      groups.set(k, g);
    }
  return [...groups.values()].map((g) => {
    const first = g[0] as { f: FlowResult; r: FlowResult['routes'][number] };
    const w = (x: { r: { tonnes: number | null } }) => x.r.tonnes ?? 0;
    const co2 = g.every((x) => x.r.co2eKgPerTonne !== null)
      ? mean(g.map((x) => ({ w: w(x), v: x.r.co2eKgPerTonne as number })))
      : null;
    return {
      commodity: first.f.commodity,
      corridor: first.r.corridor,
      to: [...new Set(g.map((x) => x.r.to))],
      tonnes: g.reduce((s, x) => s + w(x), 0),
      costUsdPerTonne: mean(g.map((x) => ({ w: w(x), v: x.r.costUsdPerTonne }))),
      costComplete: g.every((x) => x.r.costComplete),
      days: mean(g.map((x) => ({ w: w(x), v: x.r.days }))),
      co2eKgPerTonne: co2,
      riskProbability: mean(g.map((x) => ({ w: w(x), v: x.r.riskProbability }))),
      flows: [...new Set(g.map((x) => x.f.id))],
    };
  });
}

export function unservedRows(flows: readonly FlowResult[]): UnservedRow[] {
  return flows.flatMap((f) =>
    f.unserved === null
      ? []
      : [
          {
            flow: f.id,
            commodity: f.commodity,
            tonnes: f.unserved.tonnes,
            bottleneck: f.unserved.bottleneck,
            cutBy: f.unserved.cutBy,
          },
        ],
  );
}

const asList = (s: string | string[] | undefined): string[] => (s === undefined ? [] : Array.isArray(s) ? s : [s]);

function shareOf(m: MaybeFigure): ShareRow['euImportShare'] {
  if ('missing' in m) return { missing: m.missing };
  return { value: m.value, year: m.year ?? null, source: asList(m.source), note: m.note ?? null };
}

export function shareRows(commodities: readonly ExportCommodity[]): ShareRow[] {
  return commodities.map((c) => ({
    commodity: c.id,
    name: c.name,
    hsCode: c.hsCode,
    euCrm: c.euCrm,
    packing: c.packing,
    dangerousGoods: c.dangerousGoods ?? null,
    euImportShare: shareOf(c.euImportShare),
  }));
}

/** Every source id the answer rests on (routes, tonnages, shares, rules), resolved to its record. */
export function answerSources(
  net: Network,
  flows: readonly FlowResult[],
  shares: readonly ShareRow[],
  d: ExportsDataset,
): Array<{ id: string; title: string; url: string | null; date: string }> {
  const ids = new Set<string>();
  for (const f of flows) {
    for (const r of f.routes) for (const s of r.sources) ids.add(s);
    for (const s of f.tonnesSource?.source ?? []) ids.add(s);
  }
  for (const s of shares) if ('source' in s.euImportShare) for (const x of s.euImportShare.source) ids.add(x);
  for (const r of d.rules) for (const s of r.sources) ids.add(s);
  return [...ids].sort().flatMap((id) => {
    const s = net.sources.get(id);
    return s === undefined ? [] : [{ id, title: s.title, url: s.url ?? null, date: s.date }];
  });
}
