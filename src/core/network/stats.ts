/**
 * Counts of the network's records and the provenance of its figures, for `keruen network stats` and the data
 * documentation.
 *
 * Provenance shares. Every figure present in a record (a Figure, a Duration, or a node's coordinates) counts
 * once: "sourced" when it cites a source and gives no estimate, "estimated" when it carries an estimate (with or
 * without the sources the reasoning draws on). "Missing" counts the expected figures a record leaves out; the
 * expected fields are fixed per record kind (EXPECTED_FIGURES below):
 * - every node: coords;
 * - terminal, dry_port, sea_port: facility.dwell and facility capacity (capacityTeuPerYear or
 *   capacityTonnesPerYear);
 * - border_crossing: border.dwellInbound and border.dwellOutbound;
 * - gauge_change, and any node with a gaugeChange block: gaugeChange.duration;
 * - every link: distanceKm, a tariff (any of its fields), a capacity (any of its fields);
 * - every service: capacityTeuPerDeparture when it carries containers, cancellationProbability;
 * - every rate: speedKmPerDay and usdPerTeuKm.
 * The shares divide by sourced + estimated + missing.
 */
import type { Network } from './network.ts';

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
}

/** An expected figure: present when any of its paths holds a value. */
interface Expected {
  field: string;
  paths: string[][];
}

const PORT_KINDS = new Set(['terminal', 'dry_port', 'sea_port']);

/** The expected figures per record (see the module header). */
export const EXPECTED_FIGURES = {
  node: (n: { kind: string; gaugeChange?: unknown }): Expected[] => {
    const out: Expected[] = [{ field: 'coords', paths: [['coords']] }];
    if (PORT_KINDS.has(n.kind)) {
      out.push({ field: 'facility.dwell', paths: [['facility', 'dwell']] });
      out.push({
        field: 'facility.capacity',
        paths: [
          ['facility', 'capacityTeuPerYear'],
          ['facility', 'capacityTonnesPerYear'],
        ],
      });
    }
    if (n.kind === 'border_crossing') {
      out.push({ field: 'border.dwellInbound', paths: [['border', 'dwellInbound']] });
      out.push({ field: 'border.dwellOutbound', paths: [['border', 'dwellOutbound']] });
    }
    if (n.kind === 'gauge_change' || n.gaugeChange !== undefined)
      out.push({ field: 'gaugeChange.duration', paths: [['gaugeChange', 'duration']] });
    return out;
  },
  link: (): Expected[] => [
    { field: 'distanceKm', paths: [['distanceKm']] },
    {
      field: 'tariff',
      paths: ['usdPerTeu', 'usdPerFeu', 'usdPerTonne', 'usdPerTeuKm', 'usdPerTonneKm'].map((k) => ['tariff', k]),
    },
    { field: 'capacity', paths: ['trainsPerDay', 'tonnesPerYear', 'teuPerYear'].map((k) => ['capacity', k]) },
  ],
  service: (s: { carries: readonly string[] }): Expected[] => [
    ...(s.carries.includes('containers')
      ? [{ field: 'capacityTeuPerDeparture', paths: [['capacityTeuPerDeparture']] }]
      : []),
    { field: 'cancellationProbability', paths: [['cancellationProbability']] },
  ],
  rate: (): Expected[] => [
    { field: 'speedKmPerDay', paths: [['speedKmPerDay']] },
    { field: 'usdPerTeuKm', paths: [['usdPerTeuKm']] },
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
export function computeStats(net: Network): NetworkStats {
  const tally = { sourced: 0, estimated: 0 };
  const missingByField: Record<string, number> = {};
  const checkExpected = (kind: string, record: unknown, expected: Expected[]): void => {
    for (const e of expected) {
      if (!e.paths.some((p) => at(record, p) !== undefined)) bump(missingByField, `${kind}.${e.field}`);
    }
  };

  const nodes = { total: net.nodes.length, byKind: {}, byCountry: {}, byStatus: {} };
  const countryOf = new Map<string, string>();
  for (const n of net.nodes) {
    bump(nodes.byKind, n.kind);
    bump(nodes.byCountry, n.country);
    bump(nodes.byStatus, n.status);
    countryOf.set(n.id, n.country);
    walkFigures(n, tally);
    checkExpected('node', n, EXPECTED_FIGURES.node(n));
  }

  const links = { total: net.links.length, byMode: {}, byCountry: {}, byStatus: {}, totalKm: 0 };
  for (const l of net.links) {
    bump(links.byMode, l.mode);
    bump(links.byStatus, l.status);
    const countries = new Set([countryOf.get(l.from), countryOf.get(l.to)].filter((c) => c !== undefined));
    for (const c of countries) bump(links.byCountry, c);
    links.totalKm += l.distanceKm?.value ?? 0;
    walkFigures(l, tally);
    checkExpected('link', l, EXPECTED_FIGURES.link());
  }

  const services = { total: net.services.length, byMode: {} };
  for (const s of net.services) {
    bump(services.byMode, s.mode);
    walkFigures(s, tally);
    checkExpected('service', s, EXPECTED_FIGURES.service(s));
  }
  for (const r of net.rates) {
    walkFigures(r, tally);
    checkExpected('rate', r, EXPECTED_FIGURES.rate());
  }

  const missing = Object.values(missingByField).reduce((a, b) => a + b, 0);
  const total = tally.sourced + tally.estimated + missing;
  const share = (x: number): number => (total === 0 ? 0 : x / total);
  return {
    dataset: { name: net.manifest.name, version: net.manifest.version },
    sources: net.sources.size,
    nodes: {
      total: nodes.total,
      byKind: sorted(nodes.byKind),
      byCountry: sorted(nodes.byCountry),
      byStatus: sorted(nodes.byStatus),
    },
    links: {
      total: links.total,
      byMode: sorted(links.byMode),
      byCountry: sorted(links.byCountry),
      byStatus: sorted(links.byStatus),
      totalKm: links.totalKm,
    },
    services: { total: services.total, byMode: sorted(services.byMode) },
    rates: net.rates.length,
    figures: {
      sourced: tally.sourced,
      estimated: tally.estimated,
      missing,
      total,
      sourcedShare: share(tally.sourced),
      estimatedShare: share(tally.estimated),
      missingShare: share(missing),
    },
    missingByField: sorted(missingByField),
  };
}
