/**
 * Export of a chain's emissions in the iLEAP data model (Smart Freight Centre and SINE Foundation,
 * sine-fdn/ileap-extension, gen/schemas/{shipment-footprint,toc,hoc}.json): one ShipmentFootprint with a TCE per
 * element, plus the TOCs and HOCs it cites, so that PACT/iLEAP reporting tools can read it.
 *
 * Units follow the iLEAP specification: mass in kg (its example: 700 km × 230 kg = 161 tkm), transport activity
 * in tkm, emissions in kg CO2e, intensities in kg CO2e per tkm or TEU-km (TOC) and per tonne or TEU (HOC).
 * Decimals are JSON strings matching ^-?\d+(\.\d+)?$.
 */
import { must } from '../must.ts';
import type { ChainEmissions, ElementResult } from './chain.ts';
import type { Hoc, HubOperation } from './factor-schema.ts';
import type { EmissionFactors } from './load-factors.ts';

export interface IleapTce {
  tceId: string;
  prevTceIds?: string[];
  shipmentId: string;
  tocId?: string;
  hocId?: string;
  mass: string;
  packagingOrTrEqType?: 'Container';
  packagingOrTrEqAmount?: number;
  distance: { sfd: string } | { actual: string };
  transportActivity: string;
  co2eWTW: string;
  co2eTTW: string;
}

interface IleapEnergyCarrier {
  energyCarrier: 'Diesel' | 'HFO' | 'Electric';
  emissionFactorWTW: string;
  emissionFactorTTW: string;
}

export interface IleapToc {
  tocId: string;
  isVerified: false;
  isAccredited: false;
  description: string;
  mode: 'Road' | 'Rail' | 'Sea' | 'InlandWaterway';
  loadFactor?: string;
  emptyDistanceFactor?: string;
  energyCarriers: IleapEnergyCarrier[];
  co2eIntensityWTW: string;
  co2eIntensityTTW: string;
  co2eIntensityThroughput: 'tkm' | 'TEUkm';
}

export interface IleapHoc {
  hocId: string;
  isVerified: false;
  isAccredited: false;
  description: string;
  hubType: string;
  temperatureControl: 'ambient' | 'refrigerated' | 'mixed';
  energyCarriers: IleapEnergyCarrier[];
  co2eIntensityWTW: string;
  co2eIntensityTTW: string;
  co2eIntensityThroughput: 'TEU' | 'tonnes';
}

export interface IleapExport {
  shipmentFootprint: {
    shipmentId: string;
    mass: string;
    numberOfItems?: string;
    typeOfItems?: string;
    tces: IleapTce[];
  };
  tocs: IleapToc[];
  hocs: IleapHoc[];
  /** Keruen's notes: what each figure assumed (not part of the iLEAP schema; readers ignore unknown keys). */
  notes: string[];
}

/** Formats a number as an iLEAP Decimal string (no exponent, trailing zeros removed). */
export function toDecimal(x: number, digits = 6): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  let s = Math.abs(x) < 0.5 * 10 ** -digits ? '0' : x.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Builds the iLEAP export of a computed chain. Pure. */
export function toIleap(
  f: EmissionFactors,
  chain: ChainEmissions,
  opts: { teu?: number | undefined } = {},
): IleapExport {
  const tces: IleapTce[] = [];
  const tocs = new Map<string, IleapToc>();
  const hocs = new Map<string, IleapHoc>();
  const notes = [...chain.fallbacks];
  let prev: string | undefined;
  for (const el of chain.elements) {
    const tce: IleapTce = {
      tceId: el.id,
      ...(prev === undefined ? {} : { prevTceIds: [prev] }),
      shipmentId: chain.shipmentId,
      mass: toDecimal(el.massTonnes * 1000, 3),
      ...(opts.teu !== undefined && Number.isInteger(opts.teu)
        ? { packagingOrTrEqType: 'Container' as const, packagingOrTrEqAmount: opts.teu }
        : {}),
      distance:
        el.distanceAdjustment === 1 ? { actual: toDecimal(el.distanceKm, 3) } : { sfd: toDecimal(el.distanceKm, 3) },
      transportActivity: toDecimal(el.type === 'leg' ? el.massTonnes * el.distanceKm : 0),
      co2eWTW: toDecimal(el.wtwKg),
      co2eTTW: toDecimal(el.ttwKg ?? el.wtwKg),
    };
    if (el.ttwKg === null)
      notes.push(`${el.id}: co2eTTW reported as the WTW value (upper bound): the source gives no TTW share`);
    if (el.type === 'leg') {
      tce.tocId = el.factor.id;
      if (!tocs.has(el.factor.id)) tocs.set(el.factor.id, tocOf(f, el));
    } else {
      tce.hocId = el.factor.id;
      if (!hocs.has(el.factor.id)) hocs.set(el.factor.id, hocOf(f, el));
    }
    tces.push(tce);
    prev = el.id;
  }
  return {
    shipmentFootprint: {
      shipmentId: chain.shipmentId,
      mass: toDecimal(chain.massTonnes * 1000, 3),
      ...(opts.teu !== undefined ? { numberOfItems: toDecimal(opts.teu), typeOfItems: 'TEU' } : {}),
      tces,
    },
    tocs: [...tocs.values()],
    hocs: [...hocs.values()],
    notes,
  };
}

function carriersOf(f: EmissionFactors, el: ElementResult): IleapEnergyCarrier[] {
  const out: IleapEnergyCarrier[] = [];
  const ids = el.factor.id;
  if (ids.includes('diesel') || ids.startsWith('road-')) {
    const d = f.energy.get('diesel-eu');
    if (d)
      out.push({ energyCarrier: 'Diesel', emissionFactorWTW: toDecimal(d.wtw), emissionFactorTTW: toDecimal(d.ttw) });
  }
  if (el.factor.gridGPerKwh !== undefined)
    out.push({
      energyCarrier: 'Electric',
      emissionFactorWTW: toDecimal(el.factor.gridGPerKwh / 1000),
      emissionFactorTTW: '0',
    });
  if (el.factor.energyCarrier === 'hfo') {
    const h = f.energy.get('hfo-eu');
    if (h) out.push({ energyCarrier: 'HFO', emissionFactorWTW: toDecimal(h.wtw), emissionFactorTTW: toDecimal(h.ttw) });
  }
  return out;
}

function tocOf(f: EmissionFactors, el: ElementResult): IleapToc {
  // Per unit of the TCE's own activity (net tkm, or TEU-km), with the distance adjustment and any gross-tkm
  // allocation folded in, so that a reader's intensity × transportActivity gives back co2eWTW.
  const perUnit = el.activity.unit === 'TEUkm' ? el.activity.value : el.massTonnes * el.distanceKm;
  const wtw = perUnit > 0 ? el.wtwKg / perUnit : el.factor.wtwIntensity / 1000;
  const ttw = perUnit > 0 ? (el.ttwKg ?? 0) / perUnit : 0;
  const mode =
    el.mode === 'road'
      ? 'Road'
      : el.mode === 'rail'
        ? 'Rail'
        : el.mode === 'inland_waterway'
          ? 'InlandWaterway'
          : 'Sea';
  return {
    tocId: el.factor.id,
    isVerified: false,
    isAccredited: false,
    description: `${el.factor.category} (${el.factor.version}, ${el.factor.page}; sources ${el.factor.source})`,
    mode,
    ...(el.factor.loadFactor === undefined ? {} : { loadFactor: toDecimal(el.factor.loadFactor) }),
    ...(el.factor.emptyRunning === undefined ? {} : { emptyDistanceFactor: toDecimal(el.factor.emptyRunning) }),
    energyCarriers: carriersOf(f, el),
    co2eIntensityWTW: toDecimal(wtw, 8),
    co2eIntensityTTW: toDecimal(ttw, 8),
    co2eIntensityThroughput: el.activity.unit === 'TEUkm' ? 'TEUkm' : 'tkm',
  };
}

/** A hub computed from the operator's own figure: its HOC is rebuilt from the element (per TEU or tonne). */
function primaryHocOf(f: EmissionFactors, el: ElementResult): Hoc {
  const op = must(el.operation, 'operation of a hub element') as HubOperation;
  const like = [...f.hocs.values()].find((x) => x.operation === op);
  const perUnit = el.activity.value > 0 ? el.wtwKg / el.activity.value : el.factor.wtwIntensity;
  return {
    id: el.factor.id,
    operation: op,
    hubType: like?.hubType ?? 'transshipment',
    category: el.factor.category,
    temperature: 'ambient',
    unit: el.activity.unit === 'TEU' ? 'kg_per_teu' : 'kg_per_tonne',
    wtwKg: perUnit,
    ttwKg: el.ttwKg === null || el.activity.value <= 0 ? undefined : el.ttwKg / el.activity.value,
    source: el.factor.source,
    version: el.factor.version,
  };
}

function hocOf(f: EmissionFactors, el: ElementResult): IleapHoc {
  const h = f.hocs.get(el.factor.id) ?? primaryHocOf(f, el);
  return {
    hocId: h.id,
    isVerified: false,
    isAccredited: false,
    description: `${h.category} (${h.version}, ${h.page ?? ''})`,
    hubType: h.hubType,
    temperatureControl: h.temperature,
    energyCarriers: [],
    co2eIntensityWTW: toDecimal(h.wtwKg),
    co2eIntensityTTW: toDecimal(h.ttwKg ?? h.wtwKg),
    co2eIntensityThroughput: h.unit === 'kg_per_teu' ? 'TEU' : 'tonnes',
  };
}
