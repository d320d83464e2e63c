/**
 * Applies a scenario to the baseline network and returns a new network; the baseline is never mutated (changed
 * records are copied, the rest shared). Every change is checked against the network and against the other
 * changes first, and all problems are reported at once: unknown ids, two changes to the same field, a record
 * added twice or under an existing id, opening something that another change closes, sources that do not exist.
 *
 * In steps: the shared checks on the scenario as written (checkSources, checkConflicts), one applier per change
 * in the order of change-appliers.ts (additions, settings, openings, closures), the checks that need every change
 * applied (checkOpenings), then the dataset's own reference checks (validate.ts) on the result (buildNetwork).
 */
import { type Issue, KeruenError } from '../errors.ts';
import type { RawDataset } from '../network/load.ts';
import type { Network, NetworkLink } from '../network/network.ts';
import { validateReferences } from '../network/validate.ts';
import { type ApplyContext, applicationOrder, applyChange, type Opening, where } from './change-appliers.ts';
import { Draft } from './scenario-draft.ts';
import type { Change, Scenario } from './scenario-schema.ts';

/** Reports a problem of the scenario being applied (its file and id are added). */
export type Problem = (code: string, field: string, value: unknown, message: string) => void;

/** Every source id cited inside a value (fields `source` and `sources`). */
function citedSources(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) {
    for (const x of v) citedSources(x, out);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'source' || k === 'sources') {
      for (const id of Array.isArray(x) ? x : [x]) if (typeof id === 'string') out.add(id);
    } else citedSources(x, out);
  }
}

/** The record and field a change writes, for finding two changes to the same thing. */
export function changeKey(c: Change): string {
  switch (c.kind) {
    case 'set_capacity':
      return `${c.target} ${c.id} ${c.field}`;
    case 'set_dwell':
      return `node ${c.id} dwell ${c.field}`;
    case 'set_frequency':
      return `service ${c.id} departuresPerWeek`;
    case 'set_tariff':
      return `link ${c.id} tariff`;
    case 'set_link_time':
      return `link ${c.id} time`;
    case 'set_gauge_change':
      return `node ${c.id} gaugeChange`;
    case 'close':
    case 'open':
      return `${c.target} ${c.id} status`;
    case 'add_node':
      return `node ${c.node.id} record`;
    case 'add_link':
      return `link ${c.link.id} record`;
    case 'add_service':
      return `service ${c.service.id} record`;
  }
}

/** Sources of the scenario and of every figure it brings must be in the network's sources. */
export function checkSources(net: Network, sc: Scenario, problem: Problem): void {
  const cited = new Set<string>(sc.sources);
  citedSources(sc.changes, cited);
  if (sc.investment) citedSources(sc.investment, cited);
  for (const s of cited)
    if (!net.sources.has(s)) problem('unknown_source', 'sources', s, 'cites a source id that is not in data/sources/');
}

/** Two changes may not write the same field of the same record (changeKey). */
export function checkConflicts(changes: readonly Change[], problem: Problem): void {
  const firstAt = new Map<string, number>();
  changes.forEach((c, i) => {
    const key = changeKey(c);
    const prev = firstAt.get(key);
    if (prev !== undefined)
      problem('conflicting_change', `changes[${i}]`, key, `changes ${prev} and ${i} both set ${key}`);
    else firstAt.set(key, i);
  });
}

/** Once every change applied: nothing opened is closed again, and an opened link ends at open nodes. */
export function checkOpenings(d: Draft, opened: readonly Opening[], problem: Problem): void {
  for (const o of opened) {
    const r = o.target === 'link' ? d.link(o.id) : d.node(o.id);
    if (r?.status === 'closed') {
      problem('conflicting_change', where(o.i), o.id, `the ${o.target} is opened here but closed by another change`);
    } else if (o.target === 'link' && r) {
      const l = r as NetworkLink;
      for (const end of [l.from, l.to]) {
        const ni = d.nodeIndex.get(end);
        const n = ni === undefined ? undefined : d.nodes[ni];
        if (n && n.status !== 'operational')
          problem('node_not_open', where(o.i), end, `the link ends at node ${end}, which is ${n.status}; open it too`);
      }
    }
  }
}

/**
 * Checks a scenario against a network without applying it. Returns every problem found (empty when valid).
 */
export function checkScenario(net: Network, sc: Scenario): Issue[] {
  const r = tryApplyScenario(net, sc);
  return r.issues;
}

/**
 * Applies a scenario. Pure: returns a new network and leaves `net` as it was. Throws KERUEN_INVALID_SCENARIO
 * with one issue per problem.
 * @example
 *   const next = applyScenario(baseline, { id: 'red-sea-closed', ..., changes: [{ kind: 'close', target: 'country', id: 'YE' }] });
 */
export function applyScenario(net: Network, sc: Scenario): Network {
  const r = tryApplyScenario(net, sc);
  if (r.network === undefined) {
    throw new KeruenError(
      'KERUEN_INVALID_SCENARIO',
      `scenario ${JSON.stringify(sc.id)} has ${r.issues.length} problem(s)`,
      r.issues,
      { id: sc.id },
    );
  }
  return r.network;
}

/** Applies a scenario, or returns every problem found (and no network). Pure. */
export function tryApplyScenario(net: Network, sc: Scenario): { network?: Network; issues: Issue[] } {
  const issues: Issue[] = [];
  const file = sc.file ?? `scenario ${sc.id}`;
  const problem: Problem = (code, field, value, message) =>
    issues.push({ code, file, id: sc.id, field, value, message });

  checkSources(net, sc, problem);
  checkConflicts(sc.changes, problem);
  const ctx: ApplyContext = {
    draft: new Draft(net),
    file,
    year: sc.year,
    dwellFacilityAt: new Set(
      sc.changes.flatMap((c) => (c.kind === 'set_dwell' && c.field === 'facility' ? [c.id] : [])),
    ),
    opened: [],
    problem,
  };
  for (const { c, i } of applicationOrder(sc.changes)) applyChange(c, i, ctx);
  checkOpenings(ctx.draft, ctx.opened, problem);

  if (issues.length > 0) return { issues };
  return buildNetwork(net, sc, ctx.draft, file);
}

/** The draft as a Network, after the dataset's reference checks (issues without a file get the scenario's). */
export function buildNetwork(
  net: Network,
  sc: Scenario,
  d: Draft,
  file: string,
): { network?: Network; issues: Issue[] } {
  const raw = {
    sources: [...net.sources.values()],
    nodes: d.nodes,
    links: d.links,
    services: d.services,
    rates: net.rates,
    seasons: net.seasons ?? [],
    prices: net.prices ?? [],
  } as unknown as RawDataset;
  const issues = validateReferences(raw).issues.map((ref) => ({ ...ref, file: ref.file ?? file }));
  if (issues.length > 0) return { issues };
  return {
    network: {
      manifest: {
        ...net.manifest,
        description: `${net.manifest.description ?? net.manifest.name} + scenario ${sc.id}`,
      },
      sources: net.sources,
      nodes: d.nodes,
      links: d.links,
      services: d.services,
      rates: net.rates,
      // The baseline's price series and seasons: a scenario prices and times what it keeps as the baseline does.
      prices: net.prices,
      seasons: net.seasons,
      calibration: net.calibration,
      nodeIndex: d.nodeIndex,
      linkIndex: d.linkIndex,
      serviceIndex: d.serviceIndex,
    },
    issues,
  };
}
