/**
 * Multinomial logit choice among alternatives of known generalised cost (Sheffi, "Urban Transportation
 * Networks", 1985, ch. 10-12): P_i = exp(-theta c_i) / sum_j exp(-theta c_j), theta the dispersion parameter in
 * 1/USD per unit. theta -> infinity is the deterministic choice of the cheapest; theta -> 0 splits evenly. Costs
 * are shifted by their minimum so that large costs do not underflow. A cost read within `costs.length` is never
 * missing; `?? Infinity` reads one as unavailable for the compiler's sake.
 */

/** Choice probabilities into `out` (same length as `costs`); Infinity costs get 0. */
export function logitShares(costs: ArrayLike<number>, theta: number, out: Float64Array): Float64Array {
  const min = minCost(costs);
  if (!Number.isFinite(min)) {
    out.fill(0, 0, costs.length);
    return out;
  }
  let sum = 0;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i] ?? Number.POSITIVE_INFINITY;
    const x = Number.isFinite(c) ? Math.exp(-theta * (c - min)) : 0;
    out[i] = x;
    sum += x;
  }
  for (let i = 0; i < costs.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** The least of `costs`; Infinity when empty. */
function minCost(costs: ArrayLike<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i] ?? Number.POSITIVE_INFINITY;
    if (c < min) min = c;
  }
  return min;
}

/**
 * Expected perceived cost of the choice (the satisfaction, Sheffi 1985 eq. 10.5; minus the logsum over theta):
 * min c - ln(sum exp(-theta (c_i - min c))) / theta. Never above the cheapest cost.
 */
export function logitExpectedCost(costs: ArrayLike<number>, theta: number): number {
  const min = minCost(costs);
  if (!Number.isFinite(min) || !(theta > 0) || !Number.isFinite(theta)) return min;
  let sum = 0;
  for (let i = 0; i < costs.length; i++) {
    const c = costs[i] ?? Number.POSITIVE_INFINITY;
    if (Number.isFinite(c)) sum += Math.exp(-theta * (c - min));
  }
  return min - Math.log(sum) / theta;
}
