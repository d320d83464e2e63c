/** Places in a route request: a city avoided is every one of its terminals avoided; a station stays one node. */
import { describe, expect, it } from 'vitest';
import { resolvePlaceIds, resolveRoute } from '../../../src/core/index.ts';
import { loadContext } from '../../../src/io/index.ts';

const { network } = loadContext();
const NOW = new Date('2026-03-03T00:00:00Z');

describe('avoided places', () => {
  it('avoids all the terminals of a city', () => {
    const terminals = resolvePlaceIds(network, 'x', 'Istanbul');
    expect(Array.isArray(terminals) && terminals.length).toBeGreaterThanOrEqual(3);
    const r = resolveRoute(
      network,
      { from: 'Almaty', to: 'Sofia', cargo: { kind: 'containers', teu: 1 }, avoidNodes: ['Istanbul'] },
      NOW,
    );
    expect(r.avoidNodes).toEqual(terminals);
  });

  it('avoids one station when a station is named', () => {
    const r = resolveRoute(
      network,
      { from: 'Almaty', to: 'Sofia', cargo: { kind: 'containers', teu: 1 }, avoidNodes: ['tr-istanbul-halkali'] },
      NOW,
    );
    expect(r.avoidNodes).toEqual(['tr-istanbul-halkali']);
  });
});
