/**
 * Scenario comparison by one route question: two of {baseline, stored scenarios} compared by a route search
 * (POST /scenarios/compare): itineraries, fastest and cheapest, fastest per corridor; the map colours the links
 * each scenario changes.
 */
import { type CompareResult, compareScenarios, type RouteSummary, type ScenarioRecord } from './api.ts';
import { el, headedTable, labelled, statusWriter, tableWrap } from './dom.ts';
import { effectOf } from './effect.ts';
import { t } from './i18n.ts';
import type { KeruenMap } from './map.ts';
import { placeCombobox } from './place-search.ts';
import type { PlannerContext } from './planner.ts';
import { type RouteMetricRow, routeMetricRows } from './route-metrics.ts';
import { changedLinkValues, touchedLinks } from './scenario-links.ts';

/** The baseline's value in the run selects. */
export const BASELINE = '';

/** The route-question part of the scenarios view. */
interface RouteCompareView {
  ctx: PlannerContext;
  scenarios: () => ScenarioRecord[];
  form: HTMLFormElement;
  selA: HTMLSelectElement;
  selB: HTMLSelectElement;
  submit: HTMLButtonElement;
  out: HTMLElement;
  setStatus: ReturnType<typeof statusWriter>;
  fromBox: ReturnType<typeof placeCombobox>;
  toBox: ReturnType<typeof placeCombobox>;
  last?: { result: CompareResult; a: string; b: string } | undefined;
}

/**
 * Builds the form and wires it. `mount` puts the heading, form, status line and results in the page (the place
 * comboboxes attach once the inputs are there); `root` is marked busy while a comparison runs. Returns the status
 * writer, the selects and their refill, and a re-render.
 */
export function routeCompareSection(
  ctx: PlannerContext,
  scenarios: () => ScenarioRecord[],
  root: HTMLElement,
  mount: (heading: HTMLElement, form: HTMLElement, status: HTMLElement, out: HTMLElement) => void,
) {
  const heading = el('h3', t('sc.routeHeading'));
  heading.dataset.i18n = 'sc.routeHeading';
  const form = el('form', undefined, 'sc-route');
  form.noValidate = true;
  const selA = el('select');
  const selB = el('select');
  const from = el('input');
  const to = el('input');
  from.type = to.type = 'text';
  const submit = el('button', t('sc.compare'), 'primary');
  submit.type = 'submit';
  submit.dataset.i18n = 'sc.compare';
  form.append(
    labelled('sc-a', 'sc.a', selA),
    labelled('sc-b', 'sc.b', selB),
    labelled('sc-from', 'plan.from', from),
    labelled('sc-to', 'plan.to', to),
    submit,
  );
  for (const f of form.querySelectorAll('.field')) f.classList.add('combo');
  const status = el('p', '', 'status');
  status.setAttribute('role', 'status');
  const out = el('div', undefined, 'sc-results');
  mount(heading, form, status, out);
  const fromBox = placeCombobox(from, ctx.places, () => {});
  const toBox = placeCombobox(to, ctx.places, () => {});
  const setStatus = statusWriter(status, root);
  const v: RouteCompareView = { ctx, scenarios, form, selA, selB, submit, out, setStatus, fromBox, toBox };
  form.addEventListener('submit', (e) => void submitRouteCompare(v, e));
  return { setStatus, fillSelects: () => fillRunSelects(v), render: () => renderRouteCompare(v), selA, selB };
}

/** Display name of a run: the baseline, a stored scenario, or the id itself. */
function nameOf(v: RouteCompareView, id: string): string {
  return id === BASELINE ? t('sc.baseline') : (v.scenarios().find((s) => s.id === id)?.scenario.name ?? id);
}

/** Fills both run selects with the baseline and the stored scenarios, keeping a choice still offered. */
function fillRunSelects(v: RouteCompareView): void {
  const scenarios = v.scenarios();
  for (const [sel, def] of [
    [v.selA, BASELINE],
    [v.selB, scenarios[0]?.id ?? BASELINE],
  ] as const) {
    const keep = sel.value;
    sel.replaceChildren();
    for (const id of [BASELINE, ...scenarios.map((s) => s.id)]) {
      const o = el('option', nameOf(v, id));
      o.value = id;
      sel.append(o);
    }
    sel.value = [...sel.options].some((o) => o.value === keep) && keep !== '' ? keep : def;
  }
}

async function submitRouteCompare(v: RouteCompareView, e: Event): Promise<void> {
  e.preventDefault();
  const a = v.selA.value;
  const b = v.selB.value;
  const p = v.fromBox.value();
  const q = v.toBox.value();
  if (!p || !q) return v.setStatus(t('plan.pickPlace'), 'error');
  const ids = [...new Set([a, b].filter((x) => x !== BASELINE))];
  if (ids.length === 0) return v.setStatus(t('sc.pickTwo'), 'error');
  v.setStatus(t('sc.comparing'), 'busy');
  v.submit.disabled = true;
  try {
    const result = await compareScenarios({
      from: p.id,
      to: q.id,
      cargo: { kind: 'containers', teu: 1 },
      scenarios: ids,
    });
    v.last = { result, a, b };
    v.setStatus('');
    await renderRouteCompare(v);
  } catch (err) {
    v.setStatus(t('common.error', { msg: (err as Error).message }), 'error');
  } finally {
    v.submit.disabled = false;
  }
}

const summaryOf = (r: CompareResult, id: string): RouteSummary | undefined =>
  id === BASELINE ? r.baseline : r.scenarios.find((s) => s.id === id);

/** Draws the last answer: the metric table, notices of no route, and the changed links on the map. */
async function renderRouteCompare(v: RouteCompareView): Promise<void> {
  v.out.replaceChildren();
  if (!v.last) return;
  const { result, a, b } = v.last;
  const A = summaryOf(result, a);
  const B = summaryOf(result, b);
  if (!A || !B) return;
  v.out.append(tableWrap(routeMetricTable(routeMetricRows(A, B), nameOf(v, a), nameOf(v, b))));
  for (const s of [A, B]) if (s.noRoute) v.out.append(el('p', t('plan.noRoute', { msg: s.noRoute.message }), 'notice'));
  // Map: the links each scenario changes (itinerary lines would hide them).
  const m = await v.ctx.map;
  showChangedLinks(v, m, a, b);
}

/** The metric table (data-testid scenario-table). */
function routeMetricTable(rows: readonly RouteMetricRow[], nameA: string, nameB: string): HTMLTableElement {
  const { table, tbody } = headedTable([t('sc.metric'), nameA, nameB, t('sc.delta')], 'sc-table', t('sc.table'));
  table.dataset.testid = 'scenario-table';
  for (const { label, a: x, b: y, fmt, better } of rows) {
    const tr = el('tr');
    const th = el('th', label);
    th.scope = 'row';
    const d = x !== null && y !== null ? y - x : null;
    const delta = el('td', d === null ? t('it.unknown') : `${d > 0 ? '+' : ''}${fmt(d)}`, 'num');
    if (d !== null && d !== 0) delta.dataset.sign = d > 0 ? 'up' : 'down';
    const effect = effectOf(d, better);
    if (effect) delta.dataset.effect = effect;
    tr.append(
      th,
      el('td', x === null ? t('it.unknown') : fmt(x), 'num'),
      el('td', y === null ? t('it.unknown') : fmt(y), 'num'),
      delta,
    );
    tbody.append(tr);
  }
  return table;
}

/** Colours the links scenario a, scenario b or both change, with a legend and a button to clear the map. */
function showChangedLinks(v: RouteCompareView, m: KeruenMap, a: string, b: string): void {
  m.showItineraries([], 0);
  const scA = v.scenarios().find((s) => s.id === a)?.scenario;
  const scB = v.scenarios().find((s) => s.id === b)?.scenario;
  const values = changedLinkValues(
    scA ? touchedLinks(scA, m) : new Set<string>(),
    scB ? touchedLinks(scB, m) : new Set<string>(),
  );
  m.showLinkUtilisation(undefined);
  m.showLinkValues(values.size ? values : undefined);
  const legend = el('ul', undefined, 'sc-legend');
  for (const [cls, key] of [
    ['a', 'sc.legendA'],
    ['b', 'sc.legendB'],
    ['both', 'sc.legendBoth'],
  ] as const) {
    const li = el('li');
    const sw = el('span', undefined, `sw-line sc-${cls}`);
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, document.createTextNode(t(key, { a: nameOf(v, a), b: nameOf(v, b) })));
    legend.append(li);
  }
  v.out.append(el('h3', t('map.legend')), legend, el('p', t('sc.changedLinks', { n: values.size }), 'hint'));
  const clear = el('button', t('sc.clearMap'), 'secondary');
  clear.type = 'button';
  clear.addEventListener('click', () => m.showLinkValues(undefined));
  v.out.append(clear);
}
