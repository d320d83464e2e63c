/**
 * The Investments view (issue 19): the EU cost–benefit appraisal of the corridor projects and the portfolio
 * under a budget. A form (budget, growth path, API token) starts the job (POST /jobs/appraisal with a token, else
 * POST /appraisal; progress shown), then: the
 * portfolio line with the solver's gap and what it adds over greedy ranking, the chosen projects' links on the
 * map, the cumulative ENPV against capex chart with the budget (Observable Plot), the table of projects, and a
 * per-project sheet (yearly costs and benefits chart, sensitivity table). Same answer as `keruen appraise`.
 */
import * as Plot from '@observablehq/plot';
import { el } from './dom.ts';
import { fmtNumber, fmtPercent, onLangChange } from './i18n.ts';
import { type AppraisalAnswer, runAppraisal } from './investments-api.ts';
import { ti } from './investments-i18n.ts';
import type { PlannerContext } from './planner.ts';
import { tokenField } from './token.ts';

type ProjectRow = AppraisalAnswer['projects'][number];
const m = (eur: number) => fmtNumber(eur / 1e6, 0);

/**
 * A chart as one image for assistive technology: Plot labels its inner groups ("line", "dot"), which are not
 * allowed inside an image (axe: aria-prohibited-attr); the chart's own label carries the meaning (as charts.ts).
 */
function asImage(chart: Element, label: string): Element {
  for (const e of chart.querySelectorAll('[aria-label]')) e.removeAttribute('aria-label');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  return chart;
}

/** Cumulative capex and ENPV of the projects taken by B/C, best first (the greedy order), for the chart. */
function cumulative(a: AppraisalAnswer): Array<{ capexM: number; enpvM: number; id: string }> {
  const order = [...a.projects].sort(
    (x, y) => (y.indicators.benefitCostRatio ?? 0) - (x.indicators.benefitCostRatio ?? 0),
  );
  let capex = 0;
  let enpv = 0;
  const pts = [{ capexM: 0, enpvM: 0, id: '' }];
  for (const p of order) {
    capex += p.capexEur / 1e6;
    enpv += p.indicators.enpvEur / 1e6;
    pts.push({ capexM: capex, enpvM: enpv, id: p.id });
  }
  return pts;
}

function cumulativeChart(a: AppraisalAnswer, width: number): Element {
  const pts = cumulative(a);
  const chart = Plot.plot({
    width,
    height: 260,
    x: { label: 'capex, EUR m', grid: true },
    y: { label: 'ENPV, EUR m', grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX([a.portfolio.budgetEur / 1e6], { stroke: '#c0392b', strokeDasharray: '4 3' }),
      Plot.line(pts, { x: 'capexM', y: 'enpvM', stroke: '#1f6f8b' }),
      Plot.dot(pts.slice(1), { x: 'capexM', y: 'enpvM', fill: '#1f6f8b', tip: true, title: 'id' }),
      Plot.text(pts.slice(1), { x: 'capexM', y: 'enpvM', text: 'id', dy: -8, fontSize: 9 }),
    ],
  });
  return asImage(chart, ti('chart'));
}

function flowsChart(p: ProjectRow, width: number): Element {
  const rows = p.byYear.flatMap((y) => [
    { year: y.year, kind: 'costs', eurM: -y.costsEur / 1e6 },
    { year: y.year, kind: 'benefits', eurM: y.benefitsEur / 1e6 },
  ]);
  const chart = Plot.plot({
    width,
    height: 200,
    x: { label: null, tickFormat: 'd' },
    y: { label: 'EUR m', grid: true },
    color: { domain: ['costs', 'benefits'], range: ['#c0392b', '#27ae60'], legend: true },
    marks: [Plot.rectY(rows, { x: 'year', y: 'eurM', fill: 'kind', interval: 1 }), Plot.ruleY([0])],
  });
  return asImage(chart, `${ti('flows')}: ${p.name}`);
}

function sheet(p: ProjectRow, width: number): HTMLElement {
  const box = el('section', undefined, 'inv-sheet');
  box.append(el('h3', ti('sheet', { name: p.name })), el('p', ti('flows')), flowsChart(p, width));
  const table = el('table', undefined, 'inv-table');
  const head = el('tr');
  for (const k of ['sens.case', 'col.enpv', 'col.eirr', 'col.bc']) head.append(el('th', ti(k)));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const r of p.sensitivity) {
    const tr = el('tr');
    tr.append(
      el('td', r.case),
      el('td', m(r.enpvEur)),
      el('td', r.eirr === null ? '–' : fmtPercent(r.eirr)),
      el('td', r.benefitCostRatio === null ? '–' : fmtNumber(r.benefitCostRatio, 2)),
    );
    table.tBodies[0]?.append(tr);
  }
  box.append(el('h4', ti('sensitivity')), table);
  return box;
}

function projectTable(a: AppraisalAnswer, onPick: (p: ProjectRow) => void): HTMLTableElement {
  const chosen = new Set(a.portfolio.optimal.picks.map((x) => x.id));
  const table = el('table', undefined, 'inv-table');
  const head = el('tr');
  for (const k of ['col.project', 'col.capex', 'col.enpv', 'col.eirr', 'col.bc', 'col.opens', 'col.risk', 'col.chosen'])
    head.append(el('th', ti(k)));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const p of a.projects) {
    const tr = el('tr');
    const name = el('button', p.name, 'link');
    name.type = 'button';
    name.addEventListener('click', () => onPick(p));
    const cell = el('td');
    cell.append(name);
    const i = p.indicators;
    tr.append(
      cell,
      el('td', m(p.capexEur)),
      el('td', m(i.enpvEur)),
      el('td', i.eirr === null ? '–' : fmtPercent(i.eirr)),
      el('td', i.benefitCostRatio === null ? '–' : fmtNumber(i.benefitCostRatio, 2)),
      el('td', String(p.openingYear)),
      el('td', p.risk === null ? '–' : fmtPercent(p.risk.probabilityNegative)),
      el('td', chosen.has(p.id) ? '✓' : ''),
    );
    table.tBodies[0]?.append(tr);
  }
  return table;
}

function render(out: HTMLElement, a: AppraisalAnswer, ctx: PlannerContext): void {
  const o = a.portfolio.optimal;
  const g = a.portfolio.greedy;
  const width = Math.max(280, Math.min(640, out.clientWidth || 560));
  const detail = el('div', undefined, 'inv-detail');
  out.replaceChildren(
    el(
      'p',
      ti('portfolio', {
        budget: fmtNumber(a.portfolio.budgetEur / 1e9, 1),
        capex: m(o.capexEur),
        enpv: m(o.enpvEur),
        status: o.solver.status,
        gap: o.solver.mipGap === null ? '–' : fmtNumber(o.solver.mipGap, 4),
      }),
      'inv-portfolio',
    ),
    el(
      'p',
      ti('greedy', {
        list: g.picks.map((x) => x.id).join(', ') || ti('none'),
        enpv: m(g.enpvEur),
        diff: m(a.portfolio.difference.enpvEur),
      }),
    ),
    el('p', ti('chart'), 'inv-caption'),
    cumulativeChart(a, width),
    projectTable(a, (p) => detail.replaceChildren(sheet(p, width))),
    el('p', `${ti('unappraised')}: ${a.unappraised.map((u) => `${u.name} (${u.reason})`).join('; ') || ti('none')}`),
    el('p', `${ti('missing')}: ${a.missingParameters.map((x) => x.parameter).join('; ') || ti('none')}`),
    detail,
  );
  // The chosen projects' own links on the map.
  const links = new Map<string, number>();
  for (const p of a.projects) if (o.picks.some((x) => x.id === p.id)) for (const id of p.elements) links.set(id, 1);
  ctx.map.then((mp) => mp.showLinkValues(links.size > 0 ? links : undefined)).catch(() => undefined);
}

export function initInvestments(root: HTMLElement, ctx: PlannerContext): void {
  const form = el('form', undefined, 'inv-form');
  const budget = el('input');
  budget.type = 'number';
  budget.min = '0.001';
  budget.max = '1000';
  budget.step = 'any';
  budget.value = '10';
  const growth = el('select');
  for (const g of ['base', 'low', 'high']) {
    const opt = el('option', ti(`growth.${g}`));
    opt.value = g;
    growth.append(opt);
  }
  // The context scenario of every run (the request's `context`): today's network, or a shipper avoiding Russia.
  const context = el('select');
  for (const c of ['none', 'russia-closed']) {
    const opt = el('option', ti(`context.${c}`));
    opt.value = c;
    context.append(opt);
  }
  const bLabel = el('label', ti('budget'));
  bLabel.append(budget);
  const gLabel = el('label', ti('growth'));
  gLabel.append(growth);
  const cLabel = el('label', ti('context'));
  cLabel.append(context);
  const run = el('button', ti('run'));
  run.type = 'submit';
  // With a token the appraisal runs as a durable job of the user's (POST /jobs/appraisal); without, publicly.
  form.append(bLabel, gLabel, cLabel, tokenField('inv-token'), run);
  const status = el('p', undefined, 'inv-status');
  status.setAttribute('role', 'status');
  const out = el('div', undefined, 'inv-out');
  const title = el('h2', ti('title'));
  const intro = el('p', ti('intro'));
  root.replaceChildren(title, intro, form, status, out);
  let last: AppraisalAnswer | undefined;
  onLangChange(() => {
    title.textContent = ti('title');
    intro.textContent = ti('intro');
    if (last) render(out, last, ctx);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run.disabled = true;
    status.textContent = ti('running', { pct: '' });
    runAppraisal(
      {
        budgetEur: Number(budget.value) * 1e9,
        growth: growth.value as 'base' | 'low' | 'high',
        samples: 500,
        ...(context.value === 'none' ? {} : { context: context.value }),
      },
      (f) => {
        status.textContent = ti('running', { pct: fmtPercent(f) });
      },
    )
      .then((a) => {
        last = a;
        status.textContent = '';
        render(out, a, ctx);
      })
      .catch((err: unknown) => {
        status.textContent = ti('failed', { msg: (err as Error).message });
      })
      .finally(() => {
        run.disabled = false;
      });
  });
}
