/**
 * The Exports view (issue 18): Kazakhstan's export flows from mine gate to EU port under a scenario. A table of
 * landed cost, days and CO2e per tonne by commodity and corridor, the unserved tonnes with their bottleneck,
 * Kazakhstan's share of the EU's imports with its year, the flows drawn on the map (links by tonnes) and a flow
 * diagram origins → corridors → EU ports. It asks GET /exports, the same question as `keruen exports`.
 */
import { getScenarioLibrary } from './api.ts';
import { el } from './dom.ts';
import { type ExportsAnswer, getExports } from './exports-api.ts';
import { flowDiagram } from './exports-diagram.ts';
import { fmtNumber, fmtPercent, onLangChange, t } from './i18n.ts';

function select(label: string, cls: string): { box: HTMLLabelElement; input: HTMLSelectElement } {
  const box = el('label', undefined, 'field');
  const input = el('select', undefined, cls);
  box.append(el('span', label), input);
  return { box, input };
}

function option(value: string, text: string): HTMLOptionElement {
  const o = el('option', text);
  o.value = value;
  return o;
}

function corridorTable(a: ExportsAnswer): HTMLTableElement {
  const table = el('table', undefined, 'exports-table');
  const head = el('tr');
  for (const k of ['commodity', 'corridor', 'to', 'tonnes', 'cost', 'days', 'co2e', 'risk'])
    head.append(el('th', t(`exports.col.${k}`)));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const r of a.byCorridor) {
    const tr = el('tr');
    const cost = `${fmtNumber(r.costUsdPerTonne, 1)}${r.costComplete ? '' : '+'}`;
    tr.append(
      el('td', r.commodity),
      el('td', r.corridor),
      el('td', r.to.join(', ')),
      el('td', r.tonnes > 0 ? fmtNumber(r.tonnes / 1000, 1) : t('exports.priced')),
      el('td', cost),
      el('td', fmtNumber(r.days, 1)),
      el('td', r.co2eKgPerTonne === null ? '–' : fmtNumber(r.co2eKgPerTonne, 1)),
      el('td', fmtPercent(r.riskProbability)),
    );
    table.tBodies[0]?.append(tr);
  }
  return table;
}

/** Under a scenario: per commodity, served and unserved tonnes in both runs, what shifted, and its extra cost. */
function changeTable(rows: NonNullable<ExportsAnswer['againstBaseline']>): HTMLTableElement {
  const table = el('table', undefined, 'exports-change');
  const head = el('tr');
  head.append(el('th', t('exports.col.commodity')));
  for (const k of ['served', 'unserved', 'shifted', 'cost', 'extraCost', 'extraCo2e'])
    head.append(el('th', t(`exports.change.${k}`)));
  table.append(el('caption', t('exports.change.note')), el('thead'), el('tbody'));
  table.tHead?.append(head);
  const kt = (v: number) => fmtNumber(v / 1000, 1);
  const pair = (a: string, b: string) => `${a} → ${b}`;
  const usd = (v: number | null) => (v === null ? '–' : fmtNumber(v, 1));
  for (const c of rows) {
    const tr = el('tr');
    tr.append(
      el('td', c.commodity),
      el('td', pair(kt(c.servedTonnes.baseline), kt(c.servedTonnes.scenario))),
      el('td', pair(kt(c.unservedTonnes.baseline), kt(c.unservedTonnes.scenario))),
      el('td', kt(c.shiftedTonnes)),
      el('td', pair(usd(c.costUsdPerTonne.baseline), usd(c.costUsdPerTonne.scenario))),
      el('td', `${fmtNumber(c.extraCostUsdPerYear / 1e6, 1)}${c.costComplete ? '' : '+'}`),
      el('td', c.extraCo2eTonnesPerYear === null ? '–' : fmtNumber(c.extraCo2eTonnesPerYear / 1000, 1)),
    );
    table.tBodies[0]?.append(tr);
  }
  return table;
}

function unservedList(a: ExportsAnswer): HTMLElement {
  const ul = el('ul', undefined, 'exports-unserved');
  for (const u of a.unserved) {
    const why =
      u.bottleneck.length > 0
        ? t('exports.bottleneck', {
            links: u.bottleneck.map((b) => `${b.name} (${fmtNumber(b.capacityTonnesPerYear / 1000)} kt)`).join('; '),
          })
        : t('exports.noRoute', { why: u.cutBy.join('; ') || '–' });
    ul.append(
      el('li', `${u.flow}: ${u.tonnes > 0 ? `${fmtNumber(u.tonnes / 1000, 1)} kt` : t('exports.priced')}; ${why}`),
    );
  }
  return ul;
}

function sharesList(a: ExportsAnswer): HTMLElement {
  const ul = el('ul', undefined, 'exports-shares');
  for (const s of a.shares) {
    const sh = s.euImportShare;
    const text =
      'missing' in sh
        ? t('exports.shareMissing', { why: sh.missing })
        : `${fmtNumber(sh.value * 100, 1)} % (${sh.year ?? 'n.d.'}; ${sh.source.join(', ')})`;
    ul.append(el('li', `${s.name} (HS ${s.hsCode}, CRMA ${s.euCrm}): ${text}`));
  }
  return ul;
}

/** Links used, valued by their share of the largest tonnage, for the map (0..1). */
export function linkTonnes(a: ExportsAnswer): Map<string, number> {
  const tonnes = new Map<string, number>();
  for (const f of a.flows)
    for (const r of f.routes) for (const l of r.links) tonnes.set(l, (tonnes.get(l) ?? 0) + (r.tonnes ?? 0));
  const max = Math.max(1, ...tonnes.values());
  return new Map([...tonnes].map(([l, v]) => [l, v > 0 ? v / max : 0.05]));
}

/** What the view needs of the page: the map, to draw the flows on (the planner's context fits). */
export interface ExportsContext {
  map: Promise<{ showLinkValues(values: Map<string, number> | undefined): void }>;
}

export function initExports(root: HTMLElement, ctx: ExportsContext): void {
  const commodity = select(t('exports.commodity'), 'exports-commodity');
  const scenario = select(t('exports.scenario'), 'exports-scenario');
  const status = el('p', undefined, 'exports-status');
  status.setAttribute('role', 'status');
  const out = el('div', undefined, 'exports-out');
  root.replaceChildren(el('h2', t('exports.title')), commodity.box, scenario.box, status, out);
  commodity.input.append(option('', t('exports.all')));
  scenario.input.append(option('baseline', 'baseline'));
  let last: ExportsAnswer | undefined;

  const render = (a: ExportsAnswer) => {
    const change = a.againstBaseline === null ? [] : [el('h3', t('exports.change')), changeTable(a.againstBaseline)];
    out.replaceChildren(
      corridorTable(a),
      ...change,
      el('h3', t('exports.unserved')),
      unservedList(a),
      el('h3', t('exports.diagram')),
      flowDiagram(a, t('exports.diagram')),
      el('h3', t('exports.shares')),
      sharesList(a),
      el('p', a.notes.join(' '), 'exports-notes'),
      el('p', `${t('exports.sources')}: ${a.sources.map((s) => s.id).join(', ')}`, 'exports-sources'),
    );
    ctx.map.then((m) => m.showLinkValues(linkTonnes(a))).catch(() => undefined);
  };
  const load = () => {
    status.textContent = t('exports.loading');
    getExports({ commodity: commodity.input.value || undefined, scenario: scenario.input.value }).then(
      (a) => {
        if (commodity.input.options.length === 1)
          for (const s of a.shares) commodity.input.append(option(s.commodity, s.name));
        last = a;
        status.textContent = t('exports.under', { scenario: a.scenario.name });
        render(a);
      },
      (err: unknown) => {
        status.textContent = t('common.error', { msg: (err as Error).message });
      },
    );
  };
  commodity.input.addEventListener('change', load);
  scenario.input.addEventListener('change', load);
  onLangChange(() => {
    if (last) render(last);
  });
  // Assigning the flows costs the server a few hundred ms: ask only when the view is first opened.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    getScenarioLibrary().then(
      (lib) => {
        for (const s of lib.scenarios) scenario.input.append(option(s.id, s.name));
      },
      () => undefined,
    );
    load();
  };
  const tab = document.getElementById(root.getAttribute('aria-labelledby') ?? '');
  if (tab === null || !root.hidden) start();
  else tab.addEventListener('click', start);
}
