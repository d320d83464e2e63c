/**
 * Export flows assigned to routes under capacity (issue 18): a sequential capacity-constrained assignment, the
 * "incremental loading" of Sheffi ("Urban Transportation Networks", 1985, ch. 5.1) without its congestion delay.
 * Flows are taken in file order; each takes its cheapest route (route-flow.ts) and loads it up to the smallest
 * capacity left on its links (`capacity.tonnesPerYear`: pipelines, tanker legs, the class 7 quota); when a link
 * fills, it is removed and the rest of the flow looks for its next cheapest route. What no route can take is
 * reported as unserved, with the links that filled (the bottleneck) or the constraint that blocks every route.
 *
 * Why not the container equilibrium of core/scenarios: it weighs TEU-equivalent congestion on shared rail and
 * ports, while export bulk is bound by a few hard capacities (a pipeline, a quota, a contract) that either take the
 * tonnes or refuse them; this answer names which one refuses. Only tonnage capacities count here: TEU and train
 * capacities of the container network are not shared with these flows (docs/exports.md says so).
 */
import { must } from '../must.ts';
import { linkAt } from '../network/network.ts';
import type { ExportCommodity, ExportFlow } from './catalogue.ts';
import { type ExportRoute, type RouteContext, routeFlow } from './route-flow.ts';

/** A link that filled and stopped a flow: id, name of its ends, capacity. */
export interface Bottleneck {
  link: string;
  name: string;
  capacityTonnesPerYear: number;
}

export interface FlowResult {
  id: string;
  commodity: string;
  from: string;
  fromName: string;
  /** Tonnes per year asked; null when the sources give none (the route is then priced per tonne only). */
  tonnesPerYear: number | null;
  /** Provenance of the tonnage: the source ids and the estimate, if any. */
  tonnesSource: { source: string[]; estimate: string | undefined; year: number | undefined } | null;
  routes: Array<ExportRoute & { tonnes: number | null }>;
  unserved: { tonnes: number; bottleneck: Bottleneck[]; cutBy: string[] } | null;
  note: string | undefined;
}

const EPS_T = 1e-6;
/** Route searches per flow: each one fills at least one link, and few flows meet more than three capacities. */
const MAX_ROUNDS = 12;

function capacityOf(ctx: RouteContext, linkIdx: number): number {
  return linkAt(ctx.engine.network, linkIdx).capacity?.tonnesPerYear?.value ?? Number.POSITIVE_INFINITY;
}

function bottleneckOf(ctx: RouteContext, linkIdx: number): Bottleneck {
  const net = ctx.engine.network;
  const l = linkAt(net, linkIdx);
  const name = (id: string) => net.nodes[must(net.nodeIndex.get(id), 'node of a link')]?.name ?? id;
  return { link: l.id, name: `${name(l.from)} – ${name(l.to)}`, capacityTonnesPerYear: capacityOf(ctx, linkIdx) };
}

function sourceOf(f: ExportFlow): FlowResult['tonnesSource'] {
  const t = f.tonnesPerYear;
  if (t === undefined) return null;
  const source = t.source === undefined ? [] : Array.isArray(t.source) ? t.source : [t.source];
  return { source, estimate: t.estimate, year: t.year };
}

/**
 * Assigns `flows` in order; `used` (tonnes per link index) is shared and mutated, so later flows see what earlier
 * ones took. Pure otherwise; worker-safe.
 */
export function assignExportFlows(
  ctx: RouteContext,
  flows: readonly ExportFlow[],
  commodities: ReadonlyMap<string, ExportCommodity>,
  used: Float64Array,
): FlowResult[] {
  const net = ctx.engine.network;
  return flows.map((flow) => {
    const commodity = must(commodities.get(flow.commodity), 'commodity of a flow');
    const result: FlowResult = {
      id: flow.id,
      commodity: flow.commodity,
      from: flow.from,
      fromName: net.nodes[must(net.nodeIndex.get(flow.from), 'flow origin')]?.name ?? flow.from,
      tonnesPerYear: flow.tonnesPerYear?.value ?? null,
      tonnesSource: sourceOf(flow),
      routes: [],
      unserved: null,
      note: flow.note,
    };
    if (flow.tonnesPerYear === undefined) {
      const r = routeFlow(ctx, flow, commodity, []);
      if (r.route !== undefined) result.routes.push({ ...r.route, tonnes: null });
      else result.unserved = { tonnes: 0, bottleneck: [], cutBy: r.cutBy };
      return result;
    }
    let remaining = flow.tonnesPerYear.value;
    const full: number[] = [];
    for (let round = 0; round < MAX_ROUNDS && remaining > EPS_T; round++) {
      const r = routeFlow(ctx, flow, commodity, full);
      if (r.route === undefined) {
        result.unserved = { tonnes: remaining, bottleneck: full.map((l) => bottleneckOf(ctx, l)), cutBy: r.cutBy };
        return result;
      }
      const idx = r.route.links.map((id) => must(net.linkIndex.get(id), 'link of a route'));
      let take = remaining;
      let binding = -1;
      for (const l of idx) {
        const left = capacityOf(ctx, l) - (used[l] ?? 0);
        if (left < take) {
          take = Math.max(0, left);
          binding = l;
        }
      }
      if (take > EPS_T) {
        for (const l of idx) used[l] = (used[l] ?? 0) + take;
        result.routes.push({ ...r.route, tonnes: take });
        remaining -= take;
      }
      if (binding >= 0) full.push(binding);
    }
    if (remaining > EPS_T)
      result.unserved = { tonnes: remaining, bottleneck: full.map((l) => bottleneckOf(ctx, l)), cutBy: [] };
    return result;
  });
}
