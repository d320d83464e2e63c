/**
 * Scenario comparison, two ways.
 *
 * Flows: two of {baseline, the dataset's library, the user's stored scenarios} and a demand set, assigned at
 * equilibrium by the server (POST /scenarios/flows). A table gives the KPIs of both runs and their differences;
 * the map colours links by utilisation in either run or by its change; the top bottlenecks are listed.
 *
 * One route question: two of {baseline, stored scenarios} compared by a route search (POST /scenarios/compare);
 * the map colours the links each scenario changes.
 */
import {
  type ApiError,
  type CompareResult,
  compareFlows,
  compareScenarios,
  type FlowsResult,
  getScenarioLibrary,
  getToken,
  listScenarios,
  type Pair,
  type RouteSummary,
  type ScenarioLibrary,
  type ScenarioRecord,
} from './api.ts';
import { fmtDays, fmtNumber, fmtPercent, onLangChange, t } from './i18n.ts';
import { type KeruenMap, UTIL_STOPS } from './map.ts';
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

const BASELINE_ID = 'baseline';
/** A change of utilisation of this many points (0.5 = 50 points) or more is drawn at full colour. */
const CHANGE_FULL = 0.5;
const BOTTLENECKS_SHOWN = 8;

/** Highest utilisation of each link over its two directions, in the base or the other run. */
export function linkUtilisation(r: FlowsResult, run: 'base' | 'other'): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of r.utilisation.links) {
    const x = l[run];
    if (x === null) continue;
    out.set(l.id, Math.max(out.get(l.id) ?? 0, x.utilisation));
  }
  return out;
}

/** Change of each link's utilisation (other minus base; a link absent from a run counts as unused), scaled to -1..1. */
export function linkChange(r: FlowsResult): Map<string, number> {
  const a = linkUtilisation(r, 'base');
  const b = linkUtilisation(r, 'other');
  const out = new Map<string, number>();
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(id) ?? 0) - (a.get(id) ?? 0);
    if (Math.abs(d) >= 0.005) out.set(id, Math.max(-1, Math.min(1, d / CHANGE_FULL)));
  }
  return out;
}

/** The flows part of the view: library and stored scenarios, a demand set, KPIs, utilisation on the map. */
function flowsSection(ctx: PlannerContext, stored: () => ScenarioRecord[]) {
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
  const vot = el('input');
  vot.type = 'number';
  vot.min = '0.1';
  vot.max = '100';
  vot.step = '0.1';
  vot.value = '1';
  vot.inputMode = 'decimal';
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

  let library: ScenarioLibrary | undefined;
  let loading: Promise<void> | undefined;
  let last: FlowsResult | undefined;
  let mapMode: 'other' | 'base' | 'change' = 'other';

  const setStatus = (text: string, kind: 'info' | 'busy' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
    section.setAttribute('aria-busy', String(kind === 'busy'));
  };

  const nameOf = (id: string): string => {
    if (id === BASELINE_ID) return t('sc.baseline');
    return library?.scenarios.find((s) => s.id === id)?.name ?? stored().find((s) => s.id === id)?.scenario.name ?? id;
  };

  const describe = () => {
    const s = library?.scenarios.find((x) => x.id === selB.value);
    if (!s) {
      desc.textContent = '';
      return;
    }
    const cost = s.investment
      ? ` ${t('fl.cost', { cost: fmtNumber(s.investment.cost.value / 1e6, 0), currency: s.investment.currency })}`
      : '';
    desc.textContent = `${s.description}${cost} ${t('fl.sources', { ids: s.sources.join(', ') })}`;
  };

  const fill = () => {
    const groups: Array<[string, Array<[string, string]>]> = [
      ['', [[BASELINE_ID, t('sc.baseline')]]],
      [t('fl.library'), (library?.scenarios ?? []).map((s) => [s.id, s.name])],
      [t('fl.yours'), stored().map((s) => [s.id, s.scenario.name])],
    ];
    for (const [sel, def] of [
      [selA, BASELINE_ID],
      [selB, library?.scenarios.find((s) => s.id === 'red-sea-closed')?.id ?? library?.scenarios[0]?.id ?? BASELINE_ID],
    ] as const) {
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
    const keepD = selDemand.value;
    selDemand.replaceChildren();
    for (const d of library?.demands ?? []) {
      const o = el('option', `${d.name} (${d.year})`);
      o.value = d.id;
      selDemand.append(o);
    }
    const defD = library?.demands.find((d) => d.default)?.id ?? '';
    selDemand.value = keepD !== '' && [...selDemand.options].some((o) => o.value === keepD) ? keepD : defD;
    describe();
  };
  selB.addEventListener('change', describe);

  const load = (): Promise<void> => {
    loading ??= (async () => {
      setStatus(t('common.loading'), 'busy');
      try {
        library = await getScenarioLibrary();
        fill();
        setStatus('');
      } catch (e) {
        loading = undefined;
        const err = e as ApiError;
        setStatus(
          err.notAvailable
            ? t('common.notAvailable', { what: '/scenarios/library' })
            : t('common.error', { msg: err.message }),
          'error',
        );
      }
    })();
    return loading;
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const a = selA.value;
    const b = selB.value;
    const f = Number(vot.value);
    if (!(f > 0 && f <= 100)) {
      vot.setAttribute('aria-invalid', 'true');
      return setStatus(t('fl.badVot'), 'error');
    }
    vot.removeAttribute('aria-invalid');
    if (a === b) return setStatus(t('fl.pickTwo'), 'error');
    setStatus(t('fl.running'), 'busy');
    submit.disabled = true;
    out.setAttribute('aria-busy', 'true');
    try {
      last = await compareFlows({ base: a, other: b, demand: selDemand.value || undefined, votFactor: f });
      setStatus('');
      await render();
    } catch (err) {
      setStatus(t('common.error', { msg: (err as Error).message }), 'error');
    } finally {
      submit.disabled = false;
      out.setAttribute('aria-busy', 'false');
    }
  });

  const paint = (m: KeruenMap) => {
    if (!last) return;
    m.showItineraries([], 0);
    if (mapMode === 'change') {
      m.showLinkUtilisation(undefined);
      m.showLinkValues(linkChange(last));
    } else {
      m.showLinkValues(undefined);
      m.showLinkUtilisation(linkUtilisation(last, mapMode));
    }
  };

  const render = async () => {
    out.replaceChildren();
    if (!last) return;
    const r = last;
    const m = await ctx.map.catch(() => undefined);
    const placeName = (id: string) => String(m?.records.get(id)?.properties.name ?? id);
    const elementName = (e: { kind: string; id: string; direction?: string | undefined }) => {
      const rec = m?.records.get(e.id);
      if (e.kind === 'link' && rec) {
        const [p, q] = [placeName(String(rec.properties.from)), placeName(String(rec.properties.to))];
        return e.direction === 'reverse' ? `${q} → ${p}` : `${p} → ${q}`;
      }
      const what = e.kind === 'link' ? '' : ` (${t(`fl.kind.${e.kind}`)})`;
      return `${rec ? placeName(e.id) : e.id}${what}`;
    };

    const table = el('table', undefined, 'sc-table');
    table.dataset.testid = 'flows-table';
    table.append(el('caption', t('fl.table', { demand: `${r.demand.name} (${r.demand.year})` })));
    const head = el('tr');
    for (const text of [t('sc.metric'), nameOf(r.base.id), nameOf(r.other.id), t('sc.delta')]) {
      const th = el('th', text);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    const row = (key: string, label: string, p: Pair, fmt: (v: number) => string, scale = 1) => {
      const tr = el('tr');
      tr.dataset.key = key;
      const th = el('th', label);
      th.scope = 'row';
      const cell = (v: number | null) => el('td', v === null ? t('it.unknown') : fmt(v * scale), 'num');
      const d = p.delta === null ? null : p.delta * scale;
      const delta = el('td', d === null ? t('it.unknown') : `${d > 0 ? '+' : ''}${fmt(d)}`, 'num');
      // Rounded to what is shown: a difference that prints as zero gets no colour.
      if (d !== null && fmt(d) !== fmt(0)) delta.dataset.sign = d > 0 ? 'up' : 'down';
      tr.append(th, cell(p.base), cell(p.other), delta);
      tbody.append(tr);
    };
    const n1 = (v: number) => fmtNumber(v, 1, 1);
    const n0 = (v: number) => fmtNumber(v);
    row('generalisedCost', t('fl.m.gc'), r.totals.generalisedCostUsd, n1, 1e-6);
    row('cost', t('fl.m.cost'), r.totals.costUsd, n1, 1e-6);
    row('co2e', t('fl.m.co2e'), r.totals.co2eTonnes, n1, 1e-3);
    for (const c of r.commodities) {
      if ((c.served.base ?? 0) + (c.unserved.base ?? 0) + (c.served.other ?? 0) + (c.unserved.other ?? 0) === 0)
        continue;
      const k = { commodity: c.commodity, unit: c.unit };
      row(`served:${c.commodity}`, t('fl.m.served', k), c.served, n0);
      row(`unserved:${c.commodity}`, t('fl.m.unserved', k), c.unserved, n0);
      row(`unitDays:${c.commodity}`, t('fl.m.unitDays', k), c.unitDays, n1, 1e-6);
    }
    for (const c of r.corridors) {
      if ((c.share.base ?? 0) === 0 && (c.share.other ?? 0) === 0) continue;
      row(
        `share:${c.commodity}:${c.corridor}`,
        t('fl.m.share', { commodity: c.commodity, corridor: t(`corridor.${c.corridor}`) }),
        c.share,
        n1,
        100,
      );
    }
    for (const o of r.ods) {
      const pair = `${placeName(o.from)} → ${placeName(o.to)}, ${o.commodity}`;
      row(`mean:${o.from}:${o.to}:${o.commodity}`, t('fl.m.mean', { pair }), o.meanTimeH, n1, 1 / 24);
      row(`p90:${o.from}:${o.to}:${o.commodity}`, t('fl.m.p90', { pair }), o.p90TimeH, n1, 1 / 24);
    }
    table.append(thead, tbody);
    const wrap = el('div', undefined, 'table-wrap');
    wrap.append(table);
    out.append(wrap);

    // Map mode and legend.
    const modeSel = el('select');
    for (const [v, key] of [
      ['other', 'fl.map.other'],
      ['base', 'fl.map.base'],
      ['change', 'fl.map.change'],
    ] as const) {
      const o = el('option', t(key, { a: nameOf(r.base.id), b: nameOf(r.other.id) }));
      o.value = v;
      modeSel.append(o);
    }
    modeSel.value = mapMode;
    const legend = el('ul', undefined, 'sc-legend');
    legend.dataset.testid = 'flows-legend';
    const swatch = (colour: string) => {
      const sw = el('span', undefined, 'sw-line');
      sw.style.borderTop = `5px solid ${colour}`;
      sw.setAttribute('aria-hidden', 'true');
      return sw;
    };
    const fillLegend = () => {
      legend.replaceChildren();
      const items: Array<[string, string]> =
        mapMode === 'change'
          ? [
              ['#1a6fb0', t('fl.legend.less', { n: fmtNumber(CHANGE_FULL * 100) })],
              ['#9e9e9e', t('fl.legend.same')],
              ['#c62828', t('fl.legend.more', { n: fmtNumber(CHANGE_FULL * 100) })],
            ]
          : UTIL_STOPS.map(([v, c]) => [c, v >= 1.2 ? t('fl.legend.over', { p: fmtPercent(v) }) : fmtPercent(v)]);
      for (const [c, text] of items) {
        const li = el('li');
        li.append(swatch(c), document.createTextNode(text));
        legend.append(li);
      }
    };
    fillLegend();
    modeSel.addEventListener('change', () => {
      mapMode = modeSel.value as typeof mapMode;
      fillLegend();
      if (m) paint(m);
    });
    out.append(labelled('fl-map', 'fl.mapShows', modeSel), legend, el('p', t('fl.mapHint'), 'hint'));

    // Bottlenecks.
    const bh = el('h4', t('sc.bottlenecks'));
    const list = el('ol', undefined, 'fl-bottlenecks');
    list.dataset.testid = 'bottlenecks';
    for (const b of r.bottlenecks.slice(0, BOTTLENECKS_SHOWN)) {
      const pct = (v: number | null) => (v === null ? t('it.unknown') : fmtPercent(v));
      const days = (v: number | null) => (v === null ? t('it.unknown') : fmtDays(v));
      const li = el(
        'li',
        t('fl.bottleneck', {
          name: elementName(b),
          a: pct(b.utilisation.base),
          b: pct(b.utilisation.other),
          da: days(b.delayH.base),
          db: days(b.delayH.other),
        }),
      );
      li.dataset.id = b.id;
      list.append(li);
    }
    out.append(bh, list);
    const clear = el('button', t('sc.clearMap'), 'secondary');
    clear.type = 'button';
    clear.addEventListener('click', () => {
      m?.showLinkValues(undefined);
      m?.showLinkUtilisation(undefined);
    });
    out.append(clear);
    if (m) paint(m);
  };

  return {
    element: section,
    load,
    refresh: () => {
      fill();
      void render();
    },
  };
}

export function initScenarios(root: HTMLElement, ctx: PlannerContext): void {
  root.replaceChildren();
  const h = el('h2', t('sc.heading'));
  h.dataset.i18n = 'sc.heading';
  const intro = el('p', t('sc.intro'), 'hint');
  intro.dataset.i18n = 'sc.intro';
  let scenarios: ScenarioRecord[] = [];
  const flows = flowsSection(ctx, () => scenarios);
  const routeHeading = el('h3', t('sc.routeHeading'));
  routeHeading.dataset.i18n = 'sc.routeHeading';
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
  root.append(h, intro, tokenField('sc-token'), flows.element, routeHeading, form, status, out);
  const fromBox = placeCombobox(from, ctx.places, () => {});
  const toBox = placeCombobox(to, ctx.places, () => {});

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
      flows.refresh();
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
      li.append(sw, document.createTextNode(t(key, { a: nameOf(a), b: nameOf(b) })));
      legend.append(li);
    }
    out.append(el('h3', t('map.legend')), legend, el('p', t('sc.changedLinks', { n: values.size }), 'hint'));
    const clear = el('button', t('sc.clearMap'), 'secondary');
    clear.type = 'button';
    clear.addEventListener('click', () => m.showLinkValues(undefined));
    out.append(clear);
  };

  fillSelects();
  onTokenChange(() => void load());
  // Scenarios are private: ask only once a token is there, and when the view is first opened. The library is
  // public: fetched when the view is first shown (by click, keyboard or otherwise).
  const tab = document.getElementById('tab-scenarios');
  tab?.addEventListener('click', () => void load(), { once: true });
  const shown = () => {
    if (!root.hidden) void flows.load();
  };
  new MutationObserver(shown).observe(root, { attributes: true, attributeFilter: ['hidden'] });
  shown();
  onLangChange(() => {
    const a = selA.value;
    const b = selB.value;
    fillSelects();
    selA.value = a;
    selB.value = b;
    void render();
    flows.refresh();
  });
}
