/**
 * Public API of the emissions module (ISO 14083:2023 / GLEC Framework v3): load factors, compute legs, hubs and
 * chains, export to iLEAP. Pure; no I/O (src/io/emission-factors.ts reads data/emissions from disk).
 */
export type { ChainEmissions, ElementResult } from './chain.ts';
export { chainEmissions, elementEmissions } from './chain.ts';
export type { ChainElementInput, ChainInput } from './chain-schema.ts';
export { ChainSchema, parseChain } from './chain-schema.ts';
export type { Convention, EmissionSource, Energy, Grid, Hoc, HubOperation, Toc, Traction } from './factor-schema.ts';
export { HUB_OPERATIONS } from './factor-schema.ts';
export type { IleapExport, IleapHoc, IleapTce, IleapToc } from './ileap.ts';
export { toDecimal, toIleap } from './ileap.ts';
export type { ChainedItinerary, ItineraryChain } from './itinerary-chain.ts';
export { itineraryChain, itineraryIleap } from './itinerary-chain.ts';
export type { EmissionFactorFile, EmissionFactors } from './load-factors.ts';
export { emissionKindOfPath, loadEmissionFactors, parseEmissionFactors } from './load-factors.ts';
export { createEmissionsModel } from './routing-model.ts';
export type { Cargo, LegInput, LegMode, ResolvedToc, Vessel } from './select-factor.ts';
export { EU_COUNTRIES, getToc, selectToc } from './select-factor.ts';
export type { ActivityUnit, ElementEmissions, HubInput } from './tce.ts';
export { cargoTonnes, distanceAdjustment, hubEmissions, legEmissions } from './tce.ts';
