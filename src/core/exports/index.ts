/**
 * Kazakhstan's exports to the EU (issue 18): the exports dataset (commodities, sites, flows, dangerous-goods
 * rules), the capacity-constrained assignment of export flows, and the answer shared by the CLI, the API and the
 * page. The front door of core/exports; src/core/index.ts re-exports it.
 */
export { answerExports, EXPORTS_DEPART, type ExportsAnswer, type ExportsInput } from './answer-exports.ts';
export { assignExportFlows, type Bottleneck, type FlowResult } from './assign-exports.ts';
export {
  type DangerousGoodsClass,
  type DangerousGoodsRule,
  DG_CLASSES,
  type ExportCommodity,
  type ExportFlow,
  type ExportSite,
  type ExportsDataset,
  parseExportsFiles,
} from './catalogue.ts';
export { checkExportsDataset, type DangerousGoodsCut, dangerousGoodsCut } from './dangerous-goods.ts';
export { type ExportRoute, type RouteContext, routeFlow, shipmentCargo } from './route-flow.ts';
export { type CorridorRow, corridorRows, type ShareRow, type UnservedRow } from './summary.ts';
