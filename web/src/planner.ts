/**
 * The route planner: the query form, the table of Pareto itineraries (P50/P90 days from the Monte Carlo, cost,
 * CO2e, corridor, transshipments), their lines on the map, and the selected itinerary's legs and charts.
 * The route search (POST /routes) and the Monte Carlo (POST /reliability) run in parallel; without the latter
 * the table still shows the routes, with P50/P90 marked unavailable.
 */
import { must } from '../../src/core/browser.ts';
import {
  type ApiError,
  type ArrivalDistribution,
  getScenarioLibrary,
  type RouteQuery,
  type RouteResult,
  searchReliability,
  searchRoutes,
} from './api.ts';
import { bookingBox } from './book-itinerary.ts';
import { distanceCharts, distributionChart } from './charts.ts';
import { el, statusWriter } from './dom.ts';
import { onLangChange, t } from './i18n.ts';
import { itineraryFacts } from './itinerary-facts.ts';
import { itinerariesTable, legsTable } from './itinerary-tables.ts';
import { scenarioName } from './local-names.ts';
import type { KeruenMap } from './map.ts';
import { type Place, type PlaceIndex, placeCombobox } from './place-search.ts';
import { download, downloadIleap, itinerariesCsv } from './plan-export.ts';
import { hashToPlan, type PlanState, planToHash } from './plan-link.ts';
import { isRank, rankItineraries } from './plan-rank.ts';

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
  /** Deadline of the search, ISO date-time (end of the chosen day, UTC), when one was given. */
  deadline?: string | undefined;
  /** Why P50/P90 are missing, when they are. */
  reliabilityError?: string | undefined;
}

const $ = <T extends HTMLElement>(root: ParentNode, sel: string): T =>
  must(root.querySelector<T>(sel), `page element ${sel}`);

/** Today as yyyy-mm-dd (the date input's format), in UTC like every time the server returns. */
const todayIso = () => new Date().toISOString().slice(0, 10);

/** The planner's form controls (from index.html) and output areas. */
function plannerElements(root: HTMLElement) {
  const form = $<HTMLFormElement>(root, 'form');
  return {
    form,
    status: $<HTMLElement>(root, '.plan-status'),
    results: $<HTMLElement>(root, '.plan-results'),
    detail: $<HTMLElement>(root, '.plan-detail'),
    fromInput: $<HTMLInputElement>(form, '#from'),
    toInput: $<HTMLInputElement>(form, '#to'),
    depart: $<HTMLInputElement>(form, '#depart'),
    deadline: $<HTMLInputElement>(form, '#deadline'),
    rank: $<HTMLSelectElement>(form, '#plan-rank'),
    cargoKind: $<HTMLSelectElement>(form, '#cargo-kind'),
    quantity: $<HTMLInputElement>(form, '#quantity'),
    avoidCountries: $<HTMLInputElement>(form, '#avoid-countries'),
    includePlanned: $<HTMLInputElement>(form, '#include-planned'),
    plannedYear: $<HTMLInputElement>(form, '#planned-year'),
    scenario: $<HTMLSelectElement>(form, '#plan-scenario'),
  };
}

type PlannerElements = ReturnType<typeof plannerElements>;

/** The planner's elements, place pickers, state and status line. */
interface PlannerView extends PlannerElements {
  root: HTMLElement;
  ctx: PlannerContext;
  from: ReturnType<typeof placeCombobox>;
  to: ReturnType<typeof placeCombobox>;
  state: State;
  setStatus: ReturnType<typeof statusWriter>;
}

export function initPlanner(root: HTMLElement, ctx: PlannerContext): void {
  const f = plannerElements(root);
  f.depart.value = todayIso();
  const v: PlannerView = {
    ...f,
    root,
    ctx,
    from: placeCombobox(f.fromInput, ctx.places, () => {}),
    to: placeCombobox(f.toInput, ctx.places, () => {}),
    state: { selected: 0 },
    setStatus: statusWriter(f.status, root),
  };
  f.includePlanned.addEventListener('change', () => {
    f.plannedYear.disabled = !f.includePlanned.checked;
  });
  f.plannedYear.disabled = !f.includePlanned.checked;
  f.form.addEventListener('submit', (e) => void search(v, e));
  f.rank.addEventListener('change', () => {
    if (v.state.result) rerank(v);
  });
  void fillScenarios(f.scenario).then(() => openFromLink(v));
  onLangChange(() => {
    if (v.state.result) render(v);
    else if (f.status.dataset.kind !== 'busy') v.setStatus('');
  });
}

/** The library's scenarios as options after "baseline"; without the library the planner routes on the baseline. */
async function fillScenarios(select: HTMLSelectElement): Promise<void> {
  try {
    const lib = await getScenarioLibrary();
    for (const s of lib.scenarios) {
      const o = el('option', s.year ? `${scenarioName(s)} (${s.year})` : scenarioName(s));
      o.value = s.id;
      select.append(o);
    }
  } catch {
    // The baseline option stays; the route search itself reports a server that does not answer.
  }
}

/** The ready time of a date input: now (to the minute) for today or no date, else 08:00 UTC that day. */
function readyIso(date: string): string {
  if (date && date !== todayIso()) return new Date(`${date}T08:00:00Z`).toISOString();
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return now.toISOString();
}

/** The form as a route query, or the message saying what is wrong with it. */
function readQuery(v: PlannerView): RouteQuery | string {
  const a: Place | undefined = v.from.value();
  const b: Place | undefined = v.to.value();
  if (!a || !b) return t('plan.pickPlace');
  const codes = v.avoidCountries.value
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  const bad = codes.find((c) => !/^[A-Z]{2}$/.test(c));
  if (bad !== undefined) {
    v.avoidCountries.setAttribute('aria-invalid', 'true');
    return `${t('plan.avoidCountries')}: ${bad}`;
  }
  v.avoidCountries.setAttribute('aria-invalid', 'false');
  const modes = [...v.form.querySelectorAll<HTMLInputElement>('input[name=avoid-mode]:checked')].map(
    (c) => c.value as NonNullable<RouteQuery['avoidModes']>[number],
  );
  const q = Math.max(Number(v.quantity.value) || 1, 0.001);
  const kind = v.cargoKind.value as NonNullable<RouteQuery['cargo']>['kind'];
  return {
    from: a.id,
    to: b.id,
    // Today means now, to the minute, sent explicitly so that the route search and the Monte Carlo plan from the
    // same instant (their itineraries are matched by key, which holds the departures); another day, 08:00 UTC.
    depart: readyIso(v.depart.value),
    cargo: kind === 'containers' ? { kind, teu: q } : { kind, tonnes: q },
    avoidCountries: codes.length ? codes : undefined,
    avoidModes: modes.length ? modes : undefined,
    includePlannedUpTo: v.includePlanned.checked ? Number(v.plannedYear.value) || undefined : undefined,
    scenario: v.scenario.value === 'baseline' ? undefined : v.scenario.value,
  };
}

/** Runs the route search and the Monte Carlo together; the table shows the routes even if the latter fails. */
async function search(v: PlannerView, e: Event): Promise<void> {
  e.preventDefault();
  const q = readQuery(v);
  if (typeof q === 'string') {
    v.setStatus(q, 'error');
    return;
  }
  const { state } = v;
  v.setStatus(t('plan.searching'), 'busy');
  v.results.replaceChildren();
  v.detail.replaceChildren();
  const submit = must(v.form.querySelector<HTMLButtonElement>('button[type=submit]'), 'submit button');
  submit.disabled = true;
  try {
    const deadline = v.deadline.value ? new Date(`${v.deadline.value}T23:59:59Z`).toISOString() : undefined;
    const [routes, rel] = await Promise.all([
      searchRoutes(q),
      searchReliability({ ...q, samples: SAMPLES, seed: 1, deadline }).catch((err: unknown) => err as Error),
    ]);
    state.query = q;
    state.deadline = deadline;
    state.selected = 0;
    state.result = routes;
    state.reliabilityError = undefined;
    if (rel instanceof Error) state.reliabilityError = rel.message;
    else attachArrivals(routes, rel);
    routes.itineraries = rankItineraries(routes.itineraries, isRank(v.rank.value) ? v.rank.value : 'pareto');
    history.replaceState(null, '', `#${planToHash(planState(v))}`);
    v.setStatus('');
    render(v);
  } catch (err) {
    state.result = undefined;
    v.setStatus(t('common.error', { msg: (err as ApiError).message }), 'error');
    (await v.ctx.map).showItineraries([], 0);
  } finally {
    submit.disabled = false;
  }
}

function render(v: PlannerView): void {
  renderResults(v);
  void renderSelected(v);
}

/** The table of itineraries (or the notice that there is none), and the Monte Carlo's error if any. */
function renderResults(v: PlannerView): void {
  const { results, state } = v;
  results.replaceChildren();
  const r = state.result;
  if (!r) return;
  for (const n of r.notes ?? [])
    results.append(
      el('p', n.code === 'past_departure' ? t('plan.pastDeparture', { date: n.value }) : n.message, 'notice'),
    );
  if (r.itineraries.length === 0) {
    results.append(el('p', t('plan.noRoute', { msg: r.noRoute?.message ?? '' }), 'notice'));
    return;
  }
  results.append(el('h2', t('plan.results')), exportBar(v, r));
  const wrap = el('div', undefined, 'table-wrap');
  wrap.append(itinerariesTable(r, state.selected, (i) => select(v, i)));
  results.append(wrap);
  if (state.reliabilityError) results.append(el('p', t('common.error', { msg: state.reliabilityError }), 'notice'));
}

function select(v: PlannerView, i: number): void {
  v.state.selected = i;
  for (const tr of v.results.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    const on = tr.dataset.index === String(i);
    tr.classList.toggle('selected', on);
    tr.querySelector('button')?.setAttribute('aria-pressed', String(on));
  }
  void renderSelected(v);
}

/** The selected itinerary on the map, and its facts, charts and legs below the table. */
async function renderSelected(v: PlannerView): Promise<void> {
  const { detail, state } = v;
  detail.replaceChildren();
  const r = state.result;
  const m = await v.ctx.map;
  if (!r || r.itineraries.length === 0) {
    m.showItineraries([], 0);
    return;
  }
  m.showItineraries(r.itineraries, state.selected);
  const it = must(r.itineraries[state.selected], 'selected itinerary');
  const width = Math.max(280, Math.min(560, detail.clientWidth || 440));
  const h = el('h2', t('it.heading', { n: state.selected + 1, corridor: t(`corridor.${it.corridor}`) }));
  h.tabIndex = -1;
  detail.append(h);
  detail.append(el('p', itineraryFacts(it, state.deadline), 'it-facts'));
  if (it.arrival) detail.append(distributionChart(it.arrival, width));
  else detail.append(el('p', t('chart.noDistribution'), 'notice'));
  detail.append(distanceCharts(it, width));
  detail.append(legsTable(it, v.ctx.showPlace));
  if (state.query) detail.append(bookingBox(state.query, it));
}

/** Re-sorts the itineraries shown, keeping the selected one selected. */
function rerank(v: PlannerView): void {
  const r = v.state.result;
  if (!r) return;
  const selected = r.itineraries[v.state.selected];
  r.itineraries = rankItineraries(r.itineraries, isRank(v.rank.value) ? v.rank.value : 'pareto');
  v.state.selected = Math.max(0, selected ? r.itineraries.indexOf(selected) : 0);
  history.replaceState(null, '', `#${planToHash(planState(v))}`);
  render(v);
}

/** A place name as part of a file name: letters and digits, the rest as dashes. */
const fileName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The buttons over the results: CSV of the itineraries, the printable summary, the permalink. */
function exportBar(v: PlannerView, r: RouteResult): HTMLElement {
  const bar = el('div', undefined, 'export-bar');
  const button = (key: string, onClick: () => void) => {
    const b = el('button', t(key));
    b.type = 'button';
    b.addEventListener('click', onClick);
    bar.append(b);
  };
  button('plan.csv', () => download(`keruen-${fileName(r.from.name)}-${fileName(r.to.name)}.csv`, itinerariesCsv(r)));
  button('plan.print', () => window.print());
  button('plan.ileap', () => {
    const it = v.state.result?.itineraries[v.state.selected];
    if (v.state.query === undefined || it === undefined) return;
    downloadIleap(v.state.query, it).then(
      (key) => v.setStatus(t('plan.ileapDone', { key })),
      (err: unknown) => v.setStatus(t('common.error', { msg: (err as Error).message }), 'error'),
    );
  });
  button('plan.copyLink', () => {
    void navigator.clipboard?.writeText(location.href).then(() => v.setStatus(t('plan.linkCopied')));
  });
  return bar;
}

/** The form as a permalink state. */
function planState(v: PlannerView): PlanState {
  return {
    from: v.from.value()?.id ?? '',
    to: v.to.value()?.id ?? '',
    depart: v.depart.value || undefined,
    deadline: v.deadline.value || undefined,
    cargo: v.cargoKind.value,
    quantity: v.quantity.value,
    avoidCountries: v.avoidCountries.value || undefined,
    avoidModes: [...v.form.querySelectorAll<HTMLInputElement>('input[name=avoid-mode]:checked')].map((c) => c.value),
    plannedYear: v.includePlanned.checked ? v.plannedYear.value : undefined,
    scenario: v.scenario.value === 'baseline' ? undefined : v.scenario.value,
    rank: v.rank.value === 'pareto' ? undefined : v.rank.value,
  };
}

/** Fills the form from the page's address (a permalink) and runs the search; nothing when it holds no plan. */
function openFromLink(v: PlannerView): void {
  const p = hashToPlan(location.hash);
  const from = p && v.ctx.places.byId.get(p.from);
  const to = p && v.ctx.places.byId.get(p.to);
  if (!p || !from || !to) return;
  v.from.set(from);
  v.to.set(to);
  if (p.depart) v.depart.value = p.depart;
  v.deadline.value = p.deadline ?? '';
  v.cargoKind.value = p.cargo;
  v.quantity.value = p.quantity;
  v.avoidCountries.value = p.avoidCountries ?? '';
  for (const c of v.form.querySelectorAll<HTMLInputElement>('input[name=avoid-mode]'))
    c.checked = p.avoidModes.includes(c.value);
  v.includePlanned.checked = p.plannedYear !== undefined;
  v.plannedYear.disabled = !v.includePlanned.checked;
  if (p.plannedYear) v.plannedYear.value = p.plannedYear;
  if (p.scenario && [...v.scenario.options].some((o) => o.value === p.scenario)) v.scenario.value = p.scenario;
  v.rank.value = isRank(p.rank) ? p.rank : 'pareto';
  v.form.requestSubmit();
}

/** Copies each itinerary's Monte Carlo result onto the route search's itinerary with the same key. */
function attachArrivals(
  routes: RouteResult,
  rel: { itineraries?: Array<{ key?: string; transitH?: ArrivalDistribution }> },
): void {
  // Both calls run the same deterministic search; matching by key guards against a server that changed between.
  const byKey = new Map((rel.itineraries ?? []).map((r) => [r.key, r.transitH]));
  for (const it of routes.itineraries) {
    const d = byKey.get(it.key);
    if (d) it.arrival = d;
  }
}
