/**
 * Emissions of one transport chain element (TCE): a leg with one vehicle, or a hub (ISO 14083:2023; GLEC
 * Framework v3.0 p.22). Emissions = transport activity × intensity × distance adjustment factor (DAF).
 *
 * - Activity on a leg is tonne-km of the actual cargo mass, excluding the carrier's container (GLEC p.21);
 *   TEU-km where the factor is per TEU-km (container ships, GLEC Table 16). When only containers are known the
 *   mass is 10 t per TEU (6 light, 14.5 heavy; iLEAP specs/index.bs).
 * - Ro-Ro and ferry factors are per gross tonne-km (truck or wagon plus cargo, GLEC p.95): the gross mass
 *   carried for this cargo is charged to it, i.e. cargo + container tare (+ vehicle tare when known).
 * - DAF: sea ×1.15 on shortest feasible distance unless the factor already includes it (GLEC p.51, p.98-99);
 *   road groupage ×1.05 (GLEC p.143, Annex 3 p.147).
 * - Hubs: kg CO2e per TEU or per tonne handled (GLEC Table 3, p.87).
 * WTT and TTW are kept apart; WTW = WTT + TTW by construction. Linear in cargo quantity, which the router relies
 * on (it evaluates each link once for 1 TEU and 1 tonne).
 */
import { KeruenError } from '../errors.ts';
import type { Hoc, HubOperation } from './factor-schema.ts';
import type { EmissionFactors } from './load-factors.ts';
import { type DataType, type FuelUse, fuelUseEmissions, type HubPrimary, slug } from './primary-data.ts';
import { type Cargo, type LegInput, type ResolvedToc, selectToc } from './select-factor.ts';

export type ActivityUnit = 'tkm' | 'TEUkm' | 'tonnes' | 'TEU';

/** The result for one element. kg CO2e. wttKg/ttwKg are null when the factor gives WTW only (hub Table 3). */
export interface ElementEmissions {
  wttKg: number | null;
  ttwKg: number | null;
  wtwKg: number;
  /** Unadjusted activity the factor is multiplied by (gross tkm for Ro-Ro factors). */
  activity: { value: number; unit: ActivityUnit; basis: 'net' | 'gross' };
  /** Cargo mass charged, tonnes (net, without container tare). */
  massTonnes: number;
  distanceKm: number;
  distanceAdjustment: number;
  factor: {
    id: string;
    kind: 'toc' | 'hoc';
    category: string;
    source: string;
    version: string;
    page: string;
    /** WTW intensity in g CO2e per activity unit (legs) or kg per unit (hubs). */
    wtwIntensity: number;
    energyCarrier?: string | undefined;
    gridGPerKwh?: number | undefined;
    loadFactor?: number | undefined;
    emptyRunning?: number | undefined;
    /** `primary` when the carrier's or operator's own figure was used (ISO 14083 asks it reported). */
    dataType: DataType;
  };
  fallbacks: string[];
}

export interface HubInput {
  operation: HubOperation;
  cargo: Cargo;
  /** Forces a HOC by id. */
  factorId?: string | undefined;
  /** The operator's own intensity for this hub: it takes precedence over the HOC. */
  primary?: HubPrimary | undefined;
}

/** Cargo mass in tonnes (10 t per TEU unless the cargo says otherwise). */
export function cargoTonnes(f: EmissionFactors, cargo: Cargo): number {
  return cargo.kind === 'containers'
    ? cargo.teu * (cargo.tonnesPerTeu ?? f.conventions.tonnes_per_teu_average.value)
    : cargo.tonnes;
}

/**
 * Emissions of a leg. Pure and worker-safe; throws KERUEN_INVALID_INPUT on a negative or non-finite quantity
 * and KERUEN_UNKNOWN_ID on an unknown factorId.
 *
 * @example
 * legEmissions(factors, { mode: 'rail', distanceKm: 1000, country: 'KZ', electrified: false,
 *   cargo: { kind: 'containers', teu: 1 } }).wtwKg // 276: 10 t × 1000 km × 27.6 g/tkm
 */
export function legEmissions(f: EmissionFactors, leg: LegInput): ElementEmissions {
  checkQuantity('distanceKm', leg.distanceKm);
  checkCargo(leg.cargo);
  if (leg.carrierTareTonnesPerTeu !== undefined) checkQuantity('carrierTareTonnesPerTeu', leg.carrierTareTonnesPerTeu);
  if (leg.fuelUse !== undefined) return fuelLegEmissions(f, leg, leg.fuelUse);
  const toc = selectToc(f, leg);
  const fallbacks = toc.fallbacks;
  const mass = cargoTonnes(f, leg.cargo);
  let activity: number;
  let unit: ActivityUnit;
  if (toc.unit === 'g_per_teukm') {
    unit = 'TEUkm';
    let teu: number;
    if (leg.cargo.kind === 'containers') teu = leg.cargo.teu;
    else {
      teu = mass / f.conventions.tonnes_per_teu_average.value;
      fallbacks.push(`per-TEU factor on non-container cargo: ${f.conventions.tonnes_per_teu_average.value} t per TEU`);
    }
    activity = teu * leg.distanceKm;
  } else {
    unit = 'tkm';
    let tonnes = mass;
    if (toc.activityBasis === 'gross') {
      if (leg.cargo.kind === 'containers') {
        const tare = f.conventions.container_tare_tonnes_per_teu.value + (leg.carrierTareTonnesPerTeu ?? 0);
        tonnes += leg.cargo.teu * tare;
      }
      if (leg.carrierTareTonnesPerTeu === undefined)
        fallbacks.push(
          'gross-tkm factor: wagon or truck tare not known, so only cargo and container tare are charged (understates)',
        );
    }
    activity = tonnes * leg.distanceKm;
  }
  const daf = distanceAdjustment(f, leg, toc);
  const k = (activity * daf) / 1000;
  return {
    wttKg: toc.wttG * k,
    ttwKg: toc.ttwG * k,
    wtwKg: toc.wttG * k + toc.ttwG * k,
    activity: { value: activity, unit, basis: toc.activityBasis },
    massTonnes: mass,
    distanceKm: leg.distanceKm,
    distanceAdjustment: daf,
    factor: tocRef(toc),
    fallbacks,
  };
}

/** A leg from the carrier's fuel use (primary data): fuel × the energy carrier's WTW and TTW factors. */
function fuelLegEmissions(f: EmissionFactors, leg: LegInput, fuel: FuelUse): ElementEmissions {
  checkQuantity('fuelUse.quantity', fuel.quantity);
  const { wttKg, ttwKg, energyId } = fuelUseEmissions(f, fuel);
  const mass = cargoTonnes(f, leg.cargo);
  const tkm = mass * leg.distanceKm;
  const wtwKg = wttKg + ttwKg;
  return {
    wttKg,
    ttwKg,
    wtwKg,
    activity: { value: tkm, unit: 'tkm', basis: 'net' },
    massTonnes: mass,
    distanceKm: leg.distanceKm,
    distanceAdjustment: 1,
    factor: {
      id: `primary-fuel-${energyId}`,
      kind: 'toc',
      category: `Primary data: ${fuel.quantity} ${fuel.unit} ${fuel.energyCarrier}${fuel.carrier ? ` (${fuel.carrier})` : ''}`,
      source: fuel.source,
      version: 'primary data',
      page: '',
      wtwIntensity: tkm > 0 ? (wtwKg * 1000) / tkm : 0,
      energyCarrier: fuel.energyCarrier,
      dataType: 'primary',
    },
    fallbacks: [],
  };
}

/** The DAF for a leg: sea ×1.15 on SFD unless inside the factor; road groupage ×1.05; otherwise 1. */
export function distanceAdjustment(f: EmissionFactors, leg: LegInput, toc: ResolvedToc): number {
  if (toc.dafIncluded) return 1;
  if ((leg.mode === 'sea' || leg.mode === 'ferry') && leg.distanceBasis !== 'actual')
    return f.conventions.daf_sea.value;
  if (leg.mode === 'road' && leg.groupage === true) return f.conventions.daf_road_groupage.value;
  return 1;
}

const HOC_FOR: Record<HubOperation, string> = {
  container_terminal: 'hub-maritime-container-terminal',
  transshipment: 'hub-transshipment',
  // A gauge change moves each box by crane: the container terminal factor is the closer (and higher) proxy.
  gauge_change: 'hub-maritime-container-terminal',
  storage_transshipment: 'hub-storage-transshipment',
  liquid_bulk_terminal: 'hub-liquid-bulk-terminal',
  warehouse: 'hub-warehouse',
};

/**
 * Emissions of a hub. Pure and worker-safe.
 *
 * @example
 * hubEmissions(factors, { operation: 'container_terminal', cargo: { kind: 'containers', teu: 2 } }).wtwKg // 21.4
 */
export function hubEmissions(f: EmissionFactors, hub: HubInput): ElementEmissions {
  checkCargo(hub.cargo);
  const fallbacks: string[] = [];
  const hoc = hub.primary === undefined ? defaultHoc(f, hub, fallbacks) : primaryHoc(f, hub, hub.primary);
  const mass = cargoTonnes(f, hub.cargo);
  let activity: number;
  let unit: ActivityUnit;
  if (hoc.unit === 'kg_per_teu') {
    unit = 'TEU';
    if (hub.cargo.kind === 'containers') activity = hub.cargo.teu;
    else {
      activity = mass / f.conventions.tonnes_per_teu_average.value;
      fallbacks.push(
        `per-TEU hub factor on non-container cargo: ${f.conventions.tonnes_per_teu_average.value} t per TEU`,
      );
    }
  } else {
    unit = 'tonnes';
    activity = mass;
  }
  const { wttKg, ttwKg } = hoc;
  const split = wttKg !== undefined && ttwKg !== undefined;
  if (!split) fallbacks.push(`${hoc.id}: source gives WTW only; WTT/TTW split not available`);
  return {
    wttKg: split ? wttKg * activity : null,
    ttwKg: split ? ttwKg * activity : null,
    wtwKg: split ? wttKg * activity + ttwKg * activity : hoc.wtwKg * activity,
    activity: { value: activity, unit, basis: 'net' },
    massTonnes: mass,
    distanceKm: 0,
    distanceAdjustment: 1,
    factor: hocRef(hoc, hub.primary === undefined ? 'default' : 'primary'),
    fallbacks,
  };
}

function tocRef(t: ResolvedToc): ElementEmissions['factor'] {
  return {
    id: t.id,
    kind: 'toc',
    category: t.category,
    source: t.source,
    version: t.version,
    page: t.page,
    wtwIntensity: t.wtwG,
    energyCarrier: t.energyCarrier,
    gridGPerKwh: t.gridGPerKwh,
    loadFactor: t.loadFactor,
    emptyRunning: t.emptyRunning,
    dataType: t.dataType,
  };
}

/** The GLEC HOC of a hub's operation (or its factorId); a gauge change borrows the nearest one. */
function defaultHoc(f: EmissionFactors, hub: HubInput, fallbacks: string[]): Hoc {
  let id = hub.factorId ?? HOC_FOR[hub.operation];
  if (hub.factorId === undefined && hub.operation === 'gauge_change') {
    if (hub.cargo.kind === 'containers') fallbacks.push('gauge change: no published factor; container terminal used');
    else {
      id = HOC_FOR.transshipment;
      fallbacks.push('gauge change: no published factor; transshipment hub used');
    }
  }
  const hoc = f.hocs.get(id);
  if (hoc === undefined)
    throw new KeruenError('KERUEN_UNKNOWN_ID', `unknown hub factor ${JSON.stringify(id)}`, [
      { code: 'unknown_factor', field: 'factorId', value: id, message: 'no HOC with this id in data/emissions' },
    ]);
  return hoc;
}

/** The operator's own hub intensity as a HOC; its hub type is the default HOC's for the operation (iLEAP). */
function primaryHoc(f: EmissionFactors, hub: HubInput, p: HubPrimary): Hoc {
  const who = p.carrier ?? 'operator';
  return {
    id: `primary-hub-${slug(who)}`,
    operation: hub.operation,
    hubType: f.hocs.get(HOC_FOR[hub.operation])?.hubType ?? 'transshipment',
    category: `Primary data: ${who}${p.year === undefined ? '' : ` (${p.year})`}`,
    temperature: 'ambient',
    unit: p.unit,
    wtwKg: p.wtwKg,
    wttKg: p.ttwKg === undefined ? undefined : p.wtwKg - p.ttwKg,
    ttwKg: p.ttwKg,
    source: p.source,
    version: 'primary data',
  };
}

function hocRef(h: Hoc, dataType: DataType): ElementEmissions['factor'] {
  return {
    id: h.id,
    kind: 'hoc',
    category: h.category,
    source: Array.isArray(h.source) ? h.source.join(',') : h.source,
    version: h.version,
    page: h.page ?? '',
    wtwIntensity: h.wtwKg,
    dataType,
  };
}

function checkQuantity(field: string, v: number): void {
  if (!(Number.isFinite(v) && v >= 0))
    throw new KeruenError('KERUEN_INVALID_INPUT', `${field} must be a finite number >= 0, got ${v}`, [
      { code: 'invalid_value', field, value: v, message: 'must be a finite number >= 0' },
    ]);
}

function checkCargo(c: Cargo): void {
  if (c.kind === 'containers') {
    checkQuantity('cargo.teu', c.teu);
    if (c.tonnesPerTeu !== undefined) checkQuantity('cargo.tonnesPerTeu', c.tonnesPerTeu);
  } else checkQuantity('cargo.tonnes', c.tonnes);
}
