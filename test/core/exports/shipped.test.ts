/**
 * The acceptance of issue 18 on the shipped dataset: copper from Zhezkazgan, chrome from Aksu and uranium from a
 * Kazatomprom mine each get a priced, timed and CO2e-accounted route to an EU port; uranium never uses a link or
 * port that does not accept class 7 (baseline and Russia closed); with CPC disrupted, crude moves to the
 * trans-Caspian route up to its capacity and the rest is unserved with the bottleneck named; Sarytogan ships
 * only when its scenario opens it. Also: the exports files parse cleanly and refuse hostile records.
 */
import { describe, expect, it } from 'vitest';
import {
  answerExports,
  dangerousGoodsCut,
  type ExportsAnswer,
  libraryScenario,
  parseExportsFiles,
} from '../../../src/core/index.ts';
import { applyScenario } from '../../../src/core/scenarios/apply-scenario.ts';
import { loadContext, loadExportsDataset, loadScenarios, readDataFolder } from '../../../src/io/index.ts';

const ctx = loadContext();
const dataset = loadExportsDataset();
if (dataset === undefined) throw new Error('data/exports is missing');
const scenarios = loadScenarios(ctx.dataDir);
const answers = new Map<string, ExportsAnswer>();
function answer(scenario?: string): ExportsAnswer {
  const key = scenario ?? 'baseline';
  const hit = answers.get(key);
  if (hit) return hit;
  const s = libraryScenario(scenarios, scenario, 'scenario');
  const a = answerExports({ engine: ctx.engine, emissions: ctx.emissions, dataset: dataset!, scenario: s }, {});
  answers.set(key, a);
  return a;
}
const flow = (a: ExportsAnswer, id: string) => a.flows.find((f) => f.id === id)!;
const EU_PORTS = new Set(['nl-rotterdam', 'de-hamburg', 'ro-constanta', 'it-trieste']);

describe('exports on the shipped dataset', () => {
  it.each([
    ['copper-zhezkazgan-eu', 'Zhezkazgan copper'],
    ['ferrochrome-aksu-eu', 'Aksu ferrochrome'],
    ['uranium-kazatomprom-eu', 'Kazatomprom uranium'],
  ])('%s: a priced, timed, CO2e-accounted route to an EU port (%s)', (id) => {
    const f = flow(answer(), id);
    expect(f.routes.length).toBeGreaterThan(0);
    for (const r of f.routes) {
      expect(EU_PORTS.has(r.to)).toBe(true);
      expect(r.costUsdPerTonne).toBeGreaterThan(0);
      expect(r.days).toBeGreaterThan(1);
      expect(r.co2eKgPerTonne).toBeGreaterThan(0);
      expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  it.each([undefined, 'russia-closed', 'cpc-disrupted'])(
    'uranium never uses a link or port that refuses class 7 (%s)',
    (scenario) => {
      const a = answer(scenario);
      const s = libraryScenario(scenarios, scenario, 'scenario');
      const net = s === undefined ? ctx.network : applied(s.id);
      const cut = dangerousGoodsCut(net, dataset!.rules, 'class7')!;
      const badLinks = new Set(cut.deniedLinks.map((i) => net.links[i]!.id));
      const badNodes = new Set(cut.deniedNodes.map((i) => net.nodes[i]!.id));
      const routes = a.flows.filter((f) => f.commodity === 'uranium-uoc').flatMap((f) => f.routes);
      expect(routes.length).toBeGreaterThan(0);
      for (const r of routes) {
        for (const l of r.links) {
          expect(badLinks.has(l)).toBe(false);
          const link = net.links[net.linkIndex.get(l)!]!;
          expect(badNodes.has(link.from) || badNodes.has(link.to)).toBe(false);
        }
      }
    },
  );

  it('with Russia closed, uranium takes the trans-Caspian chain through Poti within the 3,500 tU quota', () => {
    const f = flow(answer('russia-closed'), 'uranium-kazatomprom-eu');
    expect(f.unserved).toBeNull();
    expect(f.routes[0]?.links).toContain('caspian-kuryk-alat-ferry');
    expect(f.routes[0]?.links).toContain('exp-poti-hamburg-class7-charter');
  });

  it('with CPC disrupted, crude fills the trans-Caspian route to capacity and the rest is unserved, bottleneck named', () => {
    const a = answer('cpc-disrupted');
    const crude = a.flows.filter((f) => f.commodity === 'crude-oil');
    const viaAktau = crude
      .flatMap((f) => f.routes)
      .filter((r) => r.links.includes('exp-aktau-sangachal-tankers'))
      .reduce((s, r) => s + (r.tonnes ?? 0), 0);
    expect(viaAktau).toBeCloseTo(2_200_000, 0);
    expect(crude.every((f) => !f.routes.some((r) => r.links.includes('pipe-cpc-atyrau-novorossiysk')))).toBe(true);
    const unserved = a.unserved.filter((u) => u.commodity === 'crude-oil');
    expect(unserved.reduce((s, u) => s + u.tonnes, 0)).toBeGreaterThan(40_000_000);
    for (const u of unserved) expect(u.bottleneck.map((b) => b.link)).toContain('exp-aktau-sangachal-tankers');
    // Served plus unserved equals the flows asked.
    const asked = crude.reduce((s, f) => s + (f.tonnesPerYear ?? 0), 0);
    const served = crude.flatMap((f) => f.routes).reduce((s, r) => s + (r.tonnes ?? 0), 0);
    expect(served + unserved.reduce((s, u) => s + u.tonnes, 0)).toBeCloseTo(asked, 0);
  });

  it('with CPC disrupted, the comparison with the baseline names what shifts, what cannot move, and its extra CO2e', () => {
    const base = answer();
    const a = answer('cpc-disrupted');
    expect(base.againstBaseline).toBeNull();
    const crude = a.againstBaseline?.find((c) => c.commodity === 'crude-oil');
    if (crude === undefined) throw new Error('no crude-oil row');
    const sum = (fs: ExportsAnswer['flows'], k: 'served' | 'unserved') =>
      fs
        .filter((f) => f.commodity === 'crude-oil')
        .reduce(
          (s, f) =>
            s + (k === 'served' ? f.routes.reduce((t, r) => t + (r.tonnes ?? 0), 0) : (f.unserved?.tonnes ?? 0)),
          0,
        );
    expect(crude.servedTonnes).toEqual({ baseline: sum(base.flows, 'served'), scenario: sum(a.flows, 'served') });
    expect(crude.unservedTonnes.scenario).toBeCloseTo(sum(a.flows, 'unserved'), 0);
    expect(crude.unservedTonnes.baseline).toBe(0);
    // the trans-Caspian tankers take 2.2 Mt that the baseline sent through CPC: at least that much shifted
    const tc = crude.corridors.filter((c) => c.corridor === 'Middle').reduce((s, c) => s + c.scenario - c.baseline, 0);
    expect(tc).toBeCloseTo(2_200_000, 0);
    expect(crude.shiftedTonnes).toBeGreaterThanOrEqual(2_200_000 - 1);
    // tankers and BTC emit more per tonne than CPC's pipeline, which adds none in the data
    expect(crude.extraCo2eTonnesPerYear).toBeGreaterThan(0);
    // a commodity the closure leaves alone shows no change
    const copper = a.againstBaseline?.find((c) => c.commodity === 'copper-cathode');
    expect(copper?.shiftedTonnes).toBe(0);
    expect(copper?.extraCostUsdPerYear).toBe(0);
  });

  it('a new Caspian tanker fleet lifts the trans-Caspian capacity from 2.2 to 20 Mt when CPC is out', () => {
    const cpc = scenarios.find((x) => x.id === 'cpc-disrupted')!;
    const fleet = scenarios.find((x) => x.id === 'caspian-tanker-fleet')!;
    const both = { ...fleet, id: 'cpc-and-fleet', changes: [...cpc.changes, ...fleet.changes] };
    const a = answerExports(
      {
        engine: ctx.engine,
        emissions: ctx.emissions,
        dataset: dataset!,
        scenario: { id: both.id, name: both.name, scenario: both, key: 'test:both' },
      },
      { commodity: 'crude-oil' },
    );
    const viaAktau = a.flows
      .flatMap((f) => f.routes)
      .filter((r) => r.links.includes('exp-aktau-sangachal-tankers'))
      .reduce((s, r) => s + (r.tonnes ?? 0), 0);
    expect(viaAktau).toBeCloseTo(20_000_000, 0);
    const before = answer('cpc-disrupted').unserved.filter((u) => u.commodity === 'crude-oil');
    const lost = (rows: typeof before) => rows.reduce((s, u) => s + u.tonnes, 0);
    expect(lost(before) - lost(a.unserved)).toBeCloseTo(20_000_000 - 2_200_000, 0);
  });

  it('Sarytogan ships only when its scenario opens the mine', () => {
    expect(flow(answer(), 'graphite-sarytogan-eu').unserved?.cutBy.join(' ')).toMatch(/planned/);
    const f = flow(answer('sarytogan-full-output'), 'graphite-sarytogan-eu');
    expect(f.unserved).toBeNull();
    expect(f.routes.reduce((s, r) => s + (r.tonnes ?? 0), 0)).toBe(50_000);
  });

  it("gives Kazakhstan's share of the EU's imports with its year and source, or says it is missing", () => {
    const shares = answer().shares;
    const uoc = shares.find((s) => s.commodity === 'uranium-uoc')!.euImportShare;
    expect(uoc).toMatchObject({ value: 0.2682, year: 2022, source: ['S70'] });
    expect(shares.find((s) => s.commodity === 'copper-cathode')!.euImportShare).toHaveProperty('missing');
    for (const s of answer().sources) expect(s.title.length).toBeGreaterThan(2);
  });

  it('refuses an unknown commodity, naming the field', () => {
    expect(() =>
      answerExports({ engine: ctx.engine, emissions: ctx.emissions, dataset: dataset! }, { commodity: 'gold' }),
    ).toThrow(/commodity = "gold"/);
  });
});

describe('parseExportsFiles', () => {
  it('reads the shipped files without a problem', () => {
    const r = parseExportsFiles(readDataFolder(ctx.dataDir, 'exports').files);
    expect(r.issues).toEqual([]);
    expect(r.dataset.flows.length).toBeGreaterThan(5);
  });

  it('refuses hostile records, naming file, record and field', () => {
    const r = parseExportsFiles([
      {
        path: 'exports/commodities.yaml',
        text: '- { id: x, name: X, hsCode: "99; drop", euCrm: maybe, packing: bulk, cargo: bulk, shipmentTonnes: { value: -1 }, euImportShare: { missing: "no" } }',
      },
      {
        path: 'exports/flows.yaml',
        text: '- { id: f, commodity: x, from: a, to: [], tonnesPerYear: { value: 1e400 } }',
      },
      { path: 'exports/evil.yaml', text: '- {}' },
    ]);
    const fields = r.issues.map((i) => `${i.file}:${i.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'exports/commodities.yaml:hsCode',
        'exports/commodities.yaml:euCrm',
        'exports/commodities.yaml:shipmentTonnes.value',
        'exports/flows.yaml:to',
      ]),
    );
    expect(r.issues.some((i) => i.file === 'exports/evil.yaml')).toBe(true);
    expect(r.dataset.commodities).toEqual([]);
  });
});

function applied(id: string) {
  return applyScenario(ctx.network, scenarios.find((s) => s.id === id)!);
}
