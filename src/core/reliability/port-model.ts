/**
 * The port simulation's model and result (port-queue.ts simulatePort, port-run.ts PortRun): types only.
 */

import type { DistributionSpec } from '../network/figure.ts';

export interface PortSailing {
  /** Hours after Monday 00:00 UTC, in [0, 168). */
  offsetH: number;
  capacityTeu: number;
  cancellationProbability: number;
  /** Service the sailing belongs to (for reports). */
  service?: string;
}

export type PortArrivals =
  | { kind: 'poisson'; teuPerWeek: number }
  | { kind: 'series'; teuPerWeek: number[] }
  | { kind: 'fleet'; units: number; cycleH: DistributionSpec };

export interface PortModel {
  sailings: PortSailing[];
  arrivals: PortArrivals;
  seed: number;
  /** Simulated horizon in weeks. */
  weeks: number;
  /** Stop early once this many units have sailed (benchmarks). */
  stopAfterShippedTeu?: number | undefined;
  /** Called about every 65,536 events with the share of the horizon done. */
  onProgress?: ((fractionDone: number) => void) | undefined;
}

export interface PortWeek {
  week: number;
  arrivedTeu: number;
  shippedTeu: number;
  cancelledSailings: number;
  /** Units waiting at the end of the week. */
  queueEndTeu: number;
  /**
   * Longest queue during the week. The queue grows only between departures, so its peaks are just before a
   * departure boards and at the end of the week; both are read.
   */
  queueMaxTeu: number;
  /** Mean wait of the units that sailed this week, hours (NaN when none sailed). */
  meanWaitH: number;
}

export interface PortSimulationResult {
  seed: number;
  weeks: number;
  simulatedH: number;
  events: number;
  arrivedTeu: number;
  shippedTeu: number;
  scheduledSailings: number;
  cancelledSailings: number;
  throughputTeuPerWeek: number;
  /** Capacity of the sailings that did sail, per week. */
  sailedCapacityTeuPerWeek: number;
  /** Shipped / capacity of the sailings that sailed. */
  utilisation: number;
  /** Wait from arrival to departure of the units that sailed, hours. */
  wait: { meanH: number; p50H: number; p90H: number; p95H: number; maxH: number };
  /** Time-average number of units waiting. */
  meanQueueTeu: number;
  queueEndTeu: number;
  /** Age of the oldest unit still waiting at the end, hours (0 when none). */
  oldestWaitingH: number;
  weekly: PortWeek[];
}
