/**
 * Transfer edges of the compiled graph: between every ordered pair of platforms of one node. Two rail platforms
 * are joined only through a gauge change that lists both gauges (its duration and cost); any other pair only
 * through the node's facility (its dwell and handling cost). A node with neither gets no transfer: cargo cannot
 * change vehicle there. Costs come from the cost model's stop part (src/core/costs/cost-parts.ts): a charge per
 * tonne only converts to a TEU at tonnesPerTeu, one per TEU only to a tonne at a box's legal payload.
 */
import { stopPart, sumParts } from '../costs/cost-parts.ts';
import { neutralPriceBook, type PriceBook } from '../costs/price-book.ts';
import { must } from '../must.ts';
import {
  EDGE_GAUGE,
  EDGE_TRANSFER,
  type EmissionsModel,
  PLATFORM_CLASSES,
  type PlatformClass,
  STATUS_CODES,
} from './compiled-graph.ts';
import type { EdgeDraft } from './edge-table.ts';
import { meanOrZero } from './link-edges.ts';
import type { NetworkNode } from './network.ts';

/** What changing from platform class cp to cq at node n costs, or undefined when n offers no such change. */
export interface TransferTerms {
  kind: number;
  timeH: number;
  costTeu: number;
  costTeu20: number;
  costTonne: number;
  operation: 'container_terminal' | 'gauge_change';
}

/**
 * Terms of a change between two platform classes at a node.
 * @example transferTerms(node, 'rail1435', 'rail1520', 10) // the node's gauge change, if it lists 1435 and 1520
 */
export function transferTerms(
  n: NetworkNode,
  cp: string,
  cq: string,
  tonnesPerTeu: number,
  book: PriceBook = neutralPriceBook(),
): TransferTerms | undefined {
  if (cp.startsWith('rail') && cq.startsWith('rail')) {
    const gc = n.gaugeChange;
    if (gc === undefined) return undefined;
    const gauges = gc.gauges.map(String);
    if (!gauges.includes(cp.slice(4)) || !gauges.includes(cq.slice(4))) return undefined;
    const { perTeu, perTeu20, perTonne } = sumParts([stopPart(n, true, book)], tonnesPerTeu);
    return {
      kind: EDGE_GAUGE,
      timeH: meanOrZero(gc.duration),
      costTeu: perTeu,
      costTeu20: perTeu20,
      costTonne: perTonne,
      operation: 'gauge_change',
    };
  }
  const f = n.facility;
  if (f === undefined) return undefined;
  const { perTeu, perTeu20, perTonne } = sumParts([stopPart(n, false, book)], tonnesPerTeu);
  return {
    kind: EDGE_TRANSFER,
    timeH: meanOrZero(f.dwell),
    costTeu: perTeu,
    costTeu20: perTeu20,
    costTonne: perTonne,
    operation: 'container_terminal',
  };
}

/**
 * Drafts the transfers between the platforms [first, end) of node n (classes in `vClass`) into `edges`.
 * Hub CO2e comes from the emissions model (0 when the model has none for the node, NaN without a model).
 */
export function draftTransferEdges(
  n: NetworkNode,
  first: number,
  end: number,
  vClass: readonly number[],
  em: EmissionsModel | undefined,
  tonnesPerTeu: number,
  edges: EdgeDraft[],
  book: PriceBook = neutralPriceBook(),
): void {
  const classOf = (v: number): PlatformClass => must(PLATFORM_CLASSES[vClass[v] ?? -1], 'class of a platform');
  for (let p = first; p < end; p++) {
    for (let q = first; q < end; q++) {
      if (p === q) continue;
      const terms = transferTerms(n, classOf(p), classOf(q), tonnesPerTeu, book);
      if (terms === undefined) continue;
      const hub = em?.hub(n, terms.operation);
      edges.push({
        src: p,
        dst: q,
        kind: terms.kind,
        link: -1,
        reversed: 0,
        mode: 255,
        status: STATUS_CODES.indexOf(n.status),
        statusYear: n.statusYear ?? 0,
        timeH: terms.timeH,
        borderH: 0,
        distanceKm: 0,
        costTeu: terms.costTeu,
        costTeu20: terms.costTeu20,
        costTonne: terms.costTonne,
        co2Teu: hub ? hub.perTeuKg : em ? 0 : Number.NaN,
        co2Tonne: hub ? hub.perTonneKg : em ? 0 : Number.NaN,
        riskMask: 0,
        service: -1,
        carries: 0xff,
      });
    }
  }
}
