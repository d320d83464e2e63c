/**
 * The observed journeys of observations/journeys.yaml as route cases: for each, the origin and destination nodes
 * that stand for the published places, the constraints that keep the route on the observed corridor, and, where
 * a place is not in the network, the node used instead (`proxy`, said in docs/validation.md). A journey the
 * network cannot carry (no node within reach, or a mode it lacks) is kept in the data set with the reason it is
 * not predicted. Nothing here uses the observed times.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { CalibrationCase, PlaceInfo } from '../../src/core/calibration/index.ts';
import { classifySteps, placesOf } from '../../src/core/calibration/index.ts';

import type { Mode } from '../../src/core/network/schema.ts';
import type { Timeline } from '../../src/core/reliability/timeline.ts';
import type { CorridorLabel } from '../../src/core/routing/corridor-label.ts';
import type { Itinerary } from '../../src/core/routing/itinerary.ts';
import type { RoutingEngine } from '../../src/core/routing/plan.ts';

export interface JourneyRecord {
  id: string;
  from: string;
  to: string;
  corridor: string;
  direction: string;
  cargo: string;
  service: 'scheduled' | 'inaugural' | 'ad-hoc';
  date: string;
  observed: string;
  basis: string;
  sources: string[];
  quote: string;
  split: 'tuning' | 'held-out';
}

export interface JourneyCase {
  from: string;
  to: string;
  /** The router's corridor label to keep; the fastest itinerary of that label is used. */
  corridor: CorridorLabel;
  avoidCountries?: string[];
  avoidModes?: Mode[];
  /** 'sailing': the observation is the crossing alone, so only the sailing steps are compared, without waits. */
  scope?: 'sailing';
  /** Where a published place is not a node: which node stands for it. */
  proxy?: string;
}

export { placesOf };

export const JOURNEYS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'observations/journeys.yaml');

export function loadJourneys(): JourneyRecord[] {
  return parse(readFileSync(JOURNEYS_FILE, 'utf8')) as JourneyRecord[];
}

const MID: string[] = ['RU', 'BY', 'IR'];
const MID_BS: string[] = [...MID, 'TR'];
const m = (from: string, to: string, extra: Partial<JourneyCase> = {}): JourneyCase => ({
  from,
  to,
  corridor: 'Middle',
  avoidCountries: MID,
  ...extra,
});
const n = (from: string, to: string, extra: Partial<JourneyCase> = {}): JourneyCase => ({
  from,
  to,
  corridor: 'Northern',
  ...extra,
});
const r = (from: string, to: string, corridor: CorridorLabel, extra: Partial<JourneyCase> = {}): JourneyCase => ({
  from,
  to,
  corridor,
  ...extra,
});

/** Route case of each journey, or the reason it has none. */
export const JOURNEY_CASES: Record<string, JourneyCase | { skip: string }> = {
  J01: m('kz-altynkol', 'az-alat'),
  J02: m('kz-altynkol', 'ge-poti', { avoidModes: ['road'] }),
  J03: m('kz-altynkol', 'ro-constanta', { avoidCountries: MID_BS }),
  J04: m('cn-xian', 'az-alat'),
  J05: m('cn-xian', 'de-duisburg'),
  J06: m('cn-xian', 'de-duisburg', { avoidCountries: [...MID_BS, 'EG'] }),
  J07: m('cn-xian', 'de-duisburg', { proxy: 'China: Xi’an; Europe: Duisburg' }),
  J08: m('cn-xian', 'de-duisburg', { proxy: 'China: Xi’an; Europe: Duisburg' }),
  J09: n('cn-xian', 'de-duisburg'),
  J10: n('cn-xian', 'de-duisburg', { proxy: 'China: Xi’an; Germany: Duisburg' }),
  J11: n('cn-chongqing', 'de-duisburg'),
  J12: n('cn-chongqing', 'de-duisburg'),
  J13: n('cn-xian', 'pl-malaszewicze'),
  J14: r('cn-shanghai', 'nl-rotterdam', 'Sea'),
  J15: r('cn-shanghai', 'nl-rotterdam', 'Sea'),
  J16: r('cn-shanghai', 'nl-rotterdam', 'Sea', { avoidCountries: ['EG'] }),
  J17: r('cn-yiwu', 'ir-tehran', 'Southern'),
  J18: m('cn-xian', 'ro-constanta', { avoidCountries: MID_BS, proxy: 'China: Xi’an' }),
  J19: n('cn-xian', 'pl-malaszewicze', { proxy: 'China: Xi’an; Poland: Małaszewicze' }),
  J20: n('cn-khorgos', 'pl-malaszewicze', { proxy: 'Europe: Małaszewicze' }),
  J21: m('cn-urumqi', 'ge-tbilisi', { proxy: 'Xinjiang: Urumqi; Georgia: Tbilisi' }),
  J22: m('cn-lianyungang', 'ge-tbilisi'),
  J23: m('kz-astana', 'tr-mersin', { proxy: 'Kokshetau: Astana (about 300 km)' }),
  J24: m('az-alat', 'tr-kars', { avoidModes: ['road'] }),
  J25: m('az-alat', 'tr-mersin', { avoidModes: ['road'] }),
  J26: m('cn-xian', 'az-alat'),
  J27: m('cn-xian', 'az-alat', { proxy: 'Beijing: Xi’an (about 1,100 km nearer)' }),
  J28: m('cn-lianyungang', 'hu-budapest', {
    proxy: 'Jiaozhou: Lianyungang (about 300 km); Koper: Budapest (about 500 km)',
  }),
  J29: m('cn-lianyungang', 'hu-budapest', {
    avoidCountries: [...MID_BS, 'EG'],
    proxy: 'Qingdao: Lianyungang (about 300 km); Koper: Budapest (about 500 km)',
  }),
  J30: r('kz-bolashak', 'kz-altynkol', 'Regional', { proxy: 'the Kazakh section: Bolashak to Altynkol' }),
  J31: m('ge-poti', 'az-baku', { avoidModes: ['road'] }),
  J32: { skip: 'Azerbaijan–Russia rail crossing (Yalama) is not in the network' },
  J33: r('kz-astana', 'ir-tehran', 'Southern', { proxy: 'Pavlodar: Astana (about 450 km)' }),
  J34: r('cn-chongqing', 'kz-altynkol', 'Regional', { proxy: 'Changsha: Chongqing (about 900 km)' }),
  J35: r('kz-altynkol', 'tm-serhetyaka', 'Regional'),
  J36: r('ir-bandar-abbas', 'uz-tashkent', 'Southern'),
  J37: r('cn-lianyungang', 'af-hairatan', 'Trans-Afghan', { proxy: 'Nantong: Lianyungang (about 400 km)' }),
  J38: r('cn-yiwu', 'af-mazar-i-sharif', 'Trans-Afghan'),
  J39: r('af-hairatan', 'cn-yiwu', 'Trans-Afghan', { proxy: 'Jiangxi: Yiwu (about 500 km)' }),
  J40: r('uz-tashkent', 'af-hairatan', 'Trans-Afghan'),
  J41: { skip: 'Karachi is not in the network' },
  J42: { skip: 'Karachi is not in the network' },
  J43: { skip: 'Karachi and Pavlodar are not in the network' },
  J44: { skip: 'London and the Channel Tunnel are not in the network' },
  J45: n('it-milan', 'cn-chongqing', { proxy: 'Mortara: Milan; Chengdu: Chongqing (about 300 km)' }),
  J46: { skip: 'neither Wuhan nor Lyon is in the network' },
  J47: n('cn-xian', 'de-hamburg'),
  J48: n('cn-chongqing', 'it-milan', { proxy: 'Chengdu: Chongqing (about 300 km)' }),
  J49: n('cn-chongqing', 'it-milan', { proxy: 'Chengdu: Chongqing; Melzo: Milan' }),
  J50: n('cn-lianyungang', 'de-hamburg', { proxy: 'Xuzhou: Lianyungang (about 200 km)' }),
  J51: n('cn-xian', 'hu-budapest', { proxy: 'Shijiazhuang: Xi’an (about 900 km)' }),
  J52: n('cn-xian', 'de-duisburg', { proxy: 'Europe: Duisburg' }),
  J53: r('cn-chongqing', 'kz-almaty', 'Regional', { proxy: 'Chengdu: Chongqing (about 300 km)' }),
  J54: { skip: 'the Baltic sea leg (St Petersburg–Mukran) is not in the network' },
  J55: { skip: 'Bishkek (Alamedin) is not in the network' },
  J56: r('kz-kuryk', 'az-alat', 'Middle', { scope: 'sailing' }),
  J57: r('kz-aktau', 'az-alat', 'Middle', { scope: 'sailing' }),
  J58: { skip: 'anecdotal 2009 truck crossing; the figure mixes sailing, anchorage and truck clearance' },
  J59: { skip: 'Yantian and Algeciras are not in the network' },
  J60: r('cn-ningbo', 'nl-rotterdam', 'Sea', { proxy: 'Xiamen: Ningbo (about 800 km by sea)' }),
  J61: r('kz-altynkol', 'kz-kuryk', 'Regional', { proxy: 'the Kazakh section: Altynkol to Kuryk' }),
  J62: m('cn-xian', 'ge-tbilisi', { proxy: 'Azerbaijan/Georgia/Türkiye: Tbilisi' }),
  J63: r('tr-kars', 'tr-mersin', 'Regional'),
  J64: m('cn-xian', 'az-alat'),
  J65: m('cn-xian', 'az-alat'),
  J66: m('cn-xian', 'hu-budapest'),
  J67: m('cn-xian', 'ge-tbilisi', { proxy: 'Georgia: Tbilisi' }),
  J68: m('cn-xian', 'az-alat', { proxy: 'China: Xi’an' }),
  J69: n('cn-urumqi', 'de-duisburg'),
  J70: n('de-duisburg', 'cn-xian'),
  J71: n('cn-chongqing', 'de-duisburg'),
  J72: m('tr-istanbul-halkali', 'cn-xian'),
  J73: m('cn-chongqing', 'tr-istanbul-halkali'),
  J74: m('cn-chongqing', 'tr-kars', { proxy: 'Chengdu: Chongqing (about 300 km)' }),
  J75: m('cn-xian', 'cz-prague'),
  J76: m('cn-xian', 'tr-ankara', { proxy: 'Turkey: Ankara, where the first train was received' }),
  J77: r('cn-xian', 'ir-tehran', 'Southern', { proxy: 'China: Xi’an; Iran: Tehran' }),
  J78: r('cn-shanghai', 'nl-rotterdam', 'Sea'),
  J79: r('nl-rotterdam', 'cn-qingdao', 'Sea'),
  J80: r('ge-poti', 'ro-constanta', 'Middle', { scope: 'sailing', proxy: 'Batumi: Poti (the feeder of the network)' }),
  J81: r('cn-xian', 'ir-incheh-boroun', 'Southern'),
};

/** Observed time in hours: "11 d", "12–15 d" (the middle) or "34 h". */
export function observedHours(s: string): number {
  const mt = /^(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*([dh])$/.exec(s.trim());
  if (mt === null) throw new Error(`observed "${s}": expected "N d", "N–M d" or "N h"`);
  const lo = Number(mt[1]);
  const hi = mt[2] === undefined ? lo : Number(mt[2]);
  return ((lo + hi) / 2) * (mt[3] === 'd' ? 24 : 1);
}

/** Departure: the first of the journey's month at 08:00 UTC in 2025 (March when undated), for seasonal figures. */
export function departOf(j: JourneyRecord): string {
  const mm = /^\d{4}-(\d{2})/.exec(String(j.date))?.[1] ?? '03';
  return `2025-${mm}-01T08:00:00Z`;
}

export interface RoutedJourney {
  journey: JourneyRecord;
  jc: JourneyCase;
  itinerary: Itinerary;
  case: CalibrationCase;
}

/** Routes a journey's case; the itinerary of its corridor with the shortest deterministic duration. */
export function routeJourney(
  engine: RoutingEngine,
  places: ReadonlyMap<string, PlaceInfo>,
  j: JourneyRecord,
  jc: JourneyCase,
): RoutedJourney | string {
  const result = engine.route({
    from: jc.from,
    to: jc.to,
    depart: departOf(j),
    cargo: { kind: 'containers', teu: 1 },
    avoidCountries: jc.avoidCountries,
    avoidModes: jc.avoidModes,
  });
  const its = result.itineraries.filter((it) => it.corridor === jc.corridor);
  its.sort((a, b) => a.totals.durationH - b.totals.durationH);
  const it = its[0];
  if (it === undefined) return `no ${jc.corridor} itinerary (${result.itineraries.map((x) => x.corridor).join(', ')})`;
  let timeline: Timeline = it.timeline;
  if (jc.scope === 'sailing')
    timeline = {
      departH: timeline.departH,
      steps: timeline.steps
        .filter((s) => s.kind === 'sailing')
        .map((s) => ({ kind: s.kind, label: s.label, duration: s.duration })),
    };
  const c: CalibrationCase = {
    id: j.id,
    timeline,
    classes: classifySteps(timeline.steps, places),
    observedH: observedHours(j.observed),
    inaugural: j.service === 'inaugural',
  };
  return { journey: j, jc, itinerary: it, case: c };
}
