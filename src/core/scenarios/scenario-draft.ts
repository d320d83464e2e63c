/**
 * The network a scenario is being applied to: copies of the baseline's record arrays and id indices, with each
 * record deep-copied the first time a change writes to it (copy on write), so that the baseline is never
 * mutated and records that no change touches stay shared.
 */
import { must } from '../must.ts';
import type { Network, NetworkLink, NetworkNode, NetworkService } from '../network/network.ts';

export class Draft {
  nodes: NetworkNode[];
  links: NetworkLink[];
  services: NetworkService[];
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  serviceIndex: Map<string, number>;
  private copied = new Set<object>();

  constructor(net: Network) {
    this.nodes = [...net.nodes];
    this.links = [...net.links];
    this.services = [...net.services];
    this.nodeIndex = new Map(net.nodeIndex);
    this.linkIndex = new Map(net.linkIndex);
    this.serviceIndex = new Map(net.serviceIndex);
  }

  /** A private deep copy of a record the first time a change writes to it (copy on write). */
  private own<T extends object>(arr: T[], i: number): T {
    const r = must(arr[i], 'record to copy');
    if (this.copied.has(r)) return r;
    const c = structuredClone(r);
    this.copied.add(c);
    arr[i] = c;
    return c;
  }
  /** The node to write to (a private copy), or undefined when there is none with this id. */
  node(id: string): NetworkNode | undefined {
    const i = this.nodeIndex.get(id);
    return i === undefined ? undefined : this.own(this.nodes, i);
  }
  link(id: string): NetworkLink | undefined {
    const i = this.linkIndex.get(id);
    return i === undefined ? undefined : this.own(this.links, i);
  }
  service(id: string): NetworkService | undefined {
    const i = this.serviceIndex.get(id);
    return i === undefined ? undefined : this.own(this.services, i);
  }
}
