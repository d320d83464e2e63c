/**
 * Facility types of the transit-time calibration: each timeline step that a pooled parameter may rescale is
 * assigned one type from what the step is (a dwell, a border post, a run) and where its place lies. Pooling by
 * type, not by place, keeps the parameters few enough for some sixty observed journeys, and lets a fitted type
 * apply to places no journey went through.
 */
import type { TimelineStep } from '../reliability/timeline.ts';

export const FACILITY_CLASSES = [
  'caspian-port',
  'black-sea-port',
  'sea-port',
  'cn-kz-border',
  'eu-entry-border',
  'other-border',
  'gauge-change',
  'rail-cn',
  'rail-cis',
  'rail-caucasus-tr',
  'rail-eu',
  'rail-south',
  'sea-leg',
  'journey',
  'journey-sea',
  'inaugural',
] as const;
export type FacilityClass = (typeof FACILITY_CLASSES)[number];

/**
 * 'journey' is no step: it is the pace common to all steps of one journey (priority paths, congestion, weather),
 * a lognormal factor on the whole transit time with median 1 (calibrated-timeline.ts applyJourneyFactor).
 * Steps drawn independently miss this common part, so long routes would get too narrow a band without it.
 * 'journey-sea' is the same for a journey by sea alone, where liner schedule reliability sets the pace.
 */

/**
 * 'inaugural' is no step either: a factor on the medians of the port, border and gauge-change steps of a first
 * or showcase train, which runs on priority paths with pre-cleared customs and a booked ferry slot.
 */
export const WAIT_CLASSES: ReadonlySet<FacilityClass> = new Set([
  'caspian-port',
  'black-sea-port',
  'sea-port',
  'cn-kz-border',
  'eu-entry-border',
  'other-border',
  'gauge-change',
]);

/** What the classifier needs to know of a place named in a step label. */
export interface PlaceInfo {
  country: string;
  kind: string;
  lat: number;
  lon: number;
}

const EU = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '));

// Basins by bounding box (degrees): every sea port of the dataset in these boxes is on that sea.
const inBox = (p: PlaceInfo, lat0: number, lat1: number, lon0: number, lon1: number) =>
  p.lat >= lat0 && p.lat <= lat1 && p.lon >= lon0 && p.lon <= lon1;
export const onCaspian = (p: PlaceInfo) => inBox(p, 36.5, 47.5, 46.5, 55.5);
export const onBlackSea = (p: PlaceInfo) => inBox(p, 40.5, 47.5, 27.3, 42);

/** Splits "A - B" into two known place names (a name may itself contain " - "). */
function endpoints(text: string, places: ReadonlyMap<string, PlaceInfo>): [PlaceInfo, PlaceInfo] | undefined {
  const parts = text.split(' - ');
  for (let i = 1; i < parts.length; i++) {
    const a = places.get(parts.slice(0, i).join(' - '));
    const b = places.get(parts.slice(i).join(' - '));
    if (a && b) return [a, b];
  }
  return undefined;
}

/** The places a move step (travel or sailing) goes between, and its mode for travel. */
function moveOf(s: TimelineStep, places: ReadonlyMap<string, PlaceInfo>) {
  if (s.kind === 'sailing') {
    const ends = endpoints(s.label.slice(s.label.lastIndexOf(': ') + 2), places);
    return ends && { ends, mode: 'sailing' };
  }
  if (s.kind !== 'travel') return undefined;
  const m = /^(.*) \(([a-z_]+)\)$/.exec(s.label);
  const ends = m?.[1] !== undefined ? endpoints(m[1], places) : undefined;
  return ends && { ends, mode: m?.[2] ?? '' };
}

function dwellClass(p: PlaceInfo | undefined): FacilityClass | undefined {
  if (p === undefined || p.kind !== 'sea_port') return undefined;
  if (onCaspian(p)) return 'caspian-port';
  if (onBlackSea(p)) return 'black-sea-port';
  return 'sea-port';
}

// Rail runs pooled by network: the Chinese main lines, the 1520 mm lines of Kazakhstan, Russia, Belarus and
// Central Asia, the Azerbaijan–Georgia–Türkiye lines of the Middle Corridor, the EU, and Iran–Afghanistan–Pakistan.
// A cross-border link counts with the country it enters, except that a link into China counts with the other side.
const CIS = new Set(['KZ', 'RU', 'BY', 'UZ', 'TM', 'KG', 'TJ', 'UA', 'MD']);
const CAUCASUS_TR = new Set(['AZ', 'GE', 'AM', 'TR']);
function railClass(a: PlaceInfo, b: PlaceInfo): FacilityClass {
  const c = a.country === 'CN' && b.country === 'CN' ? 'CN' : b.country === 'CN' ? a.country : b.country;
  if (c === 'CN') return 'rail-cn';
  if (CIS.has(c)) return 'rail-cis';
  if (CAUCASUS_TR.has(c)) return 'rail-caucasus-tr';
  if (EU.has(c)) return 'rail-eu';
  return 'rail-south';
}

function borderClass(from: PlaceInfo, to: PlaceInfo): FacilityClass {
  const pair = [from.country, to.country].sort().join('-');
  if (pair === 'CN-KZ') return 'cn-kz-border';
  if (EU.has(to.country) && !EU.has(from.country)) return 'eu-entry-border';
  return 'other-border';
}

/**
 * The facility type of each step, or undefined where no pooled parameter applies (inland terminal dwells, road
 * runs, the booked slot and run of a scheduled block train, and ferry or feeder sailings within the Caspian or
 * the Black Sea: their timetables are the data. A pooled ferry type was tried and left out: the Black Sea feeder's
 * planned five days and the Caspian sailings' 18–22 hours pull it apart. Labels are those the router writes (routing/itinerary.ts).
 */
export function classifySteps(
  steps: readonly TimelineStep[],
  places: ReadonlyMap<string, PlaceInfo>,
): (FacilityClass | undefined)[] {
  const moves = steps.map((s) => moveOf(s, places));
  return steps.map((s, i) => {
    if (s.kind === 'gauge_change') return 'gauge-change';
    if (s.kind === 'dwell') return dwellClass(places.get(s.label.replace(/ handling$/, '')));
    if (s.kind === 'border') {
      const move = s.label.endsWith(' outbound') ? moves[i + 1] : moves[i - 1];
      return move ? borderClass(move.ends[0], move.ends[1]) : 'other-border';
    }
    const move = moves[i];
    if (move === undefined) return undefined;
    if (move.mode === 'rail') return railClass(move.ends[0], move.ends[1]);
    if (move.mode === 'sea') return 'sea-leg';
    const ferry = move.ends.every(onCaspian) || move.ends.every(onBlackSea);
    return move.mode === 'sailing' && !ferry ? 'sea-leg' : undefined;
  });
}

/** The journey-factor type of a journey: 'journey-sea' when it has sea legs and no rail run, else 'journey'. */
export function journeyClassOf(classes: readonly (FacilityClass | undefined)[]): 'journey' | 'journey-sea' {
  const sea = classes.includes('sea-leg');
  const rail = classes.some((c) => c?.startsWith('rail-'));
  return sea && !rail ? 'journey-sea' : 'journey';
}
