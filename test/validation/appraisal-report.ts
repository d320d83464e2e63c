/**
 * The appraisal section of docs/validation.md: Keruen's with/without-project runs for corridor projects that a
 * bank, a railway or a government has published figures for, side by side with those figures. Computed from the
 * shipped data by `computeAppraisalValidation`, rendered by `renderAppraisalSection`; the guard test
 * (appraisal-validation.test.ts) recomputes it and compares with the page.
 * Run: node --import tsx test/validation/print-appraisal.ts [--write]
 */
import {
  type AppraisalContext,
  type DemandSet,
  demandForYear,
  indicators,
  type OdKpi,
  type Project,
  projectFlows,
  projectScenario,
  runScenario,
  type Scenario,
  type ScenarioKpis,
  yearBenefits,
} from '../../src/core/index.ts';

export const START = '<!-- appraisal:start -->';
export const END = '<!-- appraisal:end -->';

const RUN = (ctx: AppraisalContext) => ({
  emissions: ctx.emissions,
  assignment: { carbonPriceUsdPerTonneCo2e: 0 },
  kpis: { samples: 200, seed: 1 },
});

function kpisOf(ctx: AppraisalContext, scenario: string | Scenario | undefined, d: DemandSet): ScenarioKpis {
  const s = typeof scenario === 'string' ? ctx.scenarios.get(scenario) : scenario;
  if (scenario !== undefined && s === undefined) throw new Error(`scenario ${String(scenario)} missing`);
  return runScenario(ctx.network, s, d, RUN(ctx)).kpis;
}

/**
 * Net tonnes of a loaded bulk train in the region, DERIVED from KTZ's own figures for Darbaza–Maktaaral: 10-14 Mt
 * a year expected on the line (S32) through a junction of 10 train pairs a day (AP20): 10e6 / (10 x 365) = 2,740
 * t (the lower figure). The assignment converts a train to 112.5 TEU-equivalents of 10 t, 1,125 t
 * (core/scenarios/congestion.ts), so a line capacity in trains a day holds 2.4 times less bulk than these trains
 * carry.
 */
export const BULK_TRAIN_TONNES = 10e6 / (10 * 365);
const MODEL_TRAIN_TONNES = 1125;

/** The single-track counterfactual with its 12 train pairs a day counted as trains of BULK_TRAIN_TONNES. */
function heavyTrains(s: Scenario): Scenario {
  const k = BULK_TRAIN_TONNES / MODEL_TRAIN_TONNES;
  return {
    ...s,
    id: `${s.id}-heavy-trains`,
    changes: s.changes.map((c) =>
      c.kind === 'set_capacity' && c.field === 'trainsPerDay'
        ? { ...c, value: { ...c.value, value: c.value.value * k } }
        : c,
    ),
  };
}

/** Ex-post ENPV (EUR m), EIRR, B/C and the 2024 user benefit of the second track against a counterfactual. */
function expost(ctx: AppraisalContext, single: string | Scenario) {
  const g = ctx.data.growth;
  const vot = new Map(ctx.baseDemand.commodities.map((c) => [c.id, c.valueOfTimeUsdPerUnitH.value]));
  const rr = ctx.data.parameters.reliabilityRatio.value;
  const pts = [2024, 2030, 2040].map((year) => {
    const d = demandForYear(ctx.baseDemand, g, 'base', year);
    const without = kpisOf(ctx, single, d);
    const withP = kpisOf(ctx, undefined, d);
    return { year, single: without, double: withP, b: yearBenefits(without, withP, vot, rr) };
  });
  const par = { ...ctx.data.parameters, firstYear: 2022 };
  const fl = projectFlows(par, DOSTYK_MOYINTY, pts, 2022);
  const m = indicators(fl.benefitsEur, fl.costsEur, par.socialDiscountRate.value, par.firstYear);
  return { pts, enpvEurM: m.enpvEur / 1e6, eirr: m.eirr, bc: m.benefitCostRatio };
}

const od = (k: ScenarioKpis, from: string, to: string, c: string): OdKpi => {
  const o = k.ods.find((x) => x.from === from && x.to === to && x.commodity === c);
  if (o === undefined) throw new Error(`no OD ${from} ${to} ${c}`);
  return o;
};

export interface ValidationNumbers {
  /** Dostyk–Moyinty second track, 2024 demand: China–Duisburg containers, mean hours single vs double track. */
  dm: {
    singleH: number;
    doubleH: number;
    oresSingleH: number;
    oresDoubleH: number;
    enpvEurM: number;
    eirr: number | null;
    bc: number | null;
    userUsdM2024: number;
    /** The same ex post with the counterfactual's trains as heavy as KTZ's Darbaza figures imply. */
    heavy: { oresSingleH: number; enpvEurM: number; eirr: number | null; bc: number | null; userUsdM2024: number };
  };
  /** Moyinty–Kyzylzhar, 2030 base demand: Astana–Yerevan grain hours without/with; China–Europe share moved. */
  mk: { grainWithoutH: number; grainWithH: number; containerWithoutH: number; containerWithH: number };
  /**
   * Darbaza–Maktaaral, 2030 base demand: the Kazakhstan–Uzbekistan cells' tonnes on the new crossing, their mean
   * hours and served tonnes without/with the line.
   */
  dz: { onLineMt: number; hoursWithout: number; hoursWith: number; servedWithoutMt: number; servedWithMt: number };
  /** Trans-Afghan, 2030 base demand: Termez–Peshawar hours with the line; whether any route exists without. */
  ta: { withH: number; routeWithout: boolean };
}

/** A sunk project appraised ex post with the same machinery: construction 2022–2024, opening 2025. */
const DOSTYK_MOYINTY: Project = {
  id: 'dostyk-moyinty-second-track',
  name: 'Dostyk–Moyinty second track',
  kind: 'rail-line',
  country: 'KZ',
  scenario: 'baseline',
  capex: { value: 1.69e9, currency: 'EUR', priceYear: 2025, source: 'S148' },
  phasing: [0.3, 0.4, 0.3],
  serviceLifeYears: { value: 30, source: 'AP3' },
  dependsOn: [],
  excludes: [],
};

/** The Darbaza–Maktaaral candidate's network change, as the appraisal builds it (projects.yaml changes). */
function darbazaScenario(ctx: AppraisalContext): Scenario {
  const p = ctx.data.projects.find((x) => x.id === 'darbaza-maktaaral');
  if (p === undefined) throw new Error('project darbaza-maktaaral missing');
  return projectScenario(p, ctx.scenarios);
}

/** The Kazakhstan–Uzbekistan cells (from Arys) in a run without and one with Darbaza–Maktaaral. */
function kzUz(without: ScenarioKpis, withP: ScenarioKpis): ValidationNumbers['dz'] {
  const cells = (k: ScenarioKpis) => k.ods.filter((o) => o.from === 'kz-arys' && o.to.startsWith('uz-'));
  const served = (k: ScenarioKpis) => cells(k).reduce((a, o) => a + o.served, 0);
  const hours = (k: ScenarioKpis) =>
    cells(k).reduce((a, o) => a + (o.meanTimeH ?? 0) * o.served, 0) / Math.max(1, served(k));
  const onLine = cells(withP)
    .flatMap((o) => o.routes)
    .filter((r) => r.keyNodes.includes('Maktaaral'))
    .reduce((a, r) => a + r.flow, 0);
  return {
    onLineMt: onLine / 1e6,
    hoursWithout: hours(without),
    hoursWith: hours(withP),
    servedWithoutMt: served(without) / 1e6,
    servedWithMt: served(withP) / 1e6,
  };
}

export function computeAppraisalValidation(ctx: AppraisalContext): ValidationNumbers {
  const g = ctx.data.growth;
  // Dostyk–Moyinty: the baseline has the second track; its counterfactual scenario closes it.
  const single = ctx.scenarios.get('dostyk-moyinty-single-track');
  if (single === undefined) throw new Error('scenario dostyk-moyinty-single-track missing');
  const m = expost(ctx, single);
  const p0 = m.pts[0] as (typeof m.pts)[number];
  const hv = expost(ctx, heavyTrains(single));
  const h0 = hv.pts[0] as (typeof hv.pts)[number];
  const d2030 = demandForYear(ctx.baseDemand, g, 'base', 2030);
  const base2030 = kpisOf(ctx, undefined, d2030);
  const mk2030 = kpisOf(ctx, 'moyinty-kyzylzhar-line', d2030);
  const ta2030 = kpisOf(ctx, 'trans-afghan-railway', d2030);
  const dz2030 = kpisOf(ctx, darbazaScenario(ctx), d2030);
  return {
    dm: {
      singleH: od(p0.single, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      doubleH: od(p0.double, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      oresSingleH: od(p0.single, 'kz-astana', 'cn-xian', 'ores-concentrates').meanTimeH ?? Number.NaN,
      oresDoubleH: od(p0.double, 'kz-astana', 'cn-xian', 'ores-concentrates').meanTimeH ?? Number.NaN,
      enpvEurM: m.enpvEurM,
      eirr: m.eirr,
      bc: m.bc,
      userUsdM2024: p0.b.userUsd / 1e6,
      heavy: {
        oresSingleH: od(h0.single, 'kz-astana', 'cn-xian', 'ores-concentrates').meanTimeH ?? Number.NaN,
        enpvEurM: hv.enpvEurM,
        eirr: hv.eirr,
        bc: hv.bc,
        userUsdM2024: h0.b.userUsd / 1e6,
      },
    },
    mk: {
      grainWithoutH: od(base2030, 'kz-astana', 'am-yerevan', 'grain').meanTimeH ?? Number.NaN,
      grainWithH: od(mk2030, 'kz-astana', 'am-yerevan', 'grain').meanTimeH ?? Number.NaN,
      containerWithoutH: od(base2030, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      containerWithH: od(mk2030, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
    },
    dz: kzUz(base2030, dz2030),
    ta: {
      withH: od(ta2030, 'uz-termez', 'pk-peshawar', 'ores-concentrates').meanTimeH ?? Number.NaN,
      routeWithout: !od(base2030, 'uz-termez', 'pk-peshawar', 'ores-concentrates').noRoute,
    },
  };
}

const h = (x: number) => x.toFixed(1);
const pct = (x: number | null) => (x === null ? 'none' : `${(x * 100).toFixed(1)} %`);

export function renderAppraisalSection(v: ValidationNumbers): string {
  return [
    START,
    '',
    '## Investment appraisal against published figures',
    '',
    "Keruen's with/without-project runs (docs/appraisal.md) for corridor projects with published figures. No",
    'published EIRR or ENPV was found for these projects (the World Bank, AIIB and EBRD documents located give',
    'amounts, lengths and targets, not their economic analysis), so the comparison is on what was published: time',
    'savings and distances. Generated by `node --import tsx test/validation/print-appraisal.ts --write`; the guard',
    'test test/validation/appraisal-validation.test.ts recomputes it.',
    '',
    '| Project | Published (source) | Keruen | Why they differ |',
    '|---|---|---|---|',
    `| Dostyk–Moyinty second track, 836 km (ex post, opened Sep 2025) | Container trains 800 → 1,500 km/day (S33, S25): 25.1 h → 13.4 h over the section, 11.7 h saved per train (DERIVED 836/800×24, 836/1500×24); KZ rail border crossings averaged 67.4 h in 2022, on the single track (S57) | 2024 demand, single → double track, Kazakhstan–China rail exports (13.7 Mt, S101). As the assignment counts a train (1,125 t of bulk): ${h(v.dm.oresSingleH)} h → ${h(v.dm.oresDoubleH)} h, user benefit USD ${v.dm.userUsdM2024.toFixed(0)} m in 2024, ENPV EUR ${v.dm.enpvEurM.toFixed(0)} m, EIRR ${pct(v.dm.eirr)}, B/C ${v.dm.bc?.toFixed(2) ?? '-'}: not credible. With the single track's 12 train pairs counted as trains of ${BULK_TRAIN_TONNES.toFixed(0)} t (DERIVED from KTZ's 10 Mt on 10 train pairs a day for Darbaza–Maktaaral, S32 AP20): ${h(v.dm.heavy.oresSingleH)} h → ${h(v.dm.oresDoubleH)} h, USD ${v.dm.heavy.userUsdM2024.toFixed(0)} m in 2024; ex-post CBA at EUR 1.69 bn (S148), built 2022–2024: **ENPV EUR ${v.dm.heavy.enpvEurM.toFixed(0)} m, EIRR ${pct(v.dm.heavy.eirr)}, B/C ${v.dm.heavy.bc?.toFixed(2) ?? '-'}**; China–Duisburg containers ${h(v.dm.singleH)} h → ${h(v.dm.doubleH)} h | Why the first figure is not credible: the assignment turns a line capacity in trains into 112.5 TEU-equivalents of 10 t, a 1,125 t train (core/scenarios/congestion.ts), so the single track holds 12 × 365 × 1,125 t = 4.9 Mt a year each way against the 13.7 Mt the demand books on it: at 2.8 times its capacity the M/D/1 delay grows along its tangent to weeks, while the same track carried that traffic in 2024 with border times near 67 h. The second figure counts the same trains at the load KTZ's own Darbaza figures imply; the delay it removes (tens of hours) is of the order observed. The rest of the difference from the running-time gain is the capacity relief, which the source does not quantify, and where the demand is placed (all 13.7 Mt on Astana–Xi'an, no Dostyk/Altynkol split in the source). The fix that belongs to the model is a bulk train load in the assignment's line capacities; until then the appraisal understates bulk capacity on every line given in trains a day. |`,
    `| Darbaza–Maktaaral new line and crossing (AIIB, EBRD; 2026) | KTZ expects 10–14 Mt a year more by 2030 (20–25 Mt later) and the Saryagash–Tashkent section relieved (S32, S31); Kazakhstan–Uzbekistan rail freight 32.3 Mt in 2025 (AP20) | 2030 base demand, Kazakhstan–Uzbekistan cells (growth.yaml): ${v.dz.onLineMt.toFixed(1)} Mt on the new crossing; served ${v.dz.servedWithoutMt.toFixed(1)} → ${v.dz.servedWithMt.toFixed(1)} Mt; mean ${h(v.dz.hoursWithout)} h → ${h(v.dz.hoursWith)} h | The new crossing carries less than KTZ's 10 Mt because its 10 train pairs a day (AP20) hold 4.1 Mt at the assignment's 1,125 t trains, as above. The 10 Mt announced for the line's Syrdarya market are not served with it in the 2030 run: the assignment's cost of not shipping is twice the cheapest free-flow cost, and the new short path lowers it below the congested cost (the appraisal charges that loss at one choke price for both runs, the larger penalty, docs/appraisal.md). |`,
    `| Moyinty–Kyzylzhar new line (World Bank guarantee, Feb 2026) | Shortens the corridor by 149 km (AP8): 2.4 h at 1,500 km/day, 4.5 h at 800 km/day (DERIVED); the programme targets halving Middle Corridor transit times by 2030 (with other works) | 2030 base demand: Astana–Yerevan grain ${h(v.mk.grainWithoutH)} h → ${h(v.mk.grainWithH)} h; China–Duisburg containers ${h(v.mk.containerWithoutH)} h → ${h(v.mk.containerWithH)} h (shares move between routes) | Keruen's do-minimum routes the grain by the detour through Karaganda and Zhezkazgan (and then through Russia, by Beyneu and Samur), whose waits and dwell the new line also avoids; the container change is a shift of route, not a faster train. The line's capacity effect (relief of Karaganda sections) is not in the network's capacities. |`,
    `| Trans-Afghan railway (Termez–Kabul–Peshawar, feasibility stage) | Uzbekistan → Pakistan in 3–5 days instead of about 35 (claim, S84); up to 15 Mt/yr by 2030 (S84) | 2030: Termez–Peshawar ${h(v.ta.withH)} h (${(v.ta.withH / 24).toFixed(1)} days) with the line; ${v.ta.routeWithout ? 'a route exists without it' : 'no route for this bulk flow without it in the network (the 35 days of today, S84, are by routes the network does not offer this flow)'} | Keruen's door-to-door time is longer than the claimed 3–5 days (it includes waits and border dwell) but of the same order once built. Without the line the network has no bulk route, so the benefit is the rule-of-a-half consumer surplus up to the assignment's cost of not shipping: it depends on the 15 Mt claim being carried, which is announced, not observed. |`,
    '',
    'Context for the rates of return: ADB accepts projects above a 9 % EIRR (AP5); the appraisal discounts at 5 %',
    '(AP4). Every figure of the Keruen column comes from the shipped data and the seeded runs; none is fitted to the',
    'published ones.',
    '',
    END,
  ].join('\n');
}

export function sectionOf(doc: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/validation.md: markers ${START} … ${END} missing`);
  return doc.slice(a, b + END.length);
}
