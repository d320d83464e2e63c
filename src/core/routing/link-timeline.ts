/**
 * The timeline steps of one compiled edge, for the reliability Monte Carlo (reliability/timeline.ts): what
 * itinerary.ts's linkSteps and walkTransfer emit. Each step carries the provenance of its figure (sourced,
 * estimated, missing) and its source ids, and a figure that rests on an estimate only is drawn at least
 * ESTIMATE_MIN_SPREAD wide (reliability/estimate-band.ts).
 *
 * Three kinds of movement:
 * - ad hoc (a link without a service: wagonload, trains formed on demand, trucks): the link's duration, else its
 *   distance at the link's or the country's rate speed, with the border posts' dwell on each side;
 * - a scheduled crossing (a link with a ferry or liner service): wait for the next departure that is not
 *   cancelled (by month when the service gives storm seasons), the crossing, then the carrier's lateness;
 * - a scheduled train (a service edge, network/service-edges.ts): wait for the booked-slot cutoff before a
 *   departure, the cutoff itself, then the scheduled run with its border clearances (pre-cleared).
 */
import { must } from '../must.ts';
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, edgeLink, edgeSourceNode, edgeTargetNode } from '../network/compile.ts';
import type { Duration } from '../network/figure.ts';
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';
import type { Season } from '../network/schema.ts';
import { provenanceOf, sourceIdsOf, specOf, widenEstimate } from '../reliability/estimate-band.ts';
import type { TimelineProvenance, TimelineStep, TimelineStepKind } from '../reliability/timeline.ts';

type Sourced = { source?: Duration['source']; estimate?: string | undefined };

/** A step from a dataset figure: its spec (widened when estimated), provenance and sources. */
function figureStep(
  kind: TimelineStepKind,
  label: string,
  d: Duration | undefined,
  fallbackH: number,
  basis: Sourced | undefined = d,
): TimelineStep {
  const provenance: TimelineProvenance = provenanceOf(basis);
  return {
    kind,
    label,
    duration: widenEstimate(specOf(d, fallbackH), provenance),
    provenance,
    sourceIds: sourceIdsOf(basis),
  };
}

/**
 * The product of the monthly factors of every season that matches (data/seasons), or undefined when none does.
 * A node's dwell and border seasons match by node id; travel seasons by the country and mode of the link.
 */
export function seasonalFactors(
  net: Network,
  applies: Season['applies'],
  at: { node?: string; country?: string; mode?: string },
): number[] | undefined {
  let out: number[] | undefined;
  for (const s of net.seasons ?? []) {
    if (s.applies !== applies) continue;
    const hit = applies === 'travel' ? s.country === at.country && s.mode === at.mode : s.node === at.node;
    if (!hit) continue;
    out = out === undefined ? [...s.factorByMonth] : out.map((f, m) => f * (s.factorByMonth[m] ?? 1));
  }
  return out;
}

/** The step with its seasonal factors, when any season matches. */
function withSeason(step: TimelineStep, factors: number[] | undefined): TimelineStep {
  return factors === undefined ? step : { ...step, durationFactorByMonth: factors };
}

/** What the moving time of an ad-hoc link rests on: its duration, else its speed, else its country's rate. */
function moveBasis(net: Network, l: NetworkLink, a: NetworkNode): Sourced | undefined {
  if (l.duration !== undefined) return l.duration;
  if (l.speedKmPerDay !== undefined) return l.speedKmPerDay;
  return net.rates.find((r) => r.country === a.country && r.mode === l.mode)?.speedKmPerDay;
}

/** Weekly departure offsets of service slot s as the compiled graph holds them. */
function departuresOf(g: CompiledGraph, s: number): number[] {
  return Array.from(g.depOffsetsH.subarray(must(g.depOff[s], 'departures of service'), g.depOff[s + 1]));
}

/** Steps of a scheduled crossing (ferry, liner) on link edge e. */
function crossingSteps(g: CompiledGraph, e: number, svc: NetworkService, move: TimelineStep): TimelineStep[] {
  const s = must(g.service[e], 'service of an edge');
  const sailing: TimelineStep = {
    ...move,
    kind: 'sailing',
    serviceId: svc.id,
    departuresH: departuresOf(g, s),
    cancellationProbability: svc.cancellationProbability?.value ?? 0,
  };
  if (svc.cancellationByMonth) sailing.cancellationByMonth = [...svc.cancellationByMonth.byMonth];
  if (svc.lateness === undefined) return [sailing];
  const late = figureStep('travel', `${svc.name}: arrival later than scheduled`, svc.lateness, 0);
  return [sailing, { ...late, serviceId: svc.id, lateness: true }];
}

/** Steps of a scheduled train's service edge e: the booked slot (waiting for its cutoff), then the run. */
function trainSteps(g: CompiledGraph, e: number, svc: NetworkService, a: NetworkNode, b: NetworkNode): TimelineStep[] {
  const s = must(g.service[e], 'service of an edge');
  // the cutoff is a deadline the timetable sets, not a measured time: drawn as given, never widened
  const slot = {
    ...figureStep('dwell', `${svc.name}: booked slot at ${a.name}`, svc.cutoff, 0),
    duration: specOf(svc.cutoff, 0),
  };
  const run = figureStep('travel', `${svc.name}: ${a.name} - ${b.name}`, svc.runTime, 0);
  const boarding: TimelineStep = { ...slot, kind: 'sailing', serviceId: svc.id, departuresH: departuresOf(g, s) };
  return [
    { ...boarding, cancellationProbability: 0 },
    { ...run, serviceId: svc.id },
  ];
}

/** Timeline of a link or service edge: the border post left, the move, the post reached. */
export function linkTimelineSteps(net: Network, g: CompiledGraph, e: number, moveFallbackH: number): TimelineStep[] {
  const a = edgeSourceNode(net, g, e);
  const b = edgeTargetNode(net, g, e);
  const svcI = g.service[e] ?? -1;
  const svc = svcI >= 0 ? net.services[svcI] : undefined;
  if (svc?.route !== undefined) return trainSteps(g, e, svc, a, b);
  const l = edgeLink(net, g, e);
  const steps: TimelineStep[] = [];
  const cross = a.country !== b.country;
  if (cross && a.border?.dwellOutbound) {
    const out = figureStep('border', `${a.name} outbound`, a.border.dwellOutbound, 0);
    steps.push(withSeason(out, seasonalFactors(net, 'border', { node: a.id })));
  }
  const label = svc ? `${svc.name}: ${a.name} - ${b.name}` : `${a.name} - ${b.name} (${l.mode})`;
  const move = figureStep('travel', label, l.duration, moveFallbackH, moveBasis(net, l, a));
  if (svc) steps.push(...crossingSteps(g, e, svc, move));
  else steps.push(withSeason(move, seasonalFactors(net, 'travel', { country: a.country, mode: l.mode })));
  if (cross && b.border?.dwellInbound) {
    const into = figureStep('border', `${b.name} inbound`, b.border.dwellInbound, 0);
    steps.push(withSeason(into, seasonalFactors(net, 'border', { node: b.id })));
  }
  return steps;
}

/** The timeline step of a transfer or gauge-change edge e: the facility's dwell or the gauge change. */
export function transferTimelineStep(net: Network, g: CompiledGraph, e: number, fallbackH: number): TimelineStep {
  const a = edgeSourceNode(net, g, e);
  const gauge = g.kind[e] === EDGE_GAUGE;
  const d = gauge ? a.gaugeChange?.duration : a.facility?.dwell;
  const step = figureStep(
    gauge ? 'gauge_change' : 'dwell',
    `${a.name} ${gauge ? 'gauge change' : 'handling'}`,
    d,
    fallbackH,
  );
  return gauge ? step : withSeason(step, seasonalFactors(net, 'dwell', { node: a.id }));
}

/**
 * Drops a service's lateness where the voyage goes on: a ship that calls at Singapore and Port Said on the way
 * to Rotterdam is late once, at Rotterdam, not three times. A lateness step is kept only when the next step
 * other than a border post is not a sailing of the same service. Returns a new array; `steps` is not mutated.
 */
export function oneLatenessPerVoyage(steps: readonly TimelineStep[]): TimelineStep[] {
  return steps.filter((s, i) => {
    if (s.lateness !== true) return true;
    // the next step other than a border post, read in place (a slice per lateness step copied the rest)
    let j = i + 1;
    while (j < steps.length && steps[j]?.kind === 'border') j++;
    const next = steps[j];
    return !(next?.kind === 'sailing' && next.serviceId === s.serviceId);
  });
}
