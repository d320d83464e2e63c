/**
 * One applier per kind of scenario change, in a table keyed by `kind` (APPLIERS), and the order in which the
 * kinds apply (ORDER): additions, then settings (dwell before capacity, so that a new handling facility can be
 * given its capacity), then openings, then closures, so that a scenario reads as a set rather than a script.
 *
 * An applier writes to a Draft (copy on write, scenario-draft.ts) and reports what stops it (an unknown id, a
 * record that lacks the part the change sets) through its context; it never throws on bad input. Durations of
 * added records are converted to hours as the loader does.
 */
import { must } from '../must.ts';
import { isCountryCode } from '../network/countries.ts';
import { type Duration, type DurationInput, toHours } from '../network/figure.ts';
import type { NetworkLink, NetworkNode } from '../network/network.ts';
import type { Draft } from './scenario-draft.ts';
import type { Change, ChangeKind } from './scenario-schema.ts';

/** A change that opens a record, for the checks that run once every change has applied. */
export interface Opening {
  target: 'link' | 'node';
  id: string;
  /** Index of the change in the scenario. */
  i: number;
}

/** What an applier reads besides its change, and where it reports. */
export interface ApplyContext {
  draft: Draft;
  /** File the scenario came from: the `file` of the records it adds. */
  file: string;
  /** The scenario's year: when an opened record becomes operational, unless the change gives its own. */
  year: number | undefined;
  /** Nodes that a set_dwell change gives a handling facility (so that a capacity may be set on it). */
  dwellFacilityAt: ReadonlySet<string>;
  /** Openings so far, in the order applied. */
  opened: Opening[];
  problem(code: string, field: string, value: unknown, message: string): void;
}

type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;
type Applier<K extends ChangeKind> = (c: ChangeOf<K>, i: number, ctx: ApplyContext) => void;

/** The field name of change i, for issues. */
export const where = (i: number): string => `changes[${i}]`;

/** Replaces every duration (an object with `dist` and `unit`) by its value in hours, as the loader does. */
export function normalize<T>(v: T): T {
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

export const ORDER: Readonly<Record<ChangeKind, number>> = {
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

/** The changes with their index in the scenario, in the order they apply (by ORDER, then as written). */
export function applicationOrder(changes: readonly Change[]): { c: Change; i: number }[] {
  return changes.map((c, i) => ({ c, i })).sort((a, b) => ORDER[a.c.kind] - ORDER[b.c.kind] || a.i - b.i);
}

/** Applies one change to the context's draft (see APPLIERS). */
export function applyChange(c: Change, i: number, ctx: ApplyContext): void {
  (APPLIERS[c.kind] as (c: Change, i: number, ctx: ApplyContext) => void)(c, i, ctx);
}

const addNode: Applier<'add_node'> = (c, i, { draft: d, file, problem }) => {
  if (d.nodeIndex.has(c.node.id)) {
    problem('duplicate_id', `${where(i)}.node.id`, c.node.id, 'a node with this id already exists');
    return;
  }
  d.nodeIndex.set(c.node.id, d.nodes.length);
  d.nodes.push({ ...normalize(c.node), file } as unknown as NetworkNode);
};

const addService: Applier<'add_service'> = (c, i, { draft: d, file, problem }) => {
  if (d.serviceIndex.has(c.service.id)) {
    problem('duplicate_id', `${where(i)}.service.id`, c.service.id, 'a service with this id already exists');
    return;
  }
  d.serviceIndex.set(c.service.id, d.services.length);
  d.services.push({ ...c.service, file });
};

const addLink: Applier<'add_link'> = (c, i, { draft: d, file, problem }) => {
  if (d.linkIndex.has(c.link.id)) {
    problem('duplicate_id', `${where(i)}.link.id`, c.link.id, 'a link with this id already exists');
    return;
  }
  d.linkIndex.set(c.link.id, d.links.length);
  d.links.push({ ...normalize(c.link), file } as unknown as NetworkLink);
};

const setDwell: Applier<'set_dwell'> = (c, i, { draft, problem }) => {
  const n = draft.node(c.id);
  if (!n) {
    problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
    return;
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
};

const setCapacity: Applier<'set_capacity'> = (c, i, ctx) => {
  if (c.target === 'link') setLinkCapacity(c, i, ctx);
  else if (c.target === 'service') setServiceCapacity(c, i, ctx);
  else setNodeCapacity(c, i, ctx);
};

type CapacityOf<T extends ChangeOf<'set_capacity'>['target']> = Extract<ChangeOf<'set_capacity'>, { target: T }>;

function setLinkCapacity(c: CapacityOf<'link'>, i: number, { draft, problem }: ApplyContext): void {
  const l = draft.link(c.id);
  if (!l) problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
  else l.capacity = { ...(l.capacity ?? {}), [c.field]: c.value };
}

function setServiceCapacity(c: CapacityOf<'service'>, i: number, { draft, problem }: ApplyContext): void {
  const s = draft.service(c.id);
  if (!s) problem('unknown_service', `${where(i)}.id`, c.id, 'no service with this id');
  else s[c.field] = c.value;
}

/** A node's capacity is its gauge change's or its handling facility's (one set_dwell may create the facility). */
function setNodeCapacity(c: CapacityOf<'node'>, i: number, { draft, dwellFacilityAt, problem }: ApplyContext): void {
  const n = draft.node(c.id);
  if (!n) problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
  else if (c.field === 'gaugeChangeCapacityTeuPerDay') {
    if (!n.gaugeChange) problem('no_gauge_change', `${where(i)}.field`, c.field, 'the node has no gauge change');
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

const setFrequency: Applier<'set_frequency'> = (c, i, { draft, problem }) => {
  const s = draft.service(c.id);
  if (!s) {
    problem('unknown_service', `${where(i)}.id`, c.id, 'no service with this id');
    return;
  }
  s.departuresPerWeek = c.departuresPerWeek;
  // A frequency replaces an explicit timetable, which would otherwise take precedence.
  delete s.timetable;
};

const setLinkTime: Applier<'set_link_time'> = (c, i, { draft, problem }) => {
  const l = draft.link(c.id);
  if (!l) {
    problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
    return;
  }
  if (c.duration) l.duration = toHours(c.duration) as NetworkLink['duration'];
  if (c.speedKmPerDay) {
    l.speedKmPerDay = c.speedKmPerDay;
    // A speed given without a duration replaces the link's own duration, which would take precedence.
    if (!c.duration) delete l.duration;
  }
};

const setGaugeChange: Applier<'set_gauge_change'> = (c, i, { draft, problem }) => {
  const n = draft.node(c.id);
  if (!n) problem('unknown_node', `${where(i)}.id`, c.id, 'no node with this id');
  else n.gaugeChange = normalize(c.gaugeChange) as NetworkNode['gaugeChange'];
};

const setTariff: Applier<'set_tariff'> = (c, i, { draft, problem }) => {
  const l = draft.link(c.id);
  if (!l) problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
  else l.tariff = c.tariff;
};

/** Opens a link or node from the scenario's (or the change's) year; the openings are checked at the end. */
const open: Applier<'open'> = (c, i, { draft, year, opened, problem }) => {
  const r = c.target === 'link' ? draft.link(c.id) : draft.node(c.id);
  if (!r) {
    problem(`unknown_${c.target}`, `${where(i)}.id`, c.id, `no ${c.target} with this id`);
    return;
  }
  if (r.status === 'operational')
    problem('already_open', `${where(i)}.id`, c.id, `the ${c.target} is already operational`);
  r.status = 'operational';
  const y = c.year ?? year ?? r.statusYear;
  if (y !== undefined) r.statusYear = y;
  opened.push({ target: c.target, id: c.id, i });
};

const close: Applier<'close'> = (c, i, ctx) => {
  if (c.target === 'link') {
    const l = ctx.draft.link(c.id);
    if (!l) ctx.problem('unknown_link', `${where(i)}.id`, c.id, 'no link with this id');
    else l.status = 'closed';
  } else if (c.target === 'node') closeNode(c.id, i, ctx);
  else closeCountry(c.id, i, ctx);
};

/** Closes a node and every link that ends at it. */
function closeNode(id: string, i: number, { draft: d, problem }: ApplyContext): void {
  const n = d.node(id);
  if (!n) {
    problem('unknown_node', `${where(i)}.id`, id, 'no node with this id');
    return;
  }
  n.status = 'closed';
  for (const l of d.links) {
    if (l.from === id || l.to === id) must(d.link(l.id), 'link of the network').status = 'closed';
  }
}

/** Closes every node in the country and every link that ends there or crosses it (`via`). */
function closeCountry(id: string, i: number, { draft: d, problem }: ApplyContext): void {
  const cc = id.toUpperCase();
  if (!isCountryCode(cc)) {
    problem('unknown_country', `${where(i)}.id`, id, 'not an ISO 3166 alpha-2 country code');
    return;
  }
  const inCountry = new Set(d.nodes.filter((n) => n.country === cc).map((n) => n.id));
  const crossing = d.links.filter((l) => inCountry.has(l.from) || inCountry.has(l.to) || l.via.includes(cc));
  if (inCountry.size === 0 && crossing.length === 0)
    problem('no_effect', `${where(i)}.id`, id, 'no node in this country and no link crosses it');
  for (const nid of inCountry) must(d.node(nid), 'node of the network').status = 'closed';
  for (const l of crossing) must(d.link(l.id), 'link of the network').status = 'closed';
}

/** The applier of each kind of change. */
export const APPLIERS: { readonly [K in ChangeKind]: Applier<K> } = {
  add_node: addNode,
  add_service: addService,
  add_link: addLink,
  set_gauge_change: setGaugeChange,
  set_dwell: setDwell,
  set_capacity: setCapacity,
  set_frequency: setFrequency,
  set_tariff: setTariff,
  set_link_time: setLinkTime,
  open,
  close,
};
