/**
 * Turns a Pareto path (compiled edge indices) into an itinerary people and programs read: legs with times,
 * waits, costs and CO2e, stops at hubs, countries crossed, the corridor label and totals; plus the timeline of
 * distributions that the reliability Monte Carlo samples.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_LINK } from '../network/compile.ts';
import type { DistributionSpec, Duration } from '../network/figure.ts';
import type { Network } from '../network/network.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import { type CorridorLabel, corridorLabel } from './corridor-label.ts';
import { arrivalH } from './edge-cost.ts';
import type { ParetoPath } from './pareto-search.ts';
import type { Cargo } from './query.ts';
import { fromHoursSinceEpoch } from './timetable.ts';

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
  costUsd: number | null;
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
  co2eKg: number | null;
}

export interface Itinerary {
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
    costUsd: number;
    /** False when a leg has no tariff and no rate: the cost total is a lower bound. */
    costComplete: boolean;
    co2eKg: number | null;
    waitH: number;
    borderH: number;
    transfers: number;
    /** Probability that some link on the way is cut (1 - Π(1 - risk)). */
    riskProbability: number;
  };
  /** Distributions of every step, for the reliability Monte Carlo. */
  timeline: { departH: number; steps: TimelineStep[] };
}

const iso = (tH: number) => fromHoursSinceEpoch(tH).toISOString();
const spec = (d: Duration | undefined, fallbackH: number): DistributionSpec => {
  if (d === undefined) return { dist: 'fixed', value: fallbackH };
  const { source: _s, estimate: _e, year: _y, note: _n, ...rest } = d as Duration & Record<string, unknown>;
  return rest as DistributionSpec;
};

/**
 * Builds the itinerary of a Pareto path. `withTimeline: false` leaves `timeline.steps` empty: callers that do not
 * simulate (the HTTP API's default answer) skip that work.
 */
export function buildItinerary(
  net: Network,
  g: CompiledGraph,
  path: ParetoPath,
  departH: number,
  cargo: Cargo,
  withTimeline = true,
): Itinerary {
  const perTeu = cargo.kind === 'containers';
  const units = cargo.kind === 'containers' ? cargo.teu : cargo.tonnes;
  const legs: Leg[] = [];
  const stops: Stop[] = [];
  const steps: TimelineStep[] = [];
  const countries: string[] = [];
  const keyNodes: string[] = [];
  const addCountry = (c: string) => {
    if (countries[countries.length - 1] !== c) countries.push(c);
  };
  let t = departH;
  let seaKm = 0;
  let totalKm = 0;
  let costComplete = true;
  let co2Known = true;
  let waitTotal = 0;
  let borderTotal = 0;
  let crossesCaspian = false;
  const first = net.nodes[g.vNode[g.source[path.edges[0]!]!]!]!;
  keyNodes.push(first.name);
  addCountry(first.country);
  for (const e of path.edges) {
    const a = net.nodes[g.vNode[g.source[e]!]!]!;
    const b = net.nodes[g.vNode[g.target[e]!]!]!;
    const arr = arrivalH(g, e, t);
    const cost = perTeu ? g.costUsdPerTeu[e]! : g.costUsdPerTonne[e]!;
    const co2 = perTeu ? g.co2eKgPerTeu[e]! : g.co2eKgPerTonne[e]!;
    if (Number.isNaN(co2)) co2Known = false;
    if (g.kind[e] === EDGE_LINK) {
      const l = net.links[g.link[e]!]!;
      // Float rounding can leave -1e-15 here; a wait is never negative.
      const wait = Math.max(0, arr - t - g.timeH[e]!);
      const svcI = g.service[e]!;
      const svc = svcI >= 0 ? net.services[svcI] : undefined;
      if (Number.isNaN(cost)) costComplete = false;
      const legCountries = [a.country, ...l.via, b.country].filter((c, i, xs) => xs.indexOf(c) === i);
      for (const c of legCountries) addCountry(c);
      if (a.country !== b.country && keyNodes[keyNodes.length - 1] !== a.name) keyNodes.push(a.name);
      if (l.mode === 'sea') seaKm += g.distanceKm[e]!;
      if (
        l.mode === 'ferry' &&
        ['KZ', 'TM', 'AZ', 'IR', 'RU'].includes(a.country) &&
        ['KZ', 'TM', 'AZ', 'IR', 'RU'].includes(b.country) &&
        a.country !== b.country
      )
        crossesCaspian = true;
      totalKm += g.distanceKm[e]!;
      waitTotal += wait;
      borderTotal += g.borderH[e]!;
      legs.push({
        mode: l.mode,
        linkId: l.id,
        from: a.id,
        fromName: a.name,
        to: b.id,
        toName: b.name,
        distanceKm: g.distanceKm[e]!,
        depart: iso(t + wait),
        arrive: iso(arr),
        waitH: wait,
        travelH: g.timeH[e]!,
        borderH: g.borderH[e]!,
        costUsd: !Number.isNaN(cost) ? cost * units : null,
        co2eKg: !Number.isNaN(co2) ? co2 * units : null,
        countries: legCountries,
        status: l.status,
        service: svc ? { id: svc.id, name: svc.name, operator: svc.operator } : undefined,
      });
      if (withTimeline) {
        // Timeline: border posts, then the move (a sailing waits for its departure first).
        const moveH = g.timeH[e]! - g.borderH[e]!;
        const moveSpec = spec(l.duration, moveH);
        if (a.country !== b.country) {
          if (a.border?.dwellOutbound)
            steps.push({ kind: 'border', label: `${a.name} outbound`, duration: spec(a.border.dwellOutbound, 0) });
        }
        if (svc) {
          const departuresH = Array.from(g.depOffsetsH.subarray(g.depOff[svcI]!, g.depOff[svcI + 1]!));
          steps.push({
            kind: 'sailing',
            label: `${svc.name}: ${a.name} - ${b.name}`,
            duration: moveSpec,
            departuresH,
            cancellationProbability: svc.cancellationProbability?.value ?? 0,
          });
        } else {
          steps.push({ kind: 'travel', label: `${a.name} - ${b.name} (${l.mode})`, duration: moveSpec });
        }
        if (a.country !== b.country && b.border?.dwellInbound)
          steps.push({ kind: 'border', label: `${b.name} inbound`, duration: spec(b.border.dwellInbound, 0) });
      }
    } else {
      const gauge = g.kind[e] === EDGE_GAUGE;
      const d = gauge ? a.gaugeChange?.duration : a.facility?.dwell;
      if (keyNodes[keyNodes.length - 1] !== a.name) keyNodes.push(a.name);
      stops.push({
        kind: gauge ? 'gauge_change' : 'transfer',
        node: a.id,
        name: a.name,
        arrive: iso(t),
        durationH: g.timeH[e]!,
        costUsd: (!Number.isNaN(cost) ? cost : 0) * units,
        co2eKg: !Number.isNaN(co2) ? co2 * units : null,
      });
      if (withTimeline) {
        steps.push({
          kind: gauge ? 'gauge_change' : 'dwell',
          label: `${a.name} ${gauge ? 'gauge change' : 'handling'}`,
          duration: spec(d, g.timeH[e]!),
        });
      }
    }
    t = arr;
  }
  const last = net.nodes[g.vNode[g.target[path.edges[path.edges.length - 1]!]!]!]!;
  if (keyNodes[keyNodes.length - 1] !== last.name) keyNodes.push(last.name);
  return {
    corridor: corridorLabel({ countries, seaKm, totalKm, crossesCaspian }),
    keyNodes,
    legs,
    stops,
    countries,
    totals: {
      depart: iso(departH),
      arrive: iso(path.arriveH),
      durationH: path.arriveH - departH,
      distanceKm: totalKm,
      costUsd: path.costUsd,
      costComplete,
      co2eKg: co2Known ? path.co2eKg : null,
      waitH: waitTotal,
      borderH: borderTotal,
      transfers: path.transfers,
      riskProbability: 1 - Math.exp(-path.riskLog),
    },
    timeline: { departH, steps },
  };
}
