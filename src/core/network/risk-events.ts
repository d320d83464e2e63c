/**
 * Risk events: what would cut a link (the sanctions on one country's railways, attacks in one strait), each with
 * one chance. A route exposed to an event through several links is cut with that event's chance, not with one
 * chance per link: the dataset's figures are each an event's chance for a shipper exposed to it ("0.3 = real
 * chance of sanction-driven disruption"), and eight Russian links are one exposure, not eight independent ones.
 * Events are taken as independent of each other, so a route's chance of a cut is 1 - Π(1 - p) over the distinct
 * events on its way.
 *
 * Each event is a bit: an edge carries the mask of its events (a scheduled train over several links, their
 * union), a route the union of its edges' masks. The search compares masks by inclusion (a label whose events are
 * a subset of another's is no riskier on any completion), and reports -ln(1 - P) of a mask, summed bit by bit in
 * one fixed order so that equal masks give equal numbers.
 */
import type { Issue } from '../errors.ts';

/** Events a dataset may name (bits of a 32-bit mask); links whose risk names no event count one each. */
export const MAX_RISK_EVENTS = 32;

/** The risk events of a network, in order of first appearance among its links; bit i is event i. */
export interface RiskEvents {
  readonly ids: readonly string[];
  /** -ln(1 - p) of each event. */
  readonly riskLog: Float64Array;
  readonly index: ReadonlyMap<string, number>;
}

interface RiskyLink {
  id: string;
  file?: string | undefined;
  risk?: { value: number; event?: string | undefined } | undefined;
}

/** The event a link's risk belongs to: its `event`, or the link itself. */
export function eventOf(l: RiskyLink): string | undefined {
  if (l.risk === undefined) return undefined;
  return l.risk.event ?? `link:${l.id}`;
}

/** -ln(1 - p), with p held below 1 so that a certain cut stays finite. */
export function riskLogOfProbability(p: number): number {
  return -Math.log(1 - Math.min(p, 0.999999));
}

/**
 * The events of a list of links. Throws when two links give one event different chances or when there are more
 * than MAX_RISK_EVENTS (load-time validation, riskEventIssues, reports both first).
 */
export function riskEventsOf(links: readonly RiskyLink[]): RiskEvents {
  const issues = riskEventIssues(links);
  if (issues.length > 0) throw new RangeError(issues.map((i) => i.message).join('; '));
  const ids: string[] = [];
  const logs: number[] = [];
  const index = new Map<string, number>();
  for (const l of links) {
    const ev = eventOf(l);
    if (ev === undefined || l.risk === undefined || index.has(ev)) continue;
    index.set(ev, ids.length);
    ids.push(ev);
    logs.push(riskLogOfProbability(l.risk.value));
  }
  return { ids, riskLog: Float64Array.from(logs), index };
}

/** Links that give one event different chances, and more events than a mask holds. */
export function riskEventIssues(links: readonly RiskyLink[]): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, RiskyLink>();
  for (const l of links) {
    const ev = eventOf(l);
    if (ev === undefined || l.risk === undefined) continue;
    const f = first.get(ev);
    if (f === undefined) first.set(ev, l);
    else if (f.risk?.value !== l.risk.value)
      issues.push({
        code: 'risk_event_conflict',
        file: l.file,
        id: l.id,
        field: 'risk.value',
        value: l.risk.value,
        message: `risk event ${ev} has chance ${f.risk?.value} on link ${f.id}: one event, one chance`,
      });
  }
  if (first.size > MAX_RISK_EVENTS)
    issues.push({
      code: 'too_many_risk_events',
      field: 'risk.event',
      value: first.size,
      message: `${first.size} risk events (a risk without an event counts as one of its own link): at most ${MAX_RISK_EVENTS}; name shared events with risk.event`,
    });
  return issues;
}

/** The mask of a link's event (0 without risk). */
export function linkRiskMask(events: RiskEvents, l: RiskyLink): number {
  const ev = eventOf(l);
  const i = ev === undefined ? undefined : events.index.get(ev);
  return i === undefined ? 0 : 1 << i;
}

/** -ln(1 - P(cut)) of a mask of events: the sum of its events' -ln(1 - p), bit 0 first. */
export function maskRiskLog(eventRiskLog: Float64Array, mask: number): number {
  let r = 0;
  for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) r += eventRiskLog[i] ?? 0;
  return r;
}

/** The ids of a mask's events, in bit order. */
export function maskEvents(ids: readonly string[], mask: number): string[] {
  const out: string[] = [];
  for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) out.push(ids[i] ?? `event ${i}`);
  return out;
}
