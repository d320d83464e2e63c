/**
 * The capacity-constrained export assignment on a worked network (helpers.ts). Crude from O to E, 20 t/yr:
 *   road O–E costs USD 1/t but carries no liquids (cut by the cargo kind);
 *   the pipeline O–E costs USD 5/t and takes 10 t; then rail O–B–E (USD 20/t) takes its 3 t;
 *   the remaining 20 - 10 - 3 = 7 t are unserved, with both filled links named as the bottleneck.
 */
import { describe, expect, it } from 'vitest';
import { assignExportFlows, dangerousGoodsCut } from '../../../src/core/exports/index.ts';
import { CUT_CARGO, CUT_NAMES } from '../../../src/core/routing/query.ts';
import { applyScenario } from '../../../src/core/scenarios/apply-scenario.ts';
import { exportNetwork, exportsDataset, routeContext } from './helpers.ts';

const CRUDE = (t: number | undefined) => `
- id: crude-o-e
  commodity: crude
  from: o
  to: [e]
${t === undefined ? '' : `  tonnesPerYear: { value: ${t}, source: T1 }`}
`;

function assign(net = exportNetwork(), tonnes: number | null = 20) {
  const d = exportsDataset(CRUDE(tonnes ?? undefined));
  const used = new Float64Array(net.links.length);
  const ctx = routeContext(net);
  return assignExportFlows(ctx, d.flows, new Map(d.commodities.map((c) => [c.id, c])), used);
}

describe('assignExportFlows', () => {
  it('fills the cheapest route to its capacity, then the next, and names the bottleneck of the rest', () => {
    const [f] = assign();
    expect(f?.routes.map((r) => [r.links.join('>'), r.tonnes])).toEqual([
      ['pipe', 10],
      ['rail-ob>rail-be', 3],
    ]);
    expect(f?.routes[0]?.costUsdPerTonne).toBeCloseTo(5, 6);
    expect(f?.routes[1]?.costUsdPerTonne).toBeCloseTo(20, 6);
    expect(f?.unserved?.tonnes).toBeCloseTo(7, 9);
    expect(f?.unserved?.bottleneck.map((b) => [b.link, b.capacityTonnesPerYear])).toEqual([
      ['pipe', 10],
      ['rail-be', 3],
    ]);
  });

  it('never sends a liquid by road, nor anything but a liquid by pipeline', () => {
    const [f] = assign();
    expect(f?.routes.flatMap((r) => r.links)).not.toContain('road-oe');
    expect(f?.routes[0]?.co2eExcludes).toEqual(['pipe']);
  });

  it('serves everything when capacity suffices, and served plus unserved equals the flow', () => {
    const [small] = assign(exportNetwork(), 12);
    const served = small?.routes.reduce((s, r) => s + (r.tonnes ?? 0), 0) ?? 0;
    expect(served).toBeCloseTo(12, 9);
    expect(small?.unserved).toBeNull();
  });

  it('with the pipeline closed, moves to the rail line up to its capacity (a disruption scenario)', () => {
    const net = applyScenario(exportNetwork(), {
      id: 'pipe-closed',
      name: 'pipe closed',
      description: 'the pipeline carries nothing',
      sources: ['T1'],
      tags: ['disruption'],
      changes: [{ kind: 'close', target: 'link', id: 'pipe' }],
    });
    const [f] = assign(net);
    expect(f?.routes.map((r) => [r.links.join('>'), r.tonnes])).toEqual([['rail-ob>rail-be', 3]]);
    expect(f?.unserved?.tonnes).toBeCloseTo(17, 9);
    expect(f?.unserved?.bottleneck.map((b) => b.link)).toEqual(['rail-be']);
  });

  it('prices a flow without a sourced tonnage and assigns it nothing', () => {
    const [f] = assign(exportNetwork(), null);
    expect(f?.tonnesPerYear).toBeNull();
    expect(f?.routes).toHaveLength(1);
    expect(f?.routes[0]?.tonnes).toBeNull();
  });

  it('names the cargo rule when only a road or pipeline would reach (no liquid-capable route)', () => {
    const net = exportNetwork();
    const d = exportsDataset(`
- id: uoc-o-e
  commodity: uoc
  from: o
  to: [e]
  tonnesPerYear: { value: 5, source: T1 }
`);
    // Containers may ride the road, so they get through; cut the road and the rail to see the pipeline refuse them.
    const ctx = routeContext(net);
    const used = new Float64Array(net.links.length);
    const avoid = ['road-oe', 'rail-ob'].map((id) => net.linkIndex.get(id) ?? -1);
    const q = ctx.engine.toQuery({ from: 'o', to: 'e', depart: 0, cargo: { kind: 'containers', teu: 1 } });
    expect(ctx.router.search({ ...q, avoidLinks: avoid })).toHaveLength(0);
    expect(ctx.router.search({ ...q, avoidLinks: avoid }, CUT_CARGO)).not.toHaveLength(0);
    expect(CUT_NAMES[CUT_CARGO]).toMatch(/cargo/);
    const [f] = assignExportFlows(ctx, d.flows, new Map(d.commodities.map((c) => [c.id, c])), used);
    expect(f?.routes[0]?.links).toEqual(['road-oe']);
    expect(dangerousGoodsCut(net, d.rules, 'class7')).toBeUndefined();
  });
});
