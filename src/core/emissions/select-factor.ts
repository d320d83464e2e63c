/**
 * Chooses the transport operation category (TOC) for a leg and resolves it to WTT / TTW / WTW intensities.
 *
 * Rules (docs/methodology.md explains each and its source):
 * - Rail: diesel → GLEC v3.0 EU diesel (Table 4, p.88); electric → kWh per tkm (GLEC p.113) × the grid factor of
 *   the leg's country (Ember; EU average 349 g/kWh from GLEC p.77/p.133 when the country has none); traction
 *   unknown → the country's electrified share blends the two (GLEC's "traction unknown" logic, p.88).
 * - Road: articulated truck ≤40 t (GLEC Table 8, p.92), +22 % in Asia (p.94).
 * - Sea containers: per TEU-km by trade lane (GLEC Table 16, p.99; the +15 % distance factor is inside).
 * - Caspian / Black Sea rail and truck ferries: Ro-Ro 5,000–9,999 dwt per gross tkm (GLEC Table 15, p.98); the
 *   Ro-Pax class is available by factorId for sensitivity runs (methodology, "Ro-Ro or Ro-Pax").
 * - Caspian container feeders: general cargo 0–4,999 dwt (GLEC Table 13, p.96).
 * - Primary data first: a carrier's own intensity on the leg (primary-data.ts) replaces all of the above
 *   (ISO 14083; GLEC v3.0: measured data rank above defaults) and is reported as `dataType: 'primary'`.
 * Every departure from a direct match is written to `fallbacks`, so a result never hides a proxy.
 */
import { KeruenError } from '../errors.ts';
import { must } from '../must.ts';
import type { Toc } from './factor-schema.ts';
import type { EmissionFactors } from './load-factors.ts';
import { type DataType, type FuelUse, type LegPrimary, slug } from './primary-data.ts';

export type LegMode = 'rail' | 'road' | 'ferry' | 'sea' | 'inland_waterway';
export type Vessel =
  | 'rail_ferry'
  | 'ro_pax'
  | 'ro_ro'
  | 'container_feeder'
  | 'container_ship'
  | 'block_train'
  | 'general_cargo';

export type Cargo =
  | { kind: 'containers'; teu: number; tonnesPerTeu?: number | undefined }
  | { kind: 'bulk' | 'liquid' | 'general'; tonnes: number };

export interface LegInput {
  mode: LegMode;
  /** Shortest feasible distance unless distanceBasis says otherwise. */
  distanceKm: number;
  /** ISO 3166 alpha-2 code of the leg's start. */
  country: string;
  electrified?: boolean | undefined;
  gauge?: number | undefined;
  vessel?: Vessel | undefined;
  /** Container trade lane, e.g. asia-north-europe (ids sea-container-<lane> in data/emissions/tocs-sea.yaml). */
  tradeLane?: string | undefined;
  cargo: Cargo;
  /** Road groupage (less than truckload): GLEC's ×1.05 distance adjustment applies. */
  groupage?: boolean | undefined;
  /** `actual` distances are not adjusted; `sfd` (default) sea distances get the sea DAF. */
  distanceBasis?: 'sfd' | 'actual' | undefined;
  /** Forces a TOC by id (sensitivity runs, operator-specific factors). */
  factorId?: string | undefined;
  /** Tare of the wagon or truck per TEU, for gross-tkm ferry factors, when known. */
  carrierTareTonnesPerTeu?: number | undefined;
  /** The carrier's own intensity for this leg: it takes precedence over every default factor. */
  primary?: LegPrimary | undefined;
  /** The fuel or electricity the carrier allocates to this shipment on this leg: it takes precedence over both. */
  fuelUse?: FuelUse | undefined;
}

/** A TOC resolved for one leg: intensities in grams per unit, with what was assumed. */
export interface ResolvedToc {
  id: string;
  mode: Toc['mode'];
  energyCarrier: Toc['energyCarrier'];
  unit: Toc['unit'];
  activityBasis: Toc['activityBasis'];
  dafIncluded: boolean;
  wttG: number;
  ttwG: number;
  wtwG: number;
  loadFactor?: number | undefined;
  emptyRunning?: number | undefined;
  category: string;
  source: string;
  version: string;
  page: string;
  /** Grid factor used for electric traction, g CO2e/kWh delivered. */
  gridGPerKwh?: number | undefined;
  fallbacks: string[];
  /** `primary` when the carrier's own figure was used, `default` for a framework factor. */
  dataType: DataType;
}

/** EU member states: GLEC's EU rail and road defaults apply to them without a regional fallback note. */
export const EU_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

const RAIL_DIESEL = { container: 'rail-eu-diesel-container', average: 'rail-eu-diesel-average' } as const;
const RAIL_ELECTRIC = 'rail-electric-energy';
const ROAD = 'road-artic-40t-diesel-eu';
const SEA_CONTAINER_DEFAULT_LANE = 'industry-average';
const FERRY_VEHICLES = 'roro-5000-9999dwt-hfo';
const FERRY_FEEDER = 'general-cargo-0-4999dwt-hfo';
const SEA_GENERAL = 'general-cargo-20000dwt-hfo';
const SEA_BULK = 'bulk-10000-34999dwt-hfo';

/** Returns the TOC with this id or throws KERUEN_UNKNOWN_ID. */
export function getToc(f: EmissionFactors, id: string): Toc {
  const t = f.tocs.get(id);
  if (t === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_ID', `unknown emission factor ${JSON.stringify(id)}`, [
      { code: 'unknown_factor', field: 'factorId', value: id, message: 'no TOC with this id in data/emissions' },
    ]);
  return t;
}

/** Chooses and resolves the TOC for a leg. Pure; allocates one small object and the fallback list. */
export function selectToc(f: EmissionFactors, leg: LegInput): ResolvedToc {
  const fallbacks: string[] = [];
  if (leg.primary !== undefined) return primaryToc(leg.primary, leg.mode, fallbacks);
  if (leg.factorId !== undefined) return resolve(f, getToc(f, leg.factorId), leg.country, fallbacks);
  const containers = leg.cargo.kind === 'containers';
  switch (leg.mode) {
    case 'rail':
      return selectRail(f, leg, containers, fallbacks);
    case 'road': {
      const r = resolve(f, getToc(f, ROAD), leg.country, fallbacks);
      const uplift = f.conventions.road_uplift_asia;
      if (uplift.countries?.includes(leg.country)) {
        scale(r, uplift.value);
        r.id = `${r.id}@asia-uplift`;
        r.source = joinSources(r.source, uplift.source);
        fallbacks.push(`road in ${leg.country}: EU truck factor ×${uplift.value} (GLEC uplift for Asia)`);
      } else if (!EU_COUNTRIES.has(leg.country)) {
        fallbacks.push(`road in ${leg.country}: no regional truck factor; GLEC EU articulated truck used`);
      }
      return r;
    }
    case 'sea': {
      if (leg.vessel === 'general_cargo' || (!containers && leg.cargo.kind === 'general'))
        return resolve(f, getToc(f, SEA_GENERAL), leg.country, fallbacks);
      if (leg.vessel === 'ro_ro' || leg.vessel === 'ro_pax' || leg.vessel === 'rail_ferry')
        return resolve(f, getToc(f, FERRY_VEHICLES), leg.country, fallbacks);
      if (!containers && leg.vessel !== 'container_ship' && leg.vessel !== 'container_feeder') {
        if (leg.cargo.kind === 'liquid')
          fallbacks.push('sea liquid bulk: no tanker factor in the dataset; bulk carrier 10,000-34,999 dwt used');
        else fallbacks.push('sea bulk: vessel size unknown; bulk carrier 10,000-34,999 dwt used');
        return resolve(f, getToc(f, SEA_BULK), leg.country, fallbacks);
      }
      if (leg.vessel === 'container_feeder') return resolve(f, getToc(f, FERRY_FEEDER), leg.country, fallbacks);
      const lane = leg.tradeLane ?? SEA_CONTAINER_DEFAULT_LANE;
      const toc = f.tocs.get(`sea-container-${lane}`);
      if (toc === undefined) {
        fallbacks.push(
          `sea containers: ${leg.tradeLane === undefined ? 'no trade lane given' : `no factor for trade lane ${lane}`}; GLEC industry average used`,
        );
        return resolve(f, getToc(f, `sea-container-${SEA_CONTAINER_DEFAULT_LANE}`), leg.country, fallbacks);
      }
      return resolve(f, toc, leg.country, fallbacks);
    }
    case 'ferry': {
      const feeder = leg.vessel === 'container_feeder' || leg.vessel === 'container_ship';
      if (feeder || (leg.vessel === undefined && containers)) {
        fallbacks.push('container feeder: dwt not published; general cargo 0-4,999 dwt used (methodology)');
        return resolve(f, getToc(f, FERRY_FEEDER), leg.country, fallbacks);
      }
      if (leg.vessel === 'general_cargo') return resolve(f, getToc(f, SEA_GENERAL), leg.country, fallbacks);
      if (leg.vessel === 'ro_pax')
        fallbacks.push('Ro-Pax ferry treated as cargo Ro-Ro 5,000-9,999 dwt (methodology, "Ro-Ro or Ro-Pax")');
      return resolve(f, getToc(f, FERRY_VEHICLES), leg.country, fallbacks);
    }
    case 'inland_waterway':
      fallbacks.push('inland waterway: GLEC Table 2 not in the dataset; general cargo 0-4,999 dwt used as a proxy');
      return resolve(f, getToc(f, FERRY_FEEDER), leg.country, fallbacks);
  }
}

function selectRail(f: EmissionFactors, leg: LegInput, containers: boolean, fallbacks: string[]): ResolvedToc {
  const dieselId = containers ? RAIL_DIESEL.container : RAIL_DIESEL.average;
  const regional = EU_COUNTRIES.has(leg.country);
  const diesel = (): ResolvedToc => {
    const r = resolve(f, getToc(f, dieselId), leg.country, fallbacks);
    if (!regional) fallbacks.push(`rail diesel in ${leg.country}: no regional factor; GLEC EU diesel used`);
    return r;
  };
  if (leg.electrified === false) return diesel();
  if (leg.electrified === true) return resolve(f, getToc(f, RAIL_ELECTRIC), leg.country, fallbacks);
  const traction = f.traction.get(leg.country) ?? (regional ? f.traction.get('EU') : undefined);
  if (traction === undefined) {
    fallbacks.push(`rail traction unknown in ${leg.country} and no electrified share found: diesel assumed`);
    return diesel();
  }
  const s = traction.electricShare;
  const e = resolve(f, getToc(f, RAIL_ELECTRIC), leg.country, fallbacks);
  const d = diesel();
  fallbacks.push(
    `rail traction unknown: ${(s * 100).toFixed(1)}% electric (${traction.country} ${traction.basis.replace('_', ' ')}, ${traction.id})`,
  );
  return {
    ...d,
    id: `${d.id}+${e.id}`,
    energyCarrier: s >= 0.5 ? 'electric' : 'diesel',
    category: `Rail, mixed traction (${(s * 100).toFixed(1)}% electric)`,
    wttG: s * e.wttG + (1 - s) * d.wttG,
    ttwG: s * e.ttwG + (1 - s) * d.ttwG,
    wtwG: s * e.wtwG + (1 - s) * d.wtwG,
    gridGPerKwh: e.gridGPerKwh,
    source: joinSources(joinSources(d.source, e.source), traction.source),
    page: `${d.page}; ${e.page}`,
    fallbacks,
  };
}

function resolve(f: EmissionFactors, t: Toc, country: string, fallbacks: string[]): ResolvedToc {
  const base = {
    id: t.id,
    mode: t.mode,
    energyCarrier: t.energyCarrier,
    unit: t.unit,
    activityBasis: t.activityBasis,
    dafIncluded: t.dafIncluded,
    loadFactor: t.loadFactor,
    emptyRunning: t.emptyRunning,
    category: t.category,
    source: joinSources('', t.source),
    version: t.version,
    page: t.page ?? '',
    fallbacks,
    dataType: 'default' as const,
  };
  // Tables print each column rounded to 0.1 g, so WTT + TTW can miss WTW by 0.1: keep the headline WTW and TTW
  // and take WTT as the difference, which keeps WTW = WTT + TTW exact.
  if (t.kWhPerTkm === undefined) {
    // the factor schema asks a TOC without kWhPerTkm for all three fixed intensities
    const wtwG = must(t.wtwG, 'wtwG of a TOC without kWhPerTkm');
    const ttwG = must(t.ttwG, 'ttwG of a TOC without kWhPerTkm');
    return { ...base, wttG: wtwG - ttwG, ttwG, wtwG };
  }
  // Electric traction: no tailpipe emissions (GLEC p.45), so TTW = 0 and the grid factor is all WTT.
  let grid = f.grid.get(country);
  if (grid === undefined) {
    grid = must(f.grid.get('EU'), 'EU grid intensity');
    fallbacks.push(`no grid intensity for ${country}: used ${grid.id} (${grid.gCo2ePerKwh} g/kWh)`);
  }
  let g = grid.gCo2ePerKwh;
  if (!grid.includesLosses) {
    if (grid.tdLossShare !== undefined) g /= 1 - grid.tdLossShare.value;
    else fallbacks.push(`grid factor ${grid.id} excludes T&D losses and no loss rate was found: not corrected`);
  }
  const wtw = t.kWhPerTkm * g;
  return {
    ...base,
    // The intensity depends on the grid, so the resolved id names it (iLEAP needs one tocId per intensity).
    id: `${t.id}@grid-${grid.country.toLowerCase()}`,
    wttG: wtw,
    ttwG: 0,
    wtwG: wtw,
    gridGPerKwh: g,
    source: joinSources(joinSources(base.source, grid.source), grid.tdLossShare?.source),
    page: `${base.page}; grid ${grid.id} (${grid.version})`,
  };
}

function scale(r: ResolvedToc, k: number): void {
  r.wttG *= k;
  r.ttwG *= k;
  r.wtwG *= k;
}

function joinSources(a: string, b: string | string[] | undefined): string {
  const out = a === '' ? [] : a.split(',');
  for (const s of b === undefined ? [] : Array.isArray(b) ? b : [b]) if (!out.includes(s)) out.push(s);
  return out.join(',');
}

/**
 * A leg's primary intensity as a resolved TOC. Without a TTW figure the carrier gives no split: the whole WTW
 * is booked as TTW (WTT 0), so that WTW stays exact, and a note says so.
 */
export function primaryToc(p: LegPrimary, mode: ResolvedToc['mode'], fallbacks: string[]): ResolvedToc {
  const ttwG = p.ttwG ?? p.wtwG;
  if (p.ttwG === undefined) fallbacks.push('primary intensity without a WTT/TTW split: all of it booked as TTW');
  const who = p.carrier ?? 'carrier';
  return {
    id: `primary-${slug(who)}`,
    mode,
    energyCarrier: p.energyCarrier ?? (mode === 'rail' || mode === 'road' ? 'diesel' : 'hfo'),
    unit: p.unit,
    activityBasis: p.activityBasis,
    dafIncluded: p.dafIncluded,
    wttG: p.wtwG - ttwG,
    ttwG,
    wtwG: p.wtwG,
    category: `Primary data: ${who}${p.year === undefined ? '' : ` (${p.year})`}`,
    source: p.source,
    version: 'primary data',
    page: '',
    fallbacks,
    dataType: 'primary',
  };
}
