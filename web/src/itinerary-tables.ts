/**
 * The planner's tables: the Pareto itineraries of a search (one row each: corridor and the places that tell it
 * apart, P50/P90 days, cost, CO2e, transfers), and the legs of the selected one.
 */
import type { Itinerary, RouteResult } from './api.ts';
import { el } from './dom.ts';
import { fmtDate, fmtDays, fmtNumber, t } from './i18n.ts';
import { localName } from './local-names.ts';

/**
 * Per corridor, the key nodes that every itinerary of that corridor shares (the origin's border crossing, say):
 * they tell the itineraries nothing apart.
 */
export function sharedKeyNodes(its: readonly Pick<Itinerary, 'corridor' | 'keyNodes'>[]): Map<string, Set<string>> {
  const sharedIn = new Map<string, Set<string>>();
  for (const it of its) {
    const prev = sharedIn.get(it.corridor);
    sharedIn.set(it.corridor, new Set(prev ? it.keyNodes.filter((n) => prev.has(n)) : it.keyNodes));
  }
  return sharedIn;
}

/**
 * The short "via" text of an itinerary: its intermediate key nodes less those in `shared` (all of them when none
 * is left), the first two and last two with an ellipsis when more than five.
 * @example viaText(['A', 'B', 'C', 'D'], new Set(['B'])) // 'C'
 */
export function viaText(keyNodes: readonly string[], shared: ReadonlySet<string>): string {
  const own = keyNodes.slice(1, -1).filter((n) => !shared.has(n));
  const via = own.length > 0 ? own : keyNodes.slice(1, -1);
  return via.length > 5 ? [...via.slice(0, 2), '…', ...via.slice(-2)].join(' · ') : via.join(' · ');
}

/** The itineraries table (data-testid itineraries); `onSelect` gets the row index clicked. */
export function itinerariesTable(r: RouteResult, selected: number, onSelect: (i: number) => void): HTMLTableElement {
  const table = el('table', undefined, 'itineraries');
  table.dataset.testid = 'itineraries';
  const cap = el('caption', t('plan.resultsCaption', { from: localName(r.from.name), to: localName(r.to.name) }));
  const thead = el('thead');
  const hr = el('tr');
  for (const k of ['#', 'col.corridor', 'col.p50', 'col.p90', 'col.cost', 'col.sourced', 'col.co2e', 'col.transfers']) {
    const th = el('th', k === '#' ? '#' : t(k));
    th.scope = 'col';
    if (!['#', 'col.corridor'].includes(k)) th.className = 'num';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  // Shared key nodes are left out of the short "via" text (its tooltip keeps them all).
  const sharedIn = sharedKeyNodes(r.itineraries);
  const groupSize = (c: string) => r.itineraries.filter((x) => x.corridor === c).length;
  r.itineraries.forEach((it, i) => {
    const shared = (groupSize(it.corridor) > 1 ? sharedIn.get(it.corridor) : undefined) ?? new Set<string>();
    tbody.append(itineraryRow(it, i, i === selected, shared, onSelect));
  });
  table.append(cap, thead, tbody);
  return table;
}

/** One itinerary's row: its select button, corridor and "via", P50/P90 days, cost, CO2e, transfers. */
function itineraryRow(
  it: Itinerary,
  i: number,
  selected: boolean,
  shared: ReadonlySet<string>,
  onSelect: (i: number) => void,
): HTMLTableRowElement {
  const tr = el('tr');
  tr.dataset.index = String(i);
  tr.dataset.corridor = it.corridor;
  if (selected) tr.className = 'selected';
  const first = el('td');
  const btn = el('button', String(i + 1), 'row-select');
  btn.type = 'button';
  btn.setAttribute('aria-pressed', String(selected));
  btn.setAttribute('aria-label', `${t('col.select')} ${i + 1}: ${t(`corridor.${it.corridor}`)}`);
  btn.addEventListener('click', () => onSelect(i));
  first.append(btn);
  // The corridor, and under it the places that tell two itineraries of one corridor apart.
  const corridor = el('td', undefined, 'corridor');
  const local = new Set([...shared].map((n) => localName(n)));
  const viaSpan = el(
    'span',
    `${t('col.via')}: ${viaText(
      it.keyNodes.map((n) => localName(n)),
      local,
    )}`,
    'via',
  );
  viaSpan.title = it.keyNodes.map((n) => localName(n)).join(' → ');
  corridor.append(el('span', t(`corridor.${it.corridor}`), 'corridor-name'), viaSpan);
  const na = t('it.unknown');
  const a = it.arrival;
  const cost = el('td', `${it.totals.costComplete ? '' : '≥ '}${fmtNumber(it.totals.costUsd)}`, 'num');
  if (!it.totals.costComplete) cost.title = t('it.costIncomplete');
  const sourced = el('td', `${pct(it.totals.costSourcedShare)} / ${pct(it.totals.timeSourcedShare)}`, 'num');
  sourced.title = t('it.sourcedTitle', { year: it.totals.priceYear });
  tr.append(
    first,
    corridor,
    el('td', a ? fmtDays(a.p50) : na, 'num'),
    el('td', a ? fmtDays(a.p90) : na, 'num'),
    cost,
    sourced,
    el('td', it.totals.co2eKg === null ? na : fmtNumber(it.totals.co2eKg / 1000, 2), 'num'),
    el('td', String(it.totals.transfers), 'num'),
  );
  tr.addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('button')) onSelect(i);
  });
  return tr;
}

/** A share as a whole percentage; a dash when there is nothing to weigh. */
const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);

/**
 * A leg's cost and time parts with the provenance of each, e.g. "line haul 1,750 sourced · travel 7.8 h sourced".
 * @example evidenceText(it.legs[0])
 */
export function evidenceText(l: Pick<Itinerary['legs'][number], 'costParts' | 'timeParts'>): string {
  const cost = l.costParts.map(
    (p) => `${t(`part.${p.kind}`)} ${p.usd === null ? t('it.unknown') : fmtNumber(p.usd)} ${t(`prov.${p.provenance}`)}`,
  );
  const time = l.timeParts.map((p) => `${t(`part.${p.kind}`)} ${fmtNumber(p.hours, 1)} h ${t(`prov.${p.provenance}`)}`);
  return [...cost, ...time].join(' · ');
}

/** A node name that opens the node's facts panel (the keyboard's way to what a map click shows). */
function placeButton(name: string, id: string, show: (id: string) => void): HTMLElement {
  const td = el('td');
  const b = el('button', name, 'link');
  b.type = 'button';
  b.addEventListener('click', () => show(id));
  td.append(b);
  return td;
}

export function legsTable(it: Itinerary, show: (id: string) => void): HTMLElement {
  const details = el('details', undefined, 'legs');
  details.open = false;
  details.append(el('summary', `${t('it.legs')} (${it.legs.length})`));
  const table = el('table');
  const thead = el('thead');
  const hr = el('tr');
  for (const k of [
    'col.from',
    'col.to',
    'field.mode',
    'field.distance',
    'col.depart',
    'col.wait',
    'col.border',
    'col.travel',
    'col.cost',
    'col.evidence',
    'col.service',
  ]) {
    const th = el('th', t(k));
    th.scope = 'col';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = el('tbody');
  const na = t('it.unknown');
  for (const l of it.legs) {
    const tr = el('tr');
    tr.append(
      placeButton(localName(l.from, l.fromName), l.from, show),
      placeButton(localName(l.to, l.toName), l.to, show),
      el('td', t(`mode.${l.mode}`)),
      el('td', `${fmtNumber(l.distanceKm)} km`, 'num'),
      el('td', fmtDate(l.depart)),
      el('td', fmtNumber(l.waitH, 1), 'num'),
      el('td', fmtNumber(l.borderH, 1), 'num'),
      el('td', fmtNumber(l.travelH, 1), 'num'),
      el('td', l.costUsd === null ? na : fmtNumber(l.costUsd), 'num'),
      el('td', evidenceText(l), 'evidence'),
      el('td', l.service?.name ?? ''),
    );
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const wrap = el('div', undefined, 'table-wrap');
  wrap.append(table);
  details.append(wrap);
  return details;
}
