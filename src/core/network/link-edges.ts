/**
 * Link edges of the compiled graph: one per direction a link runs, between the platforms of its class at its two
 * ends. Travel time is the link's duration, else distance over its speed or its country's rate speed; a link with
 * neither is left out (issue no_travel_time). Cost per TEU and per tonne comes from the link's tariff, else its
 * country's rate per km; only one of the two known converts at tonnesPerTeu (issue no_cost when neither is).
 * Crossing a border adds the outbound dwell and cost of the node left and the inbound ones of the node reached
 * (CAREC CPMM-style clearance by direction), folded into the edge.
 */
import type { Issue } from '../errors.ts';
import { must } from '../must.ts';
import { daysToHours } from '../time.ts';
import { CARRIES_BITS, EDGE_LINK, type EmissionsModel, MODE_CODES, STATUS_CODES } from './compiled-graph.ts';
import type { EdgeDraft } from './edge-table.ts';
import { meanOf } from './figure.ts';
import { getNodeIndex, linkAt, type Network, type NetworkLink, type NetworkNode, nodeAt } from './network.ts';
import { type Platforms, platformOf } from './platforms.ts';
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
 * Cost of a link per TEU and per tonne, USD, without border costs: per unit for the whole link, else per km,
 * else (no tariff at all) the country's rate per km; one of the two known gives the other at tonnesPerTeu.
 * @example linkTariffUsd({ tariff: { usdPerFeu: { value: 800 } }, distanceKm: { value: 100 } }, undefined, 10)
 *   // { perTeu: 400, perTonne: 40 }
 */
export function linkTariffUsd(
  l: Pick<NetworkLink, 'tariff' | 'distanceKm'>,
  rate: Pick<Rate, 'usdPerTeuKm' | 'usdPerTonneKm'> | undefined,
  tonnesPerTeu: number,
): { perTeu: number | undefined; perTonne: number | undefined } {
  const km = l.distanceKm?.value ?? 0;
  const t = l.tariff;
  let perTeu = t?.usdPerTeu?.value ?? (t?.usdPerFeu ? t.usdPerFeu.value / 2 : undefined);
  if (perTeu === undefined && t?.usdPerTeuKm) perTeu = t.usdPerTeuKm.value * km;
  let perTonne = t?.usdPerTonne?.value ?? (t?.usdPerTonneKm ? t.usdPerTonneKm.value * km : undefined);
  if (perTeu === undefined && perTonne === undefined && t === undefined) {
    if (rate?.usdPerTeuKm) perTeu = rate.usdPerTeuKm.value * km;
    if (rate?.usdPerTonneKm) perTonne = rate.usdPerTonneKm.value * km;
  }
  // Convert between per-TEU and per-tonne with the tonnes-per-TEU convention when only one is known.
  if (perTeu === undefined && perTonne !== undefined) perTeu = perTonne * tonnesPerTeu;
  if (perTonne === undefined && perTeu !== undefined) perTonne = perTeu / tonnesPerTeu;
  return { perTeu, perTonne };
}

/** Border clearance from node x to node y: dwell (h) and costs (USD per TEU, per tonne); zero inside a country. */
export function borderCrossing(
  x: Pick<NetworkNode, 'country' | 'border'>,
  y: Pick<NetworkNode, 'country' | 'border'>,
): { h: number; usdPerTeu: number; usdPerTonne: number } {
  if (x.country === y.country) return { h: 0, usdPerTeu: 0, usdPerTonne: 0 };
  return {
    h: meanOrZero(x.border?.dwellOutbound) + meanOrZero(y.border?.dwellInbound),
    usdPerTeu: (x.border?.costUsdPerTeu?.value ?? 0) + (y.border?.costUsdPerTeu?.value ?? 0),
    usdPerTonne: (x.border?.costUsdPerTonne?.value ?? 0) + (y.border?.costUsdPerTonne?.value ?? 0),
  };
}

export interface LinkEdgeContext {
  net: Network;
  platforms: Platforms;
  rates: ReadonlyMap<string, Rate>;
  emissions: EmissionsModel | undefined;
  tonnesPerTeu: number;
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
  const { perTeu, perTonne } = linkTariffUsd(l, rate, tonnesPerTeu);
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
    riskLog: l.risk ? -Math.log(1 - Math.min(l.risk.value, 0.999999)) : 0,
    service: serviceI,
    carries: svc ? svc.carries.reduce((m, c) => m | CARRIES_BITS[c], 0) : 0xff,
  };
  const pc = platformOf(l);
  for (const rev of l.bidirectional ? [0, 1] : [0]) {
    const [x, y] = rev ? [b, a] : [a, b];
    const [xi, yi] = rev ? [toI, fromI] : [fromI, toI];
    const border = borderCrossing(x, y);
    edges.push({
      ...common,
      src: must(ctx.platforms.at(xi, pc), 'platform of a link end'),
      dst: must(ctx.platforms.at(yi, pc), 'platform of a link end'),
      reversed: rev,
      timeH: timeH + border.h,
      borderH: border.h,
      costTeu: perTeu === undefined ? Number.NaN : perTeu + border.usdPerTeu + border.usdPerTonne * tonnesPerTeu,
      costTonne: perTonne === undefined ? Number.NaN : perTonne + border.usdPerTonne + border.usdPerTeu / tonnesPerTeu,
    });
  }
}
