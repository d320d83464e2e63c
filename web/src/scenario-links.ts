/**
 * What the scenario views draw on the map, computed from the answers alone: the links a scenario touches, and each
 * link's utilisation in a flows run or its change between the two runs. No DOM, no map calls.
 */
import type { FlowsResult, NetworkFeature, ScenarioRecord } from './api.ts';

/** A change of utilisation of this many points (0.5 = 50 points) or more is drawn at full colour. */
export const CHANGE_FULL = 0.5;

/** The record a change names: its id, or the id of the link or node it adds (an added service names neither). */
function changedId(c: ScenarioRecord['scenario']['changes'][number]): string | undefined {
  if ('id' in c) return c.id;
  if ('link' in c) return c.link.id;
  if ('node' in c) return c.node.id;
  return undefined;
}

/** Link ids a scenario touches: links it names, and the links at nodes or in countries it names. */
export function touchedLinks(
  sc: ScenarioRecord['scenario'],
  map: { records: ReadonlyMap<string, NetworkFeature> },
): Set<string> {
  const out = new Set<string>();
  const linksAt = (pred: (from: string, to: string) => boolean) => {
    for (const [id, f] of map.records)
      if (f.properties.recordType === 'link' && pred(String(f.properties.from), String(f.properties.to))) out.add(id);
  };
  const country = (nodeId: string) => String(map.records.get(nodeId)?.properties.country ?? '');
  for (const c of sc.changes) {
    const id = changedId(c);
    if (id === undefined) continue;
    const rec = map.records.get(id);
    if ('target' in c && c.target === 'country') linksAt((a, b) => country(a) === id || country(b) === id);
    else if (rec?.properties.recordType === 'link') out.add(id);
    else if (rec?.properties.recordType === 'node') linksAt((a, b) => a === id || b === id);
  }
  return out;
}

/** Highest utilisation of each link over its two directions, in the base or the other run. */
export function linkUtilisation(r: Pick<FlowsResult, 'utilisation'>, run: 'base' | 'other'): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of r.utilisation.links) {
    const x = l[run];
    if (x === null) continue;
    out.set(l.id, Math.max(out.get(l.id) ?? 0, x.utilisation));
  }
  return out;
}

/** Change of each link's utilisation (other minus base; a link absent from a run counts as unused), scaled to -1..1. */
export function linkChange(r: Pick<FlowsResult, 'utilisation'>): Map<string, number> {
  const a = linkUtilisation(r, 'base');
  const b = linkUtilisation(r, 'other');
  const out = new Map<string, number>();
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(id) ?? 0) - (a.get(id) ?? 0);
    if (Math.abs(d) >= 0.005) out.set(id, Math.max(-1, Math.min(1, d / CHANGE_FULL)));
  }
  return out;
}

/**
 * Map values of the links two scenarios change: -1 only the first, 1 only the second, 0 both.
 * @example changedLinkValues(new Set(['a', 'b']), new Set(['b', 'c'])) // Map { a: -1, b: 0, c: 1 }
 */
export function changedLinkValues(la: ReadonlySet<string>, lb: ReadonlySet<string>): Map<string, number> {
  const values = new Map<string, number>();
  for (const id of la) values.set(id, lb.has(id) ? 0 : -1);
  for (const id of lb) if (!la.has(id)) values.set(id, 1);
  return values;
}
