/**
 * The router cases behind the second table of docs/validation.md: for each observed transit time, the origin and
 * destination nodes and the constraints that put the route on the observed corridor. A prediction routes the
 * case on the shipped dataset, simulates every itinerary of the requested corridor in the Pareto set, and keeps
 * the one with the earliest expected (mean) arrival. Nothing here uses the observed times.
 */
import { getLink, getNode, type Network } from '../../src/core/network/network.ts';
import type { Mode } from '../../src/core/network/schema.ts';
import { type ArrivalDistribution, simulateTimeline } from '../../src/core/reliability/monte-carlo.ts';
import type { CorridorLabel } from '../../src/core/routing/corridor-label.ts';
import type { Itinerary } from '../../src/core/routing/itinerary.ts';
import type { RoutingEngine } from '../../src/core/routing/plan.ts';

export const ROUTER_SAMPLES = 20_000;
export const ROUTER_SEED = 2025;
/** Monday 3 March 2025, 08:00 UTC, the same departure as the timeline table. */
export const ROUTER_DEPART = '2025-03-03T08:00:00Z';

export interface RouterCase {
  id: string;
  from: string;
  to: string;
  corridor: CorridorLabel;
  avoidCountries?: string[];
  avoidModes?: Mode[];
  /** Why the constraints are needed to stay on the observed corridor. */
  why: string;
}

const NO_RU_BY_IR = ['RU', 'BY', 'IR'];

export const ROUTER_CASES: RouterCase[] = [
  {
    id: 'altynkol-alat',
    from: 'kz-altynkol',
    to: 'az-alat',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: 'Middle Corridor: no Russia, Belarus or Iran',
  },
  {
    id: 'altynkol-poti-rail',
    from: 'kz-altynkol',
    to: 'ge-poti',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    avoidModes: ['road'],
    why: 'the observation is a container train: without road the Red Bridge truck leg is out',
  },
  {
    id: 'altynkol-constanta-black-sea',
    from: 'kz-altynkol',
    to: 'ro-constanta',
    corridor: 'Middle',
    avoidCountries: [...NO_RU_BY_IR, 'TR'],
    why: 'the observed service sails from the Georgian ports: without Turkey the rail route via Kars is out',
  },
  {
    id: 'xian-alat',
    from: 'cn-xian',
    to: 'az-alat',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: 'Middle Corridor: no Russia, Belarus or Iran',
  },
  {
    id: 'xian-duisburg-middle',
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: 'Middle Corridor: no Russia, Belarus or Iran (the router goes on by rail through Turkey)',
  },
  {
    id: 'xian-duisburg-middle-black-sea',
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Middle',
    avoidCountries: [...NO_RU_BY_IR, 'TR', 'EG'],
    why: 'via the Black Sea as observed: without Turkey the rail route via Kars is out, and without Egypt the Suez sea route, which dominates it, is out',
  },
  {
    id: 'xian-constanta-black-sea',
    from: 'cn-xian',
    to: 'ro-constanta',
    corridor: 'Middle',
    avoidCountries: [...NO_RU_BY_IR, 'TR'],
    why: 'via the Georgian ports and the Black Sea: without Turkey the rail route via Kars is out',
  },
  {
    id: 'xian-duisburg-north',
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Northern',
    why: 'no constraint; the Northern itinerary of the Pareto set',
  },
  {
    id: 'chongqing-duisburg-north',
    from: 'cn-chongqing',
    to: 'de-duisburg',
    corridor: 'Northern',
    why: 'no constraint; the Northern itinerary of the Pareto set',
  },
  {
    id: 'xian-malaszewicze-north',
    from: 'cn-xian',
    to: 'pl-malaszewicze',
    corridor: 'Northern',
    why: 'no constraint; the Northern itinerary of the Pareto set',
  },
  {
    id: 'khorgos-malaszewicze-north',
    from: 'cn-khorgos',
    to: 'pl-malaszewicze',
    corridor: 'Northern',
    why: 'no constraint; Małaszewicze, the EU border station, stands for "Europe"',
  },
  {
    id: 'shanghai-rotterdam-suez',
    from: 'cn-shanghai',
    to: 'nl-rotterdam',
    corridor: 'Sea',
    why: 'no constraint; the Sea itinerary of the Pareto set',
  },
  {
    id: 'shanghai-rotterdam-cape',
    from: 'cn-shanghai',
    to: 'nl-rotterdam',
    corridor: 'Sea',
    avoidCountries: ['EG'],
    why: 'without Egypt the Suez Canal is out',
  },
  {
    id: 'yiwu-tehran-south',
    from: 'cn-yiwu',
    to: 'ir-tehran',
    corridor: 'Southern',
    why: 'no constraint; the Southern itinerary of the Pareto set',
  },
];

export interface RouterPrediction {
  case: RouterCase;
  itinerary: Itinerary;
  arrival: ArrivalDistribution;
}

/** Routes a case and returns the itinerary of its corridor with the earliest mean arrival; throws if none. */
export function predictCase(engine: RoutingEngine, c: RouterCase): RouterPrediction {
  const result = engine.route({
    from: c.from,
    to: c.to,
    depart: ROUTER_DEPART,
    cargo: { kind: 'containers', teu: 1 },
    avoidCountries: c.avoidCountries,
    avoidModes: c.avoidModes,
  });
  let best: RouterPrediction | undefined;
  for (const it of result.itineraries) {
    if (it.corridor !== c.corridor) continue;
    const arrival = simulateTimeline(it.timeline, { samples: ROUTER_SAMPLES, seed: ROUTER_SEED });
    if (best === undefined || arrival.mean < best.arrival.mean) best = { case: c, itinerary: it, arrival };
  }
  if (best === undefined) throw new Error(`${c.id}: no ${c.corridor} itinerary in the Pareto set`);
  return best;
}

/** Hit when the observation (the middle of a range) lies within [P10, P90]; hours in, words out. */
export function verdictOf(observedD: [number, number], a: { p10: number; p90: number }): string {
  const midH = ((observedD[0] + observedD[1]) / 2) * 24;
  if (midH < a.p10) return 'miss: faster than P10';
  if (midH > a.p90) return 'miss: slower than P90';
  return 'hit';
}

/** The nodes between origin and destination where the itinerary changes vehicle or crosses a border. */
export function viaOf(it: Itinerary): string {
  return it.keyNodes.slice(1, -1).join(' > ');
}

export const days = (h: number) => (h / 24).toFixed(1);

export function constraintsOf(c: RouterCase): string {
  const parts = [
    c.avoidCountries ? `avoid ${c.avoidCountries.join(' ')}` : '',
    c.avoidModes ? `no ${c.avoidModes.join(' ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** Source ids a figure rests on: its `source` field and any known source id named in its estimate or note. */
function figureSources(f: unknown, known: ReadonlyMap<string, unknown>, out: Set<string>): void {
  if (f === undefined || f === null || typeof f !== 'object') return;
  const o = f as { source?: string | string[]; estimate?: string; note?: string };
  for (const s of [o.source ?? []].flat()) out.add(s);
  for (const text of [o.estimate, o.note]) {
    for (const m of (text ?? '').matchAll(/\b[A-Z]{1,3}\d+\b/g)) if (known.has(m[0])) out.add(m[0]);
  }
}

/**
 * Every source id behind the time of an itinerary: link durations or speeds (the link's own, else its country
 * rate), border dwells where a leg crosses a border, terminal dwells and gauge changes at stops, and the
 * service figures of scheduled legs. A row whose source is among them is not an independent test: the dataset
 * was calibrated on that very observation.
 */
export function timeSourcesOf(net: Network, it: Itinerary): Set<string> {
  const out = new Set<string>();
  const add = (f: unknown) => figureSources(f, net.sources, out);
  for (const leg of it.legs) {
    const l = getLink(net, leg.linkId);
    const a = getNode(net, leg.from);
    const b = getNode(net, leg.to);
    if (l.duration) add(l.duration);
    else if (l.speedKmPerDay) add(l.speedKmPerDay);
    else add(net.rates.find((r) => r.country === a.country && r.mode === l.mode)?.speedKmPerDay);
    if (a.country !== b.country) {
      add(a.border?.dwellOutbound);
      add(b.border?.dwellInbound);
    }
    if (l.service !== undefined) {
      const svc = net.services[net.serviceIndex.get(l.service)!]!;
      add(svc.departuresPerWeek);
      add(svc.cancellationProbability);
    }
  }
  for (const s of it.stops) {
    const n = getNode(net, s.node);
    add(s.kind === 'gauge_change' ? n.gaugeChange?.duration : n.facility?.dwell);
  }
  return out;
}
