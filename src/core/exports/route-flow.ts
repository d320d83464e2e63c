/**
 * One export flow's best route from the origin site to any of its EU entry points: the engine's own Pareto
 * search (the same as `keruen route`), with the commodity's cargo kind and its dangerous-goods cut, avoiding the
 * links whose capacity the assignment has used up. Of the Pareto itineraries the cheapest per tonne is taken
 * (then the fastest): a shipper of bulk exports buys on landed cost. Figures are per tonne of the commodity,
 * priced for one shipment (`shipmentTonnes`), so fixed charges are shared as a shipper would share them.
 */
import { must } from '../must.ts';
import { linkAt } from '../network/network.ts';
import { buildItinerary, type Itinerary } from '../routing/itinerary.ts';
import type { ParetoRouter } from '../routing/pareto-search.ts';
import type { RoutingEngine } from '../routing/plan.ts';
import { type Cargo, CUT_LINK, CUT_NAMES, type SearchQuery } from '../routing/query.ts';
import type { ExportCommodity, ExportFlow } from './catalogue.ts';
import type { DangerousGoodsCut } from './dangerous-goods.ts';

/** A priced, timed and CO2e-accounted route of one flow, per tonne. */
export interface ExportRoute {
  to: string;
  toName: string;
  corridor: string;
  keyNodes: string[];
  /** Link ids in order, and the modes used. */
  links: string[];
  modes: string[];
  /** Landed cost from the mine gate to the EU entry point, USD of `priceYear` per tonne. */
  costUsdPerTonne: number;
  /** False when a leg has no tariff: the cost is a lower bound. */
  costComplete: boolean;
  priceYear: number;
  days: number;
  /** ISO 14083 well-to-wheel CO2e per tonne; null when a leg has no factor. */
  co2eKgPerTonne: number | null;
  /** Legs whose CO2e is not counted (pipelines: no pumping-energy factor found). */
  co2eExcludes: string[];
  /** Probability that some link on the way is cut within the year (1 - product of (1 - risk)). */
  riskProbability: number;
  /** Source ids of the links used. */
  sources: string[];
}

export interface RouteContext {
  engine: RoutingEngine;
  router: ParetoRouter;
  departH: number;
  includePlannedUpTo: number | undefined;
  /** Dangerous-goods cuts by class. */
  cuts: ReadonlyMap<string, DangerousGoodsCut>;
}

/** The router's cargo for one shipment of a commodity. */
export function shipmentCargo(c: ExportCommodity): Cargo {
  const tonnes = c.shipmentTonnes.value;
  if (c.cargo === 'containers') {
    const perTeu = c.tonnesPerTeu?.value ?? 10;
    return { kind: 'containers', teu: tonnes / perTeu, tonnesPerTeu: perTeu, commodity: c.id };
  }
  return { kind: c.cargo, tonnes, commodity: c.id };
}

function toExportRoute(it: Itinerary, tonnes: number, linkSources: (id: string) => string[]): ExportRoute {
  const links = it.legs.map((l) => l.linkId);
  const modes = [...new Set(it.legs.map((l) => l.mode))];
  const last = must(it.legs[it.legs.length - 1], 'last leg of an itinerary');
  const sources = [...new Set(links.flatMap(linkSources))].sort();
  const route: ExportRoute = {
    to: last.to,
    toName: last.toName,
    corridor: it.corridor,
    keyNodes: it.keyNodes,
    links,
    modes,
    costUsdPerTonne: it.totals.costUsd / tonnes,
    costComplete: it.totals.costComplete,
    priceYear: it.totals.priceYear,
    days: it.totals.durationH / 24,
    co2eKgPerTonne: it.totals.co2eKg === null ? null : it.totals.co2eKg / tonnes,
    co2eExcludes: it.legs.filter((l) => l.mode === 'pipeline').map((l) => l.linkId),
    riskProbability: it.totals.riskProbability,
    sources,
  };
  return route;
}

export type RouteOutcome = { route: ExportRoute; query: SearchQuery } | { route: undefined; cutBy: string[] };

/**
 * The cheapest route of `flow` avoiding the link indices in `avoid`; or, when none, the constraints that each,
 * lifted alone, would let a route through (the cargo kind, the dangerous-goods rule, a closed link, a link whose
 * capacity is used up). Worker-safe; reuses the router's scratch arrays.
 */
export function routeFlow(
  ctx: RouteContext,
  flow: ExportFlow,
  commodity: ExportCommodity,
  avoid: readonly number[],
): RouteOutcome {
  const net = ctx.engine.network;
  const cargo = shipmentCargo(commodity);
  const cut = commodity.dangerousGoods === undefined ? undefined : ctx.cuts.get(commodity.dangerousGoods);
  const queries = flow.to.map((to) => ({
    ...ctx.engine.toQuery({
      from: flow.from,
      to,
      depart: ctx.departH,
      cargo,
      includePlannedUpTo: ctx.includePlannedUpTo,
    }),
    avoidLinks: avoid,
    dangerousGoods: cut,
  }));
  const linkSources = (id: string) => linkAt(net, must(net.linkIndex.get(id), 'link of a leg')).sources;
  let best: { route: ExportRoute; query: SearchQuery } | undefined;
  for (const q of queries) {
    for (const p of ctx.router.search(q)) {
      const it = buildItinerary(net, ctx.engine.graph, p, q.departH, q.cargo, false);
      const r = toExportRoute(it, commodity.shipmentTonnes.value, linkSources);
      if (
        best === undefined ||
        r.costUsdPerTonne < best.route.costUsdPerTonne - 1e-9 ||
        (Math.abs(r.costUsdPerTonne - best.route.costUsdPerTonne) <= 1e-9 && r.days < best.route.days)
      )
        best = { route: r, query: q };
    }
  }
  if (best !== undefined) return best;
  const cutBy: string[] = [];
  for (const [bit, name] of Object.entries(CUT_NAMES)) {
    if (queries.some((q) => ctx.router.search(q, Number(bit)).length > 0))
      cutBy.push(Number(bit) === CUT_LINK ? 'capacity used up (links at capacity)' : name);
  }
  return { route: undefined, cutBy };
}
