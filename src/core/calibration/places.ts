/**
 * The places of a network by name, as the calibration's classifier reads them from timeline step labels (the
 * router writes node names there, routing/itinerary.ts).
 */
import type { Network } from '../network/network.ts';
import type { PlaceInfo } from './facility-class.ts';

export function placesOf(net: Network): Map<string, PlaceInfo> {
  const out = new Map<string, PlaceInfo>();
  for (const node of net.nodes)
    out.set(node.name, { country: node.country, kind: node.kind, lat: node.coords.lat, lon: node.coords.lon });
  return out;
}
