/**
 * The routing entry point: validates a request with string ids, runs the Pareto search on the compiled graph,
 * builds itineraries, and when nothing is found says which constraint cuts every route.
 */

import { KeruenError } from '../errors.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { COUNTRIES } from '../network/countries.ts';
import { getLinkIndex, getNodeIndex, type Network, nodeAt } from '../network/network.ts';
import { MODES, type Mode } from '../network/schema.ts';
import { isoOfHours, toHoursSinceEpoch } from '../time.ts';
import { buildItinerary, type Itinerary } from './itinerary.ts';
import { ParetoRouter } from './pareto-search.ts';
import { type Cargo, CUT_NAMES, type SearchQuery } from './query.ts';

export interface RouteRequest {
  from: string;
  to: string;
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
}

export interface NoRoute {
  /** Constraints each of which, lifted alone, would let a route through. */
  cutBy: string[];
  message: string;
}

export interface RouteResult {
  from: { id: string; name: string };
  to: { id: string; name: string };
  depart: string;
  cargo: Cargo;
  itineraries: Itinerary[];
  noRoute?: NoRoute | undefined;
  stats: { labelsCreated: number; labelsPopped: number };
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

  constructor(network: Network, graph: CompiledGraph) {
    this.network = network;
    this.graph = graph;
    this.router = new ParetoRouter(graph);
  }

  /** Validates and compiles a request into a search query (string ids to indices). */
  toQuery(req: RouteRequest): SearchQuery {
    const net = this.network;
    const origin = getNodeIndex(net, req.from);
    const destination = getNodeIndex(net, req.to);
    const departH = typeof req.depart === 'number' ? req.depart : toHoursSinceEpoch(req.depart);
    if (!Number.isFinite(departH)) invalid('depart', req.depart, 'is not an ISO 8601 date-time');
    checkCargo(req.cargo);
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
    const avoidNodes = (req.avoidNodes ?? []).map((id) => getNodeIndex(net, id));
    if (avoidNodes.includes(origin) || avoidNodes.includes(destination)) {
      invalid('avoidNodes', req.avoidNodes, 'cannot avoid the origin or the destination');
    }
    return {
      origin,
      destination,
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
  }

  /** Routes a request. `options.timelines: false` skips the per-step distributions (no Monte Carlo wanted). */
  route(req: RouteRequest, options: { timelines?: boolean } = {}): RouteResult {
    const q = this.toQuery(req);
    const paths = this.router.search(q);
    const stats = { ...this.router.stats };
    const withTimeline = options.timelines !== false;
    const itineraries = paths.map((p) => buildItinerary(this.network, this.graph, p, q.departH, q.cargo, withTimeline));
    const from = nodeAt(this.network, q.origin);
    const to = nodeAt(this.network, q.destination);
    const result: RouteResult = {
      from: { id: from.id, name: from.name },
      to: { id: to.id, name: to.name },
      depart: isoOfHours(q.departH),
      cargo: q.cargo,
      itineraries,
      stats,
    };
    if (itineraries.length === 0) result.noRoute = this.explainNoRoute(q);
    return result;
  }

  /** Lifts each constraint in turn to find those that cut every route. */
  private explainNoRoute(q: SearchQuery): NoRoute {
    const cutBy: string[] = [];
    for (const [bit, name] of Object.entries(CUT_NAMES)) {
      if (this.router.search(q, Number(bit)).length > 0) cutBy.push(name);
    }
    if (q.maxTransfers !== undefined && this.router.search({ ...q, maxTransfers: undefined }).length > 0)
      cutBy.push(`at most ${q.maxTransfers} transfers`);
    let message: string;
    if (cutBy.length > 0)
      message = `no route: lifting any one of these constraints would allow one: ${cutBy.join('; ')}`;
    else if (this.router.search({ ...q, maxTransfers: undefined }, 0xff).length > 0)
      message = 'no route: several constraints together cut every route';
    else message = 'no route: the two nodes are not connected in the network';
    return { cutBy, message };
  }
}
