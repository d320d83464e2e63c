/**
 * Plain reference for the Pareto search: enumerates every simple path (no platform visited twice) from the
 * origin to the destination under the same constraints and edge weights, then keeps the non-dominated ones.
 * Exponential; for small graphs in tests only. The fast search must return exactly the same criteria vectors.
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_TRANSFER } from '../network/compile.ts';
import { maskRiskLog } from '../network/risk-events.ts';
import { arrivalH, boxUnits, edgeCost, unitCo2e } from './edge-cost.ts';
import type { ParetoPath } from './pareto-search.ts';
import { buildEdgeCuts, type SearchQuery } from './query.ts';

const EPS = 1e-9;

export function referenceSearch(g: CompiledGraph, q: SearchQuery): ParetoPath[] {
  const cut = new Uint8Array(g.edgeCount);
  buildEdgeCuts(g, q, cut);
  const perTeu = q.cargo.kind === 'containers';
  const units = q.cargo.kind === 'containers' ? q.cargo.teu : q.cargo.tonnes;
  const { in40, in20 } = perTeu ? boxUnits(units) : { in40: units, in20: 0 };
  const maxX = q.maxTransfers ?? Number.MAX_SAFE_INTEGER;
  const all: ParetoPath[] = [];
  if (q.origin === q.destination) return [];
  const onPath = new Uint8Array(g.vertexCount);
  const isOriginPlatform = (v: number) => g.vNode[v] === q.origin;
  const edges: number[] = [];
  // risk: the union of the events met (risk-events.ts), its -ln(1 - P) summed afresh at the destination
  const walk = (v: number, t: number, c: number, co: number, m: number, x: number): void => {
    if (g.vNode[v] === q.destination) {
      const riskLog = maskRiskLog(g.eventRiskLog, m);
      all.push({ edges: [...edges], arriveH: t, costUsd: c, co2eKg: co, riskLog, transfers: x });
      return;
    }
    onPath[v] = 1;
    for (let e = g.off[v] ?? 0, end = g.off[v + 1] ?? 0; e < end; e++) {
      if (cut[e] !== 0) continue;
      const w = must(g.target[e], 'edge target');
      if (onPath[w] || isOriginPlatform(w)) continue;
      const nx = g.kind[e] === EDGE_TRANSFER || g.kind[e] === EDGE_GAUGE ? x + 1 : x;
      if (nx > maxX) continue;
      edges.push(e);
      walk(
        w,
        arrivalH(g, e, t),
        c + edgeCost(g, e, perTeu, units, in40, in20),
        co + unitCo2e(g, e, perTeu) * units,
        m | must(g.riskMask[e], 'edge risk events'),
        nx,
      );
      edges.pop();
    }
    onPath[v] = 0;
  };
  for (let v = g.nodeOff[q.origin] ?? 0, end = g.nodeOff[q.origin + 1] ?? 0; v < end; v++) {
    walk(v, q.departH, 0, 0, 0, 0);
  }
  const useRisk = q.useRisk === true;
  const useX = q.maxTransfers !== undefined;
  const dom = (a: ParetoPath, b: ParetoPath) =>
    a.arriveH <= b.arriveH + EPS &&
    a.costUsd <= b.costUsd + EPS &&
    a.co2eKg <= b.co2eKg + EPS &&
    (!useRisk || a.riskLog <= b.riskLog + EPS) &&
    (!useX || a.transfers <= b.transfers);
  let kept: ParetoPath[] = [];
  for (const p of all) {
    if (kept.some((k) => dom(k, p))) continue;
    kept = kept.filter((k) => !dom(p, k));
    kept.push(p);
  }
  return kept.sort((a, b) => a.arriveH - b.arriveH || a.costUsd - b.costUsd || a.co2eKg - b.co2eKg);
}
