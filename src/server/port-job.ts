/**
 * The port simulation a job runs, rebuilt from the job's stored request: the route that accepts the job and a
 * worker process on another machine derive the same model from the same row, so a job means one thing wherever
 * it runs.
 */
import { listPortSailings, type Network, type PortModel } from '../core/index.ts';

/** The stored request of a port simulation job (routes/simulations.ts). */
export interface PortJobRequest {
  node: string;
  teuPerWeek: number;
  weeks: number;
  seed: number;
}

export function portJobModel(net: Network, r: PortJobRequest): PortModel {
  const { sailings } = listPortSailings(net, r.node);
  return { sailings, arrivals: { kind: 'poisson', teuPerWeek: r.teuPerWeek }, weeks: r.weeks, seed: r.seed };
}
