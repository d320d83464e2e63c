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
import { bulkTonnesPerTrain } from '../../src/core/scenarios/congestion.ts';

export const START = '<!-- appraisal:start -->';
export const END = '<!-- appraisal:end -->';

const RUN = (ctx: AppraisalContext, choke?: ReadonlyMap<string, number>) => ({
  emissions: ctx.emissions,
  assignment: { carbonPriceUsdPerTonneCo2e: 0, unservedCostUsdPerUnit: choke },
  kpis: { samples: 200, seed: 1 },
});

/** A run's KPIs; `choke` the costs of not shipping of the run it is compared with (as the appraisal does). */
function kpisOf(
  ctx: AppraisalContext,
  scenario: string | Scenario | undefined,
  d: DemandSet,
  choke?: ReadonlyMap<string, number>,
): ScenarioKpis {
  const s = typeof scenario === 'string' ? ctx.scenarios.get(scenario) : scenario;
  if (scenario !== undefined && s === undefined) throw new Error(`scenario ${String(scenario)} missing`);
  return runScenario(ctx.network, s, d, RUN(ctx, choke)).kpis;
}

/** The costs of not shipping of a run by pair (`from to commodity`), for the run compared with it. */
const chokeOf = (k: ScenarioKpis): Map<string, number> =>
  new Map(
    k.ods.flatMap((o) =>
      o.penaltyUsdPerUnit === null ? [] : [[`${o.from} ${o.to} ${o.commodity}`, o.penaltyUsdPerUnit]],
    ),
  );

/** Bulk tonnes a train on 1520 mm lines, as the assignment counts them (core/scenarios/congestion.ts). */
export const BULK_TRAIN_TONNES = bulkTonnesPerTrain(1520);

/** Ex-post ENPV (EUR m), EIRR, B/C and the 2024 user benefit of the second track against a counterfactual. */
function expost(ctx: AppraisalContext, single: string | Scenario) {
  const g = ctx.data.growth;
  const vot = new Map(ctx.baseDemand.commodities.map((c) => [c.id, c.valueOfTimeUsdPerUnitH.value]));
  const rr = ctx.data.parameters.reliabilityRatio.value;
  const pts = [2024, 2030, 2040].map((year) => {
    const d = demandForYear(ctx.baseDemand, g, 'base', year);
    const without = kpisOf(ctx, single, d);
    const withP = kpisOf(ctx, undefined, d, chokeOf(without));
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
    /** The same user benefit by the rule of a half, the cross-check. */
    ruleOfHalfUsdM2024: number;
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
  const d2030 = demandForYear(ctx.baseDemand, g, 'base', 2030);
  const base2030 = kpisOf(ctx, undefined, d2030);
  const choke = chokeOf(base2030);
  const mk2030 = kpisOf(ctx, 'moyinty-kyzylzhar-line', d2030, choke);
  const ta2030 = kpisOf(ctx, 'trans-afghan-railway', d2030, choke);
  const dz2030 = kpisOf(ctx, darbazaScenario(ctx), d2030, choke);
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
      ruleOfHalfUsdM2024: p0.b.userRuleOfHalfUsd / 1e6,
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
    "savings and distances. Both runs of each comparison share the do-minimum's cost of not shipping, as in the",
    'appraisal. Generated by `node --import tsx test/validation/print-appraisal.ts --write`; the guard',
    'test test/validation/appraisal-validation.test.ts recomputes it.',
    '',
    '| Project | Published (source) | Keruen | Why they differ |',
    '|---|---|---|---|',
    `| Dostyk–Moyinty second track, 836 km (ex post, opened Sep 2025) | Container trains 800 → 1,500 km/day (S33, S25): 25.1 h → 13.4 h over the section, 11.7 h saved per train (DERIVED 836/800×24, 836/1500×24); KZ rail border crossings averaged 67.4 h in 2022, on the single track (S57) | 2024 demand, single → double track, Kazakhstan–China rail exports (13.7 Mt, S101), the single track's 12 train pairs a day counted as bulk trains of ${BULK_TRAIN_TONNES.toFixed(0)} t (core/scenarios/congestion.ts): ${h(v.dm.oresSingleH)} h → ${h(v.dm.oresDoubleH)} h; user benefit USD ${v.dm.userUsdM2024.toFixed(0)} m in 2024 (rule of a half: ${v.dm.ruleOfHalfUsdM2024.toFixed(0)} m); ex-post CBA at EUR 1.69 bn (S148), built 2022–2024: **ENPV EUR ${v.dm.enpvEurM.toFixed(0)} m, EIRR ${pct(v.dm.eirr)}, B/C ${v.dm.bc?.toFixed(2) ?? '-'}**; China–Duisburg containers ${h(v.dm.singleH)} h → ${h(v.dm.doubleH)} h | The delay the second track removes on the bulk flow (tens of hours) is of the order of the observed border times, more than the 11.7 h of running time because the single track also queues. When the assignment counted every train as 1,125 t (112.5 TEU-equivalents of 10 t) the single track held 4.9 Mt a year each way against the 13.7 Mt booked on it, queued for weeks and gave an ENPV of EUR 41.6 bn; the 1520 mm bulk train load (2,740 t, DERIVED from KTZ's Darbaza–Maktaaral figures, S32 AP20, and Dostyk's, S184 S106) is now in the model. The rest of the difference from the running-time gain is the capacity relief, which the source does not quantify, and where the demand is placed (all 13.7 Mt on Astana–Xi'an, no Dostyk/Altynkol split in the source). |`,
    `| Darbaza–Maktaaral new line and crossing (AIIB, EBRD; 2026) | KTZ expects 10–14 Mt a year more by 2030 (20–25 Mt later) and the Saryagash–Tashkent section relieved (S32, S31); Kazakhstan–Uzbekistan rail freight 32.3 Mt in 2025 (AP20) | 2030 base demand, Kazakhstan–Uzbekistan cells (growth.yaml): ${v.dz.onLineMt.toFixed(1)} Mt on the new crossing; served ${v.dz.servedWithoutMt.toFixed(1)} → ${v.dz.servedWithMt.toFixed(1)} Mt; mean ${h(v.dz.hoursWithout)} h → ${h(v.dz.hoursWith)} h | The new crossing carries KTZ's 10 Mt: its 10 train pairs a day (AP20) at 2,740 t. Saryagash is relieved, but the mean time hardly falls: every cell still runs over Arys–Darbaza, which the dataset gives the 27 Mt a year of the Saryagash crossing (S33, an estimate: no line capacity was found), and which the new line does not bypass. The cells served beyond it pay as much as not shipping would cost, so the tonnes the line lets through add little consumer surplus (docs/appraisal.md). |`,
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
