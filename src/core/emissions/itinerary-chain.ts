/**
 * The transport chain of a route itinerary (ISO 14083:2023: the sequence of legs and hubs a consignment
 * takes), so that one itinerary of a route answer can be exported as an ISO 14083 / iLEAP footprint whose total
 * is the itinerary's own CO2e.
 *
 * The router's CO2e per edge comes from the emissions model (routing-model.ts): a link is the leg that
 * linkLegInput() describes, charged per TEU (containers) or per tonne of bulk, and a stop is the hub operation of
 * its transfer (a container terminal, or a gauge change). The chain below is built from the same records with
 * the same function, and the same cargo the router charged, so chainEmissions() gives the itinerary's CO2e back
 * (both are linear in the cargo: the router multiplies the per-unit figure, the chain scales the activity).
 * Two consequences, stated in the notes: a tonnage is charged with bulk factors whatever its kind (the router's
 * per-tonne figures are bulk ones), and a container's mass is the dataset's average per TEU (the router's
 * per-TEU figures ignore a tonnesPerTeu given with the request).
 */
import { KeruenError } from '../errors.ts';
import type { Network } from '../network/network.ts';
import { getLink, getNode } from '../network/network.ts';
import type { Itinerary } from '../routing/itinerary.ts';
import type { Cargo as RouteCargo } from '../routing/query.ts';
import { chainEmissions } from './chain.ts';
import type { ChainElementInput, ChainInput } from './chain-schema.ts';
import { type IleapExport, toIleap } from './ileap.ts';
import type { EmissionFactors } from './load-factors.ts';
import { linkLegInput } from './routing-model.ts';

/** The parts of an itinerary a chain reads (a route answer's itinerary, or a shipment's frozen one). */
export type ChainedItinerary = Pick<Itinerary, 'key' | 'legs' | 'stops' | 'corridor'>;

export interface ItineraryChain {
  chain: ChainInput;
  /** What the chain assumed, one line each (they go to the iLEAP export's notes). */
  notes: string[];
}

/** The hub element of a stop, with the stop's node and time as its label. */
function hubOf(stop: Itinerary['stops'][number], i: number): ChainElementInput {
  return {
    type: 'hub',
    id: `hub-${i}-${stop.node}`,
    operation: stop.kind === 'gauge_change' ? 'gauge_change' : 'container_terminal',
    location: stop.node,
  };
}

/**
 * The chain of an itinerary: its legs and stops in the order travelled, each with the factor inputs the router
 * used. Pure; reads the network and the factors, mutates nothing. Throws KERUEN_UNKNOWN_LINK when a leg names a
 * link the network does not have (an itinerary from another dataset).
 *
 * @example
 * const { chain } = itineraryChain(net, factors, route.itineraries[0], route.cargo);
 * chainEmissions(factors, chain).totals.wtwKg // ≈ route.itineraries[0].totals.co2eKg
 */
export function itineraryChain(
  net: Network,
  f: EmissionFactors,
  it: ChainedItinerary,
  cargo: RouteCargo,
): ItineraryChain {
  const notes: string[] = [
    `chain of itinerary ${it.key} (${it.corridor}), with the factors the route search applied to each link and hub`,
  ];
  const elements: ChainElementInput[] = [];
  let s = 0;
  it.legs.forEach((leg, i) => {
    // The stops at the node a leg leaves from come before it (a transfer or gauge change, in the order made).
    for (; s < it.stops.length && it.stops[s]?.node === leg.from; s++) {
      const stop = it.stops[s];
      if (stop !== undefined) elements.push(hubOf(stop, s + 1));
    }
    const link = findLinkOf(net, leg.linkId, i);
    const service = link.service === undefined ? undefined : net.services.find((x) => x.id === link.service);
    const base = linkLegInput(f, link, getNode(net, link.from), service?.vessel);
    if (base === undefined) {
      notes.push(`leg-${i + 1} ${leg.linkId}: pipeline, no published factor; left out (0 kg), as in the route`);
      return;
    }
    const { primary, vessel, ...rest } = base;
    elements.push({
      type: 'leg',
      id: `leg-${i + 1}-${leg.linkId}`,
      from: leg.from,
      to: leg.to,
      ...rest,
      ...(vessel === undefined ? {} : { vessel }),
      ...(primary === undefined ? {} : { primary }),
    });
  });
  for (; s < it.stops.length; s++) {
    const stop = it.stops[s];
    if (stop !== undefined) elements.push(hubOf(stop, s + 1));
  }
  if (elements.length === 0)
    throw new KeruenError('KERUEN_INVALID_INPUT', `itinerary ${it.key} has no leg with an emission factor`, [
      { code: 'empty_chain', field: 'itineraryKey', value: it.key, message: 'every leg is a pipeline' },
    ]);
  return { chain: { shipmentId: it.key, cargo: chainCargo(cargo, notes), elements }, notes };
}

/** The cargo as the router charged it (see the header). */
function chainCargo(cargo: RouteCargo, notes: string[]): ChainInput['cargo'] {
  if (cargo.kind === 'containers') {
    if (cargo.tonnesPerTeu !== undefined)
      notes.push(
        `cargo: ${cargo.tonnesPerTeu} t per TEU was given; emissions use the dataset's average mass per TEU, as the route does`,
      );
    return { kind: 'containers', teu: cargo.teu };
  }
  if (cargo.kind !== 'bulk')
    notes.push(`cargo: ${cargo.kind} charged with bulk factors per tonne, as the route search charges every tonnage`);
  return { kind: 'bulk', tonnes: cargo.tonnes };
}

function findLinkOf(net: Network, id: string, i: number) {
  if (!net.linkIndex.has(id))
    throw new KeruenError('KERUEN_UNKNOWN_LINK', `leg ${i + 1}: no link ${JSON.stringify(id)} in this network`, [
      { code: 'unknown_link', field: `legs.${i}.linkId`, value: id, message: 'not a link of this network' },
    ]);
  return getLink(net, id);
}

/**
 * The iLEAP export of an itinerary (toIleap of its chain), its notes first: what the chain assumed, then what
 * each factor assumed. The total of its TCEs is the itinerary's CO2e. Pure.
 */
export function itineraryIleap(net: Network, f: EmissionFactors, it: ChainedItinerary, cargo: RouteCargo): IleapExport {
  const { chain, notes } = itineraryChain(net, f, it, cargo);
  const ileap = toIleap(f, chainEmissions(f, chain), { teu: cargo.kind === 'containers' ? cargo.teu : undefined });
  return { ...ileap, notes: [...notes, ...ileap.notes] };
}
