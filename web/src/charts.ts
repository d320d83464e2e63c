/**
 * Charts of one itinerary (Observable Plot, SVG): the transit-time distribution from the Monte Carlo, and the
 * time/cost–distance chart after the UNESCAP method (cumulative time and cost against cumulative distance;
 * dwell at borders, ports and gauge changes rises vertically, so the stops that cost the most stand out).
 */
import * as Plot from '@observablehq/plot';
import type { ArrivalDistribution, Itinerary } from './api.ts';
import { fmtDays, fmtNumber, fmtPercent, t } from './i18n.ts';

const H_PER_DAY = 24;

export type StepKind = 'start' | 'travel' | 'border' | 'transfer' | 'gauge_change' | 'wait';

/** One point of the time/cost–distance line; a point with the previous one's km is a vertical step. */
export interface DistancePoint {
  km: number;
  days: number;
  usd: number;
  kind: StepKind;
  /** Where: the node of a stop, or "A – B" of a leg. */
  place: string;
}

/**
 * The UNESCAP time/cost–distance series of an itinerary, from its legs' timestamps (so the line ends at the
 * planned arrival exactly): before each leg, the stop at its origin node (transshipment or gauge change, with
 * its cost) and the wait for a scheduled departure are vertical steps; within a leg, border clearance is a
 * vertical step at the leg's start, then the moving time and the leg's cost rise with its distance. A leg with
 * no known cost adds nothing to the cost line (the total is then a lower bound, as the itinerary says).
 */
export function distanceSeries(it: Pick<Itinerary, 'legs' | 'stops' | 'totals'>): DistancePoint[] {
  const t0 = Date.parse(it.totals.depart);
  const days = (iso: string) => (Date.parse(iso) - t0) / 3_600_000 / H_PER_DAY;
  const pts: DistancePoint[] = [{ km: 0, days: 0, usd: 0, kind: 'start', place: it.legs[0]?.fromName ?? '' }];
  let km = 0;
  let usd = 0;
  let now = 0;
  const stopsAt = new Map<string, Itinerary['stops']>();
  for (const s of it.stops) stopsAt.set(s.node, [...(stopsAt.get(s.node) ?? []), s]);
  for (const leg of it.legs) {
    for (const s of stopsAt.get(leg.from) ?? []) {
      now += s.durationH / H_PER_DAY;
      usd += s.costUsd;
      pts.push({ km, days: now, usd, kind: s.kind, place: s.name });
    }
    stopsAt.delete(leg.from);
    const departDays = days(leg.depart);
    if (departDays > now + 1e-9) {
      // What is left of the gap is the wait for the service (leg.waitH), plus any rounding of the stop times.
      now = departDays;
      pts.push({ km, days: now, usd, kind: 'wait', place: leg.fromName });
    }
    now = departDays;
    if (leg.borderH > 0) {
      now += leg.borderH / H_PER_DAY;
      pts.push({ km, days: now, usd, kind: 'border', place: `${leg.fromName} – ${leg.toName}` });
    }
    km += leg.distanceKm;
    usd += leg.costUsd ?? 0;
    now = days(leg.arrive);
    pts.push({ km, days: now, usd, kind: 'travel', place: `${leg.fromName} – ${leg.toName}` });
  }
  return pts;
}

/** The kinds of step the distance charts colour, in legend order. */
const STEP_KINDS = ['border', 'transfer', 'gauge_change', 'wait'] as const;

const STEP_COLOURS: Readonly<Record<(typeof STEP_KINDS)[number], string>> = {
  border: '#c05600',
  transfer: '#1b3f8b',
  gauge_change: '#b0006d',
  wait: '#5b5b5b',
};

function stepLabel(kind: StepKind): string {
  return kind === 'border' ? t('stop.border') : kind === 'wait' ? t('stop.wait') : t(`stop.${kind}`);
}

/** The vertical steps of a series as segments, for colouring by kind. */
function verticalSteps(pts: DistancePoint[], y: 'days' | 'usd') {
  const out: Array<{ km: number; y1: number; y2: number; kind: StepKind; place: string; label: string }> = [];
  let a: DistancePoint | undefined;
  for (const b of pts) {
    if (a !== undefined && b.kind !== 'travel' && b.kind !== 'start' && b[y] > a[y]) {
      out.push({ km: b.km, y1: a[y], y2: b[y], kind: b.kind, place: b.place, label: stepLabel(b.kind) });
    }
    a = b;
  }
  return out;
}

function figure(title: string, desc: string, chart: Element, testId: string): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.dataset.testid = testId;
  const cap = document.createElement('figcaption');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const small = document.createElement('span');
  small.className = 'chart-desc';
  small.textContent = desc;
  cap.append(strong, document.createElement('br'), small);
  // Plot labels its inner groups ("rect", "line"); inside an image those labels are not allowed (and say
  // nothing): the caption and the chart's own label carry the meaning.
  chart.querySelectorAll('[aria-label]').forEach((e) => {
    e.removeAttribute('aria-label');
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${title}. ${desc}`);
  fig.append(cap, chart);
  return fig;
}

/** Histogram of the transit time in days, with P50 and P90 marked. */
export function distributionChart(
  d: ArrivalDistribution,
  width: number,
  text: { title: string; descKey: string } = { title: t('chart.distribution'), descKey: 'chart.distributionDesc' },
): HTMLElement {
  const desc = t(text.descKey, {
    n: fmtNumber(d.samples ?? 0),
    p50: fmtDays(d.p50),
    p90: fmtDays(d.p90),
  });
  const h = d.histogram;
  if (h === undefined || h.binStartH.length === 0) {
    const p = document.createElement('p');
    p.textContent = t('chart.noDistribution');
    return figure(text.title, desc, p, 'distribution-chart');
  }
  const total = h.counts.reduce((s, c) => s + c, 0) || 1;
  const [first = 0, second] = h.binStartH;
  const step = second === undefined ? 1 : second - first;
  const bins = h.binStartH.map((x, i) => ({
    x1: x / H_PER_DAY,
    x2: (h.binStartH[i + 1] ?? x + step) / H_PER_DAY,
    share: (h.counts[i] ?? 0) / total,
  }));
  const marks = [
    { at: d.p50 / H_PER_DAY, label: `P50 ${fmtDays(d.p50)}`, dy: 4 },
    { at: d.p90 / H_PER_DAY, label: `P90 ${fmtDays(d.p90)}`, dy: 20 },
  ];
  const chart = Plot.plot({
    width,
    height: 200,
    marginLeft: 48,
    marginBottom: 36,
    style: { fontSize: '12px', color: '#1d1d1d', background: 'transparent' },
    x: { label: t('chart.days'), labelAnchor: 'center', tickFormat: (v: number) => fmtNumber(v) },
    y: { label: t('chart.share'), grid: true, tickFormat: (v: number) => fmtPercent(v) },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'share', fill: '#3b6aa0', inset: 0.5 }),
      Plot.ruleX(marks, { x: 'at', stroke: '#a3281b', strokeWidth: 2, strokeDasharray: '4,3' }),
      // Two labels a few days apart would overlap on one line: the P90 one sits lower.
      ...marks.map((m) =>
        Plot.text([m], {
          x: 'at',
          text: 'label',
          frameAnchor: 'top',
          dy: m.dy,
          dx: 4,
          textAnchor: 'start',
          fill: '#7a1e14',
          fontWeight: 600,
        }),
      ),
      Plot.ruleY([0]),
    ],
  });
  return figure(text.title, desc, chart, 'distribution-chart');
}

function distancePlot(it: Itinerary, y: 'days' | 'usd', width: number): Element {
  const pts = distanceSeries(it);
  const steps = verticalSteps(pts, y);
  return Plot.plot({
    width,
    height: 220,
    marginLeft: y === 'usd' ? 60 : 48,
    marginBottom: 36,
    style: { fontSize: '12px', color: '#1d1d1d', background: 'transparent' },
    x: { label: t('chart.km'), labelAnchor: 'center', tickFormat: (v: number) => fmtNumber(v) },
    y: {
      label: y === 'days' ? t('chart.cumDays') : t('chart.cumUsd'),
      grid: true,
      tickFormat: (v: number) => fmtNumber(v),
    },
    color: {
      legend: true,
      domain: STEP_KINDS.map((k) => stepLabel(k)),
      range: STEP_KINDS.map((k) => STEP_COLOURS[k]),
    },
    marks: [
      Plot.line(pts, { x: 'km', y, stroke: '#3a3a3a', strokeWidth: 1.5 }),
      Plot.ruleX(steps, { x: 'km', y1: 'y1', y2: 'y2', stroke: 'label', strokeWidth: 4 }),
      Plot.tip(
        steps,
        Plot.pointer({
          x: 'km',
          y: 'y2',
          title: (s: (typeof steps)[number]) =>
            `${s.label}: ${s.place}\n+${y === 'days' ? `${fmtNumber(s.y2 - s.y1, 1)} ${t('chart.days').toLowerCase()}` : fmtNumber(s.y2 - s.y1)}`,
        }),
      ),
    ],
  });
}

/** The time–distance and cost–distance charts of one itinerary. */
export function distanceCharts(it: Itinerary, width: number): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'distance-charts';
  wrap.append(
    figure(t('chart.timeDistance'), t('chart.tdDesc'), distancePlot(it, 'days', width), 'time-distance-chart'),
    figure(t('chart.costDistance'), t('chart.tdDesc'), distancePlot(it, 'usd', width), 'cost-distance-chart'),
  );
  return wrap;
}
