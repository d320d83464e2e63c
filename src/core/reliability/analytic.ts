/**
 * Closed forms from queueing and probability theory that the simulations must reproduce (used by the tests):
 * - M/M/1 and M/D/1 mean waits in queue (Kleinrock, Queueing Systems vol. 1, 1975: Wq = rho / (mu - lambda);
 *   Pollaczek-Khinchine with deterministic service: Wq = rho D / (2 (1 - rho))); M/M/c through Erlang's C formula.
 * - A timetable with unlimited capacity: a random arrival waits sum(gap^2) / (2 * 168) hours on average.
 * - The bulk-service queue with departures every T hours, capacity K and Poisson arrivals (Bailey 1954): the
 *   number left behind follows Q' = max(Q + A - K B, 0), A ~ Poisson(lambda T), B = 0 for a cancelled
 *   departure; its stationary law is found by iteration, and Little's law gives Wq = E[Q] / lambda + T / 2.
 * - Quantiles of the duration distributions, and of the Irwin-Hall law (the sum of n uniforms on [0, 1]).
 */
import { must } from '../must.ts';
import type { DistributionSpec } from '../network/figure.ts';
import { sumSquaredWeeklyGapsH2, WEEK_H } from '../time.ts';
import { inverseNormalCdf, Z90 } from './samplers.ts';

/** M/M/1 mean wait in queue, hours; arrival and service rates per hour, lambda < mu. */
export function mm1MeanWaitH(arrivalsPerH: number, servicesPerH: number): number {
  const rho = arrivalsPerH / servicesPerH;
  return rho / (servicesPerH - arrivalsPerH);
}

/** M/D/1 mean wait in queue, hours, for a fixed service time. */
export function md1MeanWaitH(arrivalsPerH: number, serviceH: number): number {
  const rho = arrivalsPerH * serviceH;
  return (rho * serviceH) / (2 * (1 - rho));
}

/** M/M/c mean wait in queue, hours (Erlang C). */
export function mmcMeanWaitH(arrivalsPerH: number, servicesPerH: number, servers: number): number {
  const a = arrivalsPerH / servicesPerH;
  const rho = a / servers;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / servers / (1 - rho);
  const pWait = last / (sum + last);
  return pWait / (servers * servicesPerH - arrivalsPerH);
}

/** Mean wait of a random arrival for the next of the weekly departures `offsetsH`, capacity unlimited. */
export function timetableMeanWaitH(offsetsH: readonly number[]): number {
  const o = [...offsetsH].sort((a, b) => a - b);
  return sumSquaredWeeklyGapsH2(o) / (2 * WEEK_H);
}

/**
 * Mean wait, hours, in the bulk-service queue: departures every `periodH`, each taking up to `capacity` units
 * unless cancelled with probability `cancellationProbability`, Poisson arrivals. Needs lambda T < K (1 - p).
 */
export function bulkServiceMeanWaitH(
  arrivalsPerH: number,
  periodH: number,
  capacity: number,
  cancellationProbability = 0,
): number {
  const m = arrivalsPerH * periodH;
  // Poisson(m) probabilities, up to where the tail is negligible
  const aMax = Math.ceil(m + 12 * Math.sqrt(m) + 20);
  const pa = new Float64Array(aMax + 1);
  let p = Math.exp(-m);
  pa[0] = p;
  for (let k = 1; k <= aMax; k++) {
    p = (p * m) / k;
    pa[k] = p;
  }
  const q = cancellationProbability;
  const n = 60 * capacity + 200; // truncation of the queue length: enough while lambda T / K <= 0.9
  let pi = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  pi[0] = 1;
  for (let iter = 0; iter < 200000; iter++) {
    next.fill(0);
    // `?? 0` on reads within the arrays' lengths: never taken, and free in V8
    for (let i = 0; i <= n; i++) {
      const pi_i = pi[i] ?? 0;
      if (pi_i < 1e-300) continue;
      for (let a = 0; a <= aMax; a++) {
        const w = pi_i * (pa[a] ?? 0);
        const before = Math.min(n, i + a);
        const after = Math.max(0, before - capacity);
        next[after] = (next[after] ?? 0) + w * (1 - q);
        next[before] = (next[before] ?? 0) + w * q;
      }
    }
    let diff = 0;
    for (let i = 0; i <= n; i++) diff += Math.abs((next[i] ?? 0) - (pi[i] ?? 0));
    [pi, next] = [next, pi];
    if (diff < 1e-13) break;
  }
  let meanLeft = 0;
  pi.forEach((p_i, i) => {
    meanLeft += i * p_i;
  });
  return meanLeft / arrivalsPerH + periodH / 2;
}

/** Quantile of a duration distribution (empirical: type-7 quantile of its sample). */
export function quantileOf(d: DistributionSpec, q: number): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + q * (d.max - d.min);
    case 'triangular': {
      const w = d.max - d.min;
      const fc = w === 0 ? 0 : (d.mode - d.min) / w;
      return q < fc ? d.min + Math.sqrt(q * w * (d.mode - d.min)) : d.max - Math.sqrt((1 - q) * w * (d.max - d.mode));
    }
    case 'lognormal':
      return d.p50 * Math.exp((Math.log(d.p90 / d.p50) / Z90) * inverseNormalCdf(q));
    case 'empirical': {
      const s = [...d.sample].sort((a, b) => a - b);
      const h = (s.length - 1) * q;
      const k = Math.floor(h);
      const lo = must(s[k], 'empirical sample value');
      return lo + (h - k) * ((s[Math.min(k + 1, s.length - 1)] ?? lo) - lo);
    }
  }
}

/** CDF of the Irwin-Hall distribution (sum of n independent uniforms on [0, 1]); exact to ~1e-12 for n <= 12. */
export function irwinHallCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= n) return 1;
  let sum = 0;
  let binom = 1;
  let fact = 1;
  for (let k = 1; k <= n; k++) fact *= k;
  for (let k = 0; k <= Math.floor(x); k++) {
    sum += (k % 2 === 0 ? 1 : -1) * binom * (x - k) ** n;
    binom = (binom * (n - k)) / (k + 1);
  }
  return sum / fact;
}

/** Quantile of the Irwin-Hall distribution, by bisection on its exact CDF. */
export function irwinHallQuantile(n: number, q: number): number {
  let lo = 0;
  let hi = n;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (irwinHallCdf(n, mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
