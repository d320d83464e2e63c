/**
 * The questions Keruen answers, one function each: the CLI, the API's handlers and its worker pool call these,
 * so one question has one answer whichever door it comes through.
 */
export * from './booked-itinerary.ts';
export * from './reliability.ts';
export * from './route-under-scenario.ts';
export * from './scenario-flows.ts';
export * from './scenario-routes.ts';
export * from './shipment-eta.ts';
