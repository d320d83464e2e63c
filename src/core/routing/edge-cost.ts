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

/** Cost per TEU of edge e when the TEU rides in a 20' box (CompiledGraph.costUsdPerTeu20); NaN counts as 0. */
export function unitCost20(g: CompiledGraph, e: number): number {
  const v = g.costUsdPerTeu20[e];
  return v !== undefined && !Number.isNaN(v) ? v : 0;
}

/**
 * The TEU of a container cargo that are priced as 40' boxes and as 20' boxes, so that
 * in40 x costUsdPerTeu + in20 x costUsdPerTeu20 is what box-prices.ts boxesUsd charges for `teu` TEU of each part:
 * whole 40' boxes, a 20' box for an odd TEU (pro rata below one), growing to a 40' box between one and two.
 * @example boxUnits(1) // { in40: 0, in20: 1 }
 * @example boxUnits(3) // { in40: 2, in20: 1 }
 */
export function boxUnits(teu: number): { in40: number; in20: number } {
  const forties = Math.floor(teu / 2);
  const rest = teu - 2 * forties;
  const over = Math.max(rest - 1, 0);
  return { in40: 2 * forties + 2 * over, in20: Math.min(rest, 1) - over };
}

/**
 * What the search adds for edge e: the unit cost times the units, or for containers with a 20' box, the 40' and
 * 20' per-TEU costs times their TEU (in20 = 0 for whole 40' boxes and for tonnage, whose units are tonnes).
 */
export function edgeCost(g: CompiledGraph, e: number, perTeu: boolean, units: number, in40: number, in20: number) {
  return in20 === 0 ? unitCost(g, e, perTeu) * units : unitCost(g, e, true) * in40 + unitCost20(g, e) * in20;
}

export function unitCo2e(g: CompiledGraph, e: number, perTeu: boolean): number {
  const v = perTeu ? g.co2eKgPerTeu[e] : g.co2eKgPerTonne[e];
  return v !== undefined && !Number.isNaN(v) ? v : 0;
}
