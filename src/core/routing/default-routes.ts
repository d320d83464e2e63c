/**
 * The default routes: the itineraries that `keruen network stats` checks the data of, so that "the figures the
 * routes use" is a fixed, stated set rather than the whole dataset. They are, for each origin-destination case,
 * the fastest, the cheapest and the lowest-CO2e itinerary of the Pareto set, departing Monday 3 March 2025 08:00
 * UTC, for one TEU (or 1,000 t of bulk or liquid):
 * - the OD pairs of the default demand (data/demand/default.yaml), passed in by the caller;
 * - the router validation cases (docs/validation.md, test/validation/router-cases.ts), listed here with the
 *   constraints that keep them on their corridor.
 */
import { EDGE_LINK, edgeLink } from '../network/compile.ts';
import type { RouteUse } from '../network/route-figures.ts';
import type { Mode } from '../network/schema.ts';
import type { Itinerary } from './itinerary.ts';
import type { RouteRequest, RoutingEngine } from './plan.ts';
import type { Cargo } from './query.ts';

export const DEFAULT_ROUTES_DEPART = '2025-03-03T08:00:00Z';

export interface DefaultRouteCase {
  from: string;
  to: string;
  cargo: Cargo;
  avoidCountries?: string[] | undefined;
  avoidModes?: Mode[] | undefined;
}

const TEU: Cargo = { kind: 'containers', teu: 1 };
const NO_RU_BY_IR = ['RU', 'BY', 'IR'];

/** The router validation cases' origins, destinations and constraints (test/validation/router-cases.ts). */
export const VALIDATION_ROUTE_CASES: readonly DefaultRouteCase[] = [
  { from: 'kz-altynkol', to: 'az-alat', cargo: TEU, avoidCountries: NO_RU_BY_IR },
  { from: 'kz-altynkol', to: 'ge-poti', cargo: TEU, avoidCountries: NO_RU_BY_IR, avoidModes: ['road'] },
  { from: 'kz-altynkol', to: 'ro-constanta', cargo: TEU, avoidCountries: [...NO_RU_BY_IR, 'TR'] },
  { from: 'cn-xian', to: 'az-alat', cargo: TEU, avoidCountries: NO_RU_BY_IR },
  { from: 'cn-xian', to: 'de-duisburg', cargo: TEU, avoidCountries: NO_RU_BY_IR },
  { from: 'cn-xian', to: 'de-duisburg', cargo: TEU, avoidCountries: [...NO_RU_BY_IR, 'TR', 'EG'] },
  { from: 'cn-xian', to: 'ro-constanta', cargo: TEU, avoidCountries: [...NO_RU_BY_IR, 'TR'] },
  { from: 'cn-xian', to: 'de-duisburg', cargo: TEU },
  { from: 'cn-chongqing', to: 'de-duisburg', cargo: TEU },
  { from: 'cn-xian', to: 'pl-malaszewicze', cargo: TEU },
  { from: 'cn-khorgos', to: 'pl-malaszewicze', cargo: TEU },
  { from: 'cn-shanghai', to: 'nl-rotterdam', cargo: TEU },
  { from: 'cn-shanghai', to: 'nl-rotterdam', cargo: TEU, avoidCountries: ['EG'] },
  { from: 'cn-yiwu', to: 'ir-tehran', cargo: TEU },
];

/** What an itinerary uses, for routing/route-figures.ts. */
export function routeUseOf(it: Itinerary, costKnown: (linkId: string) => boolean): RouteUse {
  return {
    links: it.legs.map((l) => ({ linkId: l.linkId, from: l.from, to: l.to, costKnown: costKnown(l.linkId) })),
    transfers: it.stops.filter((s) => s.kind === 'transfer').map((s) => s.node),
    gaugeChanges: it.stops.filter((s) => s.kind === 'gauge_change').map((s) => s.node),
  };
}

/** The fastest, cheapest and lowest-CO2e itineraries of a Pareto set (fewer when they coincide). */
export function bestItineraries(its: readonly Itinerary[]): Itinerary[] {
  if (its.length === 0) return [];
  const best = (key: (i: Itinerary) => number): Itinerary => its.reduce((a, b) => (key(b) < key(a) ? b : a));
  const picks = [
    best((i) => i.totals.durationH),
    best((i) => i.totals.costUsd),
    best((i) => i.totals.co2eKg ?? Number.POSITIVE_INFINITY),
  ];
  return picks.filter((x, i) => picks.indexOf(x) === i);
}

/**
 * Routes every case and returns what its best itineraries use. A case without a route, or whose places the
 * network lacks, is skipped (and listed in `unrouted`). Cost of a link is known when one of its compiled edges has a finite cost per TEU.
 */
export function defaultRouteUses(
  engine: RoutingEngine,
  cases: readonly DefaultRouteCase[],
): { uses: RouteUse[]; unrouted: DefaultRouteCase[] } {
  const g = engine.graph;
  const costed = new Set<string>();
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.kind[e] !== EDGE_LINK) continue;
    if (Number.isFinite(g.costUsdPerTeu[e] ?? Number.NaN)) costed.add(edgeLink(engine.network, g, e).id);
  }
  const uses: RouteUse[] = [];
  const unrouted: DefaultRouteCase[] = [];
  const known = new Set(engine.network.nodes.map((n) => n.id));
  for (const c of cases) {
    // Another dataset (--data) may lack the shipped cases' places: those count as unrouted.
    if (!known.has(c.from) || !known.has(c.to)) {
      unrouted.push(c);
      continue;
    }
    const req: RouteRequest = { ...c, depart: DEFAULT_ROUTES_DEPART };
    const r = engine.route(req, { timelines: false });
    if (r.itineraries.length === 0) unrouted.push(c);
    for (const it of bestItineraries(r.itineraries)) uses.push(routeUseOf(it, (id) => costed.has(id)));
  }
  return { uses, unrouted };
}
