import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import {
  applyScenario,
  buildNetwork,
  changeKey,
  checkConflicts,
  checkOpenings,
  checkScenario,
  checkSources,
  type Problem,
} from '../../../src/core/scenarios/apply-scenario.ts';
import { Draft } from '../../../src/core/scenarios/scenario-draft.ts';
import { parseScenario, parseScenarioFiles } from '../../../src/core/scenarios/scenario-load.ts';
import type { Scenario } from '../../../src/core/scenarios/scenario-schema.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';
import { railLink } from './helpers.ts';

const net = networkFrom({
  nodes: [
    node('kz-a', 'KZ', { facility: { capacityTeuPerYear: fig(1000), dwell: fixedH(10) } }),
    node('kz-b', 'KZ'),
    node('ru-c', 'RU'),
    node('kz-d', 'KZ', { status: 'planned', statusYear: 2028 }),
  ],
  links: [
    railLink({ id: 'ab', from: 'kz-a', to: 'kz-b', usdPerTeu: 10 }),
    railLink({ id: 'bc', from: 'kz-b', to: 'ru-c', usdPerTeu: 10 }),
    { ...railLink({ id: 'bd', from: 'kz-b', to: 'kz-d', usdPerTeu: 10 }), status: 'planned', statusYear: 2028 },
  ],
  services: [
    {
      id: 'svc',
      name: 'svc',
      mode: 'ferry',
      vessel: 'container_feeder',
      carries: ['containers'],
      departuresPerWeek: fig(2),
      capacityTeuPerDeparture: fig(100),
    },
  ],
});

function scenario(changes: unknown[], extra: Record<string, unknown> = {}): Scenario {
  const r = parseScenario({ id: 's', name: 'test', description: 'test scenario', sources: ['T1'], changes, ...extra });
  if (!r.scenario) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const codes = (s: Scenario) => checkScenario(net, s).map((i) => i.code);

describe('applyScenario', () => {
  it('applies settings to copies and leaves the baseline as it was', () => {
    const before = JSON.stringify(net.nodes) + JSON.stringify(net.links) + JSON.stringify(net.services);
    const next = applyScenario(
      net,
      scenario([
        { kind: 'set_capacity', target: 'node', id: 'kz-a', field: 'capacityTeuPerYear', value: fig(2000) },
        { kind: 'set_dwell', id: 'kz-a', dwell: { dist: 'fixed', value: 2, unit: 'd', source: 'T1' } },
        { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(3) },
        { kind: 'set_tariff', id: 'ab', tariff: { usdPerTeu: fig(5) } },
        { kind: 'set_capacity', target: 'link', id: 'ab', field: 'trainsPerDay', value: fig(12) },
      ]),
    );
    expect(JSON.stringify(net.nodes) + JSON.stringify(net.links) + JSON.stringify(net.services)).toBe(before);
    const a = next.nodes[next.nodeIndex.get('kz-a')!]!;
    expect(a.facility?.capacityTeuPerYear?.value).toBe(2000);
    expect(a.facility?.dwell).toMatchObject({ dist: 'fixed', value: 48 }); // 2 d in hours
    expect(next.services[0]!.departuresPerWeek?.value).toBe(3);
    expect(next.links[next.linkIndex.get('ab')!]!.tariff?.usdPerTeu?.value).toBe(5);
    // Records the scenario does not touch are shared, not copied.
    expect(next.links[next.linkIndex.get('bc')!]).toBe(net.links[net.linkIndex.get('bc')!]);
  });

  it('closes a country: its nodes and every link touching it', () => {
    const next = applyScenario(net, scenario([{ kind: 'close', target: 'country', id: 'RU' }]));
    expect(next.nodes[next.nodeIndex.get('ru-c')!]!.status).toBe('closed');
    expect(next.links[next.linkIndex.get('bc')!]!.status).toBe('closed');
    expect(next.links[next.linkIndex.get('ab')!]!.status).toBe('operational');
  });

  it('opens a planned link together with its planned node', () => {
    const next = applyScenario(
      net,
      scenario([
        { kind: 'open', target: 'link', id: 'bd', year: 2027 },
        { kind: 'open', target: 'node', id: 'kz-d' },
      ]),
    );
    expect(next.links[next.linkIndex.get('bd')!]!).toMatchObject({ status: 'operational', statusYear: 2027 });
    expect(codes(scenario([{ kind: 'open', target: 'link', id: 'bd' }]))).toEqual(['node_not_open']);
  });

  it('adds nodes and links, checked like the dataset', () => {
    const next = applyScenario(
      net,
      scenario([
        { kind: 'add_node', node: node('kz-e', 'KZ') },
        { kind: 'add_link', link: railLink({ id: 'ae', from: 'kz-a', to: 'kz-e', usdPerTeu: 10 }) },
      ]),
    );
    expect(next.nodes).toHaveLength(5);
    expect(next.linkIndex.get('ae')).toBe(3);
    expect(
      codes(scenario([{ kind: 'add_link', link: railLink({ id: 'ax', from: 'kz-a', to: 'kz-x', usdPerTeu: 1 }) }])),
    ).toEqual(['unknown_node']);
    expect(codes(scenario([{ kind: 'add_node', node: node('kz-a', 'KZ') }]))).toEqual(['duplicate_id']);
  });

  it('refuses added links that give a risk event a second chance or hold more events than a route can count', () => {
    const risky = (id: string, risk: Record<string, unknown>) => ({
      kind: 'add_link',
      link: { ...railLink({ id, from: 'kz-a', to: 'kz-b', usdPerTeu: 1 }), risk: { source: 'T1', ...risk } },
    });
    const twice = scenario([risky('r1', { value: 0.3, event: 'war' }), risky('r2', { value: 0.5, event: 'war' })]);
    expect(codes(twice)).toEqual(['risk_event_conflict']);
    const many = scenario(Array.from({ length: 33 }, (_, i) => risky(`own${i}`, { value: 0.1 })));
    expect(codes(many)).toEqual(['too_many_risk_events']);
    expect(() => applyScenario(net, many)).toThrow(KeruenError);
  });

  it('rejects unknown ids, conflicting changes and unknown sources, all at once', () => {
    const s = scenario([
      { kind: 'set_capacity', target: 'link', id: 'nope', field: 'teuPerYear', value: fig(1) },
      { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(3) },
      { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(4) },
      { kind: 'close', target: 'node', id: 'kz-z' },
      { kind: 'close', target: 'country', id: 'XX' },
      { kind: 'set_tariff', id: 'ab', tariff: { usdPerTeu: { value: 1, source: 'NOPE' } } },
    ]);
    expect(codes(s).sort()).toEqual(
      ['conflicting_change', 'unknown_country', 'unknown_link', 'unknown_node', 'unknown_source'].sort(),
    );
    try {
      applyScenario(net, s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KeruenError);
      expect((e as KeruenError).code).toBe('KERUEN_INVALID_SCENARIO');
      expect((e as KeruenError).issues.length).toBe(5);
    }
  });

  it('rejects opening what another change closes, and capacity on a node without a facility', () => {
    expect(
      codes(
        scenario([
          { kind: 'open', target: 'node', id: 'kz-d' },
          { kind: 'close', target: 'country', id: 'KZ' },
        ]),
      ),
    ).toContain('conflicting_change');
    expect(
      codes(
        scenario([{ kind: 'set_capacity', target: 'node', id: 'kz-b', field: 'capacityTeuPerYear', value: fig(5) }]),
      ),
    ).toEqual(['no_facility']);
  });

  it('rejects impossible values in the schema, with the field', () => {
    const r = parseScenario({
      id: 's',
      name: 'bad',
      description: 'impossible values',
      sources: ['T1'],
      changes: [
        { kind: 'set_capacity', target: 'link', id: 'ab', field: 'teuPerYear', value: { value: -5, source: 'T1' } },
        { kind: 'set_frequency', id: 'svc', departuresPerWeek: { value: 0, source: 'T1' } },
        { kind: 'set_capacity', target: 'link', id: 'ab', field: 'lanes', value: fig(2) },
      ],
    });
    expect(r.scenario).toBeUndefined();
    expect(r.issues.length).toBeGreaterThanOrEqual(3);
    expect(r.issues.some((i) => i.field?.startsWith('changes.0'))).toBe(true);
  });

  it('reads several files and reports duplicate scenario ids', () => {
    const text = 'id: s\nname: test\ndescription: test scenario\nsources: [T1]\nchanges: []\n';
    const r = parseScenarioFiles([
      { path: 'scenarios/a.yaml', text },
      { path: 'scenarios/b.yaml', text },
      { path: 'scenarios/c.yaml', text: 'id: [' },
    ]);
    expect(r.scenarios).toHaveLength(1);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['duplicate_id', 'yaml_syntax']);
  });
});

describe('the shared checks of applyScenario', () => {
  /** A Problem that collects [code, field, value]. */
  function collect(): { problem: Problem; found: unknown[][] } {
    const found: unknown[][] = [];
    return { problem: (code, field, value) => found.push([code, field, value]), found };
  }

  it('checkSources: the sources of the scenario and every source a change or the investment cites', () => {
    const { problem, found } = collect();
    const s = scenario([{ kind: 'set_tariff', id: 'ab', tariff: { usdPerTeu: { value: 1, source: 'NOPE' } } }], {
      investment: { cost: { value: 1, source: 'ALSO-NOPE' }, currency: 'EUR' },
    });
    checkSources(net, s, problem);
    expect(found).toEqual([
      ['unknown_source', 'sources', 'NOPE'],
      ['unknown_source', 'sources', 'ALSO-NOPE'],
    ]);
  });

  it('checkConflicts: the second change to the same field of a record, naming the first', () => {
    const s = scenario([
      { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(3) },
      { kind: 'open', target: 'node', id: 'kz-d' },
      { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(4) },
      { kind: 'close', target: 'node', id: 'kz-d' },
    ]);
    expect(s.changes.map(changeKey)).toEqual([
      'service svc departuresPerWeek',
      'node kz-d status',
      'service svc departuresPerWeek',
      'node kz-d status',
    ]);
    const found: string[] = [];
    checkConflicts(s.changes, (code, field, _value, message) => found.push(`${code} ${field}: ${message}`));
    expect(found).toEqual([
      'conflicting_change changes[2]: changes 0 and 2 both set service svc departuresPerWeek',
      'conflicting_change changes[3]: changes 1 and 3 both set node kz-d status',
    ]);
  });

  it('checkOpenings: an opening closed again, and a link opened towards a node that is not open', () => {
    const d = new Draft(net);
    const bd = d.link('bd');
    const c = d.node('ru-c');
    if (bd) bd.status = 'operational';
    if (c) c.status = 'closed';
    const { problem, found } = collect();
    checkOpenings(
      d,
      [
        { target: 'link', id: 'bd', i: 0 },
        { target: 'node', id: 'ru-c', i: 1 },
      ],
      problem,
    );
    expect(found).toEqual([
      ['node_not_open', 'changes[0]', 'kz-d'],
      ['conflicting_change', 'changes[1]', 'ru-c'],
    ]);
  });

  it('buildNetwork: the draft as a network named after the scenario, or its reference problems', () => {
    const s = scenario([]);
    const ok = buildNetwork(net, s, new Draft(net), 'scenarios/s.yaml');
    expect(ok.issues).toEqual([]);
    expect(ok.network?.manifest.description).toBe('test + scenario s');
    expect(ok.network?.nodes).toEqual(net.nodes);
    const d = new Draft(net);
    const ab = d.link('ab');
    if (ab) ab.to = 'kz-x';
    const bad = buildNetwork(net, s, d, 'scenarios/s.yaml');
    expect(bad.network).toBeUndefined();
    expect(bad.issues.map((i) => [i.code, i.value])).toEqual([['unknown_node', 'kz-x']]);
    expect(bad.issues[0]?.file).toBe('links/t.yaml'); // the record's own file; the scenario's only when none
  });
});

describe('a scenario keeps what it does not change', () => {
  it('keeps the baseline’s price series and seasons, so its routes are priced and timed as the baseline’s', async () => {
    const { loadContext } = await import('../../../src/io/index.ts');
    const { network } = loadContext();
    const { scenario } = parseScenario({
      id: 'nothing',
      name: 'Nothing changes',
      description: 'a scenario without changes',
      sources: ['K1'],
      changes: [],
    });
    const applied = applyScenario(network, scenario as Scenario);
    expect(network.prices?.length).toBeGreaterThan(0);
    expect(network.seasons?.length).toBeGreaterThan(0);
    expect(applied.prices).toBe(network.prices);
    expect(applied.seasons).toBe(network.seasons);
  });
});
