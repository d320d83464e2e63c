/** The one-line facts of an itinerary on the planner's desk (planner.ts), kept apart from the DOM for its tests. */
import type { Itinerary } from './api.ts';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, fmtUsd, t } from './i18n.ts';

/** Departure → planned arrival, P50/P90 arrival dates and on-time probability, distance, cost, risk. */
export function itineraryFacts(it: Itinerary, deadline?: string): string {
  const costText = `${fmtUsd(it.totals.costUsd)}${it.totals.costComplete ? '' : ` (${t('it.costIncomplete')})`}`;
  const at = (h: number) => fmtDateTime(new Date(Date.parse(it.totals.depart) + h * 3_600_000));
  const a = it.arrival;
  return [
    `${fmtDateTime(it.totals.depart)} → ${fmtDateTime(it.totals.arrive)}`,
    ...(a ? [t('it.arrivals', { p50: at(a.p50), p90: at(a.p90) })] : []),
    ...(a?.onTimeProbability !== undefined && deadline !== undefined
      ? [t('it.onTime', { deadline: fmtDate(deadline), p: fmtPercent(a.onTimeProbability) })]
      : []),
    `${fmtNumber(it.totals.distanceKm)} km`,
    costText,
    it.totals.riskEvents.length > 0
      ? t('it.riskEvents', { p: fmtPercent(it.totals.riskProbability), events: it.totals.riskEvents.join(', ') })
      : t('it.risk', { p: fmtPercent(it.totals.riskProbability) }),
  ].join(' · ');
}
