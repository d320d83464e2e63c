/**
 * The sailings that leave a port, read from the network: every scheduled service on a link that leaves the node
 * (a bidirectional link leaves both its ends), each weekly departure (timetable.ts) with the service's capacity
 * per departure and cancellation probability. Services without a TEU capacity are listed as skipped, because a
 * queue cannot be served by a sailing of unknown size.
 */
import type { Network } from '../network/network.ts';
import { weeklyDepartures } from '../routing/timetable.ts';
import type { PortSailing } from './port-queue.ts';

export interface PortSailings {
  sailings: PortSailing[];
  /** Services used, with the link they run on. */
  services: {
    id: string;
    link: string;
    departuresPerWeek: number;
    capacityTeu: number;
    cancellationProbability: number;
  }[];
  /** Services that leave the node but cannot be simulated, with the reason. */
  skipped: { id: string; reason: string }[];
}

/** Weekly sailings leaving `nodeId`, sorted by offset. */
export function listPortSailings(net: Network, nodeId: string): PortSailings {
  const out: PortSailings = { sailings: [], services: [], skipped: [] };
  const seen = new Set<string>();
  for (const l of net.links) {
    const leaves = l.from === nodeId || (l.bidirectional && l.to === nodeId);
    if (!leaves || l.service === undefined || seen.has(l.service)) continue;
    seen.add(l.service);
    const si = net.serviceIndex.get(l.service);
    const s = si === undefined ? undefined : net.services[si];
    if (s === undefined) {
      out.skipped.push({ id: l.service, reason: 'service not found' });
      continue;
    }
    const cap = s.capacityTeuPerDeparture?.value;
    if (cap === undefined) {
      out.skipped.push({ id: s.id, reason: 'no capacityTeuPerDeparture' });
      continue;
    }
    const p = s.cancellationProbability?.value ?? 0;
    const offsets = weeklyDepartures(s);
    for (const o of offsets)
      out.sailings.push({ offsetH: o, capacityTeu: cap, cancellationProbability: p, service: s.id });
    out.services.push({
      id: s.id,
      link: l.id,
      departuresPerWeek: offsets.length,
      capacityTeu: cap,
      cancellationProbability: p,
    });
  }
  out.sailings.sort((a, b) => a.offsetH - b.offsetH);
  return out;
}
