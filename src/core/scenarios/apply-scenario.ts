/**
 * Applies a scenario to the baseline network and returns a new network; the baseline is never mutated (changed
 * records are copied, the rest shared). Every change is checked against the network and against the other
 * changes first, and all problems are reported at once: unknown ids, two changes to the same field, a record
 * added twice or under an existing id, opening something that another change closes, sources that do not exist.
 *
 * Order of application, so that a scenario reads as a set rather than a script: additions, then settings
 * (dwell before capacity, so that a new handling facility can be given its capacity), then openings, then
 * closures. The result goes through the dataset's own reference checks (validate.ts).
 */
import { type Issue, KeruenError } from '../errors.ts';
import { must } from '../must.ts';
import { isCountryCode } from '../network/countries.ts';
import { type Duration, type DurationInput, toHours } from '../network/figure.ts';
import type { RawDataset } from '../network/load.ts';
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';
import { validateReferences } from '../network/validate.ts';
import type { Change, Scenario } from './scenario-schema.ts';

/** Replaces every duration (an object with `dist` and `unit`) by its value in hours, as the loader does. */
function normalize<T>(v: T): T {
  if (Array.isArray(v)) return v.map(normalize) as T;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.dist === 'string' && typeof o.unit === 'string') return toHours(o as DurationInput) as T;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = normalize(x);
    return out as T;
  }
  return v;
}

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
function changeKey(c: Change): string {
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

const ORDER: Record<Change['kind'], number> = {
  add_node: 0,
  add_service: 1,
  add_link: 2,
  set_gauge_change: 3,
  set_dwell: 4,
  set_capacity: 5,
  set_frequency: 6,
  set_tariff: 7,
  set_link_time: 8,
  open: 9,
  close: 10,
};

class Draft {
  nodes: NetworkNode[];
  links: NetworkLink[];
  services: NetworkService[];
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  serviceIndex: Map<string, number>;
  private copied = new Set<object>();

  constructor(net: Network) {
    this.nodes = [...net.nodes];
    this.links = [...net.links];
    this.services = [...net.services];
    this.nodeIndex = new Map(net.nodeIndex);
    this.linkIndex = new Map(net.linkIndex);
    this.serviceIndex = new Map(net.serviceIndex);
  }

  /** A private deep copy of a record the first time a change writes to it (copy on write). */
  private own<T extends object>(arr: T[], i: number): T {
    const r = must(arr[i], 'record to copy');
    if (this.copied.has(r)) return r;
    const c = structuredClone(r);
    this.copied.add(c);
    arr[i] = c;
    return c;
  }
  node(id: string): NetworkNode | undefined {
    const i = this.nodeIndex.get(id);
    return i === undefined ? undefined : this.own(this.nodes, i);
  }
  link(id: string): NetworkLink | undefined {
    const i = this.linkIndex.get(id);
    return i === undefined ? undefined : this.own(this.links, i);
  }
  service(id: string): NetworkService | undefined {
    const i = this.serviceIndex.get(id);
    return i === undefined ? undefined : this.own(this.services, i);
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

export function tryApplyScenario(net: Network, sc: Scenario): { network?: Network; issues: Issue[] } {
  const issues: Issue[] = [];
  const file = sc.file ?? `scenario ${sc.id}`;
  const problem = (code: string, field: string, value: unknown, message: string) =>
    issues.push({ code, file, id: sc.id, field, value, message });

  // Sources of the scenario and of every figure it brings.
  const cited = new Set<string>(sc.sources);
  citedSources(sc.changes, cited);
  if (sc.investment) citedSources(sc.investment, cited);
  for (const s of cited)
    if (!net.sources.has(s)) problem('unknown_source', 'sources', s, 'cites a source id that is not in data/sources/');

  // Conflicts: two changes to the same record field.
  const firstAt = new Map<string, number>();
  sc.changes.forEach((c, i) => {
    const key = changeKey(c);
    const prev = firstAt.get(key);
    if (prev !== undefined)
      problem('conflicting_change', `changes[${i}]`, key, `changes ${prev} and ${i} both set ${key}`);
    else firstAt.set(key, i);
  });

  const d = new Draft(net);
  const where = (i: number) => `changes[${i}]`;
  const opened: Array<{ target: 'link' | 'node'; id: string; i: number }> = [];
  const dwellFacilityAt = new Set(
    sc.changes.flatMap((c) => (c.kind === 'set_dwell' && c.field === 'facility' ? [c.id] : [])),
  );
  const order = sc.changes.map((c, i) => ({ c, i })).sort((a, b) => ORDER[a.c.kind] - ORDER[b.c.kind] || a.i - b.i);

  for (const { c, i } of order) {
    switch (c.kind) {
      case 'add_node': {
        if (d.nodeIndex.has(c.node.id)) {
          problem('duplicate_id', `${where(i)}.node.id`, c.node.id, 'a node with this id already exists');
          break;
        }
        d.nodeIndex.set(c.node.id, d.nodes.length);
        d.nodes.push({ ...normalize(c.node), file } as unknown as NetworkNode);
        break;
      }
      case 'add_service': {
        if (d.serviceIndex.has(c.service.id)) {
          problem('duplicate_id', `${where(i)}.service.id`, c.service.id, 'a service with this id already exists');
          break;
        }
        d.serviceIndex.set(c.service.id, d.services.length);
        d.services.push({ ...c.service, file });
        break;
      }
      case 'add_link': {
        if (d.linkIndex.has(c.link.id)) {
          problem('duplicate_id', `${where(i)}.link.id`, c.link.id, 'a link with this id already exists');
          break;
        }
        d.linkIndex.set(c.link.id, d.links.length);
        d.links.push({ ...normalize(c.link), file } as unknown as NetworkLink);
        break;
      }
      case 'set_dwell': {
        const n = d.node(c.id);
        if (!n) {
          problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
          break;
        }
        const dwell = toHours(c.dwell) as Duration;
        if (c.field === 'facility') n.facility = { ...(n.facility ?? {}), dwell } as NetworkNode['facility'];
        else if (c.field === 'gaugeChange') {
          if (!n.gaugeChange) problem('no_gauge_change', `${where(i)}.field`, c.field, 'the node has no gauge change');
          else n.gaugeChange.duration = dwell;
        } else {
          const b = { ...(n.border ?? {}) } as NonNullable<NetworkNode['border']>;
          if (c.field === 'borderInbound') b.dwellInbound = dwell;
          else b.dwellOutbound = dwell;
          n.border = b;
        }
        break;
      }
      case 'set_capacity': {
        if (c.target === 'link') {
          const l = d.link(c.id);
          if (!l) problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
          else l.capacity = { ...(l.capacity ?? {}), [c.field]: c.value };
        } else if (c.target === 'service') {
          const s = d.service(c.id);
          if (!s) problem('unknown_service', `${where(i)}.id`, c.id, 'no service with this id');
          else s[c.field] = c.value;
        } else {
          const n = d.node(c.id);
          if (!n) problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
          else if (c.field === 'gaugeChangeCapacityTeuPerDay') {
            if (!n.gaugeChange)
              problem('no_gauge_change', `${where(i)}.field`, c.field, 'the node has no gauge change');
            else n.gaugeChange.capacityTeuPerDay = c.value;
          } else if (!n.facility && !dwellFacilityAt.has(c.id)) {
            problem(
              'no_facility',
              `${where(i)}.id`,
              c.id,
              'the node has no handling facility; give it one with a set_dwell change (field facility) first',
            );
          } else n.facility = { ...(n.facility ?? {}), [c.field]: c.value } as NetworkNode['facility'];
        }
        break;
      }
      case 'set_frequency': {
        const s = d.service(c.id);
        if (!s) {
          problem('unknown_service', `${where(i)}.id`, c.id, 'no service with this id');
          break;
        }
        s.departuresPerWeek = c.departuresPerWeek;
        // A frequency replaces an explicit timetable, which would otherwise take precedence.
        delete s.timetable;
        break;
      }
      case 'set_link_time': {
        const l = d.link(c.id);
        if (!l) {
          problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
          break;
        }
        if (c.duration) l.duration = toHours(c.duration) as NetworkLink['duration'];
        if (c.speedKmPerDay) {
          l.speedKmPerDay = c.speedKmPerDay;
          // A speed given without a duration replaces the link's own duration, which would take precedence.
          if (!c.duration) delete l.duration;
        }
        break;
      }
      case 'set_gauge_change': {
        const n = d.node(c.id);
        if (!n) problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
        else n.gaugeChange = normalize(c.gaugeChange) as NetworkNode['gaugeChange'];
        break;
      }
      case 'set_tariff': {
        const l = d.link(c.id);
        if (!l) problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
        else l.tariff = c.tariff;
        break;
      }
      case 'open': {
        const r = c.target === 'link' ? d.link(c.id) : d.node(c.id);
        if (!r) {
          problem(`unknown_${c.target}`, `${where(i)}.id`, c.id, `no ${c.target} with this id`);
          break;
        }
        if (r.status === 'operational')
          problem('already_open', `${where(i)}.id`, c.id, `the ${c.target} is already operational`);
        r.status = 'operational';
        const year = c.year ?? sc.year ?? r.statusYear;
        if (year !== undefined) r.statusYear = year;
        opened.push({ target: c.target, id: c.id, i });
        break;
      }
      case 'close': {
        if (c.target === 'link') {
          const l = d.link(c.id);
          if (!l) problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
          else l.status = 'closed';
        } else if (c.target === 'node') {
          const n = d.node(c.id);
          if (!n) {
            problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
            break;
          }
          n.status = 'closed';
          for (const l of d.links) {
            if (l.from === c.id || l.to === c.id) must(d.link(l.id), 'link of the network').status = 'closed';
          }
        } else {
          const cc = c.id.toUpperCase();
          if (!isCountryCode(cc)) {
            problem('unknown_country', `${where(i)}.id`, c.id, 'not an ISO 3166 alpha-2 country code');
            break;
          }
          const inCountry = new Set(d.nodes.filter((n) => n.country === cc).map((n) => n.id));
          const crossing = d.links.filter((l) => inCountry.has(l.from) || inCountry.has(l.to) || l.via.includes(cc));
          if (inCountry.size === 0 && crossing.length === 0)
            problem('no_effect', `${where(i)}.id`, c.id, 'no node in this country and no link crosses it');
          for (const id of inCountry) must(d.node(id), 'node of the network').status = 'closed';
          for (const l of crossing) must(d.link(l.id), 'link of the network').status = 'closed';
        }
        break;
      }
    }
  }

  // Opening something that a closure in the same scenario shuts again, or a link whose end is not open.
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

  if (issues.length > 0) return { issues };
  const raw = {
    sources: [...net.sources.values()],
    nodes: d.nodes,
    links: d.links,
    services: d.services,
    rates: net.rates,
  } as unknown as RawDataset;
  for (const ref of validateReferences(raw).issues) issues.push({ ...ref, file: ref.file ?? file });
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
      nodeIndex: d.nodeIndex,
      linkIndex: d.linkIndex,
      serviceIndex: d.serviceIndex,
    },
    issues,
  };
}
