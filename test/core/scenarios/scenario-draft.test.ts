/** Copy on write of the network a scenario is applied to (scenario-draft.ts). */
import { describe, expect, it } from 'vitest';
import { Draft } from '../../../src/core/scenarios/scenario-draft.ts';
import { networkFrom, node } from '../../support/synthetic-network.ts';
import { railLink } from './helpers.ts';

const net = networkFrom({
  nodes: [node('kz-a', 'KZ'), node('kz-b', 'KZ')],
  links: [railLink({ id: 'ab', from: 'kz-a', to: 'kz-b', usdPerTeu: 10 })],
});

describe('Draft', () => {
  it('copies a record the first time it is asked for, then hands out that same copy', () => {
    const d = new Draft(net);
    const a = d.node('kz-a');
    expect(a).not.toBe(net.nodes[0]);
    expect(a).toEqual(net.nodes[0]);
    expect(d.node('kz-a')).toBe(a);
    expect(d.nodes[0]).toBe(a);
    if (a) a.status = 'closed';
    expect(net.nodes[0]?.status).toBe('operational');
  });

  it('shares the records no change asked for, and owns its arrays and indices', () => {
    const d = new Draft(net);
    d.link('ab');
    expect(d.nodes[1]).toBe(net.nodes[1]);
    expect(d.links[0]).not.toBe(net.links[0]);
    d.nodeIndex.set('kz-c', 2);
    d.nodes.push(d.nodes[0] as never);
    expect(net.nodeIndex.has('kz-c')).toBe(false);
    expect(net.nodes).toHaveLength(2);
  });

  it('finds nothing for an unknown id', () => {
    const d = new Draft(net);
    expect(d.node('nope')).toBeUndefined();
    expect(d.link('nope')).toBeUndefined();
    expect(d.service('nope')).toBeUndefined();
  });
});
