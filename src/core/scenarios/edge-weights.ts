/**
 * Free-flow edge weights of the assignment. The base time of an edge is its travel time plus, for a scheduled
 * edge, the mean wait for its weekly timetable with cancellations (congestion.ts, meanTimetableWaitH). The base
 * generalised cost of an edge for a commodity class, USD per unit, is value of time x base time + cost + carbon
 * price x CO2e; Infinity where the class may not go (status, cargo: routing/query.ts). Congestion delays are
 * added per iteration by the search (cheapest-routes.ts).
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import { unitCo2e, unitCost } from '../routing/edge-cost.ts';
import { buildEdgeCuts, type Cargo } from '../routing/query.ts';
import type { CommodityClass } from './assignment-settings.ts';
import { meanTimetableWaitH } from './congestion.ts';
import type { Commodity } from './demand.ts';

function cargoOf(c: Commodity): Cargo {
  return c.kind === 'containers' ? { kind: 'containers', teu: 1 } : { kind: c.kind, tonnes: 1 };
}

/** Per compiled edge: travel time plus mean timetable wait, hours (without congestion). */
export function edgeBaseTimesH(net: Network, g: CompiledGraph): Float64Array {
  const serviceWait = net.services.map((s, si) =>
    meanTimetableWaitH(
      g.depOffsetsH.subarray(must(g.depOff[si], 'departures of a service'), g.depOff[si + 1]),
      s.cancellationProbability?.value ?? 0,
    ),
  );
  const out = new Float64Array(g.edgeCount);
  for (let e = 0; e < g.edgeCount; e++) {
    const s = g.service[e] ?? -1;
    out[e] = (g.timeH[e] ?? 0) + (s >= 0 ? must(serviceWait[s], 'timetable wait of a service') : 0);
  }
  return out;
}

/**
 * Base generalised cost per class and edge, USD per unit, in arrays of `length` (>= edge count; the entries past
 * the edges stay 0: the free links from the search's source vertices, cheapest-routes.ts).
 */
export function classBaseWeights(
  g: CompiledGraph,
  classes: readonly CommodityClass[],
  edgeBaseTimeH: Float64Array,
  includePlannedUpTo: number | undefined,
  length: number,
): Float64Array[] {
  const M = g.edgeCount;
  const cut = new Uint8Array(M);
  return classes.map((k) => {
    buildEdgeCuts(g, { cargo: cargoOf(k.commodity), includePlannedUpTo }, cut);
    const w = new Float64Array(length);
    for (let e = 0; e < M; e++) {
      w[e] = cut[e]
        ? Number.POSITIVE_INFINITY
        : k.valueOfTimeUsdPerUnitH * (edgeBaseTimeH[e] ?? 0) +
          unitCost(g, e, k.perTeu) +
          k.carbonUsdPerKg * unitCo2e(g, e, k.perTeu);
    }
    return w;
  });
}
