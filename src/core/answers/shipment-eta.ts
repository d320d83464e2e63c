/**
 * The answer to "when will this shipment arrive": its position from the last milestone, then the arrival
 * distribution of what remains, conditioned on the time already spent on the current step and paced by what the
 * steps done took (the journey factor's posterior, shipments/pace.ts).
 */
import { isoToHours } from '../requests/dates.ts';
import type { Itinerary } from '../routing/itinerary.ts';
import { conditionedArrival } from '../shipments/conditioned-arrival.ts';
import type { Milestone } from '../shipments/milestone.ts';
import { pacePosterior } from '../shipments/pace.ts';
import { lastPosition, paceEvidence, remainingTimeline } from '../shipments/tracking.ts';

const iso = (h: number) => new Date(h * 3_600_000).toISOString();
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export interface EtaQuestion {
  shipment: string;
  itinerary: Itinerary;
  /** Milestones in recording order, with the id of the event each came from. */
  events: ReadonlyArray<Milestone & { id: string }>;
  deadline: string;
  asOfH: number;
  samples: number;
  seed: number;
}

export function answerEta(q: EtaQuestion) {
  const pos = lastPosition(q.itinerary, [...q.events]);
  const deadlineH = isoToHours(q.deadline);
  const base = {
    shipment: q.shipment,
    deadline: q.deadline,
    asOf: iso(q.asOfH),
    position: {
      node: pos.node,
      at: iso(pos.atH),
      basedOn: pos.event < 0 ? 'plan' : (q.events[pos.event]?.id ?? 'plan'),
      delivered: pos.delivered,
    },
  };
  if (pos.delivered) {
    return {
      ...base,
      eta: { p5: iso(pos.atH), p50: iso(pos.atH), p95: iso(pos.atH) },
      onTimeProbability: pos.atH <= deadlineH ? 1 : 0,
    };
  }
  const timeline = remainingTimeline(q.itinerary, pos);
  const sigma = timeline.journeySigma ?? 0;
  const pace = pacePosterior(paceEvidence(q.itinerary, pos), sigma, q.samples, q.seed);
  const r = conditionedArrival(timeline, {
    samples: q.samples,
    seed: q.seed,
    asOfH: q.asOfH,
    deadlineH,
    paceFactors: pace?.factors,
  });
  const { asOfH: _a, elapsedH, conditionedSamples, fallbackSamples, maxAttempts, ...d } = r;
  return {
    ...base,
    remainingSteps: timeline.steps.length,
    eta: {
      p5: iso(pos.atH + d.p5),
      p10: iso(pos.atH + d.p10),
      p50: iso(pos.atH + d.p50),
      p90: iso(pos.atH + d.p90),
      p95: iso(pos.atH + d.p95),
      mean: iso(pos.atH + d.mean),
    },
    remainingH: d,
    conditioning: { elapsedH, conditionedSamples, fallbackSamples, maxAttempts },
    // The journey's pace as the steps done tell it (pace.ts): null before any step is done or without calibration.
    pace:
      pace === undefined
        ? null
        : { factorP50: round3(pace.median), effectiveSamples: Math.round(pace.effectiveSamples), prior: { sigma } },
    onTimeProbability: d.onTimeProbability,
  };
}
