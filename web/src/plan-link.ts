/**
 * A permalink for the planner: the form's state in the page's address (`#plan?from=…&to=…`), written after each
 * search and read when the page opens, so a link reopens the same query.
 */

export interface PlanState {
  from: string;
  to: string;
  depart?: string | undefined;
  deadline?: string | undefined;
  cargo: string;
  quantity: string;
  avoidCountries?: string | undefined;
  avoidModes: string[];
  plannedYear?: string | undefined;
  scenario?: string | undefined;
  rank?: string | undefined;
}

const PREFIX = 'plan?';
const SCALARS = [
  'from',
  'to',
  'depart',
  'deadline',
  'cargo',
  'quantity',
  'avoidCountries',
  'plannedYear',
  'scenario',
  'rank',
] as const;

/**
 * The hash (without '#') of a plan.
 * @example planToHash({ from: 'cn-xian', to: 'de-duisburg', cargo: 'containers', quantity: '1', avoidModes: [] })
 *   // 'plan?from=cn-xian&to=de-duisburg&cargo=containers&quantity=1'
 */
export function planToHash(s: PlanState): string {
  const p = new URLSearchParams();
  for (const k of SCALARS) {
    const v = s[k];
    if (v !== undefined && v !== '') p.set(k, v);
  }
  for (const m of s.avoidModes) p.append('avoidMode', m);
  return PREFIX + p.toString();
}

/** The plan in a hash, or undefined when the hash holds none (or lacks an origin or destination). */
export function hashToPlan(hash: string): PlanState | undefined {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(PREFIX)) return undefined;
  const p = new URLSearchParams(h.slice(PREFIX.length));
  const get = (k: string) => p.get(k) ?? undefined;
  const from = get('from');
  const to = get('to');
  if (from === undefined || to === undefined) return undefined;
  return {
    from,
    to,
    depart: get('depart'),
    deadline: get('deadline'),
    cargo: get('cargo') ?? 'containers',
    quantity: get('quantity') ?? '1',
    avoidCountries: get('avoidCountries'),
    avoidModes: p.getAll('avoidMode'),
    plannedYear: get('plannedYear'),
    scenario: get('scenario'),
    rank: get('rank'),
  };
}
