/**
 * Node names in the page's language wherever the page shows an answer of the API (legs, "via" lists, captions):
 * the API names nodes in the dataset's language (English), the network's `names` hold Russian and French for the
 * corridors' places. Registered once from the network the page loads; a name not found is shown as given.
 */
import { type Place, placeName } from './place-search.ts';

const byId = new Map<string, Place>();
const byName = new Map<string, Place>();

export function registerPlaces(places: Iterable<Place>): void {
  for (const p of places) {
    byId.set(p.id, p);
    if (!byName.has(p.name)) byName.set(p.name, p);
  }
}

/** The local name of a node given by id or by its dataset name; `fallback` (else the input) when unknown. */
export function localName(idOrName: string, fallback?: string): string {
  const p = byId.get(idOrName) ?? byName.get(idOrName);
  return p === undefined ? (fallback ?? idOrName) : placeName(p);
}

/** A library scenario's name in the page's language, where the dataset gives one (`names` of the scenario). */
export function scenarioName(s: { name: string; names?: Partial<Record<string, string>> | null }): string {
  return placeName({ name: s.name, names: s.names ?? undefined });
}
