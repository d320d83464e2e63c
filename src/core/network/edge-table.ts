/**
 * The compiler's edges before packing: one plain record per edge (link or transfer), then packed into CSR order
 * (edges grouped by source vertex, in the order they were drafted within a vertex) as the typed arrays of the
 * compiled graph. Packing is stable, so the same drafts always give the same arrays.
 */
import { must } from '../must.ts';

/** One edge as drafted by link-edges.ts or transfer-edges.ts; units as in CompiledGraph. */
export interface EdgeDraft {
  src: number;
  dst: number;
  kind: number;
  link: number;
  reversed: number;
  mode: number;
  status: number;
  statusYear: number;
  timeH: number;
  borderH: number;
  distanceKm: number;
  costTeu: number;
  /** Cost per TEU when the TEU rides in a 20' box (a per-box charge counts in full): see CompiledGraph. */
  costTeu20: number;
  costTonne: number;
  co2Teu: number;
  co2Tonne: number;
  /** Bits of the risk events on the edge (risk-events.ts). */
  riskMask: number;
  service: number;
  carries: number;
  /** A scheduled train's run: the link edges it rides, each as link * 2 + reversed (service-edges.ts). */
  hops?: readonly number[] | undefined;
}

/** The per-edge arrays of the compiled graph, in CSR order, with the vertex offsets. */
export interface EdgeTable {
  off: Int32Array;
  target: Int32Array;
  source: Int32Array;
  kind: Uint8Array;
  link: Int32Array;
  reversed: Uint8Array;
  mode: Uint8Array;
  status: Uint8Array;
  statusYear: Int16Array;
  timeH: Float64Array;
  borderH: Float64Array;
  distanceKm: Float64Array;
  costUsdPerTeu: Float64Array;
  costUsdPerTeu20: Float64Array;
  costUsdPerTonne: Float64Array;
  co2eKgPerTeu: Float64Array;
  co2eKgPerTonne: Float64Array;
  riskMask: Int32Array;
  service: Int32Array;
  carries: Uint8Array;
  hopOff: Int32Array;
  hopLinks: Int32Array;
}

/**
 * CSR order of the drafts: `off` (vertexCount + 1 offsets) and `order[k]`, the draft at position k.
 * @example csrOrder([1, 0, 1], 2) // { off: [0, 1, 3], order: [1, 0, 2] }
 */
export function csrOrder(sources: ArrayLike<number>, vertexCount: number): { off: Int32Array; order: Int32Array } {
  const src = Array.from(sources);
  // off[v + 1] counts the drafts from v, then the running sum turns the counts into offsets
  const off = new Int32Array(vertexCount + 1);
  for (const v of src) off[v + 1] = (off[v + 1] ?? 0) + 1;
  let sum = 0;
  off.forEach((count, v) => {
    sum += count;
    off[v] = sum;
  });
  const fill = off.slice(0, vertexCount);
  const order = new Int32Array(src.length);
  src.forEach((v, i) => {
    const k = fill[v] ?? 0;
    fill[v] = k + 1;
    order[k] = i;
  });
  return { off, order };
}

/** Packs the drafts into typed arrays in CSR order by source vertex. */
export function packEdges(edges: readonly EdgeDraft[], vertexCount: number): EdgeTable {
  const M = edges.length;
  const { off, order } = csrOrder(
    edges.map((e) => e.src),
    vertexCount,
  );
  const g: EdgeTable = {
    off,
    target: new Int32Array(M),
    source: new Int32Array(M),
    kind: new Uint8Array(M),
    link: new Int32Array(M),
    reversed: new Uint8Array(M),
    mode: new Uint8Array(M),
    status: new Uint8Array(M),
    statusYear: new Int16Array(M),
    timeH: new Float64Array(M),
    borderH: new Float64Array(M),
    distanceKm: new Float64Array(M),
    costUsdPerTeu: new Float64Array(M),
    costUsdPerTeu20: new Float64Array(M),
    costUsdPerTonne: new Float64Array(M),
    co2eKgPerTeu: new Float64Array(M),
    co2eKgPerTonne: new Float64Array(M),
    riskMask: new Int32Array(M),
    service: new Int32Array(M),
    carries: new Uint8Array(M),
    hopOff: new Int32Array(M + 1),
    hopLinks: new Int32Array(edges.reduce((n, e) => n + (e.hops?.length ?? 0), 0)),
  };
  let h = 0;
  order.forEach((i, k) => {
    const e = must(edges[i], 'edge draft');
    writeEdge(g, k, e);
    g.hopOff[k] = h;
    for (const x of e.hops ?? []) g.hopLinks[h++] = x;
  });
  g.hopOff[M] = h;
  return g;
}

function writeEdge(g: EdgeTable, k: number, e: EdgeDraft): void {
  g.target[k] = e.dst;
  g.source[k] = e.src;
  g.kind[k] = e.kind;
  g.link[k] = e.link;
  g.reversed[k] = e.reversed;
  g.mode[k] = e.mode;
  g.status[k] = e.status;
  g.statusYear[k] = e.statusYear;
  g.timeH[k] = e.timeH;
  g.borderH[k] = e.borderH;
  g.distanceKm[k] = e.distanceKm;
  g.costUsdPerTeu[k] = e.costTeu;
  g.costUsdPerTeu20[k] = e.costTeu20;
  g.costUsdPerTonne[k] = e.costTonne;
  g.co2eKgPerTeu[k] = e.co2Teu;
  g.co2eKgPerTonne[k] = e.co2Tonne;
  g.riskMask[k] = e.riskMask;
  g.service[k] = e.service;
  g.carries[k] = e.carries;
}
