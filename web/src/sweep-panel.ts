/**
 * A sweep from the page (issue 20, item 3): pick scenarios of the library, demand growth factors and a number of
 * seeds; the server runs the variants as a job (its work pool, or the `keruen worker`s of a shared queue) and the
 * panel follows its progress, then draws each scenario's generalised cost against growth (P50 with its P10–P90
 * over the seeds) and tabulates the spreads; the variants download as CSV. Needs a token (a sweep is a job).
 */
import * as Plot from '@observablehq/plot';
import {
  type ApiError,
  cancelSweep,
  getScenarioLibrary,
  getSweep,
  getSweepCsv,
  getToken,
  type SweepJob,
  type SweepSummary,
  startSweep,
} from './api.ts';
import { el } from './dom.ts';
import { fmtNumber, t } from './i18n.ts';
import { scenarioName } from './local-names.ts';

const POLL_MS = 500;

function label(text: string, control: HTMLElement): HTMLLabelElement {
  const l = el('label', text, 'field-line');
  l.append(control);
  return l;
}

/** The growth factors typed as "0.9, 1, 1.2": numbers only, else undefined (the server checks the bounds). */
export function parseGrowth(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const xs = parts.map(Number);
  return xs.length > 0 && xs.every((x) => Number.isFinite(x)) ? xs : undefined;
}

function chart(s: SweepSummary, width: number): HTMLElement | SVGSVGElement {
  const rows = s.groups.flatMap((g) => {
    const k = g.kpis.userCostUsd;
    return k === undefined
      ? []
      : [{ scenario: g.scenario, growth: g.growth, p10: k.p10 / 1e6, p50: k.p50 / 1e6, p90: k.p90 / 1e6 }];
  });
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 70,
    color: { legend: true },
    x: { label: t('sw.growth') },
    y: { label: t('sw.costAxis'), grid: true },
    marks: [
      Plot.ruleX(rows, { x: 'growth', y1: 'p10', y2: 'p90', stroke: 'scenario', strokeOpacity: 0.5 }),
      Plot.line(rows, { x: 'growth', y: 'p50', stroke: 'scenario' }),
      Plot.dot(rows, { x: 'growth', y: 'p50', fill: 'scenario', tip: true }),
    ],
  });
}

function table(s: SweepSummary): HTMLTableElement {
  const tb = el('table', undefined, 'data');
  const head = el('tr');
  for (const h of ['sw.scenario', 'sw.growth', 'sw.n', 'sw.cost', 'sw.co2e', 'sw.p90', 'sw.top'])
    head.append(el('th', t(h)));
  tb.append(head);
  const cell = (g: SweepSummary['groups'][number], k: string, scale: number, digits: number) => {
    const v = g.kpis[k];
    return v === undefined
      ? '—'
      : `${fmtNumber(v.p50 / scale, digits)} (${fmtNumber(v.p10 / scale, digits)}–${fmtNumber(v.p90 / scale, digits)})`;
  };
  for (const g of s.groups) {
    const tr = el('tr');
    tr.append(
      el('td', g.scenario),
      el('td', String(g.growth)),
      el('td', String(g.variants)),
      el('td', cell(g, 'userCostUsd', 1e6, 0)),
      el('td', cell(g, 'co2eTonnes', 1e3, 0)),
      el('td', cell(g, 'p90DaysWeighted', 1, 1)),
      el('td', cell(g, 'topUtilisation', 0.01, 0)),
    );
    tb.append(tr);
  }
  return tb;
}

export function sweepPanel(): { element: HTMLElement; refresh(): void } {
  const box = el('section', undefined, 'sweep');
  const boxes = el('fieldset');
  boxes.append(el('legend', t('sw.scenarios')));
  const growth = el('input');
  growth.id = 'sw-growth';
  growth.value = '0.9, 1, 1.2, 1.5';
  const seeds = el('input');
  seeds.id = 'sw-seeds';
  seeds.type = 'number';
  seeds.min = '1';
  seeds.max = '50';
  seeds.value = '3';
  const run = el('button', t('sw.run'));
  run.id = 'sw-run';
  const stop = el('button', t('sw.cancel'));
  stop.hidden = true;
  const bar = el('progress');
  bar.max = 1;
  bar.hidden = true;
  const status = el('p', '', 'status');
  status.setAttribute('role', 'status');
  const out = el('div');
  out.id = 'sw-out';
  box.append(el('h3', t('sw.heading')), el('p', t('sw.hint'), 'hint'), boxes);
  box.append(label(t('sw.growthInput'), growth), label(t('sw.seeds'), seeds), run, stop, bar, status, out);
  let current: string | undefined;

  const follow = async (job: SweepJob) => {
    current = job.id;
    bar.hidden = false;
    stop.hidden = false;
    while (job.status === 'queued' || job.status === 'running') {
      bar.value = job.progress;
      status.textContent = t('sw.progress', { pct: fmtNumber(job.progress * 100) });
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (current !== job.id) return;
      job = await getSweep(job.id);
    }
    bar.hidden = true;
    stop.hidden = true;
    if (job.status !== 'done' || job.result === undefined) {
      status.textContent = t('sw.ended', { status: job.status, error: job.error ?? '' });
      return;
    }
    status.textContent = t('sw.done', { n: String(job.result.variants) });
    const csv = el('button', t('sw.csv'));
    csv.addEventListener('click', () => void download(job.id));
    out.replaceChildren(chart(job.result.summary, Math.max(320, box.clientWidth - 20)), table(job.result.summary), csv);
  };

  const download = async (id: string) => {
    const blob = new Blob([await getSweepCsv(id)], { type: 'text/csv' });
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = `sweep-${id}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  run.addEventListener('click', () => {
    const scenarios = [...boxes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    const factors = parseGrowth(growth.value);
    const problem =
      getToken() === undefined ? 'sh.tokenHint' : scenarios.length === 0 || factors === undefined ? 'sw.pick' : '';
    if (problem !== '' || factors === undefined) {
      status.textContent = t(problem || 'sw.pick');
      return;
    }
    const n = Math.max(1, Math.min(50, Math.round(Number(seeds.value)) || 1));
    const spec = { name: 'page', scenarios, growth: factors, seeds: Array.from({ length: n }, (_, i) => i + 1) };
    out.replaceChildren();
    startSweep(spec).then(follow, (e: ApiError) => {
      status.textContent = t('common.error', { msg: e.message });
    });
  });
  stop.addEventListener('click', () => {
    if (current !== undefined) void cancelSweep(current).then(follow);
  });

  const refresh = () => {
    if (boxes.querySelector('input') !== null) return;
    void getScenarioLibrary().then((lib) => {
      for (const s of [{ ...lib.baseline, names: null }, ...lib.scenarios]) {
        const c = el('input');
        c.type = 'checkbox';
        c.value = s.id;
        c.checked = s.id === lib.baseline.id;
        const l = el('label', undefined, 'check');
        l.append(c, ` ${s.id === lib.baseline.id ? t('sc.baseline') : scenarioName(s)}`);
        boxes.append(l);
      }
    });
  };
  return { element: box, refresh };
}
