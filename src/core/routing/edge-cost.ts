/**
 * Traversal of one compiled edge at a given time: the single place where time-dependence (waiting for the next
 * departure of a scheduled service) and per-cargo cost and CO2e are computed, shared by the fast search and the
 * reference search so that both see identical edge weights.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { waitForNextDeparture } from './timetable.ts';

/** Arrival time (hours since epoch) after taking edge `e` when ready at `tH`. FIFO: later ready, later arrival. */
export function arrivalH(g: CompiledGraph, e: number, tH: number): number {
  // `?? 0` and `?? -1` on typed-array reads of an edge in range: never taken, and free in V8 (see pareto-search.ts)
  const s = g.service[e] ?? -1;
  const travelH = g.timeH[e] ?? 0;
  if (s < 0) return tH + travelH;
  return tH + waitForNextDeparture(g.depOffsetsH, g.depOff[s] ?? 0, g.depOff[s + 1] ?? 0, tH) + travelH;
}

/** Cost and CO2e per unit of cargo (TEU for containers, tonne otherwise); NaN (unknown) counts as 0 here. */
export function unitCost(g: CompiledGraph, e: number, perTeu: boolean): number {
  const v = perTeu ? g.costUsdPerTeu[e] : g.costUsdPerTonne[e];
  return v !== undefined && !Number.isNaN(v) ? v : 0;
}

export function unitCo2e(g: CompiledGraph, e: number, perTeu: boolean): number {
  const v = perTeu ? g.co2eKgPerTeu[e] : g.co2eKgPerTonne[e];
  return v !== undefined && !Number.isNaN(v) ? v : 0;
}
