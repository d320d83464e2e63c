/** Shipment tracking: milestone events against the itinerary and the re-predicted rest of the journey. */
export * from './conditioned-arrival.ts';
export * from './milestone.ts';
export * from './tracking.ts';
