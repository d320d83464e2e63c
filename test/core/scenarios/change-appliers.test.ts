/**
 * The appliers of scenario changes (change-appliers.ts), one at a time on a Draft of a four-node network, with
 * the problems each reports; the whole scenario (checks, order, validation) is apply-scenario.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/errors.ts';
import {
  APPLIERS,
  type ApplyContext,
  applicationOrder,
  applyChange,
  normalize,
  ORDER,
} from '../../../src/core/scenarios/change-appliers.ts';
import { Draft } from '../../../src/core/scenarios/scenario-draft.ts';
import { parseScenario } from '../../../src/core/scenarios/scenario-load.ts';
import type { Change } from '../../../src/core/scenarios/scenario-schema.ts';
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
    railLink({ id: 'ab', from: 'kz-a', to: 'kz-b', usdPerTeu: 10, hours: 5 }),
    { ...railLink({ id: 'bc', from: 'kz-b', to: 'ru-c', usdPerTeu: 10 }), via: [] },
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
      timetable: [{ day: 'mon', time: '10:00' }],
    },
  ],
});

/** Changes as the schema outputs them (defaults applied). */
function changes(...cs: unknown[]): Change[] {
  const r = parseScenario({ id: 's', name: 'test', description: 'test scenario', sources: ['T1'], changes: cs });
  if (!r.scenario) throw new Error(JSON.stringify(r.issues));
  return r.scenario.changes;
}

/** Applies the changes in order (index = position) to a fresh draft; returns the context and the problems. */
function apply(cs: Change[], extra: Partial<ApplyContext> = {}) {
  const issues: Array<Pick<Issue, 'code' | 'field' | 'value'>> = [];
  const ctx: ApplyContext = {
    draft: new Draft(net),
    file: 'scenarios/t.yaml',
    year: undefined,
    dwellFacilityAt: new Set(),
    opened: [],
    problem: (code, field, value) => issues.push({ code, field, value }),
    ...extra,
  };
  for (const [i, c] of cs.entries()) applyChange(c, i, ctx);
  return { d: ctx.draft, ctx, issues };
}

const nodeOf = (d: Draft, id: string) => d.nodes[d.nodeIndex.get(id) ?? -1];
const linkOf = (d: Draft, id: string) => d.links[d.linkIndex.get(id) ?? -1];

describe('the order of application', () => {
  it('has an applier and a rank for every kind of change', () => {
    expect(Object.keys(APPLIERS).sort()).toEqual(Object.keys(ORDER).sort());
  });

  it('applies additions, then settings, then openings, then closures, ties as written', () => {
    const cs = changes(
      { kind: 'close', target: 'node', id: 'kz-b' },
      { kind: 'open', target: 'node', id: 'kz-d' },
      { kind: 'set_tariff', id: 'ab', tariff: { usdPerTeu: fig(1) } },
      { kind: 'add_node', node: node('kz-e', 'KZ') },
      { kind: 'set_dwell', id: 'kz-a', dwell: fixedH(1) },
      { kind: 'set_tariff', id: 'bc', tariff: { usdPerTeu: fig(1) } },
    );
    expect(applicationOrder(cs).map(({ i }) => i)).toEqual([3, 4, 2, 5, 1, 0]);
  });
});

describe('normalize', () => {
  it('turns every duration into hours, however deep, and leaves the rest', () => {
    const v = {
      a: { dist: 'fixed', value: 2, unit: 'd', source: 'T1' },
      b: [{ dist: 'fixed', value: 3, unit: 'h' }],
      c: 1,
    };
    expect(normalize(v)).toEqual({
      a: { dist: 'fixed', value: 48, source: 'T1' },
      b: [{ dist: 'fixed', value: 3 }],
      c: 1,
    });
  });
});

describe('the appliers', () => {
  it('add_*: appends the record with the scenario file and indexes it; refuses an id in use', () => {
    const { d, issues } = apply(
      changes(
        { kind: 'add_node', node: node('kz-e', 'KZ') },
        { kind: 'add_link', link: railLink({ id: 'ae', from: 'kz-a', to: 'kz-e', usdPerTeu: 1, hours: 2 }) },
        { kind: 'add_node', node: node('kz-a', 'KZ') },
      ),
    );
    expect(d.nodeIndex.get('kz-e')).toBe(4);
    expect(nodeOf(d, 'kz-e')?.file).toBe('scenarios/t.yaml');
    expect(linkOf(d, 'ae')?.duration).toMatchObject({ dist: 'fixed', value: 2 });
    expect(issues).toEqual([{ code: 'duplicate_id', field: 'changes[2].node.id', value: 'kz-a' }]);
  });

  it('set_dwell: facility, border either way, gauge change only where there is one', () => {
    const { d, issues } = apply(
      changes(
        { kind: 'set_dwell', id: 'kz-b', dwell: { dist: 'fixed', value: 1, unit: 'd', source: 'T1' } },
        { kind: 'set_dwell', id: 'kz-b', field: 'borderInbound', dwell: fixedH(6) },
        { kind: 'set_dwell', id: 'kz-b', field: 'gaugeChange', dwell: fixedH(6) },
        { kind: 'set_dwell', id: 'kz-z', dwell: fixedH(6) },
      ),
    );
    expect(nodeOf(d, 'kz-b')?.facility?.dwell).toMatchObject({ value: 24 });
    expect(nodeOf(d, 'kz-b')?.border?.dwellInbound).toMatchObject({ value: 6 });
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['no_gauge_change', 'changes[2].field'],
      ['unknown_node', 'changes[3].id'],
    ]);
  });

  it('set_capacity on a node: needs a facility, or a set_dwell that gives it one', () => {
    const cap = changes({
      kind: 'set_capacity',
      target: 'node',
      id: 'kz-b',
      field: 'capacityTeuPerYear',
      value: fig(5),
    });
    expect(apply(cap).issues.map((i) => i.code)).toEqual(['no_facility']);
    const given = apply(cap, { dwellFacilityAt: new Set(['kz-b']) });
    expect(given.issues).toEqual([]);
    expect(nodeOf(given.d, 'kz-b')?.facility?.capacityTeuPerYear?.value).toBe(5);
  });

  it('set_capacity on links and services, set_tariff, set_gauge_change', () => {
    const { d, issues } = apply(
      changes(
        { kind: 'set_capacity', target: 'link', id: 'ab', field: 'trainsPerDay', value: fig(12) },
        { kind: 'set_capacity', target: 'service', id: 'svc', field: 'capacityTeuPerDeparture', value: fig(150) },
        { kind: 'set_tariff', id: 'bc', tariff: { usdPerTeu: fig(7) } },
        { kind: 'set_capacity', target: 'service', id: 'nope', field: 'capacityTeuPerDeparture', value: fig(1) },
      ),
    );
    expect(linkOf(d, 'ab')?.capacity?.trainsPerDay?.value).toBe(12);
    expect(d.services[0]?.capacityTeuPerDeparture?.value).toBe(150);
    expect(linkOf(d, 'bc')?.tariff?.usdPerTeu?.value).toBe(7);
    expect(issues.map((i) => [i.code, i.value])).toEqual([['unknown_service', 'nope']]);
  });

  it('set_frequency drops the timetable; set_link_time with a speed only drops the duration', () => {
    const { d } = apply(
      changes(
        { kind: 'set_frequency', id: 'svc', departuresPerWeek: fig(5) },
        { kind: 'set_link_time', id: 'ab', speedKmPerDay: fig(800) },
        { kind: 'set_link_time', id: 'bc', duration: fixedH(9), speedKmPerDay: fig(800) },
      ),
    );
    expect(d.services[0]?.departuresPerWeek?.value).toBe(5);
    expect(d.services[0]?.timetable).toBeUndefined();
    expect(linkOf(d, 'ab')?.duration).toBeUndefined();
    expect(linkOf(d, 'ab')?.speedKmPerDay?.value).toBe(800);
    expect(linkOf(d, 'bc')?.duration).toMatchObject({ value: 9 });
  });

  it('open: operational from the change year, else the scenario year; noted for the final checks', () => {
    const { d, ctx, issues } = apply(
      changes({ kind: 'open', target: 'link', id: 'bd', year: 2027 }, { kind: 'open', target: 'node', id: 'kz-d' }),
      { year: 2030 },
    );
    expect(linkOf(d, 'bd')).toMatchObject({ status: 'operational', statusYear: 2027 });
    expect(nodeOf(d, 'kz-d')).toMatchObject({ status: 'operational', statusYear: 2030 });
    expect(ctx.opened).toEqual([
      { target: 'link', id: 'bd', i: 0 },
      { target: 'node', id: 'kz-d', i: 1 },
    ]);
    expect(issues).toEqual([]);
    expect(apply(changes({ kind: 'open', target: 'node', id: 'kz-a' })).issues.map((i) => i.code)).toEqual([
      'already_open',
    ]);
  });

  it('close a node: the node and every link that ends at it', () => {
    const { d } = apply(changes({ kind: 'close', target: 'node', id: 'kz-b' }));
    expect(nodeOf(d, 'kz-b')?.status).toBe('closed');
    expect(['ab', 'bc', 'bd'].map((id) => linkOf(d, id)?.status)).toEqual(['closed', 'closed', 'closed']);
    expect(nodeOf(d, 'kz-a')?.status).toBe('operational');
  });

  it('close a country (any case): its nodes and the links touching or crossing it; no effect is a problem', () => {
    const { d, issues } = apply(
      changes({ kind: 'close', target: 'country', id: 'ru' }, { kind: 'close', target: 'country', id: 'CN' }),
    );
    expect(nodeOf(d, 'ru-c')?.status).toBe('closed');
    expect(linkOf(d, 'bc')?.status).toBe('closed');
    expect(linkOf(d, 'ab')?.status).toBe('operational');
    expect(issues).toEqual([{ code: 'no_effect', field: 'changes[1].id', value: 'CN' }]);
    expect(apply(changes({ kind: 'close', target: 'country', id: 'XX' })).issues.map((i) => i.code)).toEqual([
      'unknown_country',
    ]);
  });
});
