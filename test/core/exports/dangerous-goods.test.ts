/**
 * Dangerous-goods rules as routing cuts (helpers.ts network). UOC from the mine M to the EU port E:
 *   cheapest is rail M–X–E through TR (USD 2/t x 10 t... per TEU), but the class 7 rule opens only KZ, GE, DE;
 *   the sea leg P–E is checked and must be accepted; ports P and E are accepted.
 * So the route is M–P–E by rail and sea only when sea-pe is accepted; without it, no route, and the reason given
 * is the dangerous-goods rule.
 */
import { describe, expect, it } from 'vitest';
import { assignExportFlows, dangerousGoodsCut } from '../../../src/core/exports/index.ts';
import { CLASS7_RULE, exportNetwork, exportsDataset, routeContext } from './helpers.ts';

const UOC = `
- id: uoc-m-e
  commodity: uoc
  from: m
  to: [e]
  tonnesPerYear: { value: 20, source: T1 }
`;

function run(rule: typeof CLASS7_RULE) {
  const net = exportNetwork();
  const d = { ...exportsDataset(UOC), rules: [rule] };
  const cut = dangerousGoodsCut(net, d.rules, 'class7');
  const ctx = routeContext(net, new Map(cut === undefined ? [] : [['class7', cut]]));
  const [f] = assignExportFlows(ctx, d.flows, new Map(d.commodities.map((c) => [c.id, c])), new Float64Array(99));
  return { net, cut, f };
}

describe('class 7 rule', () => {
  const withCountries = {
    ...CLASS7_RULE,
    countries: { accept: ['KZ', 'GE', 'DE'], sources: ['T1'] },
    accept: [...CLASS7_RULE.accept, { target: 'link' as const, id: 'sea-pe', source: 'T1' }],
  };

  it('takes only accepted sea legs and ports, and only countries that let the class through', () => {
    const { f, cut, net } = run(withCountries);
    expect(f?.routes.map((r) => r.links)).toEqual([['rail-mp', 'sea-pe']]);
    const denied = new Set(cut?.deniedLinks.map((i) => net.links[i]?.id));
    expect(denied).toEqual(new Set(['rail-mx', 'rail-xe']));
    for (const r of f?.routes ?? []) for (const l of r.links) expect(denied.has(l)).toBe(false);
  });

  it('without an accepted sea leg, reports no route and names the dangerous-goods rule', () => {
    const { f } = run({ ...withCountries, accept: CLASS7_RULE.accept });
    expect(f?.routes).toEqual([]);
    expect(f?.unserved?.tonnes).toBe(20);
    expect(f?.unserved?.cutBy.join(' ')).toMatch(/dangerous goods/);
  });

  it('a denied link is cut whatever its mode', () => {
    const { cut, net } = run({ ...withCountries, deny: [{ target: 'link', id: 'rail-mp', source: 'T1' }] });
    expect(cut?.deniedLinks.map((i) => net.links[i]?.id)).toContain('rail-mp');
  });

  it('a port not accepted is cut with every edge that touches it', () => {
    const { cut, net } = run({ ...withCountries, accept: [{ target: 'node', id: 'e', source: 'T1' }] });
    // p: a port not accepted; x: in TR, outside the countries the rule opens.
    expect(cut?.deniedNodes.map((i) => net.nodes[i]?.id)).toEqual(['p', 'x']);
  });
});
