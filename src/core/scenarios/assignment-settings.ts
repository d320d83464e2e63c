/**
 * The settings of one assignment run, read from the caller's options and the demand set: one class per commodity
 * (unit, TEU equivalents, value of time, carbon price, logit dispersion), the route-choice model, the solver and
 * its stopping rule. Invalid options are rejected here, before any search runs.
 */
import { KeruenError } from '../errors.ts';
import { DEFAULT_TONNES_PER_TEU } from '../network/compile.ts';
import { DEFAULT_RHO_MAX } from './congestion.ts';
import type { Commodity, DemandSet } from './demand.ts';

export interface AssignmentOptions {
  /** Stop after this many iterations (default 200; 500 for the stochastic equilibrium). */
  maxIterations?: number | undefined;
  /**
   * Stop when the relative gap falls below this (default 1e-4; 1e-3 for the stochastic equilibrium, whose
   * successive averages converge more slowly: 1e-3 of the demand is a few hundred TEU on the largest pair).
   */
  relativeGap?: number | undefined;
  /** Count planned and under-construction links and nodes expected by this year as open. */
  includePlannedUpTo?: number | undefined;
  /** Penalty of not shipping, as a multiple of the OD pair's free-flow generalised cost (default 2). */
  unservedCostFactor?: number | undefined;
  /**
   * Penalty of not shipping, USD per unit, of given pairs (key `from to commodity`), instead of the factor above.
   * Runs that are compared (with and without a project) should share one: the factor ties each run's penalty to
   * its own cheapest route, so a project that opens a cheap path of small capacity would lower the pair's choke
   * price and leave its demand unshipped.
   */
  unservedCostUsdPerUnit?: ReadonlyMap<string, number> | undefined;
  /** Multiplies every commodity's value of time (shippers' sensitivity to time). */
  valueOfTimeFactor?: number | undefined;
  /** Carbon price, USD per tonne CO2e; overrides the demand set's. */
  carbonPriceUsdPerTonneCo2e?: number | undefined;
  /** Utilisation beyond which the delay curve continues linearly (default 0.95). */
  rhoMax?: number | undefined;
  /**
   * Solver: route-based gradient projection (default, fast) or the plain method of successive averages (the
   * reference: simple, slow, kept to check the other).
   */
  method?: 'gradient-projection' | 'msa' | undefined;
  /**
   * Route choice: deterministic user equilibrium ('ue') or stochastic user equilibrium with logit corridor choice
   * for the commodities that carry a logit dispersion ('sue'). Default: 'sue' when the demand set gives any
   * commodity a dispersion, 'ue' otherwise.
   */
  model?: 'ue' | 'sue' | undefined;
  /** Logit dispersion by commodity id, 1/USD per unit; overrides the demand set's (calibration, tests). */
  logitDispersionPerUsd?: Readonly<Record<string, number>> | undefined;
}

export interface CommodityClass {
  commodity: Commodity;
  perTeu: boolean;
  unit: 'TEU' | 't';
  /** TEU equivalents per unit of volume (1 for TEU; 1/10 per tonne). */
  teuEqPerUnit: number;
  valueOfTimeUsdPerUnitH: number;
  carbonUsdPerKg: number;
  /** Logit dispersion, 1/USD per unit; 0 when the class chooses deterministically (or the model is 'ue'). */
  logitDispersionPerUsd: number;
}

export interface AssignmentSettings {
  classes: CommodityClass[];
  /** Per class: whether it chooses by logit (a positive dispersion under the 'sue' model). */
  isLogit: boolean[];
  model: 'ue' | 'sue';
  method: 'gradient-projection' | 'msa';
  /** Relative gap to stop at, and the iteration cap. */
  tolerance: number;
  maxIterations: number;
  unservedCostFactor: number;
  /** Fixed penalties of not shipping by pair (`from to commodity`), USD per unit; the factor for the others. */
  unservedCostUsdPerUnit: ReadonlyMap<string, number>;
  rhoMax: number;
}

const invalid = (message: string): never => {
  throw new KeruenError('KERUEN_INVALID_INPUT', message);
};

/**
 * Reads and checks the options against a demand set. Throws KERUEN_INVALID_INPUT on a bad option.
 * @example
 *   resolveSettings(demand, {}).model; // 'sue' when some commodity of `demand` has a logit dispersion
 */
export function resolveSettings(demand: DemandSet, opts: AssignmentOptions): AssignmentSettings {
  const maxItOpt = opts.maxIterations;
  const factor = opts.unservedCostFactor ?? 2;
  if (!(factor >= 1)) invalid(`unservedCostFactor ${factor} must be >= 1`);
  if (maxItOpt !== undefined && !(maxItOpt >= 1)) invalid(`maxIterations ${maxItOpt} must be >= 1`);
  const vf = opts.valueOfTimeFactor ?? 1;
  if (!(vf >= 0)) invalid(`valueOfTimeFactor ${vf} must be >= 0`);
  const fixed = opts.unservedCostUsdPerUnit ?? new Map<string, number>();
  for (const [k, v] of fixed) if (!(v > 0)) invalid(`unservedCostUsdPerUnit of ${k} is ${v}: must be > 0`);
  const carbonT = opts.carbonPriceUsdPerTonneCo2e ?? demand.carbonPriceUsdPerTonneCo2e?.value ?? 0;
  const thetaOf = (c: Commodity): number => {
    const t = opts.logitDispersionPerUsd?.[c.id] ?? c.logitDispersionPerUsd?.value ?? 0;
    if (!(t >= 0)) invalid(`logit dispersion ${t} of ${c.id} must be >= 0`);
    return t;
  };
  const model = opts.model ?? (demand.commodities.some((c) => thetaOf(c) > 0) ? 'sue' : 'ue');
  const classes = demand.commodities.map((c) => commodityClass(c, vf, carbonT, model === 'sue' ? thetaOf(c) : 0));
  return {
    classes,
    isLogit: classes.map((k) => k.logitDispersionPerUsd > 0),
    model,
    method: opts.method ?? 'gradient-projection',
    tolerance: opts.relativeGap ?? (model === 'sue' ? 1e-3 : 1e-4),
    maxIterations: maxItOpt ?? (model === 'sue' ? 500 : 200),
    unservedCostFactor: factor,
    unservedCostUsdPerUnit: fixed,
    rhoMax: opts.rhoMax ?? DEFAULT_RHO_MAX,
  };
}

/**
 * The class of a commodity: value of time scaled by `votFactor`, carbon at `carbonUsdPerTonne`.
 * @example commodityClass(grain, 1, 100, 0).carbonUsdPerKg // 0.1
 */
export function commodityClass(
  c: Commodity,
  votFactor: number,
  carbonUsdPerTonne: number,
  logitDispersionPerUsd: number,
): CommodityClass {
  return {
    commodity: c,
    perTeu: c.kind === 'containers',
    unit: c.kind === 'containers' ? 'TEU' : 't',
    teuEqPerUnit: c.kind === 'containers' ? 1 : 1 / DEFAULT_TONNES_PER_TEU,
    valueOfTimeUsdPerUnitH: c.valueOfTimeUsdPerUnitH.value * votFactor,
    carbonUsdPerKg: carbonUsdPerTonne / 1000,
    logitDispersionPerUsd,
  };
}
