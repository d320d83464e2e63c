/**
 * Cheapest routes of the assignment: single-source Dijkstra (routing/dijkstra.ts) on the compiled graph augmented
 * with one source vertex per node, joined at no cost to the node's platforms, so that one search from a node
 * serves every destination; the cheapest route to a node ends at whichever of its platforms is cheapest. Edge
 * weights are a class's base costs plus its value of time x the current congestion delay, set once per class and
 * iteration; a corridor ban sets the edges of the forbidden corridors to Infinity. Typed-array reads within
 * the graph's bounds carry `?? 0` (`?? -1` for an index): never taken, and free in V8.
 */
import type { CompiledGraph } from '../network/compile.ts';
import { type CsrGraph, Dijkstra } from '../routing/dijkstra.ts';

/** A route found by the search: its compiled edges and its cost (USD per unit), or no route (Infinity). */
export interface CheapestRoute {
  edges: Int32Array | undefined;
  cost: number;
}

/**
 * The CSR of graph `g` plus one source vertex per node (vertex vertexCount + n), with an edge of index
 * edgeCount + p to each platform p of node n.
 * @example augmentWithNodeSources(g).n === g.vertexCount + g.nodeOff.length - 1
 */
export function augmentWithNodeSources(g: CompiledGraph): { n: number; off: Int32Array; to: Int32Array } {
  const M = g.edgeCount;
  const V = g.vertexCount;
  const N = g.nodeOff.length - 1;
  const P = g.nodeOff[N] ?? 0;
  const off = new Int32Array(V + N + 1);
  off.set(g.off.subarray(0, V + 1));
  // the source of node n has the edges M + nodeOff[n] .. M + nodeOff[n + 1]
  const sourceEnds = g.nodeOff.subarray(1).map((o) => M + o);
  off.set(sourceEnds, V + 1);
  const to = new Int32Array(M + P);
  to.set(g.target);
  // A node's platforms are numbered consecutively, so the source of node n reaches platforms nodeOff[n]...
  for (let p = 0; p < P; p++) to[M + p] = p;
  return { n: V + N, off, to };
}

export class CheapestRoutes {
  private readonly g: CompiledGraph;
  private readonly csr: CsrGraph;
  private readonly dj: Dijkstra;
  /** Current edge weights (augmented graph); the source links stay 0. */
  readonly weights: Float64Array;
  /** Single-source searches run so far. */
  runs = 0;

  constructor(g: CompiledGraph) {
    this.g = g;
    const a = augmentWithNodeSources(g);
    this.weights = new Float64Array(a.to.length);
    this.csr = { ...a, w: this.weights };
    this.dj = new Dijkstra(this.csr);
  }

  /** Sets the weights to a class's base costs plus `vot` x the delay of the element each edge uses. */
  setWeights(base: Float64Array, vot: number, edgeResource: Int32Array, delayH: Float64Array): void {
    const weights = this.weights;
    weights.set(base);
    if (vot > 0) {
      for (let e = 0; e < this.g.edgeCount; e++) {
        const r = edgeResource[e] ?? -1;
        if (r < 0) continue; // the edge uses no capacity-limited element
        const d = delayH[r] ?? 0;
        if (d > 0) weights[e] = (base[e] ?? 0) + vot * d;
      }
    }
  }

  /** Forbids the edges whose corridor bits meet `ban`; the others get their `congested` weight back. */
  banCorridors(mask: Uint8Array, ban: number, congested: Float64Array): void {
    const weights = this.weights;
    for (let e = 0; e < this.g.edgeCount; e++) {
      weights[e] = (mask[e] ?? 0) & ban ? Number.POSITIVE_INFINITY : (congested[e] ?? 0);
    }
  }

  /** Runs the search from node `origin` (every platform of it at cost 0). */
  searchFrom(origin: number): void {
    this.dj.run(this.g.vertexCount + origin, -1);
    this.runs++;
  }

  /** The cheapest platform of node `dest` reached by the last search, -1 for none. */
  bestPlatform(dest: number): number {
    const { dj, g } = this;
    let bestP = -1;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let p = g.nodeOff[dest] ?? 0, end = g.nodeOff[dest + 1] ?? 0; p < end; p++) {
      const d = dj.dist[p] ?? Number.POSITIVE_INFINITY;
      if (dj.reached(p) && d < bestDist) {
        bestP = p;
        bestDist = d;
      }
    }
    return bestP;
  }

  /** Cost of the last search to a reached platform. */
  costTo(platform: number): number {
    return this.dj.dist[platform] ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Compiled edges of the last search's path to `platform`: between two consecutive vertices, the cheapest
   * parallel edge under the current weights.
   */
  pathEdges(platform: number): Int32Array {
    const { off, to } = this.csr;
    const weights = this.weights;
    const verts = this.dj.pathTo(platform);
    // verts[0] is the node's source vertex: its edge to the first platform is not a compiled edge
    const out = new Int32Array(verts.length - 2);
    for (let i = 1; i + 1 < verts.length; i++) {
      const u = verts[i] ?? -1;
      const v = verts[i + 1];
      let bestE = -1;
      let bestW = Number.POSITIVE_INFINITY;
      for (let e = off[u] ?? 0, end = off[u + 1] ?? 0; e < end; e++) {
        const w = weights[e] ?? Number.POSITIVE_INFINITY;
        if (to[e] === v && (bestE < 0 || w < bestW)) {
          bestE = e;
          bestW = w;
        }
      }
      out[i - 1] = bestE;
    }
    return out;
  }

  /** The cheapest route of the last search to node `dest`, written into `into`. */
  routeTo(dest: number, into: CheapestRoute): void {
    const p = this.bestPlatform(dest);
    if (p < 0) {
      into.edges = undefined;
      into.cost = Number.POSITIVE_INFINITY;
    } else {
      into.edges = this.pathEdges(p);
      into.cost = this.costTo(p);
    }
  }
}
