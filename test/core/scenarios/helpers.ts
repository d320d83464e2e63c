/**
 * Small worked networks for the scenario tests: parallel routes between two nodes with tariffs, zero travel time
 * and optional capacities, so that equilibria can be derived by hand.
 */
import { compileNetwork } from '../../../src/core/network/compile.ts';
import type { Network } from '../../../src/core/network/network.ts';
import { type AssignmentOptions, assignDemand } from '../../../src/core/scenarios/assignment.ts';
import { type DemandSet, parseDemand } from '../../../src/core/scenarios/demand.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

export interface Leg {
  id: string;
  from: string;
  to: string;
  usdPerTeu: number;
  hours?: number | undefined;
  teuPerYear?: number | undefined;
}

export function railLink(l: Leg): Record<string, unknown> {
  return {
    id: l.id,
    from: l.from,
    to: l.to,
    mode: 'rail',
    gauge: 1520,
    status: 'operational',
    distanceKm: fig(100),
    duration: fixedH(l.hours ?? 0),
    tariff: { usdPerTeu: fig(l.usdPerTeu) },
    ...(l.teuPerYear === undefined ? {} : { capacity: { teuPerYear: fig(l.teuPerYear) } }),
  };
}

export function legsNetwork(nodeIds: string[], legs: Leg[]): Network {
  return networkFrom({ nodes: nodeIds.map((id) => node(id, 'KZ')), links: legs.map(railLink) });
}

export function containerDemand(flows: Array<{ from: string; to: string; teu: number }>, votUsdPerTeuH = 1): DemandSet {
  const r = parseDemand({
    id: 'test',
    name: 'test demand',
    description: 'hand-worked test demand',
    year: 2025,
    sources: ['T1'],
    commodities: [
      { id: 'containers', name: 'Containers', kind: 'containers', valueOfTimeUsdPerUnitH: fig(votUsdPerTeuH) },
    ],
    flows: flows.map((f) => ({ from: f.from, to: f.to, commodity: 'containers', volumePerYear: fig(f.teu) })),
  });
  if (!r.demand) throw new Error(JSON.stringify(r.issues));
  return r.demand;
}

export function assign(net: Network, d: DemandSet, opts: AssignmentOptions = {}) {
  return assignDemand(net, compileNetwork(net), d, { maxIterations: 2000, relativeGap: 1e-6, ...opts });
}

/** Flow per link id (summing both routes that use it). */
export function linkFlows(r: ReturnType<typeof assign>): Map<string, number> {
  const out = new Map<string, number>();
  for (const od of r.ods)
    for (const rt of od.routes)
      for (const e of rt.edges) {
        const li = r.graph.link[e]!;
        if (li < 0) continue;
        const id = r.network.links[li]!.id;
        out.set(id, (out.get(id) ?? 0) + rt.flow);
      }
  return out;
}
