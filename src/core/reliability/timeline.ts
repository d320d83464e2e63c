/**
 * The input of the transit-time Monte Carlo: an itinerary as a sequence of timed steps (travel on a link, dwell
 * at a terminal, a border crossing, a gauge change, a transfer, a scheduled sailing). The router builds one per
 * itinerary; durations are distributions in hours (figure.ts). A sailing first waits for the next departure of
 * its weekly timetable (timetable.ts), and each departure may be cancelled, in which case the cargo waits for
 * the following one. Seasonal steps carry a figure per calendar month (season.ts): the cancellation probability
 * of a sailing (storms) and a factor on the duration (winter slow-downs, harvest congestion), read at the month
 * the step starts in. Each step says whether its figure is sourced or estimated (`provenance`).
 */

import { KeruenError } from '../errors.ts';
import type { DistributionSpec } from '../network/figure.ts';
import { WEEK_H } from '../time.ts';
import { checkDistribution } from './samplers.ts';
import { MONTHS } from './season.ts';

export type TimelineStepKind = 'travel' | 'dwell' | 'border' | 'gauge_change' | 'transfer' | 'sailing';

/**
 * Where a step's duration comes from: a dataset figure with a source, an estimate (reasoned, no source prints
 * it), or nothing at all (a default, e.g. a zero dwell where no figure exists).
 */
export type TimelineProvenance = 'sourced' | 'estimated' | 'missing';

export interface TimelineStep {
  kind: TimelineStepKind;
  label: string;
  /** Hours; for a sailing, the crossing after departure. */
  duration: DistributionSpec;
  /**
   * For 'sailing' steps: weekly departure offsets, hours after Monday 00:00 UTC, sorted ascending. Any step that
   * has them waits for the next departure before its duration starts (a train slot works the same way).
   */
  departuresH?: number[];
  /** Probability that a departure is cancelled; a cancelled departure means waiting for the following one. */
  cancellationProbability?: number;
  /** Cancellation probability by month of departure (12 figures, January first); replaces the flat one. */
  cancellationByMonth?: number[];
  /** Factor on the drawn duration by the month the step starts in (12 figures, January first). */
  durationFactorByMonth?: number[];
  /** Whether the duration is sourced or estimated; absent means not stated. */
  provenance?: TimelineProvenance;
  /** Source ids of the figures behind the step (data/sources), for the per-leg output. */
  sourceIds?: string[];
  /** Id of the scheduled service the step belongs to (sailings, train runs, a carrier's lateness). */
  serviceId?: string;
  /** True for the lateness of a scheduled service: once per voyage, at its last port (link-timeline.ts). */
  lateness?: boolean;
}

export interface Timeline {
  /** Departure from the origin, hours since the Unix epoch (UTC). */
  departH: number;
  steps: TimelineStep[];
  /** Log-sd of the journey factor (reliability/journey-factor.ts) that a calibrated timeline carries; 0 or absent: none. */
  journeySigma?: number | undefined;
}

/** Throws KERUEN_INVALID_INPUT naming the step when a timeline cannot be simulated. */
export function checkTimeline(t: Timeline): void {
  if (!Number.isFinite(t.departH)) {
    throw new KeruenError('KERUEN_INVALID_INPUT', `timeline departH ${t.departH} is not a finite number`, [], {
      value: t.departH,
    });
  }
  t.steps.forEach((s, i) => {
    const where = `timeline step ${i} (${s.label})`;
    checkDistribution(s.duration, where);
    if (s.departuresH !== undefined) {
      let prev = -1;
      for (const o of s.departuresH) {
        if (!(o >= 0 && o < WEEK_H) || o < prev) {
          throw new KeruenError(
            'KERUEN_INVALID_INPUT',
            `${where}: departures must be sorted offsets in [0, ${WEEK_H}) hours, got ${JSON.stringify(s.departuresH)}`,
            [],
            { value: s.departuresH },
          );
        }
        prev = o;
      }
    }
    checkMonthly(s.cancellationByMonth, `${where} cancellationByMonth`, 0, 1);
    checkMonthly(s.durationFactorByMonth, `${where} durationFactorByMonth`, 0, Number.POSITIVE_INFINITY);
    const p = s.cancellationByMonth ? Math.max(...s.cancellationByMonth) : s.cancellationProbability;
    if (p !== undefined && p > 0 && (s.departuresH === undefined || s.departuresH.length === 0)) {
      throw new KeruenError('KERUEN_INVALID_INPUT', `${where}: a cancellation probability needs departures`, [], {
        value: p,
      });
    }
    if (p !== undefined && !(p >= 0 && p < 1)) {
      throw new KeruenError('KERUEN_INVALID_INPUT', `${where}: cancellationProbability ${p} must be in [0, 1)`, [], {
        value: p,
      });
    }
  });
}

/** Throws KERUEN_INVALID_INPUT unless `xs` is absent or 12 finite numbers in [lo, hi). */
function checkMonthly(xs: number[] | undefined, where: string, lo: number, hi: number): void {
  if (xs === undefined) return;
  if (xs.length !== MONTHS || !xs.every((x) => Number.isFinite(x) && x >= lo && x < hi)) {
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      `${where} must be ${MONTHS} numbers in [${lo}, ${hi}), got ${JSON.stringify(xs)}`,
      [],
      { value: xs },
    );
  }
}
