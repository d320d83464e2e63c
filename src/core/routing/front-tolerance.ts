/**
 * The tolerance of an epsilon-front (Warburton 1987; the epsilon-dominance of Laumanns et al. 2002): with risk as a
 * fourth criterion, a route is left out when a route already found is no worse on travel time, cost and CO2e
 * within a relative tolerance and no worse on the probability of a cut within an absolute one. Why: risk takes one
 * value per set of risk events met (network/risk-events.ts), so the exact four-criterion front keeps a time, cost
 * and CO2e front for each set, with routes that differ by cents or minutes on the other criteria, and the search
 * spends its time keeping them all apart.
 *
 * Guarantee: the tolerance is applied only against the destination's own routes (destination-front.ts), never
 * between labels at a vertex, and a destination route leaves the front only when another dominates it exactly;
 * so every route of the exact front is covered, within the tolerance once (it does not compound), by a route
 * returned (test/core/routing/risk-tolerance.test.ts checks it against the exact search). Time is compared as
 * hours since the query's departure, cost and CO2e as they are (never negative), risk as a probability.
 */

/** Resolution of the epsilon-front; all zero is the exact front. */
export interface FrontTolerance {
  /** Relative tolerance on the duration (from the query's departure), the cost and the CO2e, e.g. 0.01 for 1%. */
  relative: number;
  /** Absolute tolerance on the probability of a cut on the way, e.g. 0.01 for 1 percentage point. */
  riskAbsolute: number;
}

/** The exact front: no tolerance. */
export const EXACT_FRONT: FrontTolerance = { relative: 0, riskAbsolute: 0 };

/**
 * The tolerance of route() when risk is a criterion (RoutingEngine): the smallest of the resolutions measured that
 * keeps the four-criterion route p99 within 2x the three-criterion one (docs/performance.md, Routing).
 */
export const RISK_FRONT_TOLERANCE: FrontTolerance = { relative: 0.01, riskAbsolute: 0.01 };

/** Whether a tolerance is the exact front. */
export function isExact(t: FrontTolerance): boolean {
  return t.relative === 0 && t.riskAbsolute === 0;
}

/** Checks a tolerance: both parts finite, 0 <= relative < 1, 0 <= riskAbsolute < 1. Throws naming the field. */
export function checkFrontTolerance(t: FrontTolerance): FrontTolerance {
  for (const [field, v] of [
    ['relative', t.relative],
    ['riskAbsolute', t.riskAbsolute],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v < 1))
      throw new RangeError(`riskTolerance.${field} = ${v}: must be a number in [0, 1)`);
  }
  return t;
}

/** -ln(1 - p) of a probability p, +Infinity from 1 on: the search's risk measure (edge riskLog). */
export function riskLogOf(p: number): number {
  return p >= 1 ? Number.POSITIVE_INFINITY : -Math.log1p(-p);
}

/** The probability of a cut of a risk measure r = -ln(1 - p). */
export function probabilityOf(riskLog: number): number {
  return -Math.expm1(-riskLog);
}

/** The risk measure a covering route may reach against a route of risk measure r: probability plus the tolerance. */
export function relaxedRiskLog(r: number, riskAbsolute: number): number {
  return riskAbsolute === 0 ? r : riskLogOf(probabilityOf(r) + riskAbsolute);
}

/**
 * Whether route a covers route b within tolerance t (time as hours since departH). The test the property test
 * applies to every route of the exact front.
 */
export function covers(
  a: { arriveH: number; costUsd: number; co2eKg: number; riskLog: number },
  b: { arriveH: number; costUsd: number; co2eKg: number; riskLog: number },
  departH: number,
  t: FrontTolerance,
  eps = 1e-9,
): boolean {
  const k = 1 + t.relative;
  return (
    a.arriveH - departH <= (b.arriveH - departH) * k + eps &&
    a.costUsd <= b.costUsd * k + eps &&
    a.co2eKg <= b.co2eKg * k + eps &&
    a.riskLog <= relaxedRiskLog(b.riskLog, t.riskAbsolute) + eps
  );
}
