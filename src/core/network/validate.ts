/**
 * Cross-record rules that a single record's schema cannot see: duplicate ids, references to nodes, services and
 * sources that do not exist, a sourced length shorter than the great circle, gauges that meet without a
 * gauge-change facility, one risk event given two chances, a link without a travel time (the compiler leaves it out) or without any cost (routes
 * through it count it as free). Errors block loading; warnings are reported by `keruen network validate`.
 */
import type { Issue } from '../errors.ts';
import { greatCircleKm } from './geo.ts';
import type { RawDataset } from './load.ts';
import { riskEventIssues } from './risk-events.ts';

/** Walks a record and yields every source id it cites, with the field path. */
function* sourceRefs(v: unknown, path: string): Generator<[string, string]> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield* sourceRefs(v[i], `${path}[${i}]`);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    const p = path ? `${path}.${k}` : k;
    if (k === 'source' || k === 'sources') {
      const ids = Array.isArray(x) ? x : [x];
      for (const id of ids) if (typeof id === 'string') yield [id, p];
    } else if (k !== 'file') {
      yield* sourceRefs(x, p);
    }
  }
}

function duplicates<T extends { id: string; file: string }>(records: T[], what: string, issues: Issue[]): Set<string> {
  const seen = new Map<string, string>();
  for (const r of records) {
    const first = seen.get(r.id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_id',
        file: r.file,
        id: r.id,
        field: 'id',
        value: r.id,
        message: `duplicate ${what} id (first defined in ${first})`,
      });
    } else seen.set(r.id, r.file);
  }
  return new Set(seen.keys());
}

export function validateReferences(raw: RawDataset): { issues: Issue[]; warnings: Issue[] } {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const sourceIds = duplicates(raw.sources, 'source', issues);
  const nodeIds = duplicates(raw.nodes, 'node', issues);
  duplicates(raw.links, 'link', issues);
  const serviceIds = duplicates(raw.services, 'service', issues);
  duplicates(raw.rates, 'rate', issues);
  duplicateRates(raw, issues);
  unknownSources(raw, sourceIds, issues);
  const nodeById = new Map(raw.nodes.map((n) => [n.id, n]));
  for (const l of raw.links) {
    linkReferences(l, nodeIds, serviceIds, issues);
    const a = nodeById.get(l.from);
    const b = nodeById.get(l.to);
    if (a && b) {
      const w = shorterThanGreatCircle(l, a, b);
      if (w) warnings.push(w);
    }
  }
  gaugeBreaks(raw, nodeById, warnings);
  timeAndCostGaps(raw, nodeById, warnings);
  missingStatusYears(raw, issues);
  unknownStops(raw, nodeIds, issues);
  issues.push(...riskEventIssues(raw.links));
  return { issues, warnings };
}

/** Node ids named by a scheduled service's route or by a season that nodes/ does not define. */
function unknownStops(raw: RawDataset, nodeIds: ReadonlySet<string>, issues: Issue[]): void {
  const named = [
    ...raw.services.flatMap((s) => (s.route ?? []).map((id, i) => ({ rec: s, id, field: `route.${i}` }))),
    ...(raw.seasons ?? []).flatMap((s) => (s.node === undefined ? [] : [{ rec: s, id: s.node, field: 'node' }])),
  ];
  for (const { rec, id, field } of named)
    if (!nodeIds.has(id))
      issues.push({
        code: 'unknown_node',
        file: rec.file,
        id: rec.id,
        field,
        value: id,
        message: 'names a node that is not in nodes/',
      });
}

type RawLink = RawDataset['links'][number];
type RawNode = RawDataset['nodes'][number];

/** Two rates for one country and mode. */
function duplicateRates(raw: RawDataset, issues: Issue[]): void {
  const rateKeys = new Map<string, string>();
  for (const r of raw.rates) {
    const key = `${r.country}/${r.mode}`;
    const prev = rateKeys.get(key);
    if (prev !== undefined)
      issues.push({
        code: 'duplicate_rate',
        file: r.file,
        id: r.id,
        field: 'country',
        value: key,
        message: `a rate for ${key} already exists (${prev})`,
      });
    else rateKeys.set(key, r.id);
  }
}

/** Source ids cited anywhere in a node, link, service or rate that sources/ does not define. */
function unknownSources(raw: RawDataset, sourceIds: ReadonlySet<string>, issues: Issue[]): void {
  const records = [...raw.nodes, ...raw.links, ...raw.services, ...raw.rates, ...(raw.prices ?? [])];
  for (const rec of [...records, ...(raw.seasons ?? [])]) {
    for (const [id, field] of sourceRefs(rec, '')) {
      if (!sourceIds.has(id))
        issues.push({
          code: 'unknown_source',
          file: rec.file,
          id: rec.id,
          field,
          value: id,
          message: 'cites a source id that is not in sources/',
        });
    }
  }
}

/** A link's ends and service exist; a ferry names its service; every link has a distance. */
function linkReferences(
  l: RawLink,
  nodeIds: ReadonlySet<string>,
  serviceIds: ReadonlySet<string>,
  issues: Issue[],
): void {
  const at = { file: l.file, id: l.id };
  for (const end of ['from', 'to'] as const) {
    if (!nodeIds.has(l[end]))
      issues.push({
        code: 'unknown_node',
        ...at,
        field: end,
        value: l[end],
        message: 'refers to a node that does not exist',
      });
  }
  if (l.service !== undefined && !serviceIds.has(l.service))
    issues.push({
      code: 'unknown_service',
      ...at,
      field: 'service',
      value: l.service,
      message: 'refers to a service that does not exist',
    });
  if (l.mode === 'ferry' && l.service === undefined)
    issues.push({
      code: 'missing_service',
      ...at,
      field: 'service',
      message: 'a ferry link needs the scheduled service that runs on it',
    });
  if (l.distanceKm === undefined)
    issues.push({
      code: 'missing_distance',
      ...at,
      field: 'distanceKm',
      message: 'every link needs a distance, sourced or estimated with its reasoning',
    });
}

/**
 * A warning when a link's distance is below 97 % of the great circle between its ends, less 1 km (a length
 * measured along the ground cannot be shorter; the margin allows for rounded coordinates).
 */
export function shorterThanGreatCircle(
  l: Pick<RawLink, 'file' | 'id' | 'distanceKm'>,
  a: Pick<RawNode, 'coords'>,
  b: Pick<RawNode, 'coords'>,
): Issue | undefined {
  if (l.distanceKm === undefined) return undefined;
  const gc = greatCircleKm(a.coords.lat, a.coords.lon, b.coords.lat, b.coords.lon);
  if (!(l.distanceKm.value < gc * 0.97 - 1)) return undefined;
  return {
    code: 'shorter_than_great_circle',
    file: l.file,
    id: l.id,
    field: 'distanceKm',
    value: l.distanceKm.value,
    message: `shorter than the great-circle distance ${gc.toFixed(0)} km between its ends`,
  };
}

/** Nodes where rail links of different gauges meet without a gauge change. */
function gaugeBreaks(raw: RawDataset, nodeById: ReadonlyMap<string, RawNode>, warnings: Issue[]): void {
  const gaugesAt = new Map<string, Set<number>>();
  for (const l of raw.links) {
    if (l.gauge === undefined) continue;
    for (const end of [l.from, l.to]) {
      const s = gaugesAt.get(end) ?? new Set<number>();
      s.add(l.gauge);
      gaugesAt.set(end, s);
    }
  }
  for (const [id, gauges] of gaugesAt) {
    const n = nodeById.get(id);
    if (n && gauges.size > 1 && n.gaugeChange === undefined) {
      warnings.push({
        code: 'gauge_break_without_facility',
        file: n.file,
        id,
        field: 'gaugeChange',
        value: [...gauges],
        message: 'rail links of different gauges meet here but the node has no gaugeChange; trains cannot pass',
      });
    }
  }
}

/**
 * Warnings for a link that some direction of travel cannot time or price: no duration and no speed on the link and
 * no speed in the rate of the country it leaves (the compiler leaves that direction out of the graph), or no tariff
 * and no rate per km there (routes through it count it as free, which draws them). A scheduled link may be priced
 * by its service's sea lane (src/core/costs), so only unscheduled links are checked for cost.
 */
function timeAndCostGaps(raw: RawDataset, nodeById: ReadonlyMap<string, RawNode>, warnings: Issue[]): void {
  const rate = (country: string | undefined, mode: string) =>
    raw.rates.find((r) => r.country === country && r.mode === mode);
  for (const l of raw.links) {
    if (l.status === 'closed') continue;
    const starts = l.bidirectional === false ? [l.from] : [l.from, l.to];
    const countries = starts.map((id) => nodeById.get(id)?.country);
    const at = { file: l.file, id: l.id };
    const untimed = countries.filter(
      (c) => l.duration === undefined && l.speedKmPerDay === undefined && rate(c, l.mode)?.speedKmPerDay === undefined,
    );
    if (untimed.length > 0)
      warnings.push({
        ...at,
        code: 'no_travel_time',
        field: 'duration',
        value: untimed,
        message: `no duration, speedKmPerDay or ${untimed.join('/')} ${l.mode} rate speed: left out of the graph`,
      });
    const r = (c: string | undefined) => rate(c, l.mode);
    const unpriced = countries.filter(
      (c) =>
        l.service === undefined &&
        l.tariff === undefined &&
        r(c)?.usdPerTeuKm === undefined &&
        r(c)?.usdPerTonneKm === undefined,
    );
    if (unpriced.length > 0)
      warnings.push({
        ...at,
        code: 'no_cost',
        field: 'tariff',
        value: unpriced,
        message: `no tariff and no ${unpriced.join('/')} ${l.mode} rate per km: routes through it count it as free`,
      });
  }
}

/** Planned and under-construction nodes need the year they are expected. */
function missingStatusYears(raw: RawDataset, issues: Issue[]): void {
  for (const n of raw.nodes) {
    if (n.status !== 'operational' && n.status !== 'closed' && n.statusYear === undefined) {
      issues.push({
        code: 'missing_status_year',
        file: n.file,
        id: n.id,
        field: 'statusYear',
        message: `a ${n.status} node needs statusYear`,
      });
    }
  }
}
