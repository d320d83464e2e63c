/**
 * What a leg or a stop of an itinerary rests on: its cost parts priced for the cargo (units × per-unit figure,
 * payload physics for a tonnage in boxes), its time parts (travel, wait, border, dwell), each with a provenance;
 * and the shares of an itinerary's cost and time that rest on sourced figures (issue 15, item 3).
 */
import { DEFAULT_TONNES_PER_TEU } from '../network/compiled-graph.ts';
import type { Duration } from '../network/figure.ts';
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';
import type { Rate } from '../network/schema.ts';
import { boxesUsd, PROPORTIONAL } from './box-prices.ts';
import { borderParts, type CostPart, lineHaulParts, stopPart } from './cost-parts.ts';
import { type PayloadUnit, unitsFor, wagonOfGauge } from './payload.ts';
import { priceBookOfNetwork } from './price-book.ts';
import { type EvidenceProvenance, provenanceOf, sourcedShare, weakerProvenance } from './provenance.ts';

/** The cargo as the evidence prices it: TEU, or tonnes. */
export type PricedCargo = { kind: 'containers'; teu: number } | { kind: 'tonnage'; tonnes: number };

/** A cost part priced for the cargo: USD of the price year, and the units it was counted in. */
export interface PricedCostPart {
  kind: CostPart['kind'];
  usd: number | null;
  provenance: EvidenceProvenance;
  sources: string[];
  year?: number | undefined;
  currency: string;
  basis: string;
  units: { count: number; unit: 'teu' | 'tonne' };
}

export interface TimePart {
  kind: 'travel' | 'wait' | 'border' | 'dwell';
  hours: number;
  provenance: EvidenceProvenance;
}

/** Prices one part for the cargo; undefined when the part is the other cargo's alternative. */
function price(p: CostPart, cargo: PricedCargo): PricedCostPart | undefined {
  let usd: number;
  let count: number;
  let unit: 'teu' | 'tonne' = 'teu';
  if (cargo.kind === 'containers') {
    if (p.appliesTo === 'tonnage') return undefined;
    const perTeu = Number.isNaN(p.usdPerTeu) ? p.usdPerTonne * DEFAULT_TONNES_PER_TEU : p.usdPerTeu;
    count = cargo.teu;
    // Whole 40' boxes, and a 20' box for an odd TEU, each at its own price (box-prices.ts).
    usd = boxesUsd(perTeu, count, p.feuOver20ft);
  } else if (p.appliesTo === 'containers') {
    return undefined;
  } else if (p.per === 'teu') {
    // A tonnage in boxes fills each to its legal payload; the last box rides part-full but pays in full.
    count = unitsFor(cargo.tonnes, 'teu');
    usd = ((2 * p.usdPerTeu) / (p.feuOver20ft ?? PROPORTIONAL)) * count;
  } else {
    count = cargo.tonnes;
    unit = 'tonne';
    usd = p.usdPerTonne * count;
  }
  // A literal, not spreads: itineraries price every part of every leg (bench:routing's route time).
  return {
    kind: p.kind,
    usd: Number.isNaN(usd) ? null : usd,
    provenance: p.provenance,
    sources: p.sources,
    year: p.year,
    currency: p.currency,
    basis: p.basis,
    units: { count, unit },
  };
}

const rateCache = new WeakMap<Network, Map<string, Rate>>();
function rateOf(net: Network, country: string, mode: string): Rate | undefined {
  let m = rateCache.get(net);
  if (m === undefined) {
    m = new Map(net.rates.map((r) => [`${r.country}/${r.mode}`, r]));
    rateCache.set(net, m);
  }
  return m.get(`${country}/${mode}`);
}

/** Unpriced parts of a stop, per network, node and kind (stopCostParts). */
const partCache = new WeakMap<Network, Map<string, CostPart[]>>();

/**
 * What legCostParts keeps of one link leaving one end: whether its line haul is priced at the date (a sea, tramp or
 * rail lane series), its parts when it is not, else its date-free border parts and its line haul at the last few
 * dates asked (exact hours: a lane interpolates between its points, so only the same instant gives the same part).
 * A sailing departs at the same instants for every query, so its line haul is read again far more than it is
 * computed; a rail leg departs whenever its cargo arrives, so only its border parts are saved.
 */
interface LegPartsEntry {
  dated: boolean;
  /** Every part of an undated leg; the border parts of a dated one. */
  fixed: CostPart[];
  /** Line haul of a dated leg at recent instants, the oldest replaced first. */
  atH: number[];
  lineHaul: CostPart[][];
  next: number;
}

/** Instants of a dated leg whose line haul is kept. */
const DATED_SLOTS = 4;

const legCache = new WeakMap<Network, Map<NetworkLink, Map<NetworkNode, LegPartsEntry>>>();

/** The cache entry of link l leaving node a (created on first use, at tH: an undated line haul ignores it). */
function legEntry(net: Network, l: NetworkLink, a: NetworkNode, b: NetworkNode, tH: number): LegPartsEntry {
  let byLink = legCache.get(net);
  if (byLink === undefined) {
    byLink = new Map();
    legCache.set(net, byLink);
  }
  let byEnd = byLink.get(l);
  if (byEnd === undefined) {
    byEnd = new Map();
    byLink.set(l, byEnd);
  }
  let entry = byEnd.get(a);
  if (entry === undefined) {
    const book = priceBookOfNetwork(net);
    const dated =
      (l.service !== undefined && book.seaLaneOf(l.service) !== undefined) ||
      book.seaLaneOfLink(l.id) !== undefined ||
      (l.mode === 'rail' && l.tariff === undefined && book.railLaneOf(a.country) !== undefined);
    const border = borderParts(a, b, book, l.mode);
    const fixed = dated ? border : [...lineHaulParts(l, rateOf(net, a.country, l.mode), book, tH), ...border];
    entry = { dated, fixed, atH: [], lineHaul: [], next: 0 };
    byEnd.set(a, entry);
  }
  return entry;
}

/** Unpriced line haul of a dated leg at tH, from the entry's recent instants or computed (and kept). */
function datedLineHaul(net: Network, l: NetworkLink, a: NetworkNode, tH: number, entry: LegPartsEntry): CostPart[] {
  const i = entry.atH.indexOf(tH);
  if (i >= 0) return entry.lineHaul[i] ?? [];
  const parts = lineHaulParts(l, rateOf(net, a.country, l.mode), priceBookOfNetwork(net), tH);
  entry.atH[entry.next] = tH;
  entry.lineHaul[entry.next] = parts;
  entry.next = (entry.next + 1) % DATED_SLOTS;
  return parts;
}

/**
 * Cost parts of a link leg from a to b departing at tH, priced for the cargo. The unpriced parts are kept per
 * network, link and end (legEntry); `cache: false` computes them afresh (the reference the cache is tested against).
 */
export function legCostParts(
  net: Network,
  l: NetworkLink,
  a: NetworkNode,
  b: NetworkNode,
  tH: number,
  cargo: PricedCargo,
  cache = true,
): PricedCostPart[] {
  let parts: CostPart[];
  if (cache) {
    const entry = legEntry(net, l, a, b, tH);
    parts = entry.dated ? [...datedLineHaul(net, l, a, tH, entry), ...entry.fixed] : entry.fixed;
  } else {
    const book = priceBookOfNetwork(net);
    parts = [...lineHaulParts(l, rateOf(net, a.country, l.mode), book, tH), ...borderParts(a, b, book, l.mode)];
  }
  const out: PricedCostPart[] = [];
  for (const p of parts) {
    const priced = price(p, cargo);
    if (priced !== undefined) out.push(priced);
  }
  return out;
}

/** Cost part of a stop (handling, or a gauge change), priced for the cargo. */
export function stopCostParts(net: Network, n: NetworkNode, gauge: boolean, cargo: PricedCargo): PricedCostPart[] {
  let cache = partCache.get(net);
  if (cache === undefined) {
    cache = new Map();
    partCache.set(net, cache);
  }
  const key = `${n.id}${gauge ? '#gauge' : '#stop'}`;
  let part = cache.get(key)?.[0];
  if (part === undefined) {
    part = stopPart(n, gauge, priceBookOfNetwork(net));
    cache.set(key, [part]);
  }
  const p = price(part, cargo);
  return p === undefined ? [] : [p];
}

/** EvidenceProvenance of an optional duration. */
const durProv = (d: Duration | undefined): EvidenceProvenance => provenanceOf(d as { source?: unknown } | undefined);

/** Time parts of a link leg: travel (its duration, speed or rate), wait (its service's frequency), border dwell. */
export function legTimeParts(
  net: Network,
  l: NetworkLink,
  a: NetworkNode,
  b: NetworkNode,
  svc: NetworkService | undefined,
  h: { travelH: number; waitH: number; borderH: number },
): TimePart[] {
  const travel =
    l.duration !== undefined
      ? durProv(l.duration)
      : l.speedKmPerDay !== undefined
        ? provenanceOf(l.speedKmPerDay)
        : provenanceOf(rateOf(net, a.country, l.mode)?.speedKmPerDay);
  const parts: TimePart[] = [{ kind: 'travel', hours: h.travelH - h.borderH, provenance: travel }];
  if (svc !== undefined) {
    const freq = svc.departuresPerWeek
      ? provenanceOf(svc.departuresPerWeek)
      : svc.sources.length > 0
        ? 'sourced'
        : 'missing';
    parts.push({ kind: 'wait', hours: h.waitH, provenance: freq });
  }
  if (a.country !== b.country) {
    const out = a.border?.dwellOutbound;
    const inb = b.border?.dwellInbound;
    const p =
      out && inb ? weakerProvenance(durProv(out), durProv(inb)) : out ? durProv(out) : inb ? durProv(inb) : 'missing';
    parts.push({ kind: 'border', hours: h.borderH, provenance: p });
  }
  return parts;
}

/** Time part of a stop: the facility's dwell or the gauge change's duration. */
export function stopTimeParts(n: NetworkNode, gauge: boolean, hours: number): TimePart[] {
  return [{ kind: 'dwell', hours, provenance: durProv(gauge ? n.gaugeChange?.duration : n.facility?.dwell) }];
}

/** What carries a tonnage on a leg: wagons on rail (by gauge), trucks on road, boxes or tonnes elsewhere. */
export function carryingUnits(
  l: Pick<NetworkLink, 'mode' | 'gauge'>,
  cargo: PricedCargo,
): { count: number; unit: PayloadUnit | 'tonne' } {
  if (cargo.kind === 'containers') return { count: cargo.teu, unit: 'teu' };
  if (l.mode === 'rail') {
    const w = wagonOfGauge(l.gauge);
    return { count: unitsFor(cargo.tonnes, w), unit: w };
  }
  if (l.mode === 'road') return { count: unitsFor(cargo.tonnes, 'truck'), unit: 'truck' };
  return { count: cargo.tonnes, unit: 'tonne' };
}

/** Shares of the cost and of the time of a set of parts that rest on sourced figures (null when there is none). */
export function sourcedShares(cost: readonly PricedCostPart[], time: readonly TimePart[]) {
  return {
    cost: sourcedShare(cost.map((p) => ({ amount: p.usd ?? 0, provenance: p.provenance }))),
    time: sourcedShare(time.map((p) => ({ amount: p.hours, provenance: p.provenance }))),
  };
}
