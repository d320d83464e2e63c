/**
 * Routing at a past date's prices. The compiled graph prices dated sea and rail lanes (data/prices: the Drewry
 * WCI, the rail block-train and ERAI quotes, the Caspian grain series) after their last point, as today; an
 * itinerary prices its legs at their own dates. For a departure before a series' last point (a historical
 * question, a validation row) the search would rank routes at today's prices and report them at that date's:
 * a Shanghai–Rotterdam sailing ranked at USD 2,400 per FEU and reported at 12,800 in July 2021. So the engine
 * searches such a departure on a graph whose costs are compiled at the start of its day (plan.ts engineAt). The
 * search still prices a whole route at one instant (each leg's own date would make costs time-dependent, which
 * label setting cannot order), so the search and the report differ by what a lane moves during the journey.
 */
import { dateOfPointH } from '../costs/price-series.ts';
import { type CompiledGraph, compileNetwork } from '../network/compile.ts';
import type { Network } from '../network/network.ts';

/** The last point of any dated sea or rail lane (-Infinity without one): from then on, prices are today's. */
export function lastDatedPriceH(net: Network): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const s of net.prices ?? [])
    if (s.kind === 'sea_lane' || s.kind === 'rail_lane')
      for (const p of s.points) last = Math.max(last, dateOfPointH(p.date));
  return last;
}

/**
 * `graph` (compiled from `net`) with its costs priced at `tH`: the same arrays but the three cost arrays, taken
 * from a compilation at tH. Throws when that compilation has other edges (a graph compiled from another network).
 */
export function graphPricedAt(net: Network, graph: CompiledGraph, tH: number): CompiledGraph {
  const at = compileNetwork(net, { priceAtH: tH });
  const same =
    at.edgeCount === graph.edgeCount &&
    at.target.every((w, e) => w === graph.target[e]) &&
    at.source.every((v, e) => v === graph.source[e]);
  if (!same) throw new Error('graphPricedAt: the graph was not compiled from this network');
  return {
    ...graph,
    costUsdPerTeu: at.costUsdPerTeu,
    costUsdPerTeu20: at.costUsdPerTeu20,
    costUsdPerTonne: at.costUsdPerTonne,
  };
}
