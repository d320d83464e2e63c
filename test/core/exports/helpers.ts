/**
 * A small worked export network for the exports tests: an oil field O with a pipeline to the EU port E
 * (10 t/yr, USD 5/t), a rail line O–B and a tanker-like rail leg B–E (3 t/yr, USD 10/t each), a road O–E
 * (cheapest, USD 1/t, but no liquids), a mine M with rail to the port P (sea_port) and a sea leg P–E.
 */

import { type DangerousGoodsRule, type ExportsDataset, parseExportsFiles } from '../../../src/core/exports/index.ts';
import { compileNetwork } from '../../../src/core/network/compile.ts';
import type { Network } from '../../../src/core/network/network.ts';
import { ParetoRouter } from '../../../src/core/routing/pareto-search.ts';
import { RoutingEngine } from '../../../src/core/routing/plan.ts';
import { fig, fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const link = (id: string, from: string, to: string, mode: string, usdPerTonne: number, capT?: number) => ({
  id,
  from,
  to,
  mode,
  ...(mode === 'rail' ? { gauge: 1520 } : {}),
  status: 'operational',
  distanceKm: fig(100),
  duration: fixedH(1),
  tariff: { usdPerTonne: fig(usdPerTonne) },
  ...(capT === undefined ? {} : { capacity: { tonnesPerYear: fig(capT) } }),
});

export function exportNetwork(extraLinks: unknown[] = []): Network {
  const facility = { facility: { note: 'transfer' } };
  return networkFrom({
    nodes: [
      node('o', 'KZ', { kind: 'oil_field', ...facility }),
      node('b', 'KZ', facility),
      node('e', 'DE', { kind: 'sea_port', ...facility }),
      node('m', 'KZ', { kind: 'mine' }),
      node('p', 'GE', { kind: 'sea_port', ...facility }),
      node('x', 'TR', facility),
    ],
    links: [
      link('pipe', 'o', 'e', 'pipeline', 5, 10),
      link('rail-ob', 'o', 'b', 'rail', 10),
      link('rail-be', 'b', 'e', 'rail', 10, 3),
      link('road-oe', 'o', 'e', 'road', 1),
      link('rail-mp', 'm', 'p', 'rail', 10),
      link('sea-pe', 'p', 'e', 'sea', 50),
      link('rail-mx', 'm', 'x', 'rail', 1),
      link('rail-xe', 'x', 'e', 'rail', 1),
      ...extraLinks,
    ],
  });
}

export function routeContext(net: Network, cuts = new Map()) {
  const engine = new RoutingEngine(net, compileNetwork(net));
  return { engine, router: new ParetoRouter(engine.graph), departH: 0, includePlannedUpTo: undefined, cuts };
}

const COMMODITIES = `
- id: crude
  name: Crude
  hsCode: "2709"
  euCrm: none
  packing: liquid
  cargo: liquid
  shipmentTonnes: { value: 1, source: T1 }
  dangerousGoods: crude
  euImportShare: { value: 0.1, source: T1, year: 2024 }
- id: uoc
  name: UOC
  hsCode: "2844.10"
  euCrm: none
  packing: class7
  cargo: containers
  tonnesPerTeu: { value: 10, source: T1 }
  shipmentTonnes: { value: 10, source: T1 }
  dangerousGoods: class7
  euImportShare: { missing: "not found in this fixture" }
`;

export function exportsDataset(flows: string, rules = ''): ExportsDataset {
  const files = [
    { path: 'exports/commodities.yaml', text: COMMODITIES },
    { path: 'exports/flows.yaml', text: flows },
    { path: 'exports/dangerous-goods.yaml', text: rules },
  ];
  const r = parseExportsFiles(files);
  if (r.issues.length > 0) throw new Error(JSON.stringify(r.issues));
  return r.dataset;
}

export const CLASS7_RULE: DangerousGoodsRule = {
  id: 'class7',
  name: 'Class 7',
  rule: 'sea legs and sea ports only where accepted',
  sources: ['T1'],
  checks: ['sea_legs', 'sea_ports'],
  accept: [
    { target: 'node', id: 'e', source: 'T1' },
    { target: 'node', id: 'p', source: 'T1' },
  ],
  deny: [],
};
