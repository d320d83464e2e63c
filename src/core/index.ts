/**
 * Keruen's public library entry: the network model, the compiled graph, routing, and (as they land) emissions,
 * reliability and scenarios. Pure TypeScript without I/O; src/io reads the shipped dataset from disk.
 */
export * from './errors.ts';
export * from './network/figure.ts';
export * from './network/schema.ts';
export * from './network/load.ts';
export * from './network/network.ts';
export * from './network/compile.ts';
export { greatCircleKm } from './network/geo.ts';
export { COUNTRIES, isCountryCode } from './network/countries.ts';
export { ParetoRouter, type ParetoPath } from './routing/pareto-search.ts';
export { referenceSearch } from './routing/reference-search.ts';
export { RoutingEngine, type RouteRequest, type RouteResult, type NoRoute } from './routing/plan.ts';
export type { Itinerary, Leg, Stop } from './routing/itinerary.ts';
export type { Cargo, Constraints, SearchQuery } from './routing/query.ts';
export { corridorLabel, type CorridorLabel } from './routing/corridor-label.ts';
export { Dijkstra, buildCsr, type CsrGraph } from './routing/dijkstra.ts';
export { weeklyDepartures, waitForNextDeparture, toHoursSinceEpoch, fromHoursSinceEpoch, weekPhaseH, WEEK_H } from './routing/timetable.ts';
/** ISO 14083 / GLEC emissions: factors, transport chain elements, chains, iLEAP export. */
export * as emissions from './emissions/index.ts';
/** Transit-time Monte Carlo and port-queue discrete-event simulation. */
export * as reliability from './reliability/index.ts';
