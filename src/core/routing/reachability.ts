/**
 * Whether any route exists, for explaining "no route": a breadth-first search from the origin's platforms that
 * counts transfers (0-1 BFS on a deque: a link edge costs 0, a transfer or gauge change 1), over the edges a
 * set of constraints leaves usable. The Pareto search finds at least one route exactly when some walk reaches a
 * destination platform within the transfer limit (a walk can be shortened to a simple path without adding a
 * transfer), so this answers the same yes/no at the cost of one pass over the edges instead of a search.
 * test/core/routing/reachability.test.ts checks it against the search.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { EDGE_GAUGE, EDGE_TRANSFER } from '../network/compile.ts';

export class Reachability {
  private readonly g: CompiledGraph;
  /** Fewest transfers found to each platform, or MAX for none yet. */
  private readonly best: Int32Array;
  /**
   * Circular deque of platforms. It holds at most two transfer counts at once (x and x + 1) and a platform enters
   * only when its count drops, so at most twice: 2V entries.
   */
  private readonly deque: Int32Array;
  private readonly isDest: Uint8Array;

  constructor(g: CompiledGraph) {
    this.g = g;
    this.best = new Int32Array(g.vertexCount);
    this.deque = new Int32Array(2 * g.vertexCount + 1);
    this.isDest = new Uint8Array(g.vertexCount);
  }

  /**
   * Whether a platform of node `destination` can be reached from node `origin` with at most `maxTransfers`
   * transfers, over the edges whose cut bits outside `ignore` are all 0 (`cut` as filled by buildEdgeCuts).
   * A node is not a route to itself (as in the search). Mutates only this object's scratch arrays.
   */
  reaches(origin: number, destination: number, cut: Uint8Array, ignore: number, maxTransfers = Infinity): boolean {
    if (origin === destination) return false;
    const { off, target, kind, nodeOff } = this.g;
    const best = this.best;
    const dq = this.deque;
    const cap = dq.length;
    const keep = ~ignore & 0xff;
    best.fill(0x7fffffff);
    this.isDest.fill(0);
    this.isDest.fill(1, nodeOff[destination] ?? 0, nodeOff[destination + 1] ?? 0);
    let head = 0;
    let size = 0;
    for (let v = nodeOff[origin] ?? 0, end = nodeOff[origin + 1] ?? 0; v < end; v++) {
      best[v] = 0;
      dq[(head + size++) % cap] = v;
    }
    while (size > 0) {
      const v = dq[head] ?? 0;
      head = (head + 1) % cap;
      size--;
      const x = best[v] ?? 0;
      if (this.isDest[v] === 1) return true;
      for (let e = off[v] ?? 0, end = off[v + 1] ?? 0; e < end; e++) {
        if (((cut[e] ?? 0) & keep) !== 0) continue;
        const k = kind[e];
        const step = k === EDGE_TRANSFER || k === EDGE_GAUGE ? 1 : 0;
        const nx = x + step;
        const w = target[e] ?? 0;
        if (nx > maxTransfers || nx >= (best[w] ?? 0)) continue;
        best[w] = nx;
        // 0-1 BFS: a free edge goes to the front, a transfer to the back, so platforms leave in transfer order
        if (step === 0) {
          head = (head - 1 + cap) % cap;
          dq[head] = w;
        } else dq[(head + size) % cap] = w;
        size++;
      }
    }
    return false;
  }
}
