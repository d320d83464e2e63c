/**
 * Names the corridor an itinerary follows, from the countries it crosses and its modes: Northern through Russia
 * or Belarus; Middle across the Caspian or through the South Caucasus; Southern through Iran; Sea when more
 * than half the distance is by sea and none of the land corridors applies; Mixed when several apply.
 */
export type CorridorLabel = 'Middle' | 'Northern' | 'Southern' | 'Sea' | 'Trans-Afghan' | 'Mixed' | 'Regional';

export interface LabelInput {
  countries: readonly string[];
  /** Distance by mode, km. */
  seaKm: number;
  totalKm: number;
  crossesCaspian: boolean;
}

export function corridorLabel(x: LabelInput): CorridorLabel {
  const c = new Set(x.countries);
  const found: CorridorLabel[] = [];
  if (c.has('RU') || c.has('BY')) found.push('Northern');
  if (x.crossesCaspian || c.has('AZ') || c.has('GE') || c.has('AM')) found.push('Middle');
  if (c.has('IR')) found.push('Southern');
  if (c.has('AF')) found.push('Trans-Afghan');
  if (found.length > 1) return 'Mixed';
  const [only] = found;
  if (only !== undefined) return only;
  if (x.totalKm > 0 && x.seaKm / x.totalKm > 0.5) return 'Sea';
  return 'Regional';
}
