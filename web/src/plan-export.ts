/**
 * Exports of the planner's answer: the compared itineraries as CSV (one row each, figures in plain numbers and
 * ISO dates, so a spreadsheet reads them), the selected itinerary as an ISO 14083 / iLEAP footprint (the server
 * re-derives it from the query and its key, POST /emissions/itinerary, so the file's total is the CO2e the table
 * shows), and a printable one-page summary (the browser's print, with the print style sheet hiding the form and
 * the map).
 */
import { exportItineraryEmissions, type Itinerary, type RouteQuery, type RouteResult } from './api.ts';

const HEAD = [
  'rank',
  'key',
  'corridor',
  'via',
  'depart',
  'planned_arrive',
  'p50_arrive',
  'p90_arrive',
  'on_time_probability',
  'cost_usd',
  'cost_complete',
  'co2e_kg',
  'distance_km',
  'transfers',
  'risk_probability',
];

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const at = (it: Itinerary, h: number | undefined) =>
  h === undefined ? '' : new Date(Date.parse(it.totals.depart) + h * 3_600_000).toISOString();

/** The CSV text of the itineraries in the order shown. */
export function itinerariesCsv(r: Pick<RouteResult, 'itineraries'>): string {
  const rows = r.itineraries.map((it, i) => [
    i + 1,
    it.key,
    it.corridor,
    it.keyNodes.slice(1, -1).join(' > '),
    it.totals.depart,
    it.totals.arrive,
    at(it, it.arrival?.p50),
    at(it, it.arrival?.p90),
    it.arrival?.onTimeProbability,
    Math.round(it.totals.costUsd),
    it.totals.costComplete,
    it.totals.co2eKg === null ? null : Math.round(it.totals.co2eKg),
    Math.round(it.totals.distanceKm),
    it.totals.transfers,
    it.totals.riskProbability,
  ]);
  return `${[HEAD, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads the iLEAP footprint of itinerary `it` of the search `q` as `keruen-ileap-<key>.json`; returns its key.
 * Throws the server's ApiError (409 itinerary_gone when the search no longer offers it) for the caller to show.
 */
export async function downloadIleap(q: RouteQuery, it: Pick<Itinerary, 'key'>): Promise<string> {
  const { timeline: _t, ...fields } = q;
  const footprint = await exportItineraryEmissions({ ...fields, itineraryKey: it.key });
  download(`keruen-ileap-${it.key}.json`, `${JSON.stringify(footprint, null, 2)}\n`, 'application/json');
  return it.key;
}
