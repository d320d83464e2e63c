/**
 * Computes the calibration section of docs/validation.md and its picture from the observed journeys: routes
 * every journey that has a case (journey-cases.ts), fits the pooled parameters on the tuning journeys, scores
 * them by 5-fold cross-validation on the tuning journeys and on the held-out journeys (never used for fitting or
 * for choosing the method), and renders tables and an SVG. print-calibration.ts writes them; calibration.test.ts
 * recomputes them and fails when the page no longer matches.
 */
import {
  bandOf,
  type CalibrationParams,
  type CasePrediction,
  type CoverageSummary,
  calibrationCurve,
  crossValidate,
  FACILITY_CLASSES,
  type FacilityClass,
  type FitOptions,
  fitCalibration,
  pitHistogram,
  summariseCoverage,
} from '../../src/core/calibration/index.ts';
import { RoutingEngine } from '../../src/core/routing/plan.ts';
import type { KeruenContext } from '../../src/io/context.ts';
import {
  JOURNEY_CASES,
  type JourneyRecord,
  loadJourneys,
  placesOf,
  type RoutedJourney,
  routeJourney,
} from './journey-cases.ts';

const PRIOR_SIGMA: Record<FacilityClass, number> = {
  'caspian-port': 0.8,
  'black-sea-port': 0.8,
  'sea-port': 0.6,
  'cn-kz-border': 0.8,
  'eu-entry-border': 0.8,
  'other-border': 0.8,
  'gauge-change': 0.5,
  'rail-cn': 0.15,
  'rail-cis': 0.15,
  'rail-caucasus-tr': 0.15,
  'rail-eu': 0.15,
  'rail-south': 0.15,
  'sea-leg': 0.1,
  journey: 0.1,
  'journey-sea': 0.1,
  inaugural: 1,
};
export const FIT: FitOptions = { samples: 2000, seed: 16, priorSigma: PRIOR_SIGMA, priorScale: 1, minBandwidth: 0.05 };
export const FOLDS = 5;
export const CV_SEED = 16;
export const EVAL_SAMPLES = 2000;

export interface CalibrationReport {
  routed: RoutedJourney[];
  unrouted: { journey: JourneyRecord; reason: string }[];
  params: CalibrationParams;
  support: Partial<Record<FacilityClass, number>>;
  foldParams: CalibrationParams[];
  cv: CasePrediction[];
  held: CasePrediction[];
  rawTuning: CasePrediction[];
  rawHeld: CasePrediction[];
}

/**
 * The engine on the dataset without its fitted calibration (data/calibration): the fit starts from the dataset's
 * own figures, never from its previous output.
 */
export function uncalibratedEngine(ctx: KeruenContext): RoutingEngine {
  if (ctx.network.calibration === undefined) return ctx.engine;
  return new RoutingEngine({ ...ctx.network, calibration: undefined }, ctx.graph);
}

/** The fitted parameters as the dataset's calibration record (data/calibration/transit-times.yaml). */
export function calibrationRecord(r: CalibrationReport, datasetVersion: string, fitted: string): string {
  const held = r.routed.filter((x) => x.journey.split === 'held-out').length;
  const params = Object.entries(r.params)
    .filter(([, p]) => p !== undefined)
    .map(([k, p]) => `    ${k}: { medianFactor: ${p?.medianFactor.toFixed(4)}, sigma: ${p?.sigma.toFixed(4)} }`);
  return [
    '# Written by `node --import tsx test/validation/print-calibration.ts --write`: do not edit by hand.',
    '# The transit-time calibration fitted on the tuning journeys of test/validation/observations/journeys.yaml',
    '# (docs/validation.md, "Calibration"); itineraries\' timelines use it (src/core/calibration/apply.ts).',
    '- id: transit-times',
    '  method: maximum a posteriori of pooled lognormal factors per facility type (src/core/calibration/fit.ts)',
    `  fitted: "${fitted}"`,
    `  datasetVersion: "${datasetVersion}"`,
    `  journeys: { tuning: ${r.routed.length - held}, heldOut: ${held} }`,
    '  params:',
    ...params,
    '',
  ].join('\n');
}

export function computeReport(ctx: KeruenContext): CalibrationReport {
  const places = placesOf(ctx.network);
  const engine = uncalibratedEngine(ctx);
  const routed: RoutedJourney[] = [];
  const unrouted: CalibrationReport['unrouted'] = [];
  for (const j of loadJourneys()) {
    const jc = JOURNEY_CASES[j.id];
    if (jc === undefined) throw new Error(`${j.id}: no entry in JOURNEY_CASES`);
    if ('skip' in jc) {
      unrouted.push({ journey: j, reason: jc.skip });
      continue;
    }
    const r = routeJourney(engine, places, j, jc);
    if (typeof r === 'string') unrouted.push({ journey: j, reason: r });
    else routed.push(r);
  }
  const tuning = routed.filter((r) => r.journey.split === 'tuning').map((r) => r.case);
  const heldOut = routed.filter((r) => r.journey.split === 'held-out').map((r) => r.case);
  const fit = fitCalibration(tuning, FIT);
  const cv = crossValidate(tuning, FOLDS, CV_SEED, FIT, EVAL_SAMPLES);
  const band = (params: CalibrationParams) => (c: (typeof tuning)[number]) => bandOf(c, params, EVAL_SAMPLES, FIT.seed);
  return {
    routed,
    unrouted,
    params: fit.params,
    support: fit.support,
    foldParams: cv.foldParams,
    cv: cv.predictions,
    held: heldOut.map(band(fit.params)),
    rawTuning: tuning.map(band({})),
    rawHeld: heldOut.map(band({})),
  };
}

const d1 = (h: number) => (h / 24).toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function coverageRow(label: string, s: CoverageSummary): string {
  return row([
    label,
    s.n,
    `${s.in80} (${pct(s.coverage80)})`,
    `${s.in90} (${pct(s.coverage90)})`,
    s.below10,
    s.above90,
    d1(s.medianWidth80H),
    d1(s.medianWidth90H),
    s.medianRelativeWidth80.toFixed(2),
  ]);
}

function summaryTable(r: CalibrationReport): string[] {
  return [
    '| predictions | journeys | within P10–P90 (nominal 80%) | within P5–P95 (nominal 90%) | below P10 | above P90 | median P10–P90 width, d | median P5–P95 width, d | median P10–P90 width / P50 |',
    '|---|---|---|---|---|---|---|---|---|',
    coverageRow('tuning, dataset as shipped', summariseCoverage(r.rawTuning)),
    coverageRow(`tuning, calibrated, ${FOLDS}-fold cross-validation`, summariseCoverage(r.cv)),
    coverageRow('held-out, dataset as shipped', summariseCoverage(r.rawHeld)),
    coverageRow('held-out, calibrated (fit on all tuning journeys)', summariseCoverage(r.held)),
  ];
}

function corridorTable(r: CalibrationReport): string[] {
  const corridorOf = new Map(r.routed.map((x) => [x.journey.id, x.journey.corridor]));
  const corridors = [...new Set(r.routed.map((x) => x.journey.corridor))].sort();
  const cell = (ps: CasePrediction[]) => {
    if (ps.length === 0) return ['0', '—', '—', '—'];
    const s = summariseCoverage(ps);
    return [String(s.n), `${s.in80}`, `${s.in90}`, d1(s.medianWidth80H)];
  };
  const lines = [
    '| corridor | CV journeys | CV within P10–P90 | CV within P5–P95 | CV median P10–P90 width, d | held-out journeys | held-out within P10–P90 | held-out within P5–P95 | held-out median P10–P90 width, d |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of corridors) {
    const of = (ps: CasePrediction[]) => ps.filter((p) => corridorOf.get(p.id) === c);
    lines.push(row([c, ...cell(of(r.cv)), ...cell(of(r.held))]));
  }
  return lines;
}

function paramsTable(r: CalibrationReport): string[] {
  const lines = [
    '| facility type | tuning journeys with it | median factor | sigma | median factor over the 5 CV fits |',
    '|---|---|---|---|---|',
  ];
  for (const k of FACILITY_CLASSES) {
    const p = r.params[k];
    if (p === undefined) continue;
    const folds = r.foldParams.map((f) => f[k]?.medianFactor).filter((x): x is number => x !== undefined);
    const range = folds.length > 0 ? `${Math.min(...folds).toFixed(2)}–${Math.max(...folds).toFixed(2)}` : '—';
    // the journey factors keep median 1; the inaugural factor has no spread of its own
    const journey = k === 'journey' || k === 'journey-sea';
    lines.push(
      row([
        k,
        r.support[k] ?? 0,
        journey ? '1 (fixed)' : p.medianFactor.toFixed(2),
        k === 'inaugural' ? '—' : p.sigma.toFixed(2),
        journey ? '—' : range,
      ]),
    );
  }
  return lines;
}

/** A generated reading of the fitted factors, so that it stays true when the data move. */
function paramsReading(r: CalibrationReport): string {
  const steps = FACILITY_CLASSES.filter((k) => !['journey', 'journey-sea', 'inaugural'].includes(k));
  const fitted = steps.filter((k) => r.params[k] !== undefined);
  const list = (ks: FacilityClass[]) =>
    ks.length > 0 ? ks.map((k) => `${k} (${r.params[k]?.medianFactor.toFixed(2)})`).join(', ') : 'none';
  const long = fitted.filter((k) => (r.params[k]?.medianFactor ?? 1) < 0.8);
  const short = fitted.filter((k) => (r.params[k]?.medianFactor ?? 1) > 1.25);
  const thin = fitted.filter((k) => (r.support[k] ?? 0) < 3);
  return [
    `Types whose dataset figures the journeys find too long (factor below 0.8): ${list(long)}.`,
    `Too short (factor above 1.25): ${list(short)}.`,
    `Informed by fewer than 3 tuning journeys, so resting mostly on the prior: ${thin.length > 0 ? thin.join(', ') : 'none'}.`,
  ].join(' ');
}

function verdict(p: CasePrediction): string {
  if (p.observedH < p.p10) return 'below P10';
  if (p.observedH > p.p90) return 'above P90';
  return 'within';
}

function journeyTable(r: CalibrationReport): string[] {
  const pred = new Map([...r.cv, ...r.held].map((p) => [p.id, p]));
  const raw = new Map([...r.rawTuning, ...r.rawHeld].map((p) => [p.id, p]));
  const lines = [
    '| id | split | corridor | published route | observed | basis | service | source | case (proxy) | shipped P10/P50/P90, d | calibrated P10/P50/P90, d | PIT | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.routed) {
    const j = x.journey;
    const p = pred.get(j.id);
    const q = raw.get(j.id);
    if (p === undefined || q === undefined) continue;
    const scope = x.jc.scope === 'sailing' ? '; sailing only' : '';
    lines.push(
      row([
        j.id,
        j.split,
        j.corridor,
        `${j.from} → ${j.to}`,
        j.observed,
        j.basis,
        j.service,
        j.sources.join(' '),
        `${x.jc.from} → ${x.jc.to}${x.jc.proxy ? ` (${x.jc.proxy})` : ''}${scope}`,
        `${d1(q.p10)}/${d1(q.p50)}/${d1(q.p90)}`,
        `${d1(p.p10)}/${d1(p.p50)}/${d1(p.p90)}`,
        p.pit.toFixed(2),
        verdict(p),
      ]),
    );
  }
  return lines;
}

/** The generated part of docs/validation.md, between the calibration markers (markers excluded). */
export function renderSection(r: CalibrationReport): string {
  const cv = summariseCoverage(r.cv);
  const held = summariseCoverage(r.held);
  const unrouted = r.unrouted.map((u) => `${u.journey.id} (${u.reason})`).join('; ');
  return [
    `Journeys in the data set: ${r.routed.length + r.unrouted.length}; predicted: ${r.routed.length} ` +
      `(${r.routed.filter((x) => x.journey.split === 'tuning').length} tuning, ` +
      `${r.routed.filter((x) => x.journey.split === 'held-out').length} held-out).`,
    '',
    `**Result.** Cross-validated on the tuning journeys, ${pct(cv.coverage80)} of the observations lie within the calibrated ` +
      `P10–P90 (nominal 80%) and ${pct(cv.coverage90)} within P5–P95 (nominal 90%); on the held-out journeys, ` +
      `${pct(held.coverage80)} and ${pct(held.coverage90)}. Median P10–P90 width: ${d1(cv.medianWidth80H)} days (cross-validation), ` +
      `${d1(held.medianWidth80H)} days (held-out).`,
    '',
    ...summaryTable(r),
    '',
    '![PIT histogram and calibration curve](img/calibration-pit.svg)',
    '',
    'Per corridor (counts of journeys; the calibrated predictions of the two rows above):',
    '',
    ...corridorTable(r),
    '',
    'Fitted parameters (all tuning journeys). A step of a type gets a lognormal duration whose median is its',
    "dataset median times the factor, with the type's sigma (log units; for rail runs, per link):",
    '',
    ...paramsTable(r),
    '',
    paramsReading(r),
    '',
    'Every predicted journey (calibrated figures: cross-validated for tuning journeys, fitted on all tuning journeys for held-out ones):',
    '',
    ...journeyTable(r),
    '',
    `Not predicted: ${unrouted}.`,
  ].join('\n');
}

/** PIT histograms (cross-validation and held-out) and the calibration curve, as a standalone SVG. */
export function renderSvg(r: CalibrationReport): string {
  const W = 760;
  const H = 300;
  const bins = 10;
  const cvH = pitHistogram(
    r.cv.map((p) => p.pit),
    bins,
  ).map((c) => c / r.cv.length);
  const heldH = pitHistogram(
    r.held.map((p) => p.pit),
    bins,
  ).map((c) => c / Math.max(1, r.held.length));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
  ];
  // left panel: PIT histogram, share of journeys per tenth; a calibrated forecast gives 0.1 everywhere
  const x0 = 50;
  const y0 = 250;
  const pw = 300;
  const ph = 200;
  const ymax = 0.4;
  const y = (v: number) => (y0 - (Math.min(v, ymax) / ymax) * ph).toFixed(1);
  out.push(`<text x="${x0}" y="30" font-size="13" font-weight="bold">PIT histogram</text>`);
  cvH.forEach((v, i) => {
    const x = x0 + (i * pw) / bins;
    out.push(
      `<rect x="${(x + 2).toFixed(1)}" y="${y(v)}" width="${(pw / bins / 2 - 2).toFixed(1)}" height="${(y0 - Number(y(v))).toFixed(1)}" fill="#4477aa"/>`,
    );
  });
  heldH.forEach((v, i) => {
    const x = x0 + (i * pw) / bins + pw / bins / 2;
    out.push(
      `<rect x="${x.toFixed(1)}" y="${y(v)}" width="${(pw / bins / 2 - 2).toFixed(1)}" height="${(y0 - Number(y(v))).toFixed(1)}" fill="#ee8844"/>`,
    );
  });
  out.push(`<line x1="${x0}" y1="${y(0.1)}" x2="${x0 + pw}" y2="${y(0.1)}" stroke="black" stroke-dasharray="4 3"/>`);
  out.push(...axes(x0, y0, pw, ph, 'PIT', 'share of journeys', [0, 0.5, 1], [0, 0.1, 0.2, 0.3, 0.4], 1, ymax));
  out.push(
    `<rect x="${x0 + 150}" y="40" width="10" height="10" fill="#4477aa"/><text x="${x0 + 164}" y="49">cross-validation (tuning)</text>`,
  );
  out.push(
    `<rect x="${x0 + 150}" y="56" width="10" height="10" fill="#ee8844"/><text x="${x0 + 164}" y="65">held-out</text>`,
  );
  out.push(`<text x="${x0 + 150}" y="81">dashed: uniform (calibrated)</text>`);
  // right panel: calibration curve, observed share inside each nominal central band
  const levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  const x1 = 440;
  const cx = (v: number) => (x1 + v * pw).toFixed(1);
  const cy = (v: number) => (y0 - v * ph).toFixed(1);
  out.push(`<text x="${x1}" y="30" font-size="13" font-weight="bold">Calibration curve: central bands</text>`);
  out.push(`<line x1="${cx(0)}" y1="${cy(0)}" x2="${cx(1)}" y2="${cy(1)}" stroke="black" stroke-dasharray="4 3"/>`);
  const series: [string, CasePrediction[], string][] = [
    ['#999999', [...r.rawTuning, ...r.rawHeld], 'dataset as shipped (all)'],
    ['#4477aa', r.cv, 'calibrated, cross-validation'],
    ['#ee8844', r.held, 'calibrated, held-out'],
  ];
  series.forEach(([color, ps, label], i) => {
    const cov = calibrationCurve(
      ps.map((p) => p.pit),
      levels,
    );
    const pts = [[0, 0], ...levels.map((l, k) => [l, cov[k] ?? 0]), [1, 1]] as [number, number][];
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([a, b]) => `${cx(a)},${cy(b)}`).join(' ')}"/>`,
    );
    for (const [a, b] of pts.slice(1, -1)) out.push(`<circle cx="${cx(a)}" cy="${cy(b)}" r="2.5" fill="${color}"/>`);
    out.push(
      `<line x1="${x1 + 10}" y1="${54 + i * 16}" x2="${x1 + 28}" y2="${54 + i * 16}" stroke="${color}" stroke-width="2"/><text x="${x1 + 32}" y="${58 + i * 16}">${label}</text>`,
    );
  });
  out.push(
    ...axes(
      x1,
      y0,
      pw,
      ph,
      'nominal coverage of the central band',
      'observed coverage',
      [0, 0.5, 1],
      [0, 0.5, 1],
      1,
      1,
    ),
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function axes(
  x0: number,
  y0: number,
  w: number,
  h: number,
  xl: string,
  yl: string,
  xt: number[],
  yt: number[],
  xmax: number,
  ymax: number,
): string[] {
  const out = [
    `<line x1="${x0}" y1="${y0}" x2="${x0 + w}" y2="${y0}" stroke="black"/>`,
    `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y0 - h}" stroke="black"/>`,
    `<text x="${x0 + w / 2}" y="${y0 + 32}" text-anchor="middle">${xl}</text>`,
    `<text transform="translate(${x0 - 36},${y0 - h / 2}) rotate(-90)" text-anchor="middle">${yl}</text>`,
  ];
  for (const t of xt) {
    const x = (x0 + (t / xmax) * w).toFixed(1);
    out.push(
      `<line x1="${x}" y1="${y0}" x2="${x}" y2="${y0 + 4}" stroke="black"/><text x="${x}" y="${y0 + 16}" text-anchor="middle">${t}</text>`,
    );
  }
  for (const t of yt) {
    const y = (y0 - (t / ymax) * h).toFixed(1);
    out.push(
      `<line x1="${x0 - 4}" y1="${y}" x2="${x0}" y2="${y}" stroke="black"/><text x="${x0 - 7}" y="${Number(y) + 4}" text-anchor="end">${t}</text>`,
    );
  }
  return out;
}

export const START = '<!-- calibration:start -->';
export const END = '<!-- calibration:end -->';

/** The text between the markers of a page; throws when they are missing. */
export function sectionOf(doc: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/validation.md: markers ${START} … ${END} missing`);
  return doc.slice(a + START.length, b).trim();
}
