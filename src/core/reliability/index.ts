/**
 * Reliability: transit-time distributions by Monte Carlo over an itinerary's timeline, and port queues by
 * discrete-event simulation. Everything here is pure and seeded; see docs/reliability.md.
 */
export {
  bulkServiceMeanWaitH,
  irwinHallCdf,
  irwinHallQuantile,
  md1MeanWaitH,
  mm1MeanWaitH,
  mmcMeanWaitH,
  quantileOf,
  timetableMeanWaitH,
} from './analytic.ts';
export {
  ESTIMATE_MIN_SPREAD,
  medianAndP90,
  provenanceOf,
  widenEstimate,
} from './estimate-band.ts';
export { EventHeap } from './event-heap.ts';
export {
  type ArrivalDistribution,
  BLOCK_SAMPLES,
  blockCountFor,
  type CompiledTimeline,
  compileTimeline,
  type MonteCarloOptions,
  referenceTransitTimes,
  sampleBlocks,
  sampleTransitTimes,
  simulateTimeline,
  summariseTransitTimes,
} from './monte-carlo.ts';
export {
  type PortArrivals,
  type PortModel,
  type PortSailing,
  type PortSimulationResult,
  type PortWeek,
  simulatePort,
} from './port-queue.ts';
export { listPortSailings, type PortSailings } from './port-sailings.ts';
export { quantilesInPlace } from './quantiles.ts';
export { Rng, streamSeed } from './rng.ts';
export { expFast, inverseNormalCdf, sampleDuration } from './samplers.ts';
export { MONTHS, monthOfHours } from './season.ts';
export {
  type ServerQueueModel,
  type ServerQueueResult,
  type ServiceTime,
  simulateServerQueue,
} from './server-queue.ts';
export {
  checkTimeline,
  type Timeline,
  type TimelineProvenance,
  type TimelineStep,
  type TimelineStepKind,
} from './timeline.ts';
