/** The cost model by component (issue 15): parts with provenance, payload physics, price series and the price book. */
export * from './box-prices.ts';
export * from './cost-parts.ts';
export * from './evidence.ts';
export * from './payload.ts';
export * from './price-book.ts';
export * from './price-series.ts';
// provenanceOf stays internal: reliability/estimate-band.ts exports one of that name for timeline steps.
export { type EvidenceProvenance, sourcedShare, sourceIdsOf, weakerProvenance } from './provenance.ts';
