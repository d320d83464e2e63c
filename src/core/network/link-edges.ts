/**
 * Link edges of the compiled graph: one per direction a link runs, between the platforms of its class at its two
 * ends. Travel time is the link's duration, else distance over its speed or its country's rate speed; a link with
 * neither is left out (issue no_travel_time). Cost per TEU and per tonne comes from the cost model's parts
 * (src/core/costs): the link's tariff, else its sea lane, else its country's rate per km (issue no_cost when none).
 * Crossing a border adds the outbound dwell and cost of the node left and the inbound ones of the node reached
 * (CAREC CPMM-style clearance by direction), folded into the edge.
 */
import { borderParts, lineHaulParts, sumParts } from '../costs/cost-parts.ts';
import { PAYLOAD_TONNES } from '../costs/payload.ts';
import { neutralPriceBook, type PriceBook } from '../costs/price-book.ts';
import type { Issue } from '../errors.ts';
import { must } from '../must.ts';
import { daysToHours } from '../time.ts';
import { CARRIES_BITS, EDGE_LINK, type EmissionsModel, MODE_CODES, STATUS_CODES } from './compiled-graph.ts';
import type { EdgeDraft } from './edge-table.ts';
import { meanOf } from './figure.ts';
import { getNodeIndex, linkAt, type Network, type NetworkLink, type NetworkNode, nodeAt } from './network.ts';
import { type Platforms, platformOf } from './platforms.ts';
import { linkRiskMask, type RiskEvents } from './risk-events.ts';
import type { Rate } from './schema.ts';

/** Mean of an optional duration, 0 when absent. */
export const meanOrZero = (d: Parameters<typeof meanOf>[0] | undefined): number => (d === undefined ? 0 : meanOf(d));

/** Expected travel time of a link in hours (border dwell excluded), or undefined when nothing gives one. */
export function linkTravelTimeH(l: NetworkLink, rate: Rate | undefined): number | undefined {
  const km = l.distanceKm?.value ?? 0;
  const speed = l.speedKmPerDay?.value ?? rate?.speedKmPerDay?.value;
  if (l.duration !== undefined) return meanOf(l.duration);
  if (speed !== undefined && speed > 0) return daysToHours(km / speed);
  return undefined;
}

/**
 * Cost of a link per TEU and per tonne, USD of the price year, without border costs, from the cost model's parts
 * (src/core/costs/cost-parts.ts): the link's tariff, else its sea lane at `tH` (the latest point when undefined),
 * else the country's rate per km. A TEU-only figure gives the tonne figure at a box's legal payload (28.18 t), a
 * tonne-only figure the TEU figure at tonnesPerTeu; undefined when nothing gives either.
 * @example linkTariffUsd({ tariff: { usdPerFeu: { value: 800, source: 'X' } }, distanceKm: { value: 100 } }, undefined, 10)
 *   // { perTeu: 400, perTonne: 400 / 28.18 }
 */
export function linkTariffUsd(
  l: Pick<NetworkLink, 'tariff' | 'distanceKm'> & Partial<Pick<NetworkLink, 'service' | 'mode'>>,
  rate: (Pick<Rate, 'usdPerTeuKm' | 'usdPerTonneKm'> & Partial<Pick<Rate, 'id' | 'currency'>>) | undefined,
  tonnesPerTeu: number,
  book: PriceBook = neutralPriceBook(),
  tH: number = Number.POSITIVE_INFINITY,
): { perTeu: number | undefined; perTeu20?: number | undefined; perTonne: number | undefined } {
  const link = { mode: 'rail' as const, service: undefined, ...l };
  const parts = lineHaulParts(link, rate === undefined ? undefined : { id: 'rate', ...rate }, book, tH);
  const { perTeu, perTeu20, perTonne } = sumParts(parts, tonnesPerTeu);
  if (Number.isNaN(perTeu)) return { perTeu: undefined, perTonne: Number.isNaN(perTonne) ? undefined : perTonne };
  return { perTeu, perTeu20, perTonne: Number.isNaN(perTonne) ? undefined : perTonne };
}

/**
 * Border clearance from node x to node y on a link of `mode`: dwell (h) and costs (USD per TEU, per tonne) that
 * tonnage pays, and those containers pay (`containers`: on rail, a post whose fees a rail lane's container quotes
 * include charges containers nothing, as the itinerary's cost parts say, costs/cost-parts.ts borderParts); zero
 * inside a country.
 */
export function borderCrossing(
  x: Pick<NetworkNode, 'country' | 'border'> & Partial<Pick<NetworkNode, 'id'>>,
  y: Pick<NetworkNode, 'country' | 'border'> & Partial<Pick<NetworkNode, 'id'>>,
  book: PriceBook = neutralPriceBook(),
  mode?: string,
): { h: number; usdPerTeu: number; usdPerTonne: number; containers: { usdPerTeu: number; usdPerTonne: number } } {
  const none = { usdPerTeu: 0, usdPerTonne: 0 };
  if (x.country === y.country) return { h: 0, ...none, containers: none };
  const tonnage = { usdPerTeu: 0, usdPerTonne: 0 };
  const containers = { usdPerTeu: 0, usdPerTonne: 0 };
  for (const p of borderParts({ id: '?', ...x }, { id: '?', ...y }, book, mode)) {
    for (const [sum, skip] of [
      [tonnage, 'containers'],
      [containers, 'tonnage'],
    ] as const) {
      if (p.appliesTo === skip) continue;
      if (p.per === 'teu') sum.usdPerTeu += p.usdPerTeu;
      else sum.usdPerTonne += p.usdPerTonne;
    }
  }
  return { h: meanOrZero(x.border?.dwellOutbound) + meanOrZero(y.border?.dwellInbound), ...tonnage, containers };
}

export interface LinkEdgeContext {
  net: Network;
  platforms: Platforms;
  rates: ReadonlyMap<string, Rate>;
  emissions: EmissionsModel | undefined;
  tonnesPerTeu: number;
  /** Converts figures to USD of the price year. */
  book: PriceBook;
  /** The instant dated sea and rail lanes are read at (hours since epoch); +Infinity: after their last point. */
  priceAtH: number;
  riskEvents: RiskEvents;
}

/**
 * Drafts the edges of link `li` (one, or two when bidirectional) into `edges`; findings go to `issues`.
 * Mutates both arrays.
 */
export function draftLinkEdges(ctx: LinkEdgeContext, li: number, edges: EdgeDraft[], issues: Issue[]): void {
  const { net, tonnesPerTeu } = ctx;
  const l = linkAt(net, li);
  const fromI = getNodeIndex(net, l.from);
  const toI = getNodeIndex(net, l.to);
  const a = nodeAt(net, fromI);
  const b = nodeAt(net, toI);
  const rate = ctx.rates.get(`${a.country}/${l.mode}`);
  const timeH = linkTravelTimeH(l, rate);
  if (timeH === undefined) {
    issues.push({
      code: 'no_travel_time',
      file: l.file,
      id: l.id,
      field: 'duration',
      message: `no duration, speedKmPerDay or ${a.country}/${l.mode} rate: link left out of the graph`,
    });
    return;
  }
  const { perTeu, perTeu20, perTonne } = linkTariffUsd(l, rate, tonnesPerTeu, ctx.book, ctx.priceAtH);
  if (perTeu === undefined) {
    issues.push({
      code: 'no_cost',
      file: l.file,
      id: l.id,
      field: 'tariff',
      message: `no tariff and no ${a.country}/${l.mode} rate per km: cost unknown on this link`,
    });
  }
  const serviceI = l.service === undefined ? -1 : must(net.serviceIndex.get(l.service), 'service of a link');
  const svc = serviceI >= 0 ? net.services[serviceI] : undefined;
  const e = ctx.emissions?.link(l, a, svc?.vessel);
  const common = {
    kind: EDGE_LINK,
    link: li,
    mode: MODE_CODES.indexOf(l.mode),
    status: STATUS_CODES.indexOf(l.status),
    statusYear: l.statusYear ?? 0,
    distanceKm: l.distanceKm?.value ?? 0,
    co2Teu: e ? e.perTeuKg : Number.NaN,
    co2Tonne: e ? e.perTonneKg : Number.NaN,
    riskMask: linkRiskMask(ctx.riskEvents, l),
    service: serviceI,
    carries: svc ? svc.carries.reduce((m, c) => m | CARRIES_BITS[c], 0) : 0xff,
  };
  const pc = platformOf(l);
  for (const rev of l.bidirectional ? [0, 1] : [0]) {
    const [x, y] = rev ? [b, a] : [a, b];
    const [xi, yi] = rev ? [toI, fromI] : [fromI, toI];
    const border = borderCrossing(x, y, ctx.book, l.mode);
    const cb = border.containers;
    edges.push({
      ...common,
      src: must(ctx.platforms.at(xi, pc), 'platform of a link end'),
      dst: must(ctx.platforms.at(yi, pc), 'platform of a link end'),
      reversed: rev,
      timeH: timeH + border.h,
      borderH: border.h,
      costTeu: perTeu === undefined ? Number.NaN : perTeu + cb.usdPerTeu + cb.usdPerTonne * tonnesPerTeu,
      // border fees are per TEU, proportional: a 20' box pays them as a TEU
      costTeu20: perTeu20 === undefined ? Number.NaN : perTeu20 + cb.usdPerTeu + cb.usdPerTonne * tonnesPerTeu,
      // A box's fee spread over the tonnes a box legally holds (payload physics), as the line haul does.
      costTonne:
        perTonne === undefined ? Number.NaN : perTonne + border.usdPerTonne + border.usdPerTeu / PAYLOAD_TONNES.teu,
    });
  }
}
