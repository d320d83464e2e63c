/**
 * The route planner: the query form, the table of Pareto itineraries (P50/P90 days from the Monte Carlo, cost,
 * CO2e, corridor, transshipments), their lines on the map, and the selected itinerary's legs and charts.
 * The route search (POST /routes) and the Monte Carlo (POST /reliability) run in parallel; without the latter
 * the table still shows the routes, with P50/P90 marked unavailable.
 */
import {
  type ApiError,
  type ArrivalDistribution,
  type Itinerary,
  type RouteQuery,
  type RouteResult,
  searchReliability,
  searchRoutes,
} from './api.ts';
import { distanceCharts, distributionChart } from './charts.ts';
import { fmtDate, fmtDateTime, fmtDays, fmtNumber, fmtPercent, fmtUsd, onLangChange, t } from './i18n.ts';
import type { KeruenMap } from './map.ts';
import { type Place, type PlaceIndex, placeCombobox } from './place-search.ts';

/** Monte Carlo samples per itinerary: a P90 to within about a percent, and an answer in well under a second. */
const SAMPLES = 2000;

export interface PlannerContext {
  places: PlaceIndex;
  map: Promise<KeruenMap>;
  showPlace(id: string): void;
}

interface State {
  result?: RouteResult | undefined;
  selected: number;
  query?: RouteQuery | undefined;
  /** Why P50/P90 are missing, when they are. */
  reliabilityError?: string | undefined;
}

const $ = <T extends HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel)!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Today as yyyy-mm-dd (the date input's format), in UTC like every time the server returns. */
const todayIso = () => new Date().toISOString().slice(0, 10);

export function initPlanner(root: HTMLElement, ctx: PlannerContext): void {
  const form = $<HTMLFormElement>(root, 'form');
  const status = $<HTMLElement>(root, '.plan-status');
  const results = $<HTMLElement>(root, '.plan-results');
  const detail = $<HTMLElement>(root, '.plan-detail');
  const fromInput = $<HTMLInputElement>(form, '#from');
  const toInput = $<HTMLInputElement>(form, '#to');
  const depart = $<HTMLInputElement>(form, '#depart');
  const cargoKind = $<HTMLSelectElement>(form, '#cargo-kind');
  const quantity = $<HTMLInputElement>(form, '#quantity');
  const avoidCountries = $<HTMLInputElement>(form, '#avoid-countries');
  const includePlanned = $<HTMLInputElement>(form, '#include-planned');
  const plannedYear = $<HTMLInputElement>(form, '#planned-year');
  depart.value = todayIso();

  const from = placeCombobox(fromInput, ctx.places, () => {});
  const to = placeCombobox(toInput, ctx.places, () => {});
  const state: State = { selected: 0 };

  includePlanned.addEventListener('change', () => {
    plannedYear.disabled = !includePlanned.checked;
  });
  plannedYear.disabled = !includePlanned.checked;

  const setStatus = (text: string, kind: 'info' | 'busy' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
    root.setAttribute('aria-busy', String(kind === 'busy'));
  };

  const readQuery = (): RouteQuery | string => {
    const a: Place | undefined = from.value();
    const b: Place | undefined = to.value();
    if (!a || !b) return t('plan.pickPlace');
    const codes = avoidCountries.value
      .split(/[\s,;]+/)
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== '');
    const bad = codes.find((c) => !/^[A-Z]{2}$/.test(c));
    if (bad !== undefined) {
      avoidCountries.setAttribute('aria-invalid', 'true');
      return `${t('plan.avoidCountries')}: ${bad}`;
    }
    avoidCountries.setAttribute('aria-invalid', 'false');
    const modes = [...form.querySelectorAll<HTMLInputElement>('input[name=avoid-mode]:checked')].map(
      (c) => c.value as NonNullable<RouteQuery['avoidModes']>[number],
    );
    const q = Math.max(Number(quantity.value) || 1, 0.001);
    const kind = cargoKind.value as NonNullable<RouteQuery['cargo']>['kind'];
    return {
      from: a.id,
      to: b.id,
      depart: depart.value ? new Date(`${depart.value}T08:00:00Z`).toISOString() : undefined,
      cargo: kind === 'containers' ? { kind, teu: q } : { kind, tonnes: q },
      avoidCountries: codes.length ? codes : undefined,
      avoidModes: modes.length ? modes : undefined,
      includePlannedUpTo: includePlanned.checked ? Number(plannedYear.value) || undefined : undefined,
    };
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = readQuery();
    if (typeof q === 'string') {
      setStatus(q, 'error');
      return;
    }
    setStatus(t('plan.searching'), 'busy');
    results.replaceChildren();
    detail.replaceChildren();
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.disabled = true;
    try {
      const [routes, rel] = await Promise.all([
        searchRoutes(q),
        searchReliability({ ...q, samples: SAMPLES, seed: 1 }).catch((err: unknown) => err as Error),
      ]);
      state.query = q;
      state.selected = 0;
      state.result = routes;
      state.reliabilityError = undefined;
      if (rel instanceof Error) state.reliabilityError = rel.message;
      else attachArrivals(routes, rel);
      setStatus('');
      render();
    } catch (err) {
      state.result = undefined;
      setStatus(t('common.error', { msg: (err as ApiError).message }), 'error');
      (await ctx.map).showItineraries([], 0);
    } finally {
      submit.disabled = false;
    }
  });

  const render = () => {
    renderResults();
    void renderSelected();
  };

  const renderResults = () => {
    results.replaceChildren();
    const r = state.result;
    if (!r) return;
    if (r.itineraries.length === 0) {
      results.append(el('p', t('plan.noRoute', { msg: r.noRoute?.message ?? '' }), 'notice'));
      return;
    }
    results.append(el('h2', t('plan.results')));
    const table = el('table', undefined, 'itineraries');
    table.dataset.testid = 'itineraries';
    const cap = el('caption', t('plan.resultsCaption', { from: r.from.name, to: r.to.name }));
    const thead = el('thead');
    const hr = el('tr');
    for (const k of ['#', 'col.corridor', 'col.p50', 'col.p90', 'col.cost', 'col.co2e', 'col.transfers']) {
      const th = el('th', k === '#' ? '#' : t(k));
      th.scope = 'col';
      if (!['#', 'col.corridor'].includes(k)) th.className = 'num';
      hr.append(th);
    }
    thead.append(hr);
    const tbody = el('tbody');
    // Key nodes that every itinerary of the same corridor shares (the origin's border crossing, say) tell them
    // nothing apart: leave them out of the short "via" text (its tooltip keeps them all).
    const sharedIn = new Map<string, Set<string>>();
    for (const it of r.itineraries) {
      const prev = sharedIn.get(it.corridor);
      sharedIn.set(it.corridor, new Set(prev ? it.keyNodes.filter((n) => prev.has(n)) : it.keyNodes));
    }
    const groupSize = (c: string) => r.itineraries.filter((x) => x.corridor === c).length;
    r.itineraries.forEach((it, i) => {
      const tr = el('tr');
      tr.dataset.index = String(i);
      tr.dataset.corridor = it.corridor;
      if (i === state.selected) tr.className = 'selected';
      const first = el('td');
      const btn = el('button', String(i + 1), 'row-select');
      btn.type = 'button';
      btn.setAttribute('aria-pressed', String(i === state.selected));
      btn.setAttribute('aria-label', `${t('col.select')} ${i + 1}: ${t(`corridor.${it.corridor}`)}`);
      btn.addEventListener('click', () => select(i));
      first.append(btn);
      // The corridor, and under it the places that tell two itineraries of one corridor apart.
      const shared = groupSize(it.corridor) > 1 ? sharedIn.get(it.corridor)! : new Set<string>();
      const own = it.keyNodes.slice(1, -1).filter((n) => !shared.has(n));
      const via = own.length > 0 ? own : it.keyNodes.slice(1, -1);
      const viaText = via.length > 5 ? [...via.slice(0, 2), '…', ...via.slice(-2)].join(' · ') : via.join(' · ');
      const corridor = el('td', undefined, 'corridor');
      const viaSpan = el('span', `${t('col.via')}: ${viaText}`, 'via');
      viaSpan.title = it.keyNodes.join(' → ');
      corridor.append(el('span', t(`corridor.${it.corridor}`), 'corridor-name'), viaSpan);
      const na = t('it.unknown');
      const a = it.arrival;
      const cost = el('td', `${it.totals.costComplete ? '' : '≥ '}${fmtNumber(it.totals.costUsd)}`, 'num');
      if (!it.totals.costComplete) cost.title = t('it.costIncomplete');
      tr.append(
        first,
        corridor,
        el('td', a ? fmtDays(a.p50) : na, 'num'),
        el('td', a ? fmtDays(a.p90) : na, 'num'),
        cost,
        el('td', it.totals.co2eKg === null ? na : fmtNumber(it.totals.co2eKg / 1000, 2), 'num'),
        el('td', String(it.totals.transfers), 'num'),
      );
      tr.addEventListener('click', (e) => {
        if (!(e.target as HTMLElement).closest('button')) select(i);
      });
      tbody.append(tr);
    });
    table.append(cap, thead, tbody);
    const wrap = el('div', undefined, 'table-wrap');
    wrap.append(table);
    results.append(wrap);
    if (state.reliabilityError) results.append(el('p', t('common.error', { msg: state.reliabilityError }), 'notice'));
  };

  const select = (i: number) => {
    state.selected = i;
    for (const tr of results.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      const on = tr.dataset.index === String(i);
      tr.classList.toggle('selected', on);
      tr.querySelector('button')?.setAttribute('aria-pressed', String(on));
    }
    void renderSelected();
  };

  const renderSelected = async () => {
    detail.replaceChildren();
    const r = state.result;
    const m = await ctx.map;
    if (!r || r.itineraries.length === 0) {
      m.showItineraries([], 0);
      return;
    }
    m.showItineraries(r.itineraries, state.selected);
    const it = r.itineraries[state.selected]!;
    const width = Math.max(280, Math.min(560, detail.clientWidth || 440));
    const h = el('h2', t('it.heading', { n: state.selected + 1, corridor: t(`corridor.${it.corridor}`) }));
    h.tabIndex = -1;
    detail.append(h);
    const facts = el('p', undefined, 'it-facts');
    const costText = `${fmtUsd(it.totals.costUsd)}${it.totals.costComplete ? '' : ` (${t('it.costIncomplete')})`}`;
    facts.textContent = [
      `${fmtDateTime(it.totals.depart)} → ${fmtDateTime(it.totals.arrive)}`,
      `${fmtNumber(it.totals.distanceKm)} km`,
      costText,
      t('it.risk', { p: fmtPercent(it.totals.riskProbability) }),
    ].join(' · ');
    detail.append(facts);
    if (it.arrival) detail.append(distributionChart(it.arrival, width));
    else detail.append(el('p', t('chart.noDistribution'), 'notice'));
    detail.append(distanceCharts(it, width));
    detail.append(legsTable(it, ctx.showPlace));
  };

  onLangChange(() => {
    if (state.result) render();
    else if (status.dataset.kind !== 'busy') setStatus('');
  });
}

/** Copies each itinerary's Monte Carlo result onto the route search's itinerary of the same corridor and path. */
function attachArrivals(
  routes: RouteResult,
  rel: { itineraries?: Array<{ corridor: string; keyNodes: string[]; transitH?: ArrivalDistribution }> },
): void {
  const rels = rel.itineraries ?? [];
  routes.itineraries.forEach((it, i) => {
    const r = rels[i];
    // Both calls run the same deterministic search; the check guards against a server that changed in between.
    if (r?.transitH && r.corridor === it.corridor && r.keyNodes.join('|') === it.keyNodes.join('|'))
      it.arrival = r.transitH;
  });
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

function legsTable(it: Itinerary, show: (id: string) => void): HTMLElement {
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
      placeButton(l.fromName, l.from, show),
      placeButton(l.toName, l.to, show),
      el('td', t(`mode.${l.mode}`)),
      el('td', `${fmtNumber(l.distanceKm)} km`, 'num'),
      el('td', fmtDate(l.depart)),
      el('td', fmtNumber(l.waitH, 1), 'num'),
      el('td', fmtNumber(l.borderH, 1), 'num'),
      el('td', fmtNumber(l.travelH, 1), 'num'),
      el('td', l.costUsd === null ? na : fmtNumber(l.costUsd), 'num'),
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
