/**
 * Scenario comparison by flows: two of {baseline, the dataset's library, the user's stored scenarios} and a demand
 * set, assigned at equilibrium by the server (POST /scenarios/flows). A table gives the KPIs of both runs and
 * their differences (flows-table.ts); the map colours links by utilisation in either run or by its change; the
 * top bottlenecks are listed.
 */
import {
  type ApiError,
  compareFlows,
  type FlowsResult,
  getScenarioLibrary,
  type ScenarioLibrary,
  type ScenarioRecord,
} from './api.ts';
import { el, labelled, statusWriter, tableWrap } from './dom.ts';
import { flowsTable } from './flows-table.ts';
import { fmtDays, fmtNumber, fmtPercent, t } from './i18n.ts';
import { scenarioName } from './local-names.ts';
import { type KeruenMap, UTIL_STOPS } from './map.ts';
import type { PlannerContext } from './planner.ts';
import { CHANGE_FULL, linkChange, linkUtilisation } from './scenario-links.ts';

const BASELINE_ID = 'baseline';
const BOTTLENECKS_SHOWN = 8;

type MapMode = 'other' | 'base' | 'change';

/** The section's elements and state. */
interface FlowsView {
  ctx: PlannerContext;
  stored: () => ScenarioRecord[];
  section: HTMLElement;
  form: HTMLFormElement;
  selA: HTMLSelectElement;
  selB: HTMLSelectElement;
  selDemand: HTMLSelectElement;
  vot: HTMLInputElement;
  desc: HTMLElement;
  submit: HTMLButtonElement;
  out: HTMLElement;
  setStatus: ReturnType<typeof statusWriter>;
  library?: ScenarioLibrary | undefined;
  loading?: Promise<void> | undefined;
  last?: FlowsResult | undefined;
  mapMode: MapMode;
}

/** The flows part of the scenarios view: its element, a loader of the library, and a re-render. */
export function flowsSection(ctx: PlannerContext, stored: () => ScenarioRecord[]) {
  const v = buildFlowsView(ctx, stored);
  v.selB.addEventListener('change', () => describeScenario(v));
  v.form.addEventListener('submit', (e) => void submitFlows(v, e));
  return {
    element: v.section,
    load: () => loadLibrary(v),
    refresh: () => {
      fillFlowSelects(v);
      void renderFlows(v);
    },
  };
}

function buildFlowsView(ctx: PlannerContext, stored: () => ScenarioRecord[]): FlowsView {
  const section = el('section', undefined, 'sc-flows');
  section.setAttribute('aria-labelledby', 'fl-heading');
  const h = el('h3', t('fl.heading'));
  h.id = 'fl-heading';
  h.dataset.i18n = 'fl.heading';
  const intro = el('p', t('fl.intro'), 'hint');
  intro.dataset.i18n = 'fl.intro';
  const form = el('form', undefined, 'fl-form');
  form.noValidate = true;
  const selA = el('select');
  const selB = el('select');
  const selDemand = el('select');
  const vot = votInput();
  const desc = el('p', '', 'hint');
  desc.id = 'fl-desc';
  desc.setAttribute('aria-live', 'polite');
  const submit = el('button', t('fl.compare'), 'primary');
  submit.type = 'submit';
  submit.dataset.i18n = 'fl.compare';
  form.append(
    labelled('fl-a', 'sc.a', selA),
    labelled('fl-b', 'sc.b', selB),
    desc,
    labelled('fl-demand', 'fl.demand', selDemand),
    labelled('fl-vot', 'fl.vot', vot),
    submit,
  );
  selB.setAttribute('aria-describedby', 'fl-desc');
  const status = el('p', '', 'status');
  status.setAttribute('role', 'status');
  const out = el('div', undefined, 'fl-results');
  section.append(h, intro, form, status, out);
  const setStatus = statusWriter(status, section);
  return { ctx, stored, section, form, selA, selB, selDemand, vot, desc, submit, out, setStatus, mapMode: 'other' };
}

/** The value-of-time factor: 0.1 to 100, 1 by default. */
function votInput(): HTMLInputElement {
  const vot = el('input');
  vot.type = 'number';
  vot.min = '0.1';
  vot.max = '100';
  vot.step = '0.1';
  vot.value = '1';
  vot.inputMode = 'decimal';
  return vot;
}

/** Display name of a run: the baseline, a library scenario, a stored one, or the id itself. */
function nameOf(v: FlowsView, id: string): string {
  if (id === BASELINE_ID) return t('sc.baseline');
  return libraryName(v, id) ?? v.stored().find((s) => s.id === id)?.scenario.name ?? id;
}

function libraryName(v: FlowsView, id: string): string | undefined {
  const s = v.library?.scenarios.find((x) => x.id === id);
  return s === undefined ? undefined : scenarioName(s);
}

/** Describes the library scenario picked as the other run: what it changes, its cost, its sources. */
function describeScenario(v: FlowsView): void {
  const s = v.library?.scenarios.find((x) => x.id === v.selB.value);
  if (!s) {
    v.desc.textContent = '';
    return;
  }
  const cost = s.investment
    ? ` ${t('fl.cost', { cost: fmtNumber(s.investment.cost.value / 1e6, 0), currency: s.investment.currency })}`
    : '';
  v.desc.textContent = `${s.description}${cost} ${t('fl.sources', { ids: s.sources.join(', ') })}`;
}

/** Options of `sel` in groups (label '' = no optgroup); keeps the current choice when it is still offered. */
function fillGroupedSelect(
  sel: HTMLSelectElement,
  groups: ReadonlyArray<[string, Array<[string, string]>]>,
  def: string,
): void {
  const keep = sel.value;
  sel.replaceChildren();
  for (const [label, items] of groups) {
    if (items.length === 0) continue;
    const parent = label === '' ? sel : el('optgroup');
    if (parent !== sel) {
      (parent as HTMLOptGroupElement).label = label;
      sel.append(parent);
    }
    for (const [id, name] of items) {
      const o = el('option', name);
      o.value = id;
      parent.append(o);
    }
  }
  sel.value = keep !== '' && [...sel.options].some((o) => o.value === keep) ? keep : def;
}

/** Fills both run selects and the demand select from the library and the stored scenarios. */
function fillFlowSelects(v: FlowsView): void {
  const lib = v.library;
  const groups: Array<[string, Array<[string, string]>]> = [
    ['', [[BASELINE_ID, t('sc.baseline')]]],
    [t('fl.library'), (lib?.scenarios ?? []).map((s) => [s.id, scenarioName(s)])],
    [t('fl.yours'), v.stored().map((s) => [s.id, s.scenario.name])],
  ];
  fillGroupedSelect(v.selA, groups, BASELINE_ID);
  const defB = lib?.scenarios.find((s) => s.id === 'red-sea-closed')?.id ?? lib?.scenarios[0]?.id ?? BASELINE_ID;
  fillGroupedSelect(v.selB, groups, defB);
  const keepD = v.selDemand.value;
  v.selDemand.replaceChildren();
  for (const d of lib?.demands ?? []) {
    const o = el('option', `${d.name} (${d.year})`);
    o.value = d.id;
    v.selDemand.append(o);
  }
  const defD = lib?.demands.find((d) => d.default)?.id ?? '';
  v.selDemand.value = keepD !== '' && [...v.selDemand.options].some((o) => o.value === keepD) ? keepD : defD;
  describeScenario(v);
}

/** Fetches the library once (again after a failure). */
function loadLibrary(v: FlowsView): Promise<void> {
  v.loading ??= (async () => {
    v.setStatus(t('common.loading'), 'busy');
    try {
      v.library = await getScenarioLibrary();
      fillFlowSelects(v);
      v.setStatus('');
    } catch (e) {
      v.loading = undefined;
      const err = e as ApiError;
      v.setStatus(
        err.notAvailable
          ? t('common.notAvailable', { what: '/scenarios/library' })
          : t('common.error', { msg: err.message }),
        'error',
      );
    }
  })();
  return v.loading;
}

async function submitFlows(v: FlowsView, e: Event): Promise<void> {
  e.preventDefault();
  const a = v.selA.value;
  const b = v.selB.value;
  const f = Number(v.vot.value);
  if (!(f > 0 && f <= 100)) {
    v.vot.setAttribute('aria-invalid', 'true');
    return v.setStatus(t('fl.badVot'), 'error');
  }
  v.vot.removeAttribute('aria-invalid');
  if (a === b) return v.setStatus(t('fl.pickTwo'), 'error');
  v.setStatus(t('fl.running'), 'busy');
  v.submit.disabled = true;
  v.out.setAttribute('aria-busy', 'true');
  try {
    v.last = await compareFlows({ base: a, other: b, demand: v.selDemand.value || undefined, votFactor: f });
    v.setStatus('');
    await renderFlows(v);
  } catch (err) {
    v.setStatus(t('common.error', { msg: (err as Error).message }), 'error');
  } finally {
    v.submit.disabled = false;
    v.out.setAttribute('aria-busy', 'false');
  }
}

/** Colours the map's links by the chosen run's utilisation or by its change. */
function paintFlows(v: FlowsView, m: KeruenMap): void {
  if (!v.last) return;
  m.showItineraries([], 0);
  if (v.mapMode === 'change') {
    m.showLinkUtilisation(undefined);
    m.showLinkValues(linkChange(v.last));
  } else {
    m.showLinkValues(undefined);
    m.showLinkUtilisation(linkUtilisation(v.last, v.mapMode));
  }
}

/** Draws the last answer: table, map mode and legend, bottlenecks, and the button that clears the map. */
async function renderFlows(v: FlowsView): Promise<void> {
  v.out.replaceChildren();
  if (!v.last) return;
  const r = v.last;
  const m = await v.ctx.map.catch(() => undefined);
  const placeName = (id: string) => String(m?.records.get(id)?.properties.name ?? id);
  v.out.append(tableWrap(flowsTable(r, (id) => nameOf(v, id), placeName)));
  v.out.append(...mapModeControls(v, r, m));
  v.out.append(el('h4', t('sc.bottlenecks')), bottleneckList(r, m, placeName));
  const clear = el('button', t('sc.clearMap'), 'secondary');
  clear.type = 'button';
  clear.addEventListener('click', () => {
    m?.showLinkValues(undefined);
    m?.showLinkUtilisation(undefined);
  });
  v.out.append(clear);
  if (m) paintFlows(v, m);
}

/** The select of what the map shows, its legend, and a hint. */
function mapModeControls(v: FlowsView, r: FlowsResult, m: KeruenMap | undefined): HTMLElement[] {
  const modeSel = el('select');
  for (const [value, key] of [
    ['other', 'fl.map.other'],
    ['base', 'fl.map.base'],
    ['change', 'fl.map.change'],
  ] as const) {
    const o = el('option', t(key, { a: nameOf(v, r.base.id), b: nameOf(v, r.other.id) }));
    o.value = value;
    modeSel.append(o);
  }
  modeSel.value = v.mapMode;
  const legend = el('ul', undefined, 'sc-legend');
  legend.dataset.testid = 'flows-legend';
  fillLegend(legend, v.mapMode);
  modeSel.addEventListener('change', () => {
    v.mapMode = modeSel.value as MapMode;
    fillLegend(legend, v.mapMode);
    if (m) paintFlows(v, m);
  });
  return [labelled('fl-map', 'fl.mapShows', modeSel), legend, el('p', t('fl.mapHint'), 'hint')];
}

/** Legend items: blue-grey-red for a change, the utilisation stops otherwise. */
function fillLegend(legend: HTMLElement, mode: MapMode): void {
  legend.replaceChildren();
  const items: Array<[string, string]> =
    mode === 'change'
      ? [
          ['#1a6fb0', t('fl.legend.less', { n: fmtNumber(CHANGE_FULL * 100) })],
          ['#9e9e9e', t('fl.legend.same')],
          ['#c62828', t('fl.legend.more', { n: fmtNumber(CHANGE_FULL * 100) })],
        ]
      : UTIL_STOPS.map(([x, c]) => [c, x >= 1.2 ? t('fl.legend.over', { p: fmtPercent(x) }) : fmtPercent(x)]);
  for (const [c, text] of items) {
    const li = el('li');
    const sw = el('span', undefined, 'sw-line');
    sw.style.borderTop = `5px solid ${c}`;
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, document.createTextNode(text));
    legend.append(li);
  }
}

/** The most loaded elements, with utilisation and delay in both runs. */
function bottleneckList(r: FlowsResult, m: KeruenMap | undefined, placeName: (id: string) => string): HTMLElement {
  const elementName = (e: { kind: string; id: string; direction?: string | undefined }) => {
    const rec = m?.records.get(e.id);
    if (e.kind === 'link' && rec) {
      const [p, q] = [placeName(String(rec.properties.from)), placeName(String(rec.properties.to))];
      return e.direction === 'reverse' ? `${q} → ${p}` : `${p} → ${q}`;
    }
    const what = e.kind === 'link' ? '' : ` (${t(`fl.kind.${e.kind}`)})`;
    return `${rec ? placeName(e.id) : e.id}${what}`;
  };
  const pct = (x: number | null) => (x === null ? t('it.unknown') : fmtPercent(x));
  const days = (x: number | null) => (x === null ? t('it.unknown') : fmtDays(x));
  const list = el('ol', undefined, 'fl-bottlenecks');
  list.dataset.testid = 'bottlenecks';
  for (const b of r.bottlenecks.slice(0, BOTTLENECKS_SHOWN)) {
    const text = t('fl.bottleneck', {
      name: elementName(b),
      a: pct(b.utilisation.base),
      b: pct(b.utilisation.other),
      da: days(b.delayH.base),
      db: days(b.delayH.other),
    });
    const li = el('li', text);
    li.dataset.id = b.id;
    list.append(li);
  }
  return list;
}
