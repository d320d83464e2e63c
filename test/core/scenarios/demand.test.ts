import { describe, expect, it } from 'vitest';
import { checkDemand, parseDemand, parseDemandText } from '../../../src/core/scenarios/demand.ts';
import { fig } from '../../support/synthetic-network.ts';
import { legsNetwork } from './helpers.ts';

const base = {
  id: 'd',
  name: 'demand',
  description: 'a test demand set',
  year: 2025,
  sources: ['T1'],
  commodities: [
    { id: 'containers', name: 'Containers', kind: 'containers', valueOfTimeUsdPerUnitH: fig(1) },
    { id: 'grain', name: 'Grain', kind: 'bulk', valueOfTimeUsdPerUnitH: fig(0.1) },
  ],
  flows: [{ from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(100) }],
};

describe('demand sets', () => {
  it('accepts a valid set', () => {
    const r = parseDemand(base);
    expect(r.issues).toEqual([]);
    expect(r.demand?.flows).toHaveLength(1);
  });

  it('rejects unknown commodities, duplicate pairs, origin = destination and negative volumes', () => {
    const r = parseDemand({
      ...base,
      flows: [
        { from: 'a', to: 'b', commodity: 'oil', volumePerYear: fig(1) },
        { from: 'a', to: 'a', commodity: 'grain', volumePerYear: fig(1) },
        { from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(1) },
        { from: 'a', to: 'b', commodity: 'containers', volumePerYear: fig(2) },
      ],
    });
    expect(r.demand).toBeUndefined();
    expect(r.issues.map((i) => i.code).sort()).toEqual(['duplicate_flow', 'invalid_value', 'unknown_commodity']);
    const neg = parseDemand({
      ...base,
      flows: [{ from: 'a', to: 'b', commodity: 'grain', volumePerYear: { value: -1, source: 'T1' } }],
    });
    expect(neg.issues[0]?.field).toBe('flows.0.volumePerYear.value');
  });

  it('requires a source or an estimate on every volume', () => {
    const r = parseDemand({
      ...base,
      flows: [{ from: 'a', to: 'b', commodity: 'grain', volumePerYear: { value: 5 } }],
    });
    expect(r.demand).toBeUndefined();
    expect(r.issues.some((i) => i.field?.startsWith('flows.0.volumePerYear'))).toBe(true);
  });

  it('checks node ids and source ids against the network', () => {
    const net = legsNetwork(['a', 'b'], [{ id: 'ab', from: 'a', to: 'b', usdPerTeu: 1 }]);
    const d = parseDemand({
      ...base,
      flows: [{ from: 'a', to: 'zz', commodity: 'grain', volumePerYear: { value: 5, source: 'NOPE' } }],
    }).demand!;
    expect(
      checkDemand(net, d)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['unknown_node', 'unknown_source']);
  });

  it('reports YAML syntax errors', () => {
    expect(parseDemandText('demand/x.yaml', 'id: [').issues[0]?.code).toBe('yaml_syntax');
  });
});
