/**
 * Discrete-event simulation of a facility served by c parallel servers (berths, cranes, border lanes): Poisson
 * arrivals, first-come first-served, service times from a distribution or exponential. This is the M/G/c queue
 * of queueing theory; with c = 1 it reproduces the closed forms of analytic.ts (M/M/1, M/D/1 via
 * Pollaczek-Khinchine), which is how the event calendar (event-heap.ts) is validated.
 */

import { KeruenError } from '../errors.ts';
import type { DistributionSpec } from '../network/figure.ts';
import { EventHeap } from './event-heap.ts';
import { UnitFifo } from './fifo.ts';
import { Rng } from './rng.ts';
import { checkDistribution, sampleDuration } from './samplers.ts';

export type ServiceTime = DistributionSpec | { dist: 'exponential'; mean: number };

export interface ServerQueueModel {
  arrivalsPerH: number;
  servers: number;
  serviceH: ServiceTime;
  seed: number;
  /** Customers to serve after the warm-up. */
  customers: number;
  /** Customers served first and left out of the statistics (default 10% of customers). */
  warmupCustomers?: number | undefined;
}

export interface ServerQueueResult {
  seed: number;
  served: number;
  /** Mean wait in queue before service, hours. */
  meanWaitH: number;
  /** Mean time in system (wait + service), hours. */
  meanSojournH: number;
  /** Share of time servers were busy, per server, after the warm-up. */
  utilisation: number;
}

const ARRIVAL = -1;

/**
 * Simulates the queue until `customers` have started service after the warm-up.
 * @example
 * simulateServerQueue({ arrivalsPerH: 0.5, servers: 1, serviceH: { dist: 'exponential', mean: 1 }, seed: 1, customers: 1e5 });
 * // meanWaitH near 1 (M/M/1 with rho = 0.5)
 */
export function simulateServerQueue(m: ServerQueueModel): ServerQueueResult {
  if (!(m.arrivalsPerH > 0) || !(Number.isInteger(m.servers) && m.servers >= 1) || !(m.customers >= 1)) {
    throw new KeruenError(
      'KERUEN_INVALID_INPUT',
      'server queue needs arrivalsPerH > 0, servers >= 1, customers >= 1',
      [],
      {
        value: m,
      },
    );
  }
  const svc = m.serviceH;
  if (svc.dist === 'exponential') {
    if (!(svc.mean > 0))
      throw new KeruenError('KERUEN_INVALID_INPUT', 'exponential mean must be > 0', [], { value: svc });
  } else checkDistribution(svc, 'service time');
  const rng = new Rng(m.seed);
  const drawService = (): number =>
    svc.dist === 'exponential' ? -svc.mean * Math.log(rng.uniformOpen()) : sampleDuration(svc, rng);
  const warmup = m.warmupCustomers ?? Math.floor(m.customers / 10);
  const heap = new EventHeap(m.servers + 2);
  const queue = new UnitFifo();
  let idle = m.servers;
  let started = 0;
  let counted = 0;
  let waitSum = 0;
  let sojournSum = 0;
  let busyH = 0;
  let tStats = 0;
  let now = 0;
  const start = (arrivalH: number): void => {
    const s = drawService();
    idle--;
    started++;
    if (started > warmup) {
      if (counted === 0) tStats = now;
      counted++;
      waitSum += now - arrivalH;
      sojournSum += now - arrivalH + s;
      busyH += s;
    }
    heap.push(now + s, 0); // payload >= 0: a departure
  };
  heap.push(-Math.log(rng.uniformOpen()) / m.arrivalsPerH, ARRIVAL);
  while (counted < m.customers && heap.size > 0) {
    const ev = heap.pop();
    now = heap.lastTimeH;
    if (ev === ARRIVAL) {
      heap.push(now - Math.log(rng.uniformOpen()) / m.arrivalsPerH, ARRIVAL);
      if (idle > 0) start(now);
      else queue.push(now, 0);
    } else {
      idle++;
      if (queue.length > 0) {
        const a = queue.peekArrivalH();
        queue.shift();
        start(a);
      }
    }
  }
  const spanH = now - tStats;
  return {
    seed: m.seed,
    served: counted,
    meanWaitH: waitSum / counted,
    meanSojournH: sojournSum / counted,
    utilisation: spanH > 0 ? Math.min(1, busyH / (spanH * m.servers)) : 0,
  };
}
