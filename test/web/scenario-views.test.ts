/**
 * The computed parts of the scenario and planner views (no DOM): links coloured on the map, the rows of the
 * flows KPI table, the route-comparison metrics and the "via" text of the itineraries table.
 */
import { describe, expect, it } from 'vitest';
import type { FlowsResult, RouteSummary } from '../../web/src/api.ts';
import { flowsKpiRows, kpiCells } from '../../web/src/flows-table.ts';
import { sharedKeyNodes, viaText } from '../../web/src/itinerary-tables.ts';
import { routeMetricRows } from '../../web/src/route-metrics.ts';
import { changedLinkValues, linkChange, linkUtilisation, touchedLinks } from '../../web/src/scenario-links.ts';

const load = (utilisation: number) => ({
  flowTeuPerYear: 0,
  capacityTeuPerYear: 1,
  measure: 'containers' as const,
  utilisation,
  delayH: 0,
});

const utilisation: Pick<FlowsResult, 'utilisation'> = {
  utilisation: {
    links: [
      // two directions of l1; l2 only in the base run; l3 unchanged; l4 only in the other run
      { id: 'l1', direction: 'forward', base: load(0.2), other: load(0.9), change: null },
      { id: 'l1', direction: 'reverse', base: load(0.4), other: load(0.3), change: null },
      { id: 'l2', base: load(0.6), other: null, change: null },
      { id: 'l3', base: load(0.5), other: load(0.502), change: null },
      { id: 'l4', base: null, other: load(2), change: null },
    ],
    nodes: [],
  },
} as unknown as Pick<FlowsResult, 'utilisation'>;

describe('map colourings', () => {
  it('takes the busier direction of each link in a run', () => {
    expect(linkUtilisation(utilisation, 'base')).toEqual(
      new Map([
        ['l1', 0.4],
        ['l2', 0.6],
        ['l3', 0.5],
      ]),
    );
    expect(linkUtilisation(utilisation, 'other').get('l1')).toBe(0.9);
  });
  it('scales the change to -1..1 at 50 points, leaving out changes under half a point', () => {
    // l1: 0.9 - 0.4 = 0.5 -> 1; l2: -0.6 -> -1 (clamped); l3: 0.002 left out; l4: +2 -> 1
    const c = linkChange(utilisation);
    expect(c.get('l1')).toBeCloseTo(1, 12);
    expect(c.get('l2')).toBe(-1);
    expect(c.has('l3')).toBe(false);
    expect(c.get('l4')).toBe(1);
  });
  it('marks links changed by the first scenario, the second, or both', () => {
    expect(changedLinkValues(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual(
      new Map([
        ['a', -1],
        ['b', 0],
        ['c', 1],
      ]),
    );
  });
  it('finds the links a scenario touches: named links, links at named nodes, links in named countries', () => {
    const rec = (id: string, p: Record<string, unknown>) => [id, { properties: { id, ...p } }] as const;
    const map = {
      records: new Map([
        rec('n1', { recordType: 'node', country: 'KZ' }),
        rec('n2', { recordType: 'node', country: 'AZ' }),
        rec('n3', { recordType: 'node', country: 'GE' }),
        rec('x', { recordType: 'link', from: 'n1', to: 'n2' }),
        rec('y', { recordType: 'link', from: 'n2', to: 'n3' }),
      ]),
    } as never;
    const sc = (changes: unknown[]) => ({ changes }) as never;
    expect([...touchedLinks(sc([{ id: 'x' }]), map)]).toEqual(['x']);
    expect([...touchedLinks(sc([{ node: { id: 'n3' } }]), map)]).toEqual(['y']);
    expect([...touchedLinks(sc([{ target: 'country', id: 'AZ' }]), map)].sort()).toEqual(['x', 'y']);
  });
});

describe('flows KPI table', () => {
  const pair = (base: number | null, other: number | null) => ({
    base,
    other,
    delta: base === null || other === null ? null : other - base,
  });
  it('prints base, other and the signed difference, coloured only when it shows', () => {
    const fmt = (v: number) => v.toFixed(1);
    expect(kpiCells({ pair: pair(1_000_000, 1_500_000), fmt, scale: 1e-6 })).toEqual({
      base: '1.0',
      other: '1.5',
      delta: '+0.5',
      sign: 'up',
    });
    // a difference of 0.01 that prints as 0.0 gets no colour
    expect(kpiCells({ pair: pair(1, 1.01), fmt, scale: 1 }).sign).toBeUndefined();
    expect(kpiCells({ pair: pair(1, null), fmt, scale: 1 })).toEqual({
      base: '1.0',
      other: 'n/a',
      delta: 'n/a',
      sign: undefined,
    });
  });
  it('lists totals, then commodities with volume, corridors with a share, and each OD pair', () => {
    const r = {
      totals: { userCostUsd: pair(1, 2), generalisedCostUsd: pair(1, 2), costUsd: pair(1, 2), co2eTonnes: pair(1, 2) },
      commodities: [
        { commodity: 'grain', unit: 't', served: pair(10, 0), unserved: pair(0, 10), unitDays: pair(1, 1) },
        { commodity: 'empty', unit: 't', served: pair(0, 0), unserved: pair(0, 0), unitDays: pair(0, 0) },
      ],
      corridors: [
        { commodity: 'grain', corridor: 'middle', share: pair(1, 0) },
        { commodity: 'grain', corridor: 'northern', share: pair(0, 0) },
      ],
      ods: [{ from: 'a', to: 'b', commodity: 'grain', meanTimeH: pair(48, 72), p90TimeH: pair(60, 96) }],
    } as unknown as FlowsResult;
    const rows = flowsKpiRows(r, (id) => id.toUpperCase());
    expect(rows.map((x) => x.key)).toEqual([
      'userCost',
      'generalisedCost',
      'cost',
      'co2e',
      'served:grain',
      'unserved:grain',
      'unitDays:grain',
      'share:grain:middle',
      'mean:a:b:grain',
      'p90:a:b:grain',
    ]);
    // times in days
    expect(kpiCells(rows.find((x) => x.key === 'mean:a:b:grain')!).delta).toBe('+1.0');
  });
});

describe('route comparison metrics', () => {
  const summary = (fastestH: number, options: Array<[string, number]>) =>
    ({
      itineraries: options.length,
      fastestH,
      cheapestUsd: 1000,
      options: options.map(([corridor, durationH]) => ({ corridor, totals: { durationH } })),
    }) as unknown as RouteSummary;
  it('adds the fastest time of every corridor either run uses, sorted, null where one has none', () => {
    const rows = routeMetricRows(
      summary(240, [
        ['northern', 240],
        ['middle', 300],
        ['middle', 280],
      ]),
      summary(280, [['middle', 280]]),
    );
    expect(rows).toHaveLength(5);
    expect(rows.slice(3).map((r) => [r.a, r.b])).toEqual([
      [280, 280],
      [240, null],
    ]);
  });
});

describe('itineraries table', () => {
  it('drops from "via" the key nodes that every itinerary of the corridor shares', () => {
    const its = [
      { corridor: 'Middle' as const, keyNodes: ['X', 'Dostyk', 'Aktau', 'Baku', 'Y'] },
      { corridor: 'Middle' as const, keyNodes: ['X', 'Dostyk', 'Kuryk', 'Baku', 'Y'] },
    ];
    const shared = sharedKeyNodes(its).get('Middle')!;
    expect([...shared].sort()).toEqual(['Baku', 'Dostyk', 'X', 'Y']);
    expect(viaText(its[0]!.keyNodes, shared)).toBe('Aktau');
    // nothing of its own left: every intermediate node
    expect(viaText(['X', 'Dostyk', 'Y'], new Set(['Dostyk']))).toBe('Dostyk');
    // more than five: the first two and the last two
    expect(viaText(['o', 'a', 'b', 'c', 'd', 'e', 'f', 'z'], new Set())).toBe('a · b · … · e · f');
  });
});
