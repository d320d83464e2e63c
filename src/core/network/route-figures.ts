/**
 * The figures a set of routes rests on, and how many of them are sourced, estimated or missing: the measure
 * `keruen network stats` reports for the default routes (routing/default-routes.ts). Where the whole-dataset
 * count of stats.ts weighs every record alike, this one counts only what the routes touch, each figure once:
 * - every link a route takes: its distance, its time (duration, else its speed, else its country's rate speed),
 *   its cost (tariff, else its country's rate per km, else a cost the compiled edge knows from elsewhere, such as a
 *   sea lane rate: counted as estimated) and its capacity (line capacity, else its service's per departure);
 * - every node where a route changes vehicle: its facility's dwell, capacity and handling charge (zero = missing);
 * - every gauge change a route makes: its duration and capacity;
 * - every border post a route crosses (a border_crossing node at a link whose ends lie in two countries): its
 *   outbound dwell when left, its inbound dwell when entered.
 */
import type { Network, NetworkLink, NetworkNode } from './network.ts';
import type { Rate } from './schema.ts';

/** What one route uses: its links (with whether the compiled edge has a cost), transfers and gauge changes. */
export interface RouteUse {
  links: ReadonlyArray<{ linkId: string; from: string; to: string; costKnown: boolean }>;
  transfers: readonly string[];
  gaugeChanges: readonly string[];
}

export interface RouteFigureCounts {
  routes: number;
  links: number;
  nodes: number;
  sourced: number;
  estimated: number;
  missing: number;
  total: number;
  missingShare: number;
  /** Missing figure slots by `kind.field`. */
  missingByField: Record<string, number>;
  /** Every missing slot as `record-id field`, for finding the gaps. */
  missingList: string[];
}

type Provenance = 'sourced' | 'estimated' | 'missing';

/** A figure's provenance: estimated when it carries an estimate, sourced when it cites a source only. */
function provenanceOf(x: unknown): Provenance {
  if (x === undefined || x === null || typeof x !== 'object') return 'missing';
  const o = x as { estimate?: unknown; source?: unknown };
  if (o.estimate !== undefined) return 'estimated';
  return o.source !== undefined ? 'sourced' : 'estimated';
}

/** The first present figure of a list, with its provenance. */
function firstOf(...xs: unknown[]): Provenance {
  for (const x of xs) if (x !== undefined && x !== null) return provenanceOf(x);
  return 'missing';
}

class Tally {
  readonly counts = { sourced: 0, estimated: 0, missing: 0 };
  readonly missingByField: Record<string, number> = {};
  readonly missingList: string[] = [];
  private readonly seen = new Set<string>();

  /** Counts the figure `field` of record `id` once, however many routes use it. */
  add(kind: string, id: string, field: string, p: Provenance): void {
    const key = `${kind} ${id} ${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.counts[p]++;
    if (p !== 'missing') return;
    const k = `${kind}.${field}`;
    this.missingByField[k] = (this.missingByField[k] ?? 0) + 1;
    this.missingList.push(`${id} ${field}`);
  }
}

function linkFigures(t: Tally, net: Network, l: NetworkLink, a: NetworkNode, costKnown: boolean): void {
  const rate: Rate | undefined = net.rates.find((r) => r.country === a.country && r.mode === l.mode);
  const svc = l.service === undefined ? undefined : net.services.find((s) => s.id === l.service);
  t.add('link', l.id, 'distanceKm', provenanceOf(l.distanceKm));
  t.add('link', l.id, 'time', firstOf(l.duration, l.speedKmPerDay, rate?.speedKmPerDay));
  const tariff = l.tariff === undefined ? undefined : Object.values(l.tariff).find((x) => x !== undefined);
  let cost = firstOf(tariff, rate?.usdPerTeuKm, rate?.usdPerTonneKm);
  if (cost === 'missing' && costKnown) cost = 'estimated';
  t.add('link', l.id, 'cost', cost);
  const cap = l.capacity;
  t.add(
    'link',
    l.id,
    'capacity',
    firstOf(
      cap?.teuPerYear,
      cap?.tonnesPerYear,
      cap?.trainsPerDay,
      svc?.capacityTeuPerDeparture,
      svc?.capacityWagonsPerDeparture,
      svc?.capacityTrucksPerDeparture,
    ),
  );
}

function borderFigures(t: Tally, a: NetworkNode, b: NetworkNode): void {
  if (a.country === b.country) return;
  if (a.kind === 'border_crossing') t.add('node', a.id, 'border.dwellOutbound', provenanceOf(a.border?.dwellOutbound));
  if (b.kind === 'border_crossing') t.add('node', b.id, 'border.dwellInbound', provenanceOf(b.border?.dwellInbound));
}

function transferFigures(t: Tally, n: NetworkNode): void {
  const f = n.facility;
  t.add('node', n.id, 'facility.dwell', provenanceOf(f?.dwell));
  t.add('node', n.id, 'facility.capacity', firstOf(f?.capacityTeuPerYear, f?.capacityTonnesPerYear));
  const charge = f?.handlingCostUsdPerTeu ?? f?.handlingCostUsdPerTonne;
  t.add('node', n.id, 'facility.handlingCharge', charge?.value === 0 ? 'missing' : provenanceOf(charge));
}

function gaugeFigures(t: Tally, n: NetworkNode): void {
  t.add('node', n.id, 'gaugeChange.duration', provenanceOf(n.gaugeChange?.duration));
  t.add('node', n.id, 'gaugeChange.capacity', provenanceOf(n.gaugeChange?.capacityTeuPerDay));
}

/**
 * Counts the figures the routes use, each once. Pure; unknown ids are skipped (the routes come from this network).
 *
 * @example routeFigureCounts(net, uses).missingShare // e.g. 0.08
 */
export function routeFigureCounts(net: Network, uses: readonly RouteUse[]): RouteFigureCounts {
  const t = new Tally();
  const links = new Map(net.links.map((l) => [l.id, l]));
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  const linkIds = new Set<string>();
  const nodeIds = new Set<string>();
  for (const u of uses) {
    for (const x of u.links) {
      const l = links.get(x.linkId);
      const a = nodes.get(x.from);
      const b = nodes.get(x.to);
      if (l === undefined || a === undefined || b === undefined) continue;
      linkIds.add(l.id);
      linkFigures(t, net, l, a, x.costKnown);
      borderFigures(t, a, b);
    }
    for (const id of u.transfers) {
      const n = nodes.get(id);
      if (n === undefined) continue;
      nodeIds.add(id);
      transferFigures(t, n);
    }
    for (const id of u.gaugeChanges) {
      const n = nodes.get(id);
      if (n === undefined) continue;
      nodeIds.add(id);
      gaugeFigures(t, n);
    }
  }
  const { sourced, estimated, missing } = t.counts;
  const total = sourced + estimated + missing;
  return {
    routes: uses.length,
    links: linkIds.size,
    nodes: nodeIds.size,
    sourced,
    estimated,
    missing,
    total,
    missingShare: total === 0 ? 0 : missing / total,
    missingByField: t.missingByField,
    missingList: t.missingList.sort(),
  };
}
