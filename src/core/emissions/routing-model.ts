/**
 * Adapts the emissions module to the routing graph: per link and per hub, the WTW CO2e of one TEU and of one
 * tonne. The compiler calls it once per link; the search scales by the cargo, which is exact because emissions
 * are linear in mass (property-tested in test/core/emissions).
 *
 * A scheduled link takes its service's trade lane (lanes*.yaml: GLEC lane factors for container ships) and, when
 * the carrier publishes one, its own intensity (primary*.yaml), which takes precedence over the default factor.
 */
import type { EmissionsModel, UnitEmissions } from '../network/compile.ts';
import type { NetworkLink, NetworkNode } from '../network/network.ts';
import type { EmissionFactors } from './load-factors.ts';
import { legPrimaryOf } from './primary-data.ts';
import type { LegInput, Vessel } from './select-factor.ts';
import { hubEmissions, legEmissions } from './tce.ts';

const VESSELS = new Set([
  'rail_ferry',
  'ro_pax',
  'ro_ro',
  'container_feeder',
  'container_ship',
  'block_train',
  'general_cargo',
]);

function primaryOf(f: EmissionFactors, service: string | undefined) {
  const p = service === undefined ? undefined : f.primaryOfService.get(service);
  return p === undefined ? undefined : legPrimaryOf(p);
}

/**
 * The leg a link is, for the emissions model (cargo aside): mode, distance, country of its `from` node, traction,
 * vessel, trade lane and the carrier's own intensity. Undefined for a pipeline. The routing graph and the
 * itinerary's transport chain (itinerary-chain.ts) both read it, so both apply the same factor to a link.
 */
export function linkLegInput(
  f: EmissionFactors,
  l: NetworkLink,
  from: NetworkNode,
  vessel: string | undefined,
): Omit<LegInput, 'cargo'> | undefined {
  // Pipelines: no pumping-energy factor was found (GLEC v3 gives none), so their CO2e is left out, not
  // guessed; the exports answer says so on every route with a pipeline leg (core/exports/route-legs.ts).
  if (l.mode === 'pipeline') return undefined;
  return {
    // A Caspian crossing by tanker is drawn and timed as a ferry crossing, but burns as a sea tanker: the sea
    // bulk factor (select-factor.ts says which proxy it takes), not the Ro-Ro one of rail and truck ferries.
    mode: l.mode === 'ferry' && vessel === 'tanker' ? 'sea' : (l.mode as Exclude<typeof l.mode, 'pipeline'>),
    distanceKm: l.distanceKm?.value ?? 0,
    country: from.country,
    electrified: l.electrified,
    gauge: l.gauge,
    vessel: vessel !== undefined && VESSELS.has(vessel) ? (vessel as Vessel) : undefined,
    tradeLane: l.service === undefined ? undefined : f.laneOfService.get(l.service)?.id,
    primary: primaryOf(f, l.service),
  };
}

export function createEmissionsModel(f: EmissionFactors): EmissionsModel {
  return {
    link(l: NetworkLink, from: NetworkNode, vessel: string | undefined): UnitEmissions {
      const base = linkLegInput(f, l, from, vessel);
      if (base === undefined) return { perTeuKg: 0, perTonneKg: 0 };
      const perTeu = legEmissions(f, { ...base, cargo: { kind: 'containers', teu: 1 } }).wtwKg;
      const perTonne = legEmissions(f, { ...base, cargo: { kind: 'bulk', tonnes: 1 } }).wtwKg;
      return { perTeuKg: perTeu, perTonneKg: perTonne };
    },
    hub(_n: NetworkNode, operation): UnitEmissions {
      return {
        perTeuKg: hubEmissions(f, { operation, cargo: { kind: 'containers', teu: 1 } }).wtwKg,
        perTonneKg: hubEmissions(f, { operation, cargo: { kind: 'bulk', tonnes: 1 } }).wtwKg,
      };
    },
  };
}
