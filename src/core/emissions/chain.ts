/**
 * A transport chain's emissions: the sum of its elements (ISO 14083:2023; GLEC Framework v3.0 p.22, "the
 * emissions of each transport element when added together equal the total emissions from the transport chain").
 */
import type { ChainElementInput, ChainInput } from './chain-schema.ts';
import type { EmissionFactors } from './load-factors.ts';
import type { Cargo } from './select-factor.ts';
import { cargoTonnes, type ElementEmissions, hubEmissions, legEmissions } from './tce.ts';

export interface ElementResult extends ElementEmissions {
  id: string;
  type: 'leg' | 'hub';
  label: string;
  mode?: string | undefined;
  operation?: string | undefined;
  country?: string | undefined;
}

export interface ChainEmissions {
  shipmentId: string;
  massTonnes: number;
  elements: ElementResult[];
  totals: {
    /** Sums over the elements whose source splits WTT and TTW. */
    wttKg: number;
    ttwKg: number;
    wtwKg: number;
    /** WTW of the elements without a WTT/TTW split (hubs from GLEC Table 3); included in wtwKg. */
    wtwUnsplitKg: number;
    distanceKm: number;
    tkm: number;
    /** WTW of the elements computed from primary data (carrier's or operator's own figures); in wtwKg. */
    primaryWtwKg: number;
  };
  /** Every assumption and fallback, once each, prefixed with the element id. */
  fallbacks: string[];
}

/**
 * Emissions of every element of a chain and their totals. Pure; does not mutate its input.
 *
 * @example
 * chainEmissions(factors, { shipmentId: 's1', cargo: { kind: 'containers', teu: 1 }, elements: [
 *   { type: 'leg', mode: 'road', distanceKm: 100, country: 'DE' },
 *   { type: 'hub', operation: 'container_terminal' } ] }).totals.wtwKg // 95 + 10.7 = 105.7
 */
export function chainEmissions(f: EmissionFactors, chain: ChainInput): ChainEmissions {
  const elements: ElementResult[] = [];
  const totals = { wttKg: 0, ttwKg: 0, wtwKg: 0, wtwUnsplitKg: 0, distanceKm: 0, tkm: 0, primaryWtwKg: 0 };
  const fallbacks: string[] = [];
  chain.elements.forEach((el, i) => {
    const id = el.id ?? `${el.type}-${i + 1}`;
    const r = elementEmissions(f, el, chain.cargo);
    const label =
      el.type === 'leg'
        ? `${el.mode} ${el.from ?? '?'} → ${el.to ?? '?'}`
        : `${el.operation}${el.location ? ` at ${el.location}` : ''}`;
    elements.push({
      ...r,
      id,
      type: el.type,
      label,
      mode: el.type === 'leg' ? el.mode : undefined,
      operation: el.type === 'hub' ? el.operation : undefined,
      country: el.type === 'leg' ? el.country : undefined,
    });
    totals.wtwKg += r.wtwKg;
    if (r.factor.dataType === 'primary') totals.primaryWtwKg += r.wtwKg;
    if (r.wttKg === null || r.ttwKg === null) totals.wtwUnsplitKg += r.wtwKg;
    else {
      totals.wttKg += r.wttKg;
      totals.ttwKg += r.ttwKg;
    }
    totals.distanceKm += r.distanceKm;
    if (el.type === 'leg') totals.tkm += r.massTonnes * r.distanceKm;
    for (const fb of r.fallbacks) {
      const line = `${id}: ${fb}`;
      if (!fallbacks.includes(line)) fallbacks.push(line);
    }
  });
  return { shipmentId: chain.shipmentId, massTonnes: cargoTonnes(f, chain.cargo), elements, totals, fallbacks };
}

/** One element with the chain's cargo unless the element carries its own. */
export function elementEmissions(f: EmissionFactors, el: ChainElementInput, chainCargo: Cargo): ElementEmissions {
  const cargo = el.cargo ?? chainCargo;
  if (el.type === 'hub')
    return hubEmissions(f, { operation: el.operation, cargo, factorId: el.factorId, primary: el.primary });
  return legEmissions(f, {
    mode: el.mode,
    distanceKm: el.distanceKm,
    country: el.country,
    electrified: el.electrified,
    gauge: el.gauge,
    vessel: el.vessel,
    tradeLane: el.tradeLane,
    cargo,
    groupage: el.groupage,
    distanceBasis: el.distanceBasis,
    factorId: el.factorId,
    carrierTareTonnesPerTeu: el.carrierTareTonnesPerTeu,
    primary: el.primary,
    fuelUse: el.fuelUse,
  });
}
