/**
 * The cost cases behind the costs section of docs/validation.md: for each published price in
 * observations/prices.yaml, the route query that reproduces it on the shipped dataset (origin and destination
 * nodes, constraints that keep it on the observed corridor, the cargo, departure at the observation's date) and how
 * the published figure converts to USD and to the model's unit. The model prices the cheapest itinerary of the
 * requested corridor in the Pareto set; nothing here reads the published price.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Cargo, CorridorLabel, Itinerary, Mode, Network, RoutingEngine } from '../../src/core/index.ts';

export interface PriceObservation {
  id: string;
  from: string;
  to: string;
  corridor: string;
  cargo: string;
  /** As published: one figure, or [low, high]. */
  price: number | [number, number];
  currency: string;
  unit: 'TEU' | 'FEU' | 'tonne';
  /** YYYY, YYYY-MM or YYYY-MM-DD, as published. */
  date: string;
  basis: string;
  source: string;
  /** Dataset sources that publish the same figure (the same index at another date, the same article elsewhere). */
  related?: string;
  quote: string;
  /** Held out from calibration (never tuned on): set by HELD_OUT_RULE, checked by cost-validation.test.ts. */
  heldOut?: boolean;
}

export interface CostCase {
  id: string;
  from: string;
  to: string;
  /** Keep the cheapest itinerary with this corridor label; undefined: the cheapest of any. */
  corridor?: CorridorLabel;
  avoidCountries?: string[];
  avoidModes?: Mode[];
  /** Why the constraints keep the query on the observed corridor (or why the nodes stand for the published places). */
  why: string;
  /** How the published figure becomes USD (every price here is published in USD: no conversion, no date needed). */
  fx: string;
  /** What the source itself says about the circumstances of the price, shown under a miss. */
  context?: string | undefined;
  /** What the model lacks to price this row (a figure not found, a series gap), shown under a miss; never a fitted fix. */
  gap?: string | undefined;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const PRICES_FILE = join(HERE, 'observations/prices.yaml');

export function loadObservations(text: string = readFileSync(PRICES_FILE, 'utf8')): PriceObservation[] {
  return parse(text) as PriceObservation[];
}

const NO_RU_BY_IR = ['RU', 'BY', 'IR'];
/** Why an Asia–North Europe row can read low at a freight peak. */
const SEA_DETOUR_GAP =
  'the sea links outside the Drewry lane (Port Said–Constanța at the Egyptian sea rate, Constanța–Rotterdam by ' +
  'Gibraltar at its tariff) keep a recent flat price, so at the 2021 peak the search, pricing the day, finds a ' +
  'detour through them cheaper than the lane; no dated price for them was found';

/** What the China–Europe rail sources say of the market at the time (the model's rail rates carry no date). */
const RAIL_MARKET: Record<string, string> = {
  'ihs-china-europe-2020-10':
    'the source reports the October 2020 level before rates doubled by January 2021 (container shortage)',
  'ihs-china-europe-2021-01':
    'the source: rates passed USD 10,000 per FEU in January 2021, double October 2020, in a container shortage',
  'caixin-china-europe-2024-10': 'the source: USD 9,000 in October 2024, before demand fell',
  'caixin-china-europe-2025-03': 'the source: rates halved from October 2024 to March 2025 as demand fell',
};
/** What the model lacks for a row (shown under a miss): figures not found, not corrections fitted to the row. */
const GAPS: Record<string, string> = {
  'ihs-china-europe-2020-10':
    'the China–Europe block-train series starts in December 2020 (VP25): October 2020 holds that later, higher point',
  'ihs-china-europe-2021-01':
    'the block-train series has no point between December 2020 and 2023, so the 2021 container-shortage peak is interpolated away',
  'wb-china-europe-middle':
    'the row does not say where in Europe it ends; the query goes on to Duisburg, and the legs west of the Caspian on the model’s itinerary (Black Sea feeder, onward sea or EU rail legs, port handling) rest on estimated rates: no published container rate for them was found',
  'uty-grain-saryagash-galaba-2025':
    'the published tariff is station to station; the model adds the KZ and UZ border fees of CAREC CPMM (per consignment, taken per TEU and spread over a full box)',
  'caspian-grain-astrakhan-iran-2020-01b':
    'the Caspian grain series (weekly spot quotes) reads a week between two of its points; the spot market moved USD 3–7 per tonne a week in January 2020',
  'caspian-grain-astrakhan-iran-2018-01':
    'the Caspian grain series starts in September 2019: before it the link’s flat figure (the median of the tuning quotes) holds; the spot market swung USD 21–50 per tonne',
};
const INTERRAIL_GAP =
  'the quote includes per-box departure station fees, port charges, security and forwarding (VP16 basis) that the model has no figure for; such fixed charges weigh on a 20-foot and a 40-foot box alike';
/** What the Caspian market reports say of the week (shown under a miss). */
const CASPIAN_MARKET: Record<string, string> = {
  'caspian-grain-astrakhan-iran-2020-01b':
    'the source: shipowners avoided the queues at Makhachkala and Aktau, and a lack of cargo at Astrakhan pushed rates down further',
};
const USD = 'published in USD: no conversion';
const CHINA_EUROPE = 'China and Europe as published: Xi’an (the largest China–Europe train hub) to Duisburg';

export const COST_CASES: CostCase[] = [
  {
    id: 'titr-altynkol-istanbul-20',
    from: 'kz-altynkol',
    to: 'tr-istanbul-halkali',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: 'Middle Corridor (TITR): no Russia, Belarus or Iran; Halkalı, Istanbul’s container rail terminal',
    fx: USD,
  },
  {
    id: 'titr-altynkol-istanbul-40',
    from: 'kz-altynkol',
    to: 'tr-istanbul-halkali',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: 'as the 20-foot row',
    fx: USD,
  },
  {
    id: 'wb-china-europe-middle',
    gap: GAPS['wb-china-europe-middle'],
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Middle',
    avoidCountries: NO_RU_BY_IR,
    why: `${CHINA_EUROPE}; no Russia, Belarus or Iran`,
    fx: USD,
  },
  {
    id: 'wb-china-europe-north',
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Northern',
    why: `${CHINA_EUROPE}; the Northern itinerary of the Pareto set`,
    fx: USD,
  },
  ...['erai-2018-09', 'erai-2023', 'erai-2024-07'].map((id) => ({
    id,
    from: 'kz-dostyk',
    to: 'by-brest',
    corridor: 'Northern' as const,
    // by rail: since the search prices a past departure at its date (routing/dated-prices.ts), a 2023 sailing from
    // Lianyungang to Hamburg and rail on to Brest is the cheapest route ending in Belarus (labelled Northern)
    avoidModes: ['sea' as const],
    why: 'the index’s unit: Dostyk/Altynkol to the Belarus–EU border at Brest across the 1520 mm network, by rail',
    fx: USD,
  })),
  ...[
    'ihs-china-europe-2020-10',
    'ihs-china-europe-2021-01',
    'caixin-china-europe-2024-10',
    'caixin-china-europe-2025-03',
  ].map((id) => ({
    context: RAIL_MARKET[id],
    gap: GAPS[id],
    id,
    from: 'cn-xian',
    to: 'de-duisburg',
    corridor: 'Northern' as const,
    why: `${CHINA_EUROPE}; the Northern itinerary (through Russia), the route these rates were quoted for`,
    fx: USD,
  })),
  {
    id: 'rail-shanghai-neuss-2020-12',
    from: 'cn-yiwu',
    to: 'de-duisburg',
    corridor: 'Northern',
    why: 'by rail from the Shanghai area: Yiwu, the China–Europe train hub 250 km from Shanghai (the dataset’s Shanghai node is a seaport without a rail link), to Duisburg, whose rail terminals lie 25 km from Neuss; the Northern itinerary (through Russia), the route of China–Europe block trains in 2020',
    fx: USD,
  },
  ...[
    'wb-china-europe-sea',
    'fbx11-2025-03',
    'forwarder-shanghai-rotterdam-2023-02',
    'scfi-europe-2023-03',
    'scfi-europe-2017-06',
    'fbx-north-europe-2021-01',
    'fbx-north-europe-2021-09',
    'fbx-north-europe-2022-09',
    'scfi-europe-2022-10',
    'scfi-europe-2023-02',
    'fbx11-2024-03',
    'fbx11-2024-05',
    'fbx-north-europe-2024-02',
  ].map((id) => ({
    id,
    from: 'cn-shanghai',
    to: 'nl-rotterdam',
    corridor: 'Sea' as const,
    why: 'Shanghai to Rotterdam, the North Europe base port of the index or offer; all sea',
    gap: SEA_DETOUR_GAP,
    fx: USD,
  })),
  ...['tm-20', 'tm-40'].map((v) => ({
    id: `interrail-sergeli-derince-${v}`,
    gap: INTERRAIL_GAP,
    from: 'uz-tashkent',
    to: 'tr-istanbul-ayrilikcesme',
    corridor: 'Middle' as const,
    avoidCountries: ['RU', 'BY', 'IR', 'KZ'],
    avoidModes: ['road' as const],
    why: 'the Turkmenbashi–Alat variant: without Kazakhstan (and Russia, Belarus, Iran) and by rail; Istanbul’s Asian-side rail terminal stands for Derince, which lies 90 km before it on the same line',
    fx: USD,
  })),
  ...['kz-20', 'kz-40'].map((v) => ({
    id: `interrail-sergeli-derince-${v}`,
    gap: INTERRAIL_GAP,
    from: 'uz-tashkent',
    to: 'tr-istanbul-ayrilikcesme',
    corridor: 'Middle' as const,
    avoidCountries: ['RU', 'BY', 'IR', 'TM'],
    avoidModes: ['road' as const],
    why: 'the Aktau–Baku variant: without Turkmenistan (and Russia, Belarus, Iran) and by rail; Ayrılıkçeşme stands for Derince as in the Turkmenbashi rows',
    fx: USD,
  })),
  {
    id: 'uty-grain-saryagash-galaba-2025',
    gap: GAPS['uty-grain-saryagash-galaba-2025'],
    from: 'kz-saryagash',
    to: 'uz-termez',
    why: 'Saryagash to Termez, the station of Galaba on the Afghan border; rail only',
    avoidModes: ['road'],
    fx: USD,
  },
  {
    id: 'ktz-grain-north-saryagash-2025',
    from: 'kz-petropavlovsk',
    to: 'kz-saryagash',
    why: 'the published haul is about 2,100 km from the northern grain belt: Petropavlovsk, whose rail route to Saryagash is of that length; rail only',
    avoidModes: ['road'],
    fx: USD,
  },
  {
    id: 'acci-kabul-nhava-sheva-2019-05',
    from: 'af-kabul',
    to: 'in-nhava-sheva',
    why: 'Kabul by road to Chabahar, then by sea to Nhava Sheva',
    gap: 'Kabul has no operational link in the dataset: its rail links (Mazar-i-Sharif – Kabul, Kabul – Peshawar) are planned and the road to Chabahar (via Zaranj and Milak) is not modelled; left uncompared rather than priced on planned links',
    fx: USD,
  },
  ...[
    'caspian-grain-astrakhan-iran-2020-01',
    'caspian-grain-astrakhan-iran-2020-01b',
    'caspian-grain-astrakhan-iran-2021-09',
    'caspian-grain-astrakhan-iran-2018-01',
    'caspian-grain-astrakhan-iran-2019-09',
    'caspian-grain-astrakhan-iran-2020-01c',
    'caspian-grain-astrakhan-iran-2021-10',
    'caspian-grain-astrakhan-iran-2020-01d',
    'caspian-grain-astrakhan-iran-2021-12',
  ].map((id) => ({
    id,
    gap: GAPS[id],
    context: CASPIAN_MARKET[id],
    from: 'ru-astrakhan',
    to: 'ir-bandar-anzali',
    why: 'Astrakhan to Bandar Anzali, the main northern Iranian port, by sea; the quotes are port-to-port voyage freight, so no handling is added at either end',
    fx: USD,
  })),
];

/** Departure of the query: the observation's date; a month stands for its 15th, a year for 1 July (mid-period). */
export function departOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-07-01T00:00:00Z`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15T00:00:00Z`;
  return `${date}T00:00:00Z`;
}

/** Tonnes priced for a per-tonne observation (the published lots are 3,000 t). */
export const BULK_TONNES = 3000;

/** The cargo of the query, and the number of published units it holds (the model total is divided by it). */
export function cargoOf(o: PriceObservation): { cargo: Cargo; units: number } {
  if (o.unit === 'TEU') return { cargo: { kind: 'containers', teu: 1 }, units: 1 };
  if (o.unit === 'FEU') return { cargo: { kind: 'containers', teu: 2 }, units: 1 };
  return { cargo: { kind: 'bulk', tonnes: BULK_TONNES, commodity: 'grain' }, units: BULK_TONNES };
}

/** The published figure in USD per unit: the middle of a range. */
export function publishedUsd(o: PriceObservation): number {
  if (o.currency !== 'USD') throw new Error(`${o.id}: currency ${o.currency} has no conversion in cost-cases.ts`);
  return Array.isArray(o.price) ? (o.price[0] + o.price[1]) / 2 : o.price;
}

interface IndexSeries {
  kind: string;
  currency: string;
  points: readonly { date: string; value: number }[];
}

/** The dataset's US price index (data/prices, kind price_index): the one the model deflates its figures with. */
export function priceIndexOf(net: Network): IndexSeries | undefined {
  const prices = (net as { prices?: readonly IndexSeries[] }).prices ?? [];
  return prices.find((s) => s.kind === 'price_index' && s.currency === 'USD');
}

/** The index in a year: its annual point, else the nearest year's (as the model reads it outside the series). */
function indexIn(series: IndexSeries, year: number): number {
  const annual = series.points.filter((p) => /^\d{4}$/.test(p.date));
  const best = annual.reduce((a, p) => (Math.abs(Number(p.date) - year) < Math.abs(Number(a.date) - year) ? p : a));
  return best.value;
}

/**
 * The published figure in the model's money: nominal USD of the observation's year, deflated to the itinerary's
 * price year by the dataset's own price index (unchanged when the model states no price year or has no index).
 */
export function publishedInModelUsd(net: Network, o: PriceObservation, priceYear: number | undefined): number {
  const nominal = publishedUsd(o);
  const cpi = priceIndexOf(net);
  if (priceYear === undefined || cpi === undefined || cpi.points.length === 0) return nominal;
  return (nominal * indexIn(cpi, priceYear)) / indexIn(cpi, Number(o.date.slice(0, 4)));
}

export type CostPrediction = { ok: true; itinerary: Itinerary; modelUsd: number } | { ok: false; reason: string };

/** Routes the case at the observation's date and prices the cheapest itinerary of its corridor per published unit. */
export function predictCost(engine: RoutingEngine, c: CostCase, o: PriceObservation): CostPrediction {
  const { cargo, units } = cargoOf(o);
  const result = engine.route(
    {
      from: c.from,
      to: c.to,
      depart: departOf(o.date),
      cargo,
      avoidCountries: c.avoidCountries,
      avoidModes: c.avoidModes,
    },
    { timelines: false },
  );
  const ofCorridor = result.itineraries.filter((it) => c.corridor === undefined || it.corridor === c.corridor);
  // A price compares with a fully priced itinerary only: one with a leg of unknown cost would count that leg as 0.
  const candidates = ofCorridor.filter((it) => it.totals.costComplete);
  if (candidates.length === 0) {
    const why =
      result.noRoute?.message ??
      (ofCorridor.length > 0
        ? `every ${c.corridor ?? ''} itinerary of the Pareto set has a leg of unknown cost`
        : `no ${c.corridor} itinerary in the Pareto set`);
    return { ok: false, reason: why };
  }
  const best = candidates.reduce((a, b) => (b.totals.costUsd < a.totals.costUsd ? b : a));
  return { ok: true, itinerary: best, modelUsd: best.totals.costUsd / units };
}

/** Within ±25% of the published figure (the target band). */
export const BAND = 0.25;

export function verdictOf(ratio: number): string {
  if (ratio < 1 - BAND) return 'miss: too cheap';
  if (ratio > 1 + BAND) return 'miss: too dear';
  return 'within ±25%';
}
