/**
 * Keruen's public library entry (`keruen`) and the core's one front door: the CLI, the server, io and the
 * benchmarks import the core from here only (test/architecture.test.ts checks it). Pure TypeScript without I/O;
 * src/io reads the shipped dataset from disk.
 */

/** The questions Keruen answers, one function each (reliability, flows, scenario routes, ETA). */
export * from './answers/index.ts';
/** Investment appraisal: EU CBA per project, growth to 2040, MILP portfolio under a budget. */
export * from './appraisal/index.ts';
export * from './bounds.ts';
/** Calibration of transit-time distributions against observed journeys (docs/validation.md). */
export * as calibration from './calibration/index.ts';
/** Costs by component: tariffs, handling, border fees, sea lanes by date, price year, payload physics, provenance. */
export * from './costs/index.ts';
/** ISO 14083 / GLEC emissions: factors, transport chain elements, chains, iLEAP export. */
export * from './emissions/index.ts';
export * as emissions from './emissions/index.ts';
export * from './errors.ts';
/** Kazakhstan's exports to the EU: commodities, sites, flows, dangerous-goods rules, assignment (issue 18). */
export * from './exports/index.ts';
export { must } from './must.ts';
export * from './network/compile.ts';
export { COUNTRIES, isCountryCode } from './network/countries.ts';
export {
  CSV_COLUMNS,
  csvField,
  fromGeoJSON,
  type LineStringGeometry,
  type LinkFeature,
  type LinkGeometry,
  type NetworkFeatureCollection,
  type NodeFeature,
  type PointGeometry,
  type Position as GeoPosition,
  STRAIGHT_LINE,
  toCsv,
  toGeoJSON,
} from './network/export.ts';
export * from './network/figure.ts';
export { greatCircleKm } from './network/geo.ts';
export * from './network/load.ts';
export { findMetro, getPlaceByName, listMetros, type Metro, type Place, placeNodes } from './network/metros.ts';
export { closestNames, findNodes, getNodeByName } from './network/names.ts';
export * from './network/network.ts';
export { type RouteFigureCounts, type RouteUse, routeFigureCounts } from './network/route-figures.ts';
export * from './network/schema.ts';
export { computeStats, type NetworkStats } from './network/stats.ts';
export { validateReferences } from './network/validate.ts';
/** Transit-time Monte Carlo and port-queue discrete-event simulation. */
export * from './reliability/index.ts';
export * as reliability from './reliability/index.ts';
/** Every request, defined once with its bounds. */
export * from './requests/index.ts';
export * from './responses/index.ts';
export { type CorridorLabel, corridorLabel } from './routing/corridor-label.ts';
export {
  bestItineraries,
  DEFAULT_ROUTES_DEPART,
  type DefaultRouteCase,
  defaultRouteUses,
  routeUseOf,
  VALIDATION_ROUTE_CASES,
} from './routing/default-routes.ts';
export { buildCsr, type CsrGraph, Dijkstra, MinHeap } from './routing/dijkstra.ts';
export type { Itinerary, Leg, Stop } from './routing/itinerary.ts';
export { type SweepResult, sweepPareto } from './routing/one-to-many.ts';
export { mergeParetoSets } from './routing/pareto-merge.ts';
export { type ParetoPath, ParetoRouter, type RouterOptions } from './routing/pareto-search.ts';
export {
  type NoRoute,
  type RouteEnd,
  type RouteNode,
  type RoutePlace,
  type RouteRequest,
  type RouteResult,
  RoutingEngine,
} from './routing/plan.ts';
export type { Cargo, Constraints, SearchQuery } from './routing/query.ts';
export { referenceSearch } from './routing/reference-search.ts';
export { waitForNextDeparture, weeklyDepartures } from './routing/timetable.ts';
/** What-if scenarios, demand, capacity-constrained assignment, comparison and investment ranking. */
export * from './scenarios/index.ts';
export * as scenarios from './scenarios/index.ts';
export { buildScenarioLibrary, EMPTY_LIBRARY, type ScenarioLibrary } from './scenarios/library.ts';
export * from './shipments/index.ts';
/** Sweeps of scenario variants (scenario x demand growth x seed) and their KPI distributions. */
export * from './sweeps/index.ts';
export * from './time.ts';
export { isBlankYaml } from './yaml-records.ts';
