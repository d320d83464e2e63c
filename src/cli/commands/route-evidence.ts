/**
 * The evidence of an itinerary as text (`keruen route --evidence`): each leg and stop with its cost parts and
 * time parts and the provenance of each (sourced / estimated / missing), then the shares of cost and time that
 * rest on sourced figures and the price year (issue 15, item 3). The JSON output carries the same fields.
 */
import type { Itinerary } from '../../core/index.ts';

type Parts = Pick<Itinerary['legs'][number], 'costParts' | 'timeParts'>;

const usd = (x: number | null) => (x === null ? 'n/a' : `$${Math.round(x).toLocaleString('en-US')}`);
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** One line of parts: "line_haul $1,750 estimated; border $0 missing | travel 7.8 h sourced". */
function partsLine(p: Parts): string {
  const cost = p.costParts.map((c) => `${c.kind} ${usd(c.usd)} ${c.provenance}`).join('; ');
  const time = p.timeParts.map((t) => `${t.kind} ${t.hours.toFixed(1)} h ${t.provenance}`).join('; ');
  return `${cost || 'no cost parts'} | ${time}`;
}

/**
 * The text of one itinerary's evidence, legs and stops in travel order (stops after the leg that reaches them).
 * @example evidenceReport(result.itineraries[0]) // "Evidence of itinerary 1 (USD of 2025): ..."
 */
export function evidenceReport(it: Omit<Itinerary, 'timeline'>, index = 1): string {
  const t = it.totals;
  const lines = [`Evidence of itinerary ${index} (costs in USD of ${t.priceYear}):`];
  const stopsAt = new Map<string, Itinerary['stops']>();
  for (const s of it.stops) stopsAt.set(s.node, [...(stopsAt.get(s.node) ?? []), s]);
  for (const l of it.legs) {
    for (const s of stopsAt.get(l.from) ?? []) lines.push(`  stop ${s.name} (${s.kind}): ${partsLine(s)}`);
    stopsAt.delete(l.from);
    const units = `${l.units.count.toLocaleString('en-US')} ${l.units.unit}`;
    lines.push(`  ${l.fromName} - ${l.toName} (${l.mode}, ${units}) ${usd(l.costUsd)}: ${partsLine(l)}`);
  }
  lines.push(`  sourced: ${pct(t.costSourcedShare)} of the cost, ${pct(t.timeSourcedShare)} of the time`);
  return `${lines.join('\n')}\n`;
}
