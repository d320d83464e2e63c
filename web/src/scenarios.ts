/**
 * Scenario comparison: pick two of the baseline and the user's stored scenarios and a route question; the
 * table compares the route search's outcome under each (POST /scenarios/compare), and the map colours the
 * links each scenario changes. Link utilisation under a demand set is not served by the API yet; the view says
 * so rather than drawing colours it cannot back.
 */
import {
  type ApiError,
  type CompareResult,
  compareScenarios,
  getToken,
  listScenarios,
  type RouteSummary,
  type ScenarioRecord,
} from './api.ts';
import { fmtDays, fmtNumber, onLangChange, t } from './i18n.ts';
import type { KeruenMap } from './map.ts';
import { placeCombobox } from './place-search.ts';
import type { PlannerContext } from './planner.ts';
import { onTokenChange, tokenField } from './token.ts';

const BASELINE = '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function labelled(id: string, key: string, control: HTMLElement): HTMLElement {
  const f = el('div', undefined, 'field');
  const l = el('label', t(key));
  l.htmlFor = id;
  l.dataset.i18n = key;
  control.id = id;
  f.append(l, control);
  return f;
}

/** Link ids a scenario touches: links it names, and the links at nodes or in countries it names. */
export function touchedLinks(sc: ScenarioRecord['scenario'], map: KeruenMap): Set<string> {
  const out = new Set<string>();
  const linksAt = (pred: (from: string, to: string) => boolean) => {
    for (const [id, f] of map.records)
      if (f.properties.recordType === 'link' && pred(String(f.properties.from), String(f.properties.to))) out.add(id);
  };
  const country = (nodeId: string) => String(map.records.get(nodeId)?.properties.country ?? '');
  for (const c of sc.changes) {
    const id = c.id ?? c.link?.id ?? c.node?.id;
    if (id === undefined) continue;
    const rec = map.records.get(id);
    if (c.target === 'country') linksAt((a, b) => country(a) === id || country(b) === id);
    else if (rec?.properties.recordType === 'link') out.add(id);
    else if (rec?.properties.recordType === 'node') linksAt((a, b) => a === id || b === id);
  }
  return out;
}

export function initScenarios(root: HTMLElement, ctx: PlannerContext): void {
  root.replaceChildren();
  const h = el('h2', t('sc.heading'));
  h.dataset.i18n = 'sc.heading';
  const intro = el('p', t('sc.intro'), 'hint');
  intro.dataset.i18n = 'sc.intro';
  const form = el('form');
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
  root.append(h, intro, tokenField('sc-token'), form, status, out);
  const fromBox = placeCombobox(from, ctx.places, () => {});
  const toBox = placeCombobox(to, ctx.places, () => {});

  let scenarios: ScenarioRecord[] = [];
  let last: { result: CompareResult; a: string; b: string } | undefined;

  const setStatus = (text: string, kind: 'info' | 'busy' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
    root.setAttribute('aria-busy', String(kind === 'busy'));
  };
  const nameOf = (id: string) =>
    id === BASELINE ? t('sc.baseline') : (scenarios.find((s) => s.id === id)?.scenario.name ?? id);

  const fillSelects = () => {
    for (const [sel, def] of [
      [selA, BASELINE],
      [selB, scenarios[0]?.id ?? BASELINE],
    ] as const) {
      const keep = sel.value;
      sel.replaceChildren();
      for (const id of [BASELINE, ...scenarios.map((s) => s.id)]) {
        const o = el('option', nameOf(id));
        o.value = id;
        sel.append(o);
      }
      sel.value = [...sel.options].some((o) => o.value === keep) && keep !== '' ? keep : def;
    }
  };

  const load = async () => {
    // Private records: without a token the answer is a 401 anyway; say what is needed instead.
    if (getToken() === undefined) return setStatus(t('sh.tokenHint'));
    setStatus(t('common.loading'), 'busy');
    try {
      scenarios = (await listScenarios()).scenarios;
      fillSelects();
      setStatus(scenarios.length === 0 ? t('sc.none') : '');
    } catch (e) {
      scenarios = [];
      fillSelects();
      const err = e as ApiError;
      setStatus(
        err.unauthorized
          ? t('sh.tokenHint')
          : err.notAvailable
            ? t('common.notAvailable', { what: '/scenarios' })
            : t('common.error', { msg: err.message }),
        err.unauthorized ? 'info' : 'error',
      );
    }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const a = selA.value;
    const b = selB.value;
    const p = fromBox.value();
    const q = toBox.value();
    if (!p || !q) return setStatus(t('plan.pickPlace'), 'error');
    const ids = [...new Set([a, b].filter((x) => x !== BASELINE))];
    if (ids.length === 0) return setStatus(t('sc.pickTwo'), 'error');
    setStatus(t('sc.comparing'), 'busy');
    submit.disabled = true;
    try {
      const result = await compareScenarios({
        from: p.id,
        to: q.id,
        cargo: { kind: 'containers', teu: 1 },
        scenarios: ids,
      });
      last = { result, a, b };
      setStatus('');
      await render();
    } catch (err) {
      setStatus(t('common.error', { msg: (err as Error).message }), 'error');
    } finally {
      submit.disabled = false;
    }
  });

  const summaryOf = (r: CompareResult, id: string): RouteSummary | undefined =>
    id === BASELINE ? r.baseline : r.scenarios.find((s) => s.id === id);

  const render = async () => {
    out.replaceChildren();
    if (!last) return;
    const { result, a, b } = last;
    const A = summaryOf(result, a);
    const B = summaryOf(result, b);
    if (!A || !B) return;
    const table = el('table', undefined, 'sc-table');
    table.dataset.testid = 'scenario-table';
    table.append(el('caption', t('sc.table')));
    const head = el('tr');
    for (const text of [t('sc.metric'), nameOf(a), nameOf(b), t('sc.delta')]) {
      const th = el('th', text);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    const row = (label: string, x: number | null, y: number | null, fmt: (v: number) => string) => {
      const tr = el('tr');
      const th = el('th', label);
      th.scope = 'row';
      const d = x !== null && y !== null ? y - x : null;
      const delta = el('td', d === null ? t('it.unknown') : `${d > 0 ? '+' : ''}${fmt(d)}`, 'num');
      if (d !== null && d !== 0) delta.dataset.sign = d > 0 ? 'up' : 'down';
      tr.append(
        th,
        el('td', x === null ? t('it.unknown') : fmt(x), 'num'),
        el('td', y === null ? t('it.unknown') : fmt(y), 'num'),
        delta,
      );
      tbody.append(tr);
    };
    const days = (h: number) => fmtDays(h);
    row(t('sc.m.itineraries'), A.itineraries, B.itineraries, (v) => fmtNumber(v));
    row(t('sc.m.fastest'), A.fastestH, B.fastestH, days);
    row(t('sc.m.cheapest'), A.cheapestUsd, B.cheapestUsd, (v) => fmtNumber(v));
    const corridors = [...new Set([...A.options, ...B.options].map((o) => o.corridor))].sort();
    const best = (s: RouteSummary, c: string) => {
      const hs = s.options.filter((o) => o.corridor === c).map((o) => o.totals.durationH);
      return hs.length ? Math.min(...hs) : null;
    };
    for (const c of corridors) row(t('sc.m.fastestOn', { corridor: t(`corridor.${c}`) }), best(A, c), best(B, c), days);
    table.append(thead, tbody);
    const wrap = el('div', undefined, 'table-wrap');
    wrap.append(table);
    out.append(wrap);
    for (const s of [A, B]) if (s.noRoute) out.append(el('p', t('plan.noRoute', { msg: s.noRoute.message }), 'notice'));

    // Map: the links each scenario changes (itinerary lines would hide them).
    const m = await ctx.map;
    m.showItineraries([], 0);
    const scA = scenarios.find((s) => s.id === a)?.scenario;
    const scB = scenarios.find((s) => s.id === b)?.scenario;
    const la = scA ? touchedLinks(scA, m) : new Set<string>();
    const lb = scB ? touchedLinks(scB, m) : new Set<string>();
    const values = new Map<string, number>();
    for (const id of la) values.set(id, lb.has(id) ? 0 : -1);
    for (const id of lb) if (!la.has(id)) values.set(id, 1);
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
      li.append(sw, document.createTextNode(t(key, { a: nameOf(a), b: nameOf(b) })));
      legend.append(li);
    }
    out.append(el('h3', t('map.legend')), legend, el('p', t('sc.changedLinks', { n: values.size }), 'hint'));
    out.append(el('p', t('common.notAvailable', { what: t('sc.utilisation') }), 'notice'));
    const clear = el('button', t('sc.clearMap'), 'secondary');
    clear.type = 'button';
    clear.addEventListener('click', () => m.showLinkValues(undefined));
    out.append(clear);
  };

  fillSelects();
  onTokenChange(() => void load());
  // Scenarios are private: ask only once a token is there, and when the view is first opened.
  const tab = document.getElementById('tab-scenarios');
  tab?.addEventListener('click', () => void load(), { once: true });
  onLangChange(() => {
    const a = selA.value;
    const b = selB.value;
    fillSelects();
    selA.value = a;
    selB.value = b;
    void render();
  });
}
