/**
 * The cost model by component (docs/methodology.md, "Costs"): a link edge costs its line haul (the link's tariff,
 * else its sea lane at a date, else its country/mode rate per km) plus the border fees of the posts it clears; a
 * stop costs its handling or gauge change. Each part is in USD of the price year, per TEU and per tonne, with the
 * unit it is quoted per, its provenance, sources, year and currency. Compile sums the parts into the edge's scalar
 * costs; the itinerary reports them, so the search and the report read the same figures.
 */
import { DEFAULT_TONNES_PER_TEU } from '../network/compiled-graph.ts';
import type { Figure } from '../network/figure.ts';
import type { NetworkLink, NetworkNode } from '../network/network.ts';
import type { Rate } from '../network/schema.ts';
import { HANDLING_FEU_OVER_20FT, PROPORTIONAL, railFeuOver20ft } from './box-prices.ts';
import { PAYLOAD_TONNES } from './payload.ts';
import type { PriceBook } from './price-book.ts';
import { type EvidenceProvenance, provenanceOf, sourceIdsOf } from './provenance.ts';

export const COST_PART_KINDS = ['line_haul', 'sea_freight', 'border', 'handling', 'gauge_change'] as const;
export type CostPartKind = (typeof COST_PART_KINDS)[number];

export interface CostPart {
  kind: CostPartKind;
  /** USD of the price year per TEU and per tonne; NaN when nothing gives the figure. */
  usdPerTeu: number;
  usdPerTonne: number;
  /** The unit the figure is quoted per: a tonnage pays 'teu' parts by the box (payload physics). */
  per: 'teu' | 'tonne';
  provenance: EvidenceProvenance;
  sources: string[];
  /** Year of the figure (before deflation), when the dataset gives one. */
  year?: number | undefined;
  currency: string;
  /** Where the figure comes from: 'tariff', 'rate kz-rail', 'sea lane wci-shanghai-rotterdam 2021-07-09', ... */
  basis: string;
  /** Which cargo pays it: a TEU tariff and a tonne tariff of one link are alternatives, a border fee is not. */
  appliesTo: 'containers' | 'tonnage' | 'both';
  /**
   * How many times a 20' box a 40' box pays (box-prices.ts): usdPerTeu is per TEU of a 40' box, a 20' box pays
   * 2 × usdPerTeu / feuOver20ft. Absent: 2, proportional to TEU.
   */
  feuOver20ft?: number | undefined;
}

type Fig = Pick<Figure, 'value' | 'source' | 'estimate' | 'year'> | undefined;

/** A part from one figure per TEU or per tonne (× km when given); the other unit follows from payload physics. */
function partOf(
  kind: CostPartKind,
  f: Fig,
  per: 'teu' | 'tonne',
  km: number,
  currency: string,
  basis: string,
  book: PriceBook,
): CostPart {
  if (f === undefined)
    return {
      kind,
      usdPerTeu: Number.NaN,
      usdPerTonne: Number.NaN,
      per,
      provenance: 'missing',
      sources: [],
      currency,
      basis,
      appliesTo: 'both',
    };
  const conv = book.toPriceYearUsd(f.value * km, currency, f.year);
  const p = provenanceOf(f);
  return {
    kind,
    // A tonne rides in a full box at the box's legal payload; a box holds tonnesPerTeu when costed per tonne
    // (applied by the caller, who knows the cargo's loading).
    usdPerTeu: per === 'teu' ? conv.usd : Number.NaN,
    usdPerTonne: per === 'tonne' ? conv.usd : conv.usd / PAYLOAD_TONNES.teu,
    per,
    provenance: conv.provenance === 'sourced' ? p : p === 'missing' ? 'missing' : 'estimated',
    sources: sourceIdsOf(f),
    year: f.year,
    currency,
    basis,
    appliesTo: 'both',
  };
}

/**
 * A rail figure per TEU-km prices a 20' box at 1 / ratio of a 40' one, the ratio of the leg's network when it
 * publishes its own pair, else the KZ–TM–IR one (box-prices.ts); other modes pro rata.
 */
function railBoxes(mode: string | undefined, p: CostPart, country?: string): CostPart {
  if (mode !== 'rail') return p;
  const { ratio, source } = railFeuOver20ft(country);
  return { ...p, feuOver20ft: ratio, sources: [...new Set([...p.sources, source])] };
}

/** A TEU and a tonne figure of one line haul are alternatives: each then serves its own cargo. */
function alternatives(teu: CostPart | undefined, tonne: CostPart | undefined): CostPart[] {
  if (teu && tonne)
    return [
      { ...teu, appliesTo: 'containers' },
      { ...tonne, appliesTo: 'tonnage' },
    ];
  return [teu, tonne].filter((p): p is CostPart => p !== undefined);
}

/** Fills a per-tonne part's TEU figure at the loading of a TEU (tonnes per TEU). */
export function withTeuFigure(p: CostPart, tonnesPerTeu: number): CostPart {
  return Number.isNaN(p.usdPerTeu) && !Number.isNaN(p.usdPerTonne)
    ? { ...p, usdPerTeu: p.usdPerTonne * tonnesPerTeu }
    : p;
}

/**
 * Line haul of a link, as one or two parts (a TEU figure and a tonne figure may come from different records): a
 * tramp lane series of the link at `tH` inside its span, then the link's own tariff, then a sea lane series of its
 * service at `tH`, then the country/mode rate per km.
 */
export function lineHaulParts(
  l: Pick<NetworkLink, 'tariff' | 'distanceKm' | 'service' | 'mode'> & Partial<Pick<NetworkLink, 'id'>>,
  rate:
    | (Pick<Rate, 'id' | 'usdPerTeuKm' | 'usdPerTonneKm'> & {
        currency?: string | undefined;
        country?: string | undefined;
      })
    | undefined,
  book: PriceBook,
  tH: number | undefined,
): CostPart[] {
  const km = l.distanceKm?.value ?? 0;
  const t = l.tariff;
  const tramp = l.id !== undefined ? book.seaLaneOfLink(l.id) : undefined;
  if (tramp !== undefined) {
    const part = trampPart(tramp, book, tH ?? Number.POSITIVE_INFINITY, km);
    // Outside the series' dates the link's tariff, its long-run level, holds rather than the nearest spot quote.
    if (!(part.outside && t !== undefined)) return [part.part];
  }
  if (t !== undefined) {
    const cur = t.currency ?? 'USD';
    const teu = t.usdPerTeu
      ? partOf('line_haul', t.usdPerTeu, 'teu', 1, cur, 'tariff', book)
      : t.usdPerFeu
        ? partOf(
            'line_haul',
            { ...t.usdPerFeu, value: t.usdPerFeu.value / 2 },
            'teu',
            1,
            cur,
            'tariff per FEU / 2',
            book,
          )
        : t.usdPerTeuKm
          ? railBoxes(l.mode, partOf('line_haul', t.usdPerTeuKm, 'teu', km, cur, 'tariff per TEU-km', book))
          : undefined;
    const tonneFig = t.usdPerTonne ?? t.usdPerTonneKm;
    const tonne = tonneFig
      ? partOf('line_haul', tonneFig, 'tonne', t.usdPerTonne ? 1 : km, cur, 'tariff', book)
      : undefined;
    const parts = alternatives(teu, tonne);
    return parts.length > 0 ? parts : [partOf('line_haul', undefined, 'teu', km, cur, 'tariff without a figure', book)];
  }
  const lane = l.service !== undefined ? book.seaLaneOf(l.service) : undefined;
  if (lane !== undefined && tH !== undefined) return [seaPart(lane.id, book, lane, tH, km)];
  if (rate === undefined) return [partOf('line_haul', undefined, 'teu', km, 'USD', 'no tariff and no rate', book)];
  const cur = rate.currency ?? 'USD';
  const railLane = l.mode === 'rail' && rate.country !== undefined ? book.railLaneOf(rate.country) : undefined;
  if (railLane !== undefined && tH !== undefined) {
    // Containers pay the lane's dated quote per km; a tonnage keeps the country's tariff per tonne-km.
    const boxes = railBoxes('rail', { ...seaPart(railLane.id, book, railLane, tH, km), kind: 'line_haul' });
    const tonne = rate.usdPerTonneKm
      ? partOf('line_haul', rate.usdPerTonneKm, 'tonne', km, cur, `rate ${rate.id}`, book)
      : undefined;
    return alternatives({ ...boxes, basis: boxes.basis.replace(/^sea lane/, 'rail lane') }, tonne);
  }
  const parts = alternatives(
    rate.usdPerTeuKm
      ? railBoxes(l.mode, partOf('line_haul', rate.usdPerTeuKm, 'teu', km, cur, `rate ${rate.id}`, book), rate.country)
      : undefined,
    rate.usdPerTonneKm ? partOf('line_haul', rate.usdPerTonneKm, 'tonne', km, cur, `rate ${rate.id}`, book) : undefined,
  );
  return parts.length > 0 ? parts : [partOf('line_haul', undefined, 'teu', km, cur, `rate ${rate.id} per km`, book)];
}

function seaPart(
  id: string,
  book: PriceBook,
  lane: Parameters<PriceBook['seaUsdPerTeuKmAt']>[0],
  tH: number,
  km: number,
): CostPart {
  const r = book.seaUsdPerTeuKmAt(lane, tH);
  const year = Number((r.dates[r.dates.length - 1] ?? '').slice(0, 4)) || undefined;
  const usd = book.toPriceYearUsd(r.value * km, 'USD', year).usd;
  const when = r.outside ? `${r.dates.join('–')}, ${r.outside} the series: nearest point held` : r.dates.join('–');
  return {
    kind: 'sea_freight',
    usdPerTeu: usd,
    usdPerTonne: usd / PAYLOAD_TONNES.teu,
    per: 'teu',
    provenance: r.outside ? 'estimated' : r.provenance,
    sources: r.sources,
    year,
    currency: 'USD',
    basis: `sea lane ${id} ${when}`,
    appliesTo: 'both',
  };
}

/** A tramp lane's freight per tonne at `tH` over `km` (its share of laneKm); whether `tH` lies outside its dates. */
function trampPart(
  lane: Parameters<PriceBook['usdPerTonneKmAt']>[0],
  book: PriceBook,
  tH: number,
  km: number,
): { part: CostPart; outside: boolean } {
  const r = book.usdPerTonneKmAt(lane, tH);
  const year = Number((r.dates[r.dates.length - 1] ?? '').slice(0, 4)) || undefined;
  const usd = book.toPriceYearUsd(r.value * km, 'USD', year).usd;
  const when = r.outside ? `${r.dates.join('–')}, ${r.outside} the series: nearest point held` : r.dates.join('–');
  const part: CostPart = {
    kind: 'sea_freight',
    usdPerTeu: Number.NaN,
    usdPerTonne: usd,
    per: 'tonne',
    provenance: r.outside ? 'estimated' : r.provenance,
    sources: r.sources,
    year,
    currency: 'USD',
    basis: `sea lane ${lane.id} ${when}`,
    appliesTo: 'both',
  };
  return { part, outside: r.outside !== undefined };
}

/**
 * Border fees from node x to node y: x's outbound and y's inbound post, per TEU and per tonne; none inside a country.
 * On a rail leg, a post whose fees a rail lane's quotes include (ERAI) charges tonnage only: containers paid it in
 * the lane's price.
 */
export function borderParts(
  x: Pick<NetworkNode, 'country' | 'border' | 'id'>,
  y: Pick<NetworkNode, 'country' | 'border' | 'id'>,
  book: PriceBook,
  mode?: string,
): CostPart[] {
  if (x.country === y.country) return [];
  const parts: CostPart[] = [];
  for (const n of [x, y]) {
    const b = n.border;
    const lane = mode === 'rail' ? book.borderFeeInLane(n.country, x.country, y.country) : undefined;
    const of = (p: CostPart): CostPart => (lane ? { ...p, appliesTo: 'tonnage' } : p);
    if (b?.costUsdPerTeu) parts.push(of(partOf('border', b.costUsdPerTeu, 'teu', 1, 'USD', `border ${n.id}`, book)));
    if (b?.costUsdPerTonne)
      parts.push(of(partOf('border', b.costUsdPerTonne, 'tonne', 1, 'USD', `border ${n.id}`, book)));
    if (lane && (b?.costUsdPerTeu || b?.costUsdPerTonne)) parts.push(includedFee(n.id, lane));
  }
  if (parts.length > 0) return parts;
  const missing: CostPart = {
    ...partOf('border', undefined, 'teu', 1, 'USD', `border ${x.id} → ${y.id}`, book),
    usdPerTeu: 0,
    usdPerTonne: 0,
  };
  // No fee in the data: a container whose rail lane includes the crossing's fees is not missing one.
  const lane =
    mode === 'rail'
      ? (book.borderFeeInLane(x.country, x.country, y.country) ?? book.borderFeeInLane(y.country, x.country, y.country))
      : undefined;
  return lane ? [{ ...missing, appliesTo: 'tonnage' }, includedFee(`${x.id} → ${y.id}`, lane)] : [missing];
}

/** A container's border fee that a rail lane's quotes include: USD 0 here, shown so that the output says why. */
function includedFee(nodeId: string, lane: { id: string; feesSource?: string | undefined }): CostPart {
  return {
    kind: 'border',
    usdPerTeu: 0,
    usdPerTonne: 0,
    per: 'teu',
    provenance: 'sourced',
    sources: lane.feesSource ? [lane.feesSource] : [],
    currency: 'USD',
    basis: `border ${nodeId}: included in rail lane ${lane.id}`,
    appliesTo: 'containers',
  };
}

/** Handling (facility) or gauge change (gaugeChange) at a node: one part; absent figures are missing, counted 0. */
export function stopPart(
  n: Pick<NetworkNode, 'facility' | 'gaugeChange' | 'id'>,
  gauge: boolean,
  book: PriceBook,
): CostPart {
  const kind: CostPartKind = gauge ? 'gauge_change' : 'handling';
  const teu = gauge ? n.gaugeChange?.costUsdPerTeu : n.facility?.handlingCostUsdPerTeu;
  const tonne = gauge ? n.gaugeChange?.costUsdPerTonne : n.facility?.handlingCostUsdPerTonne;
  const cur = (gauge ? undefined : n.facility?.currency) ?? 'USD';
  if (teu) {
    const raw = partOf(kind, teu, 'teu', 1, cur, n.id, book);
    // Terminal handling is charged per box, 20' or 40' alike (box-prices.ts): per TEU of a 40' box it is half.
    const p = gauge ? raw : { ...raw, usdPerTeu: raw.usdPerTeu / 2, feuOver20ft: HANDLING_FEU_OVER_20FT };
    return tonne ? { ...p, usdPerTonne: book.toPriceYearUsd(tonne.value, cur, tonne.year).usd } : p;
  }
  if (tonne) {
    const p = partOf(kind, tonne, 'tonne', 1, cur, n.id, book);
    if (gauge) return p;
    // A terminal lifts a box, 20' or 40' alike, whatever it holds: a per-tonne (bulk) charge stands for one box at
    // a TEU's default loading, charged per box, so a 40' box pays it once rather than for twice the tonnes.
    return {
      ...p,
      usdPerTeu: (p.usdPerTonne * DEFAULT_TONNES_PER_TEU) / 2,
      feuOver20ft: HANDLING_FEU_OVER_20FT,
      basis: `${n.id}: per tonne; a box pays ${DEFAULT_TONNES_PER_TEU} t of it`,
    };
  }
  return { ...partOf(kind, undefined, 'teu', 1, 'USD', n.id, book), usdPerTeu: 0, usdPerTonne: 0 };
}

/**
 * Sum of parts per TEU (of 40' boxes: `perTeu`; of 20' boxes: `perTeu20`) and per tonne (the compiled edge's scalars). NaN when a line-haul part is missing (the
 * cost is then unknown); missing border and handling figures count 0 and show as missing in the report.
 */
export function sumParts(
  parts: readonly CostPart[],
  tonnesPerTeu: number,
): { perTeu: number; perTeu20: number; perTonne: number } {
  let perTeu = 0;
  let perTeu20 = 0;
  let perTonne = 0;
  for (const raw of parts) {
    const p = withTeuFigure(raw, tonnesPerTeu);
    if (p.appliesTo !== 'tonnage') {
      perTeu += p.usdPerTeu;
      // A 20' box pays a 40' box's price over the part's 40/20 ratio (box-prices.ts boxesUsd).
      perTeu20 += (2 * p.usdPerTeu) / (p.feuOver20ft ?? PROPORTIONAL);
    }
    if (p.appliesTo !== 'containers') perTonne += p.usdPerTonne;
  }
  return { perTeu, perTeu20, perTonne };
}
