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
  runScenario,
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

function kpisOf(ctx: AppraisalContext, scenario: string | undefined, d: DemandSet): ScenarioKpis {
  const s = scenario === undefined ? undefined : ctx.scenarios.get(scenario);
  if (scenario !== undefined && s === undefined) throw new Error(`scenario ${scenario} missing`);
  return runScenario(ctx.network, s, d, RUN(ctx)).kpis;
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
  };
  /** Moyinty–Kyzylzhar, 2030 base demand: Astana–Yerevan grain hours without/with; China–Europe share moved. */
  mk: { grainWithoutH: number; grainWithH: number; containerWithoutH: number; containerWithH: number };
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

export function computeAppraisalValidation(ctx: AppraisalContext): ValidationNumbers {
  const g = ctx.data.growth;
  const vot = new Map(ctx.baseDemand.commodities.map((c) => [c.id, c.valueOfTimeUsdPerUnitH.value]));
  const rr = ctx.data.parameters.reliabilityRatio.value;
  // Dostyk–Moyinty: the baseline has the second track; its counterfactual scenario closes it.
  const pts = [2024, 2030, 2040].map((year) => {
    const d = demandForYear(ctx.baseDemand, g, 'base', year);
    const single = kpisOf(ctx, 'dostyk-moyinty-single-track', d);
    const double = kpisOf(ctx, undefined, d);
    return { year, single, double, b: yearBenefits(single, double, vot, rr) };
  });
  const p0 = pts[0] as (typeof pts)[number];
  const par = { ...ctx.data.parameters, firstYear: 2022 };
  const fl = projectFlows(par, DOSTYK_MOYINTY, pts, 2022);
  const m = indicators(fl.benefitsEur, fl.costsEur, par.socialDiscountRate.value, par.firstYear);
  const d2030 = demandForYear(ctx.baseDemand, g, 'base', 2030);
  const base2030 = kpisOf(ctx, undefined, d2030);
  const mk2030 = kpisOf(ctx, 'moyinty-kyzylzhar-line', d2030);
  const ta2030 = kpisOf(ctx, 'trans-afghan-railway', d2030);
  return {
    dm: {
      singleH: od(p0.single, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      doubleH: od(p0.double, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      oresSingleH: od(p0.single, 'kz-astana', 'cn-xian', 'ores-concentrates').meanTimeH ?? Number.NaN,
      oresDoubleH: od(p0.double, 'kz-astana', 'cn-xian', 'ores-concentrates').meanTimeH ?? Number.NaN,
      enpvEurM: m.enpvEur / 1e6,
      eirr: m.eirr,
      bc: m.benefitCostRatio,
      userUsdM2024: p0.b.userUsd / 1e6,
    },
    mk: {
      grainWithoutH: od(base2030, 'kz-astana', 'am-yerevan', 'grain').meanTimeH ?? Number.NaN,
      grainWithH: od(mk2030, 'kz-astana', 'am-yerevan', 'grain').meanTimeH ?? Number.NaN,
      containerWithoutH: od(base2030, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
      containerWithH: od(mk2030, 'cn-xian', 'de-duisburg', 'containers').meanTimeH ?? Number.NaN,
    },
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
    `| Dostyk–Moyinty second track, 836 km (ex post, opened Sep 2025) | Container trains 800 → 1,500 km/day (S33, S25): 25.1 h → 13.4 h over the section, 11.7 h saved per train (DERIVED 836/800×24, 836/1500×24) | 2024 demand, single → double track: Kazakhstan–China rail exports (13.7 Mt, S101) ${h(v.dm.oresSingleH)} h → ${h(v.dm.oresDoubleH)} h; China–Duisburg containers ${h(v.dm.singleH)} h → ${h(v.dm.doubleH)} h (${h(v.dm.singleH - v.dm.doubleH)} h). User benefit USD ${v.dm.userUsdM2024.toFixed(0)} m in 2024. Ex-post CBA at EUR 1.69 bn (S148), built 2022–2024: ENPV EUR ${v.dm.enpvEurM.toFixed(0)} m, EIRR ${pct(v.dm.eirr)}, B/C ${v.dm.bc?.toFixed(2) ?? '-'} | Keruen's saving is far larger than the running-time gain: the demand set books all 13.7 Mt of Kazakhstan's rail exports to China on Astana–Xi'an (its origins and crossings are not in the source), and on a single track at 12 train pairs a day that tonnage queues for weeks (M/D/1 delay, docs/scenarios.md). The source gives no split between the Dostyk and Altynkol crossings, so part of this relief may belong to Altynkol: the ex-post ENPV is an upper bound set by where the demand is placed; the containers, a small share of the line's load, barely change (about a point of their share moves between the Northern route and sea, which the equilibrium does not resolve more finely). |`,
    `| Moyinty–Kyzylzhar new line (World Bank guarantee, Feb 2026) | Shortens the corridor by 149 km (AP8): 2.4 h at 1,500 km/day, 4.5 h at 800 km/day (DERIVED); the programme targets halving Middle Corridor transit times by 2030 (with other works) | 2030 base demand: Astana–Yerevan grain ${h(v.mk.grainWithoutH)} h → ${h(v.mk.grainWithH)} h; China–Duisburg containers ${h(v.mk.containerWithoutH)} h → ${h(v.mk.containerWithH)} h (a share moves to the Middle Corridor) | Keruen's do-minimum routes the grain by the detour through Karaganda and Zhezkazgan, whose waits and dwell the new line also avoids; the container change is mostly a shift of corridor, not a faster train. The line's capacity effect (relief of Karaganda sections) is not in the network's capacities. |`,
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
