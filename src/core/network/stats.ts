/**
 * Counts of the network's records and the provenance of its figures, for `keruen network stats` and the data
 * documentation.
 *
 * Provenance shares. Every figure present in a record (a Figure, a Duration, or a node's coordinates) counts
 * once: "sourced" when it cites a source and gives no estimate, "estimated" when it carries an estimate (with or
 * without the sources the reasoning draws on). "Missing" counts the expected figures a record leaves out; the
 * expected fields are fixed per record kind (EXPECTED_FIGURES below):
 * - every node: coords;
 * - terminal, dry_port, sea_port: facility.dwell, facility capacity (capacityTeuPerYear or
 *   capacityTonnesPerYear) and a handling charge (handlingCostUsdPerTeu or handlingCostUsdPerTonne); a charge of
 *   zero counts as missing (no port handles for free: a zero is a placeholder);
 * - any other node with a facility block (cargo changes mode there): facility capacity;
 * - border_crossing: border.dwellInbound and border.dwellOutbound;
 * - gauge_change, and any node with a gaugeChange block: gaugeChange.duration and gaugeChange.capacityTeuPerDay;
 * - every link: distanceKm, a price (its own tariff, else the rate per km of its start country and mode, else a
 *   dated price series naming its service, the link or, for rail, its start country: what the cost model prices it
 *   by), a capacity (any of its fields, or, for a scheduled link, its service's capacity per departure: that is
 *   what the scenario engine loads);
 * - every service: capacityTeuPerDeparture when it carries containers, cancellationProbability;
 * - every rate: speedKmPerDay and a tariff per km (per TEU or per tonne: a pipeline's is per tonne).
 * The shares divide by sourced + estimated + missing.
 *
 * Given the uses of the default routes (routing/default-routes.ts), `defaultRoutes` counts only the figures those
 * routes touch (route-figures.ts): the measure that matters for answers, which the data work keeps below 10 %.
 */
import type { Network } from './network.ts';
import { type RouteFigureCounts, type RouteUse, routeFigureCounts } from './route-figures.ts';

export interface ProvenanceCounts {
  sourced: number;
  estimated: number;
  missing: number;
  total: number;
  sourcedShare: number;
  estimatedShare: number;
  missingShare: number;
}

export interface NetworkStats {
  dataset: { name: string; version: string };
  sources: number;
  nodes: {
    total: number;
    byKind: Record<string, number>;
    byCountry: Record<string, number>;
    byStatus: Record<string, number>;
  };
  /** byCountry counts a link once for each country its two ends lie in (a border link counts for both). */
  links: {
    total: number;
    byMode: Record<string, number>;
    byCountry: Record<string, number>;
    byStatus: Record<string, number>;
    totalKm: number;
  };
  services: { total: number; byMode: Record<string, number> };
  rates: number;
  figures: ProvenanceCounts;
  /** Expected figure slots left empty, by `kind.field` (e.g. `link.tariff`), for finding the gaps. */
  missingByField: Record<string, number>;
  /**
   * The gaps that keep scenarios from congesting and costing: capacities of links, handling facilities and
   * gauge-change yards, and handling charges at ports and terminals (`zero` of the `missing` are present but 0).
   */
  gaps: {
    linkCapacity: { missing: number; of: number };
    facilityCapacity: { missing: number; of: number };
    gaugeChangeCapacity: { missing: number; of: number };
    handlingCharge: { missing: number; zero: number; of: number };
  };
  /**
   * The figures the default routes use (routing/default-routes.ts), each once, and the share missing: the measure
   * the data work aims at (below 10 %). Present when the caller routed them.
   */
  defaultRoutes?: RouteFigureCounts | undefined;
}

/** An expected figure: present when any of its paths holds a value. */
interface Expected {
  field: string;
  paths: string[][];
  /** A value of zero counts as missing (a placeholder, not a figure). */
  zeroIsMissing?: boolean;
}

const HANDLING_PATHS = [
  ['facility', 'handlingCostUsdPerTeu'],
  ['facility', 'handlingCostUsdPerTonne'],
];

const PORT_KINDS = new Set(['terminal', 'dry_port', 'sea_port']);

/** The expected figures per record (see the module header). */
export const EXPECTED_FIGURES = {
  node: (n: { kind: string; facility?: unknown; gaugeChange?: unknown }): Expected[] => {
    const out: Expected[] = [{ field: 'coords', paths: [['coords']] }];
    if (PORT_KINDS.has(n.kind)) out.push({ field: 'facility.dwell', paths: [['facility', 'dwell']] });
    if (PORT_KINDS.has(n.kind) || n.facility !== undefined) {
      out.push({
        field: 'facility.capacity',
        paths: [
          ['facility', 'capacityTeuPerYear'],
          ['facility', 'capacityTonnesPerYear'],
        ],
      });
    }
    if (PORT_KINDS.has(n.kind))
      out.push({ field: 'facility.handlingCharge', paths: HANDLING_PATHS, zeroIsMissing: true });
    if (n.kind === 'border_crossing') {
      out.push({ field: 'border.dwellInbound', paths: [['border', 'dwellInbound']] });
      out.push({ field: 'border.dwellOutbound', paths: [['border', 'dwellOutbound']] });
    }
    if (n.kind === 'gauge_change' || n.gaugeChange !== undefined) {
      out.push({ field: 'gaugeChange.duration', paths: [['gaugeChange', 'duration']] });
      out.push({ field: 'gaugeChange.capacity', paths: [['gaugeChange', 'capacityTeuPerDay']] });
    }
    return out;
  },
  /** Checked on the link plus `serviceRecord`, its scheduled service: a service's capacity per departure is the link's. */
  link: (): Expected[] => [
    { field: 'distanceKm', paths: [['distanceKm']] },
    {
      field: 'tariff',
      paths: [
        ...['usdPerTeu', 'usdPerFeu', 'usdPerTonne', 'usdPerTeuKm', 'usdPerTonneKm'].map((k) => ['tariff', k]),
        ['rateRecord', 'usdPerTeuKm'],
        ['rateRecord', 'usdPerTonneKm'],
        ['priceSeries'],
      ],
    },
    {
      field: 'capacity',
      paths: [
        ...['trainsPerDay', 'tonnesPerYear', 'teuPerYear'].map((k) => ['capacity', k]),
        ...['capacityTeuPerDeparture', 'capacityWagonsPerDeparture', 'capacityTrucksPerDeparture'].map((k) => [
          'serviceRecord',
          k,
        ]),
      ],
    },
  ],
  service: (s: { carries: readonly string[] }): Expected[] => [
    ...(s.carries.includes('containers')
      ? [{ field: 'capacityTeuPerDeparture', paths: [['capacityTeuPerDeparture']] }]
      : []),
    { field: 'cancellationProbability', paths: [['cancellationProbability']] },
  ],
  rate: (): Expected[] => [
    { field: 'speedKmPerDay', paths: [['speedKmPerDay']] },
    { field: 'tariff', paths: [['usdPerTeuKm'], ['usdPerTonneKm']] },
  ],
} as const;

function at(v: unknown, path: string[]): unknown {
  let x = v;
  for (const k of path) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<string, unknown>)[k];
  }
  return x;
}

/** A figure-shaped object: a number with provenance, a duration, or coordinates. */
function isFigure(o: Record<string, unknown>): boolean {
  return (
    ('source' in o || 'estimate' in o) &&
    (typeof o.value === 'number' || typeof o.dist === 'string' || typeof o.lat === 'number')
  );
}

function walkFigures(v: unknown, tally: { sourced: number; estimated: number }): void {
  if (Array.isArray(v)) {
    for (const x of v) walkFigures(x, tally);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (isFigure(o)) {
    if (o.estimate !== undefined) tally.estimated++;
    else tally.sourced++;
    return;
  }
  for (const x of Object.values(o)) walkFigures(x, tally);
}

function bump(m: Record<string, number>, key: string, by = 1): void {
  m[key] = (m[key] ?? 0) + by;
}

/** Sorts a count map by descending count, then key, for stable output. */
function sorted(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/**
 * Counts records by kind, mode, country and status, and the provenance of every figure. Pure and cheap (one
 * pass over the records).
 *
 * @example computeStats(net).figures.sourcedShare // e.g. 0.62
 */
/** Figures met (sourced or estimated) and expected figures missing, by field. */
class FigureAudit {
  readonly tally = { sourced: 0, estimated: 0 };
  readonly missingByField: Record<string, number> = {};
  readonly expectedByField: Record<string, number> = {};
  zeroHandling = 0;

  /** Counts a record's figures and checks the ones it is expected to have. */
  record(kind: string, record: unknown, expected: Expected[], walked: unknown = record): void {
    walkFigures(walked, this.tally);
    for (const e of expected) {
      bump(this.expectedByField, `${kind}.${e.field}`);
      if (e.paths.some((p) => present(at(record, p), e.zeroIsMissing === true))) continue;
      bump(this.missingByField, `${kind}.${e.field}`);
      if (e.zeroIsMissing && e.paths.some((p) => at(record, p) !== undefined)) this.zeroHandling++;
    }
  }

  get missing(): number {
    return Object.values(this.missingByField).reduce((a, b) => a + b, 0);
  }

  gap(key: string): { missing: number; of: number } {
    return { missing: this.missingByField[key] ?? 0, of: this.expectedByField[key] ?? 0 };
  }
}

/** A figure is present when given (and, for charges, not zero). */
function present(v: unknown, zeroIsMissing: boolean): boolean {
  if (v === undefined) return false;
  if (!zeroIsMissing) return true;
  const value = (v as { value?: unknown }).value;
  return typeof value !== 'number' || value !== 0;
}

function nodeStats(net: Network, audit: FigureAudit): NetworkStats['nodes'] {
  const byKind = {};
  const byCountry = {};
  const byStatus = {};
  for (const n of net.nodes) {
    bump(byKind, n.kind);
    bump(byCountry, n.country);
    bump(byStatus, n.status);
    audit.record('node', n, EXPECTED_FIGURES.node(n));
  }
  return { total: net.nodes.length, byKind: sorted(byKind), byCountry: sorted(byCountry), byStatus: sorted(byStatus) };
}

/** The price series (data/prices) that price a link: by its service, by its id, or (rail) by its start country. */
function seriesPricing(net: Network): (l: Network['links'][number], country: string | undefined) => unknown {
  const byKey = new Map<string, unknown>();
  for (const p of net.prices ?? []) {
    const x = p as { kind: string; services?: string[]; links?: string[]; countries?: string[] };
    for (const v of x.services ?? []) byKey.set(`service:${v}`, p);
    for (const v of x.links ?? []) byKey.set(`link:${v}`, p);
    if (x.kind === 'rail_lane') for (const v of x.countries ?? []) byKey.set(`rail:${v}`, p);
  }
  return (l, country) =>
    (l.service === undefined ? undefined : byKey.get(`service:${l.service}`)) ??
    byKey.get(`link:${l.id}`) ??
    (l.mode === 'rail' ? byKey.get(`rail:${country}`) : undefined);
}

function linkStats(net: Network, audit: FigureAudit): NetworkStats['links'] {
  const countryOf = new Map(net.nodes.map((n) => [n.id, n.country]));
  const serviceById = new Map(net.services.map((s) => [s.id, s]));
  const rateOf = new Map(net.rates.map((r) => [`${r.country}/${r.mode}`, r]));
  const priceSeries = seriesPricing(net);
  const byMode = {};
  const byCountry = {};
  const byStatus = {};
  let totalKm = 0;
  for (const l of net.links) {
    bump(byMode, l.mode);
    bump(byStatus, l.status);
    const countries = new Set([countryOf.get(l.from), countryOf.get(l.to)].filter((c) => c !== undefined));
    for (const c of countries) bump(byCountry, c);
    totalKm += l.distanceKm?.value ?? 0;
    // A link's capacity may be its service's capacity per sailing, which is what scenarios load.
    const serviceRecord = l.service === undefined ? undefined : serviceById.get(l.service);
    // Its price may be its start country's rate or a dated series: what the cost model prices it by.
    const from = countryOf.get(l.from);
    const rateRecord = rateOf.get(`${from}/${l.mode}`);
    audit.record(
      'link',
      { ...l, serviceRecord, rateRecord, priceSeries: priceSeries(l, from) },
      EXPECTED_FIGURES.link(),
      l,
    );
  }
  const s = { byMode: sorted(byMode), byCountry: sorted(byCountry), byStatus: sorted(byStatus) };
  return { total: net.links.length, ...s, totalKm };
}

function serviceAndRateStats(net: Network, audit: FigureAudit): NetworkStats['services'] {
  const byMode = {};
  for (const s of net.services) {
    bump(byMode, s.mode);
    audit.record('service', s, EXPECTED_FIGURES.service(s));
  }
  for (const r of net.rates) audit.record('rate', r, EXPECTED_FIGURES.rate());
  return { total: net.services.length, byMode: sorted(byMode) };
}

export function computeStats(net: Network, defaultRouteUses?: readonly RouteUse[]): NetworkStats {
  const audit = new FigureAudit();
  const nodes = nodeStats(net, audit);
  const links = linkStats(net, audit);
  const services = serviceAndRateStats(net, audit);
  const { sourced, estimated } = audit.tally;
  const missing = audit.missing;
  const total = sourced + estimated + missing;
  const share = (x: number): number => (total === 0 ? 0 : x / total);
  return {
    dataset: { name: net.manifest.name, version: net.manifest.version },
    sources: net.sources.size,
    nodes,
    links,
    services,
    rates: net.rates.length,
    figures: {
      sourced,
      estimated,
      missing,
      total,
      sourcedShare: share(sourced),
      estimatedShare: share(estimated),
      missingShare: share(missing),
    },
    missingByField: sorted(audit.missingByField),
    gaps: {
      linkCapacity: audit.gap('link.capacity'),
      facilityCapacity: audit.gap('node.facility.capacity'),
      gaugeChangeCapacity: audit.gap('node.gaugeChange.capacity'),
      handlingCharge: { ...audit.gap('node.facility.handlingCharge'), zero: audit.zeroHandling },
    },
    defaultRoutes: defaultRouteUses === undefined ? undefined : routeFigureCounts(net, defaultRouteUses),
  };
}
