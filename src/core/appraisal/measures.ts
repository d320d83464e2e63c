/**
 * The EU CBA guide's performance indicators (DG REGIO 2014, AP7) on a yearly stream of net economic flows:
 * economic net present value (ENPV), economic internal rate of return (EIRR), benefit–cost ratio (B/C, present
 * value of benefits over present value of costs), discounted payback year, and switching values (the change in
 * costs or benefits, as a fraction, at which the ENPV reaches zero). Year 0 is the appraisal's first year.
 */

/** Present value of `flows[t]` at rate `r`, t = 0, 1, ... (end-of-year convention from year 0). */
export function presentValue(flows: ArrayLike<number>, r: number): number {
  let pv = 0;
  let d = 1;
  for (let t = 0; t < flows.length; t++) {
    pv += (flows[t] as number) * d;
    d /= 1 + r;
  }
  return pv;
}

/**
 * The rate at which the present value is zero, by bisection on [-0.99, 10]; null when the stream does not change
 * sign there (e.g. benefits never repay the costs, or there are no costs).
 */
export function internalRate(flows: ArrayLike<number>): number | null {
  let lo = -0.99;
  let hi = 10;
  let flo = presentValue(flows, lo);
  const fhi = presentValue(flows, hi);
  if (!Number.isFinite(flo) || flo === 0 || Math.sign(flo) === Math.sign(fhi)) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    const fm = presentValue(flows, mid);
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/** First year offset at which the cumulative discounted net flow turns non-negative for good; null if never. */
export function discountedPayback(flows: ArrayLike<number>, r: number): number | null {
  let cum = 0;
  let d = 1;
  let since: number | null = null;
  for (let t = 0; t < flows.length; t++) {
    cum += (flows[t] as number) * d;
    d /= 1 + r;
    if (cum >= 0 && since === null) since = t;
    else if (cum < 0) since = null;
  }
  return since;
}

export interface Indicators {
  enpvEur: number;
  eirr: number | null;
  /** PV of benefits over PV of costs; null when there are no costs. */
  benefitCostRatio: number | null;
  pvBenefitsEur: number;
  pvCostsEur: number;
  paybackYear: number | null;
  /** Fractional rise in costs, or fall in benefits, that brings the ENPV to zero (null without costs/benefits). */
  switchingValues: { costs: number | null; benefits: number | null };
}

/** The indicators of a project from its yearly benefits and costs (both positive numbers, EUR). */
export function indicators(
  benefits: ArrayLike<number>,
  costs: ArrayLike<number>,
  r: number,
  firstYear: number,
): Indicators {
  const n = Math.max(benefits.length, costs.length);
  const net = new Float64Array(n);
  for (let t = 0; t < n; t++)
    net[t] = ((benefits[t] as number | undefined) ?? 0) - ((costs[t] as number | undefined) ?? 0);
  const pvB = presentValue(benefits, r);
  const pvC = presentValue(costs, r);
  const enpv = pvB - pvC;
  const payback = discountedPayback(net, r);
  return {
    enpvEur: enpv,
    eirr: internalRate(net),
    benefitCostRatio: pvC > 0 ? pvB / pvC : null,
    pvBenefitsEur: pvB,
    pvCostsEur: pvC,
    paybackYear: payback === null ? null : firstYear + payback,
    switchingValues: { costs: pvC > 0 ? enpv / pvC : null, benefits: pvB > 0 ? enpv / pvB : null },
  };
}
