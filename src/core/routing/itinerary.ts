/**
 * Turns a Pareto path (compiled edge indices) into an itinerary people and programs read: legs with times,
 * waits, costs and CO2e, stops at hubs, countries crossed, the corridor label and totals; plus the timeline of
 * distributions that the reliability Monte Carlo samples.
 */

import { calibrateItineraryTimeline } from '../calibration/apply.ts';
import {
  carryingUnits,
  legCostParts,
  legTimeParts,
  type PricedCargo,
  type PricedCostPart,
  sourcedShares,
  stopCostParts,
  stopTimeParts,
  type TimePart,
} from '../costs/evidence.ts';
import { PRICE_YEAR } from '../costs/price-book.ts';
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_LINK } from '../network/compile.ts';
import type { Network, NetworkLink } from '../network/network.ts';
import { maskEvents, maskRiskLog } from '../network/risk-events.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import { type CorridorLabel, corridorLabel } from './corridor-label.ts';
import { arrivalH } from './edge-cost.ts';
import { type EdgeFacts, edgeFactsOf, edgeSteps, getEdgeFacts } from './edge-facts.ts';
import { isoOfHoursFast as iso } from './iso-hours.ts';
import { itineraryKey } from './itinerary-key.ts';
import { EdgeTimeMemo } from './leg-memo.ts';
import { linkTimelineSteps, oneLatenessPerVoyage } from './link-timeline.ts';
import type { ParetoPath } from './pareto-search.ts';
import type { Cargo } from './query.ts';
import { serviceHops } from './service-hops.ts';

export interface Leg {
  mode: string;
  linkId: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  distanceKm: number;
  depart: string;
  arrive: string;
  /** Wait for the departure of a scheduled service before this leg, hours. */
  waitH: number;
  /** Moving time plus border clearance, hours. */
  travelH: number;
  borderH: number;
  /** Sum of costParts, USD of the price year; null when the line haul has no figure. */
  costUsd: number | null;
  /** What the cost rests on: line haul, sea freight, border fees, each with its provenance (src/core/costs). */
  costParts: PricedCostPart[];
  /** Travel, wait and border hours with the provenance of the figure behind each. */
  timeParts: TimePart[];
  /** What carries the cargo on this leg: TEU, wagons by gauge, trucks, or tonnes (bulk ship, ferry). */
  units: { count: number; unit: string };
  co2eKg: number | null;
  countries: string[];
  status: string;
  service?: { id: string; name: string; operator?: string | undefined } | undefined;
}

export interface Stop {
  kind: 'transfer' | 'gauge_change';
  node: string;
  name: string;
  arrive: string;
  durationH: number;
  costUsd: number;
  costParts: PricedCostPart[];
  timeParts: TimePart[];
  co2eKg: number | null;
}

export interface Itinerary {
  /** Stable key of the legs taken and their departures (itinerary-key.ts): names this itinerary in a booking. */
  key: string;
  corridor: CorridorLabel;
  /** Node names where the itinerary changes vehicle or crosses a border, origin and destination included. */
  keyNodes: string[];
  legs: Leg[];
  stops: Stop[];
  countries: string[];
  totals: {
    depart: string;
    arrive: string;
    durationH: number;
    distanceKm: number;
    /** Sum of the legs' and stops' costs, USD of `priceYear`; sea legs priced at the departure date. */
    costUsd: number;
    /** False when a leg has no tariff and no rate: the cost total is a lower bound. */
    costComplete: boolean;
    /** Costs are in US dollars of this year (src/core/costs/price-book.ts). */
    priceYear: number;
    /** Share of the cost and of the time that rest on sourced (not estimated, not missing) figures; null when 0. */
    costSourcedShare: number | null;
    timeSourcedShare: number | null;
    co2eKg: number | null;
    waitH: number;
    borderH: number;
    transfers: number;
    /** Probability that some link on the way is cut: 1 - Π(1 - p) over the risk events met, each once. */
    riskProbability: number;
    /** The risk events on the way (network/risk-events.ts), in the dataset's order. */
    riskEvents: string[];
  };
  /** Distributions of every step, for the reliability Monte Carlo. */
  timeline: { departH: number; steps: TimelineStep[]; journeySigma?: number | undefined };
}

/** Legs and stops of one answer by edge and entry time (leg-memo.ts): one per request, graph and cargo. */
export interface LegMemo {
  legs: EdgeTimeMemo<Leg>;
  stops: EdgeTimeMemo<Stop>;
}

/** A fresh memo for the itineraries of one answer. */
export function newLegMemo(): LegMemo {
  return { legs: new EdgeTimeMemo(), stops: new EdgeTimeMemo() };
}

/** Waits below this, in hours, are float noise of the time arithmetic, not waits. */
const WAIT_NOISE_H = 1e-6;

/** What every step of the walk reads. */
interface WalkContext {
  net: Network;
  g: CompiledGraph;
  perTeu: boolean;
  /** TEU or tonnes carried. */
  units: number;
  priced: PricedCargo;
  withTimeline: boolean;
  /** Per-edge facts of this graph (edge-facts.ts). */
  facts: (EdgeFacts | undefined)[];
  /** Legs and stops already built for the same search (leg-memo.ts), when the caller shares one. */
  memo: LegMemo | undefined;
}

/** An itinerary being built edge by edge, with its running totals. */
interface Walk {
  legs: Leg[];
  stops: Stop[];
  steps: TimelineStep[];
  countries: string[];
  keyNodes: string[];
  seaKm: number;
  totalKm: number;
  costComplete: boolean;
  co2Known: boolean;
  waitH: number;
  borderH: number;
  crossesCaspian: boolean;
}

const EMPTY_TOTALS = {
  seaKm: 0,
  totalKm: 0,
  costComplete: true,
  co2Known: true,
  waitH: 0,
  borderH: 0,
  crossesCaspian: false,
};

const CASPIAN_COUNTRIES = ['KZ', 'TM', 'AZ', 'IR', 'RU'];

/** Appends a country unless it is the last one already. */
function addCountry(w: Walk, c: string): void {
  if (w.countries[w.countries.length - 1] !== c) w.countries.push(c);
}

/** Appends a key node unless it is the last one already. */
function addKeyNode(w: Walk, name: string): void {
  if (w.keyNodes[w.keyNodes.length - 1] !== name) w.keyNodes.push(name);
}

/**
 * Builds the itinerary of a Pareto path. `withTimeline: false` leaves `timeline.steps` empty: callers that do not
 * simulate (the HTTP API's default answer) skip that work. `memo` (newLegMemo), shared by the itineraries of one
 * answer (same graph, network and cargo), builds each leg and stop once; it is filled, nothing else is mutated.
 * Itineraries share read-only objects (timeline steps, and legs through a memo).
 */
export function buildItinerary(
  net: Network,
  g: CompiledGraph,
  path: ParetoPath,
  departH: number,
  cargo: Cargo,
  withTimeline = true,
  memo?: LegMemo,
): Itinerary {
  const perTeu = cargo.kind === 'containers';
  const priced: PricedCargo =
    cargo.kind === 'containers' ? { kind: 'containers', teu: cargo.teu } : { kind: 'tonnage', tonnes: cargo.tonnes };
  const facts = edgeFactsOf(net, g);
  const c: WalkContext = {
    net,
    g,
    perTeu,
    units: perTeu ? cargo.teu : cargo.tonnes,
    priced,
    withTimeline,
    facts,
    memo,
  };
  const w: Walk = { legs: [], stops: [], steps: [], countries: [], keyNodes: [], ...EMPTY_TOTALS };
  const firstEdge = path.edges[0];
  const lastEdge = path.edges[path.edges.length - 1];
  if (firstEdge === undefined || lastEdge === undefined) throw new Error('a Pareto path without edges');
  const first = getEdgeFacts(net, g, facts, firstEdge).a;
  w.keyNodes.push(first.name);
  addCountry(w, first.country);
  let t = departH;
  let risk = 0;
  for (const e of path.edges) {
    const arr = arrivalH(g, e, t);
    risk |= g.riskMask[e] ?? 0;
    // read in place: unitFigures builds an object, and this runs for every edge of every itinerary
    if (Number.isNaN((perTeu ? g.co2eKgPerTeu : g.co2eKgPerTonne)[e] ?? Number.NaN)) w.co2Known = false;
    if (g.kind[e] === EDGE_LINK) walkLink(c, w, e, t, arr);
    else walkTransfer(c, w, e, t);
    t = arr;
  }
  addKeyNode(w, getEdgeFacts(net, g, facts, lastEdge).b.name);
  const { countries, seaKm, totalKm, crossesCaspian } = w;
  const { allCost, allTime } = allParts(w);
  const shares = sourcedShares(allCost, allTime);
  return {
    key: itineraryKey(w.legs),
    corridor: corridorLabel({ countries, seaKm, totalKm, crossesCaspian }),
    keyNodes: w.keyNodes,
    legs: w.legs,
    stops: w.stops,
    countries,
    totals: {
      depart: iso(departH),
      arrive: iso(path.arriveH),
      durationH: path.arriveH - departH,
      distanceKm: totalKm,
      costUsd: sumUsd(allCost),
      costComplete: w.costComplete,
      priceYear: PRICE_YEAR,
      costSourcedShare: shares.cost,
      timeSourcedShare: shares.time,
      co2eKg: w.co2Known ? path.co2eKg : null,
      waitH: w.waitH,
      borderH: w.borderH,
      transfers: path.transfers,
      riskProbability: -Math.expm1(-maskRiskLog(g.eventRiskLog, risk)),
      riskEvents: maskEvents(g.riskEvents, risk),
    },
    // Calibrated when the dataset has a fitted calibration (calibration/apply.ts).
    timeline: calibrateItineraryTimeline(net, { departH, steps: oneLatenessPerVoyage(w.steps) }),
  };
}

/** The cost and time parts of every leg, then of every stop, in order (one pass, no intermediate arrays). */
function allParts(w: Walk): { allCost: PricedCostPart[]; allTime: TimePart[] } {
  const allCost: PricedCostPart[] = [];
  const allTime: TimePart[] = [];
  for (const l of w.legs) for (const p of l.costParts) allCost.push(p);
  for (const st of w.stops) for (const p of st.costParts) allCost.push(p);
  for (const l of w.legs) for (const p of l.timeParts) allTime.push(p);
  for (const st of w.stops) for (const p of st.timeParts) allTime.push(p);
  return { allCost, allTime };
}

/** The sum of the parts' USD (null counts 0), added in order as reduce does. */
function sumUsd(parts: readonly PricedCostPart[]): number {
  let sum = 0;
  for (const p of parts) sum += p.usd ?? 0;
  return sum;
}

/** The figures of edge e a leg or a stop reports; cost and CO2e per unit of the cargo (NaN when unknown). */
function unitFigures(g: CompiledGraph, e: number, perTeu: boolean) {
  return {
    cost: must((perTeu ? g.costUsdPerTeu : g.costUsdPerTonne)[e], 'edge cost'),
    co2: must((perTeu ? g.co2eKgPerTeu : g.co2eKgPerTonne)[e], 'edge CO2e'),
    timeH: must(g.timeH[e], 'edge time'),
    borderH: must(g.borderH[e], 'edge border time'),
    distanceKm: must(g.distanceKm[e], 'edge distance'),
  };
}

/** A link edge e entered at t and left at arr: its leg, countries, key nodes, totals and timeline steps. */
function walkLink(c: WalkContext, w: Walk, e: number, t: number, arr: number): void {
  const { net, g } = c;
  const f = getEdgeFacts(net, g, c.facts, e);
  const { a, b } = f;
  const l = must(f.l, 'link of a link edge');
  let leg = c.memo?.legs.get(e, t);
  if (leg === undefined) {
    leg = newLeg(c, f, l, e, t, arr);
    c.memo?.legs.set(e, t, leg);
  }
  const unitCost = (c.perTeu ? g.costUsdPerTeu : g.costUsdPerTonne)[e] ?? Number.NaN;
  if (Number.isNaN(unitCost) || leg.costUsd === null) w.costComplete = false;
  for (const x of leg.countries) addCountry(w, x);
  if (a.country !== b.country) addKeyNode(w, a.name);
  if (l.mode === 'sea') w.seaKm += leg.distanceKm;
  if (
    l.mode === 'ferry' &&
    CASPIAN_COUNTRIES.includes(a.country) &&
    CASPIAN_COUNTRIES.includes(b.country) &&
    a.country !== b.country
  )
    w.crossesCaspian = true;
  w.totalKm += leg.distanceKm;
  w.waitH += leg.waitH;
  w.borderH += leg.borderH;
  w.legs.push(leg);
  if (c.withTimeline) for (const st of edgeSteps(net, g, f, e)) w.steps.push(st);
}

/** The leg of link edge e entered at t and left at arr. */
function newLeg(c: WalkContext, f: EdgeFacts, l: NetworkLink, e: number, t: number, arr: number): Leg {
  const { net, g, perTeu, units } = c;
  const { a, b, svc } = f;
  const { co2, timeH, borderH, distanceKm } = unitFigures(g, e, perTeu);
  // Hours since the epoch (~5e5) leave float noise of ~1e-11 h in this difference: a wait shorter than
  // WAIT_NOISE_H (3.6 ms) is none, and a wait is never negative.
  const rawWait = arr - t - timeH;
  const wait = rawWait < WAIT_NOISE_H ? 0 : rawWait;
  // A scheduled train's run: every link it rides, as the search's edge cost sums them (service-hops.ts).
  const hops = svc === undefined ? undefined : serviceHops(net, g, e);
  const costParts =
    hops === undefined
      ? legCostParts(net, l, a, b, t + wait, c.priced)
      : hops.flatMap((h) => legCostParts(net, h.link, h.from, h.to, t + wait, c.priced));
  const legCost = costParts.some((p) => p.usd === null && p.kind !== 'border')
    ? null
    : costParts.reduce((sum, p) => sum + (p.usd ?? 0), 0);
  return {
    mode: l.mode,
    linkId: l.id,
    from: a.id,
    fromName: a.name,
    to: b.id,
    toName: b.name,
    distanceKm,
    depart: iso(t + wait),
    arrive: iso(arr),
    waitH: wait,
    travelH: timeH,
    borderH,
    costUsd: legCost,
    costParts,
    timeParts: legTimeParts(net, l, a, b, svc, { travelH: timeH, waitH: wait, borderH }),
    units: carryingUnits(l, c.priced),
    co2eKg: !Number.isNaN(co2) ? co2 * units : null,
    countries: [...f.countries],
    status: l.status,
    service: svc ? { id: svc.id, name: svc.name, operator: svc.operator } : undefined,
  };
}

/**
 * Timeline of a link edge: the border post left, the move (a sailing waits for its departure), the post reached;
 * for a scheduled train's service edge, the booked slot and the run (link-timeline.ts).
 */
export function linkSteps(net: Network, g: CompiledGraph, e: number): TimelineStep[] {
  const { timeH, borderH } = unitFigures(g, e, true);
  return linkTimelineSteps(net, g, e, timeH - borderH);
}

/** A transfer or gauge-change edge e entered at t: its stop and timeline step. */
function walkTransfer(c: WalkContext, w: Walk, e: number, t: number): void {
  const { net, g } = c;
  const f = getEdgeFacts(net, g, c.facts, e);
  addKeyNode(w, f.a.name);
  let stop = c.memo?.stops.get(e, t);
  if (stop === undefined) {
    stop = newStop(c, f, e, t);
    c.memo?.stops.set(e, t, stop);
  }
  w.stops.push(stop);
  if (c.withTimeline) for (const st of edgeSteps(net, g, f, e)) w.steps.push(st);
}

/** The stop of transfer or gauge-change edge e entered at t. */
function newStop(c: WalkContext, f: EdgeFacts, e: number, t: number): Stop {
  const { net, g, perTeu, units } = c;
  const a = f.a;
  const { co2, timeH } = unitFigures(g, e, perTeu);
  const gauge = g.kind[e] === EDGE_GAUGE;
  const costParts = stopCostParts(net, a, gauge, c.priced);
  return {
    kind: gauge ? 'gauge_change' : 'transfer',
    node: a.id,
    name: a.name,
    arrive: iso(t),
    durationH: timeH,
    costUsd: costParts.reduce((sum, p) => sum + (p.usd ?? 0), 0),
    costParts,
    timeParts: stopTimeParts(a, gauge, timeH),
    co2eKg: !Number.isNaN(co2) ? co2 * units : null,
  };
}
