/**
 * Milestone events of a shipment (departed, arrived, crossed a border, loaded on a ferry) and where each places
 * the cargo on its itinerary's timeline. The itinerary's timeline (routing/itinerary.ts) lists steps without
 * nodes; positionSteps recovers them from the order the router writes them in: a moving step (travel or
 * sailing) per leg, in leg order, and dwell, gauge-change and border steps at the node reached so far.
 */
import { KeruenError } from '../errors.ts';
import type { TimelineStep } from '../reliability/timeline.ts';
import type { Itinerary } from '../routing/itinerary.ts';

export const MILESTONE_TYPES = ['departed', 'arrived', 'border_crossed', 'ferry_loaded'] as const;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

export interface Milestone {
  type: MilestoneType;
  node: string;
  /** Hours since the Unix epoch (UTC). */
  atH: number;
}

export interface PositionedStep {
  step: TimelineStep;
  /** Node where the step starts; equal to toNode for steps spent at a node. */
  fromNode: string;
  toNode: string;
  /** Leg index of a moving step; -1 for a step spent at a node. */
  leg: number;
  mode: string | undefined;
}

/** The itinerary's fields shipment tracking reads. */
export type TrackedItinerary = Pick<Itinerary, 'legs' | 'timeline'>;

const moving = (s: TimelineStep) => s.kind === 'travel' || s.kind === 'sailing';

/**
 * Attaches nodes to the timeline steps. Throws KERUEN_INVALID_INPUT when the timeline and the legs disagree
 * (a timeline not built by the router, or a corrupted record).
 */
export function positionSteps(it: TrackedItinerary): PositionedStep[] {
  const first = it.legs[0];
  if (first === undefined) throw new KeruenError('KERUEN_INVALID_INPUT', 'itinerary has no legs', [], {});
  let at = first.from;
  let leg = 0;
  const out: PositionedStep[] = [];
  for (const step of it.timeline.steps) {
    if (moving(step)) {
      const l = it.legs[leg];
      if (l === undefined || l.from !== at) {
        throw new KeruenError('KERUEN_INVALID_INPUT', 'itinerary timeline does not match its legs', [], {
          field: 'itinerary.timeline',
          value: step.label,
        });
      }
      out.push({ step, fromNode: l.from, toNode: l.to, leg, mode: l.mode });
      at = l.to;
      leg++;
    } else {
      out.push({ step, fromNode: at, toNode: at, leg: -1, mode: undefined });
    }
  }
  if (leg !== it.legs.length) {
    throw new KeruenError('KERUEN_INVALID_INPUT', 'itinerary timeline does not match its legs', [], {
      field: 'itinerary.timeline',
      value: `${leg} moving steps for ${it.legs.length} legs`,
    });
  }
  return out;
}

/** Every node the itinerary passes, in order, origin and destination included. */
export function itineraryNodes(it: TrackedItinerary): string[] {
  const first = it.legs[0];
  return first === undefined ? [] : [first.from, ...it.legs.map((l) => l.to)];
}

export interface Cut {
  /** Index of the first step still to run. */
  next: number;
  /** True when the cargo has left on step `next`: its wait for a departure is over. */
  underway: boolean;
  /** Why the event was read differently from its type (e.g. a border event where the plan has no border). */
  note?: string | undefined;
}

function findFrom(steps: PositionedStep[], start: number, pred: (s: PositionedStep) => boolean): number {
  const i = steps.slice(Math.max(0, start)).findIndex(pred);
  return i < 0 ? -1 : Math.max(0, start) + i;
}

/** Searches forward from `start` first, then from the beginning (an event behind the last known position). */
function locate(steps: PositionedStep[], start: number, pred: (s: PositionedStep) => boolean): number {
  const k = findFrom(steps, start, pred);
  return k >= 0 ? k : findFrom(steps, 0, pred);
}

/**
 * Where a milestone leaves the cargo: the first timeline step still ahead. `start` is the cut of the previous
 * position, so a node visited twice is matched at its next visit. Undefined when the node is not on the
 * itinerary.
 */
export function cutAt(steps: PositionedStep[], m: Milestone, start = 0): Cut | undefined {
  if (!steps.some((s) => s.fromNode === m.node || s.toNode === m.node)) return undefined;
  const arrived = (): Cut => {
    const k = locate(steps, start - 1, (s) => s.leg >= 0 && s.toNode === m.node);
    // Arrived at the origin: nothing is done yet.
    return k < 0 ? { next: 0, underway: false } : { next: k + 1, underway: false };
  };
  const leaving = (pred: (s: PositionedStep) => boolean): number =>
    locate(steps, start, (s) => s.leg >= 0 && s.fromNode === m.node && pred(s));
  switch (m.type) {
    case 'arrived':
      return arrived();
    case 'departed': {
      const k = leaving(() => true);
      return k < 0
        ? { ...arrived(), note: 'the itinerary does not leave this node; read as arrived' }
        : { next: k, underway: true };
    }
    case 'ferry_loaded': {
      const k = leaving((s) => s.mode === 'ferry' || s.mode === 'sea');
      if (k >= 0) return { next: k, underway: false };
      const j = leaving(() => true);
      return j < 0
        ? { ...arrived(), note: 'no ferry or sea leg leaves this node; read as arrived' }
        : { next: j, underway: false, note: 'no ferry or sea leg leaves this node; read as ready to leave' };
    }
    case 'border_crossed': {
      const k = locate(steps, start, (s) => s.step.kind === 'border' && s.fromNode === m.node);
      if (k < 0) return { ...arrived(), note: 'the itinerary has no border post at this node; read as arrived' };
      // every border step of this node in a row is passed
      let j = k + 1;
      for (let s = steps[j]; s?.step.kind === 'border' && s.fromNode === m.node; s = steps[j]) j++;
      return { next: j, underway: false };
    }
  }
}
