/**
 * The scenario builder's model, without the page: the changes a user can make from the page (close a link, a node
 * or a country; open a planned link; change a service's frequency or a capacity), each as the core's scenario
 * change with its figure marked as the user's own estimate, and the scenario document that POST /scenarios stores
 * (checked by the server against the network, as any stored scenario).
 */
import type { ScenarioInput } from './api.ts';

type Change = ScenarioInput['changes'][number];

export const DRAFT_KINDS = [
  'close_link',
  'close_node',
  'close_country',
  'open_link',
  'set_frequency',
  'set_link_capacity',
  'set_service_capacity',
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What the user picked: the kind, the record's id (or a country code), and the number when the kind needs one. */
export interface DraftPick {
  kind: DraftKind;
  id: string;
  value?: number | undefined;
  /** For capacities: which field. */
  field?: string | undefined;
}

/** Kinds that need a number, with its bound for the form (the server checks the real bounds again). */
export const NEEDS_VALUE: Partial<Record<DraftKind, { min: number; max: number; step: number }>> = {
  open_link: { min: 1990, max: 2100, step: 1 },
  set_frequency: { min: 0.1, max: 500, step: 0.1 },
  set_link_capacity: { min: 1, max: 1e9, step: 1 },
  set_service_capacity: { min: 1, max: 1e6, step: 1 },
};

/** The source every page-made scenario cites: the dataset's conventions, since its figures are the user's. */
export const USER_SOURCE = 'K1';

const mine = (scenarioName: string) => `set by the user in the page's scenario builder ("${scenarioName}")`;

/** The core's change for a pick; a figure carries the user's estimate note. Throws naming what is missing. */
export function changeOf(p: DraftPick, scenarioName: string): Change {
  const figure = (value: number) => ({ value, estimate: mine(scenarioName) });
  const need = (): number => {
    if (p.value === undefined || !Number.isFinite(p.value)) throw new RangeError(`${p.kind} needs a number`);
    return p.value;
  };
  switch (p.kind) {
    case 'close_link':
      return { kind: 'close', target: 'link', id: p.id };
    case 'close_node':
      return { kind: 'close', target: 'node', id: p.id };
    case 'close_country':
      return { kind: 'close', target: 'country', id: p.id.toUpperCase() };
    case 'open_link':
      return { kind: 'open', target: 'link', id: p.id, year: Math.round(need()) };
    case 'set_frequency':
      return { kind: 'set_frequency', id: p.id, departuresPerWeek: figure(need()) };
    case 'set_link_capacity':
      return {
        kind: 'set_capacity',
        target: 'link',
        id: p.id,
        field: (p.field ?? 'teuPerYear') as 'teuPerYear',
        value: figure(need()),
      };
    case 'set_service_capacity':
      return {
        kind: 'set_capacity',
        target: 'service',
        id: p.id,
        field: (p.field ?? 'capacityTeuPerDeparture') as 'capacityTeuPerDeparture',
        value: figure(need()),
      };
  }
}

/**
 * A scenario id from its name: lower-case letters, digits and dashes, prefixed so it never takes a library id.
 * @example scenarioIdOf('Kuryk ferry doubled') // 'my-kuryk-ferry-doubled'
 */
export function scenarioIdOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents apart from their letters
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `my-${slug || 'scenario'}`;
}

/** The scenario document of a name, a description and the picks. */
export function scenarioOf(name: string, description: string, picks: readonly DraftPick[]): ScenarioInput {
  return {
    id: scenarioIdOf(name),
    name,
    description: description.trim().length >= 10 ? description : `${description} (made in the page)`.trim(),
    sources: [USER_SOURCE],
    changes: picks.map((p) => changeOf(p, name)),
  };
}
