/**
 * The routing entry point: validates a request with string ids, runs the Pareto search on the compiled graph,
 * builds itineraries, and when nothing is found says which constraint cuts every route. An origin or destination
 * may be several nodes (the terminals of a city): the search runs per origin x destination pair and the Pareto
 * sets are merged (pareto-merge.ts); each itinerary's first and last stops say which terminals it uses.
 */

import { KeruenError } from '../errors.ts';
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { COUNTRIES } from '../network/countries.ts';
import { getLinkIndex, getNodeIndex, type Network, type NetworkNode, nodeAt } from '../network/network.ts';
import { MODES, type Mode } from '../network/schema.ts';
import type { RouteNote } from '../requests/departure-notes.ts';
import { isoOfHours, toHoursSinceEpoch } from '../time.ts';
import { graphPricedAt, lastDatedPriceH } from './dated-prices.ts';
import { type FrontTolerance, RISK_FRONT_TOLERANCE } from './front-tolerance.ts';
import { buildItinerary, type Itinerary, newLegMemo } from './itinerary.ts';
import { sweepPareto } from './one-to-many.ts';
import { mergeParetoSets } from './pareto-merge.ts';
import { type ParetoPath, ParetoRouter } from './pareto-search.ts';
import { buildEdgeCuts, type Cargo, CUT_NAMES, edgeCutKey, type SearchQuery } from './query.ts';
import { Reachability } from './reachability.ts';

export interface RouteRequest {
  /** A node id, or the ids of several nodes (a city's terminals): the search starts from whichever is best. */
  from: string | readonly string[];
  /** A node id, or the ids of several nodes: the search ends at whichever is best. */
  to: string | readonly string[];
  /** Ready date-time (ISO 8601) or hours since epoch. */
  depart: string | number;
  cargo: Cargo;
  avoidCountries?: string[] | undefined;
  avoidModes?: Mode[] | undefined;
  avoidNodes?: string[] | undefined;
  avoidLinks?: string[] | undefined;
  includePlannedUpTo?: number | undefined;
  maxTransfers?: number | undefined;
  useRisk?: boolean | undefined;
  /** Notes on the request itself (a past departure), passed on to the answer. */
  notes?: RouteNote[] | undefined;
}

export interface NoRoute {
  /** Constraints each of which, lifted alone, would let a route through. */
  cutBy: string[];
  message: string;
}

export interface RouteNode {
  id: string;
  name: string;
}

/** A city or metro area with several terminals, as asked; each itinerary's legs say which terminal it uses. */
export interface RoutePlace {
  name: string;
  candidates: RouteNode[];
}

/** An origin or destination as the answer echoes it: one node (as before), or a place with its candidates. */
export type RouteEnd = RouteNode | RoutePlace;

export interface RouteResult {
  from: RouteEnd;
  to: RouteEnd;
  depart: string;
  cargo: Cargo;
  itineraries: Itinerary[];
  noRoute?: NoRoute | undefined;
  /** What the answer says about its request (a departure in the past). */
  notes?: RouteNote[] | undefined;
  stats: { labelsCreated: number; labelsPopped: number };
  /**
   * With risk as a criterion, the itineraries are an epsilon-front (front-tolerance.ts), not the exact Pareto set:
   * for every route of the exact set, one returned is at most `relative` worse on time (from the ready time), cost
   * and CO2e, and at most `riskAbsolute` likelier to be cut. Absent on three criteria (the exact Pareto set).
   */
  tolerance?: (FrontTolerance & { note: string }) | undefined;
}

function invalid(field: string, value: unknown, message: string): never {
  throw new KeruenError(
    'KERUEN_INVALID_INPUT',
    `${field} = ${JSON.stringify(value)}: ${message}`,
    [{ code: 'invalid_input', field, value, message }],
    { field, value },
  );
}

function checkCargo(c: Cargo): void {
  if (c.kind === 'containers') {
    if (!(Number.isFinite(c.teu) && c.teu > 0)) invalid('cargo.teu', c.teu, 'must be a positive number of TEU');
    if (c.tonnesPerTeu !== undefined && !(c.tonnesPerTeu > 0 && c.tonnesPerTeu <= 30))
      invalid('cargo.tonnesPerTeu', c.tonnesPerTeu, 'must be within (0, 30] t');
  } else if (!['bulk', 'liquid', 'general'].includes(c.kind)) {
    invalid('cargo.kind', (c as { kind: unknown }).kind, 'must be containers, bulk, liquid or general');
  } else if (!(Number.isFinite(c.tonnes) && c.tonnes > 0))
    invalid('cargo.tonnes', c.tonnes, 'must be a positive number of tonnes');
}

export class RoutingEngine {
  readonly network: Network;
  readonly graph: CompiledGraph;
  private readonly router: ParetoRouter;
  private readonly reach: Reachability;
  private readonly diagnosisCut: Uint8Array;
  /** edgeCutKey of the cuts in diagnosisCut ('' before the first diagnosis). */
  private diagnosisKey = '';
  /** The day (hours since epoch) this engine's graph is priced at; undefined: today's prices (dated-prices.ts). */
  readonly pricedAtH: number | undefined;
  /** Before this instant a departure is searched at its day's prices, by an engine of its own. */
  private readonly lastDatedH: number;
  /** Engines of the last days asked, by day, oldest first. */
  private readonly dated = new Map<number, RoutingEngine>();

  /** The epsilon-front's tolerance of risk queries (front-tolerance.ts): what route() states in `tolerance`. */
  get riskTolerance(): FrontTolerance {
    return this.router.riskTolerance;
  }

  /** `pricedAtH` is for the engine's own engines of past days (engineAt). */
  constructor(network: Network, graph: CompiledGraph, pricedAtH?: number) {
    this.network = network;
    this.graph = graph;
    this.pricedAtH = pricedAtH;
    this.lastDatedH = pricedAtH === undefined ? lastDatedPriceH(network) : Number.NEGATIVE_INFINITY;
    this.router = new ParetoRouter(graph, { riskTolerance: RISK_FRONT_TOLERANCE });
    this.reach = new Reachability(graph);
    this.diagnosisCut = new Uint8Array(graph.edgeCount);
  }

  /**
   * Validates and compiles a request into search queries (string ids to indices): one per origin x destination
   * pair, origins in request order outside; a pair of one node with itself is dropped when other pairs remain.
   */
  toQueries(req: RouteRequest): SearchQuery[] {
    const net = this.network;
    const avoidNodes = (req.avoidNodes ?? []).map((id) => getNodeIndex(net, id));
    const origins = endIndices(net, req.from, avoidNodes);
    const destinations = endIndices(net, req.to, avoidNodes);
    const departH = typeof req.depart === 'number' ? req.depart : toHoursSinceEpoch(req.depart);
    if (!Number.isFinite(departH)) invalid('depart', req.depart, 'is not an ISO 8601 date-time');
    checkCargo(req.cargo);
    checkConstraints(req);
    if (origins.length === 0 || destinations.length === 0) {
      invalid('avoidNodes', req.avoidNodes, 'cannot avoid the origin or the destination');
    }
    const base = {
      departH,
      cargo: req.cargo,
      avoidCountries: req.avoidCountries,
      avoidModes: req.avoidModes,
      avoidNodes,
      avoidLinks: (req.avoidLinks ?? []).map((id) => getLinkIndex(net, id)),
      includePlannedUpTo: req.includePlannedUpTo,
      maxTransfers: req.maxTransfers,
      useRisk: req.useRisk,
    };
    const pairs = origins.flatMap((origin) => destinations.map((destination) => ({ origin, destination })));
    const distinct = pairs.filter((p) => p.origin !== p.destination);
    return (distinct.length > 0 ? distinct : pairs).map((p) => ({
      origin: p.origin,
      destination: p.destination,
      ...base,
    }));
  }

  /** Validates and compiles a request between two single nodes into its search query. */
  toQuery(req: RouteRequest): SearchQuery {
    return must(this.toQueries(req)[0], 'search query of a request');
  }

  /**
   * Routes a request. `options.timelines: false` skips the per-step distributions (no Monte Carlo wanted).
   * Between places with several terminals, one search per pair and the merged Pareto set (stats summed).
   */
  route(req: RouteRequest, options: { timelines?: boolean } = {}): RouteResult {
    const queries = this.toQueries(req);
    const q = must(queries[0], 'search query of a request');
    const dated = this.engineAt(q.departH);
    if (dated !== this) return dated.route(req, options);
    const stats = { labelsCreated: 0, labelsPopped: 0 };
    const sets: ParetoPath[][] = queries.map((pair) => {
      const paths = this.router.search(pair);
      stats.labelsCreated += this.router.stats.labelsCreated;
      stats.labelsPopped += this.router.stats.labelsPopped;
      return paths;
    });
    const paths = mergeParetoSets(sets, { useRisk: q.useRisk, useTransfers: q.maxTransfers !== undefined });
    const withTimeline = options.timelines !== false;
    // the routes of a set share legs at the same instants: each is priced once per request (leg-memo.ts)
    const memo = newLegMemo();
    const itineraries = paths.map((p) =>
      buildItinerary(this.network, this.graph, p, q.departH, q.cargo, withTimeline, memo),
    );
    const result: RouteResult = {
      from: this.endOf(
        req.from,
        queries.map((x) => x.origin),
      ),
      to: this.endOf(
        req.to,
        queries.map((x) => x.destination),
      ),
      depart: isoOfHours(q.departH),
      cargo: q.cargo,
      itineraries,
      stats,
    };
    if (req.notes !== undefined && req.notes.length > 0) result.notes = req.notes;
    if (q.useRisk === true) result.tolerance = toleranceEcho(this.router.riskTolerance);
    if (itineraries.length === 0) result.noRoute = this.explainNoRoute(queries);
    return result;
  }

  /**
   * The Pareto sets of many requests at once (a sweep, an OD matrix): per request, the set route() finds, without
   * itineraries. The searches run grouped by destination so that each destination's lower bounds are computed
   * once for all origins (one-to-many.ts); the answers are those of the requests one by one.
   * @example engine.paretoSets([{ from: 'cn-xian', to: 'de-duisburg', depart, cargo }, ...]) // ParetoPath[][]
   */
  paretoSets(reqs: readonly RouteRequest[]): ParetoPath[][] {
    const perRequest = reqs.map((r) => this.toQueries(r));
    const engines = perRequest.map((qs) => this.engineAt(must(qs[0], 'search query of a request').departH));
    if (engines.some((e) => e !== this)) {
      // requests of past days go to their days' engines, each group at once; answers back in request order
      const out: ParetoPath[][] = new Array(reqs.length);
      for (const e of new Set(engines)) {
        const idx = engines.flatMap((x, i) => (x === e ? [i] : []));
        const sets =
          e === this
            ? this.paretoSetsNow(idx.map((i) => must(perRequest[i], 'queries')))
            : e.paretoSets(idx.map((i) => must(reqs[i], 'request')));
        idx.forEach((i, k) => {
          out[i] = must(sets[k], 'Pareto set of a request');
        });
      }
      return out;
    }
    return this.paretoSetsNow(perRequest);
  }

  /** paretoSets of requests already compiled into queries, all searched on this engine's graph. */
  private paretoSetsNow(perRequest: readonly SearchQuery[][]): ParetoPath[][] {
    const { sets } = sweepPareto(this.router, perRequest.flat());
    let k = 0;
    return perRequest.map((qs) => {
      const own = sets.slice(k, k + qs.length);
      k += qs.length;
      const q = must(qs[0], 'search query of a request');
      return mergeParetoSets(own, { useRisk: q.useRisk, useTransfers: q.maxTransfers !== undefined });
    });
  }

  /**
   * The engine that searches a departure at departH: this one from the last dated price on (and for an engine
   * already priced at a day), else one whose graph is priced at the start of departH's day (dated-prices.ts),
   * kept for the last DATED_ENGINES days asked. A day's engine costs a compilation (about 20 ms on the shipped
   * network).
   */
  private engineAt(departH: number): RoutingEngine {
    if (!(departH < this.lastDatedH)) return this;
    const day = Math.floor(departH / 24) * 24;
    let e = this.dated.get(day);
    if (e === undefined) {
      e = new RoutingEngine(this.network, graphPricedAt(this.network, this.graph, day), day);
      const oldest = this.dated.keys().next();
      if (this.dated.size >= DATED_ENGINES && oldest.done !== true) this.dated.delete(oldest.value);
    } else this.dated.delete(day);
    this.dated.set(day, e);
    return e;
  }

  /** The answer's origin or destination: the node, or the place (its shared metro name) and its candidates. */
  private endOf(asked: string | readonly string[], used: readonly number[]): RouteEnd {
    const nodes = [...new Set(used)].map((i) => nodeAt(this.network, i));
    if (typeof asked === 'string' || asked.length === 1) {
      const n = must(nodes[0], 'node of a route end');
      return { id: n.id, name: n.name };
    }
    return { name: placeName(nodes), candidates: nodes.map((n) => ({ id: n.id, name: n.name })) };
  }

  /**
   * Lifts each constraint in turn to find those that cut every route. Each question is a reachability pass
   * (reachability.ts), which says yes exactly when the search would find a route: the cut bits are built once,
   * and a lifted constraint is a masked bit.
   */
  private explainNoRoute(queries: readonly SearchQuery[]): NoRoute {
    const first = must(queries[0], 'search query of a request');
    // the pairs of a request share its constraints, so one cut array serves them all; kept while they repeat
    const key = edgeCutKey(first);
    if (key !== this.diagnosisKey) {
      buildEdgeCuts(this.graph, first, this.diagnosisCut);
      this.diagnosisKey = key;
    }
    const maxTransfers = first.maxTransfers;
    const anyRoute = (ignore: number, limit: number | undefined) =>
      queries.some((q) => this.reach.reaches(q.origin, q.destination, this.diagnosisCut, ignore, limit));
    const cutBy: string[] = [];
    for (const [bit, name] of Object.entries(CUT_NAMES)) {
      if (anyRoute(Number(bit), maxTransfers)) cutBy.push(name);
    }
    if (maxTransfers !== undefined && anyRoute(0, undefined)) cutBy.push(`at most ${maxTransfers} transfers`);
    let message: string;
    if (cutBy.length > 0)
      message = `no route: lifting any one of these constraints would allow one: ${cutBy.join('; ')}`;
    else if (anyRoute(0xff, undefined)) message = 'no route: several constraints together cut every route';
    else message = 'no route: the two nodes are not connected in the network';
    return { cutBy, message };
  }
}

/** Engines of past days a RoutingEngine keeps (engineAt). */
const DATED_ENGINES = 8;

/** The epsilon-front's tolerance as an answer states it. */
function toleranceEcho(t: FrontTolerance): FrontTolerance & { note: string } {
  const pct = (x: number) => `${Number((x * 100).toFixed(4))}`;
  return {
    relative: t.relative,
    riskAbsolute: t.riskAbsolute,
    note:
      'risk is a criterion: the itineraries are an epsilon-front, not the exact Pareto set; for each route left ' +
      `out one returned is at most ${pct(t.relative)}% slower (from the departure), dearer and higher in CO2e, ` +
      `and at most ${pct(t.riskAbsolute)} percentage points likelier to be cut`,
  };
}

/** Node indices of a request's origin or destination, without the avoided ones. */
function endIndices(net: Network, ids: string | readonly string[], avoid: readonly number[]): number[] {
  const list = typeof ids === 'string' ? [ids] : ids;
  if (list.length === 0) invalid('from/to', ids, 'must name at least one node');
  return list.map((id) => getNodeIndex(net, id)).filter((i) => !avoid.includes(i));
}

/** The name of several nodes: their shared metro area ("Istanbul"), else their names joined. */
function placeName(nodes: readonly NetworkNode[]): string {
  const metro = nodes[0]?.metro;
  if (metro !== undefined && nodes.every((n) => n.metro === metro)) return metro;
  return nodes.map((n) => n.name).join(' / ');
}

/** Checks the constraints of a request: country codes, modes, planned-year horizon, transfer limit. */
function checkConstraints(req: RouteRequest): void {
  for (const c of req.avoidCountries ?? [])
    if (!Object.hasOwn(COUNTRIES, c)) invalid('avoidCountries', c, 'is not a known ISO 3166 alpha-2 code');
  for (const m of req.avoidModes ?? [])
    if (!(MODES as readonly string[]).includes(m)) invalid('avoidModes', m, `is not one of ${MODES.join(', ')}`);
  if (
    req.includePlannedUpTo !== undefined &&
    !(Number.isInteger(req.includePlannedUpTo) && req.includePlannedUpTo >= 1990 && req.includePlannedUpTo <= 2100)
  ) {
    invalid('includePlannedUpTo', req.includePlannedUpTo, 'must be a year between 1990 and 2100');
  }
  if (req.maxTransfers !== undefined && !(Number.isInteger(req.maxTransfers) && req.maxTransfers >= 0))
    invalid('maxTransfers', req.maxTransfers, 'must be a non-negative integer');
}
