/**
 * Keruen's public library entry: the network model, the compiled graph, routing, and (as they land) emissions,
 * reliability and scenarios. Pure TypeScript without I/O; src/io reads the shipped dataset from disk.
 */

/** ISO 14083 / GLEC emissions: factors, transport chain elements, chains, iLEAP export. */
export * as emissions from './emissions/index.ts';
export * from './errors.ts';
export * from './network/compile.ts';
export { COUNTRIES, isCountryCode } from './network/countries.ts';
export * from './network/figure.ts';
export { greatCircleKm } from './network/geo.ts';
export * from './network/load.ts';
export * from './network/network.ts';
export * from './network/schema.ts';
/** Transit-time Monte Carlo and port-queue discrete-event simulation. */
export * as reliability from './reliability/index.ts';
export { type CorridorLabel, corridorLabel } from './routing/corridor-label.ts';
export { buildCsr, type CsrGraph, Dijkstra } from './routing/dijkstra.ts';
export type { Itinerary, Leg, Stop } from './routing/itinerary.ts';
export { type ParetoPath, ParetoRouter } from './routing/pareto-search.ts';
export { type NoRoute, type RouteRequest, type RouteResult, RoutingEngine } from './routing/plan.ts';
export type { Cargo, Constraints, SearchQuery } from './routing/query.ts';
export { referenceSearch } from './routing/reference-search.ts';
export {
  fromHoursSinceEpoch,
  toHoursSinceEpoch,
  WEEK_H,
  waitForNextDeparture,
  weeklyDepartures,
  weekPhaseH,
} from './routing/timetable.ts';
/** What-if scenarios, demand, capacity-constrained assignment, comparison and investment ranking. */
export * as scenarios from './scenarios/index.ts';
