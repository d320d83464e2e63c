/**
 * Calibration of the logit corridor choice of one commodity on one OD pair (the China–Europe rail container
 * market in the default demand), reproducible from the dataset alone. Two parameters, the dispersion theta and a
 * factor f on the commodity's value of time, and observed shares of the OD's demand by corridor (those not named
 * are observed at 0):
 *
 * 1. For each f of a grid, theta by bisection on log(theta) so that the first corridor's share (the cheapest,
 *    e.g. Northern) equals its observed share: that share rises with theta.
 * 2. Keep the f whose calibrated baseline is closest to the other observed shares (least squares over every
 *    corridor, sea and unserved demand).
 *
 * Each trial is a full stochastic user equilibrium on the baseline, so congestion is included.
 */
import { KeruenError } from '../errors.ts';
import type { CompiledGraph } from '../network/compile.ts';
import type { Network } from '../network/network.ts';
import type { CorridorLabel } from '../routing/corridor-label.ts';
import { type AssignmentOptions, type AssignmentResult, assignDemand } from './assignment.ts';
import { corridorOfEdges, edgeCorridors } from './corridor-choice.ts';
import type { DemandSet } from './demand.ts';

export interface CalibrationSpec {
  commodity: string;
  from: string;
  to: string;
  /** Observed shares of the OD's demand by corridor; the first is matched exactly, the rest by least squares. */
  targets: Array<[CorridorLabel, number]>;
  /** Value of time the factors multiply, USD per unit-hour (default: the commodity's in the demand set). */
  baseValueOfTimeUsdPerUnitH?: number | undefined;
  /** Value-of-time factors tried (default 1, 1.5, ..., 10). */
  valueOfTimeFactors?: readonly number[] | undefined;
  assignment?: AssignmentOptions | undefined;
}

export interface CorridorSplit {
  demand: number;
  byCorridor: Record<string, number>;
  unserved: number;
}

export interface CalibrationResult {
  valueOfTimeFactor: number;
  logitDispersionPerUsd: number;
  split: CorridorSplit;
  /** Sum of squared share errors over the corridors, sea and unserved. */
  squaredError: number;
  trials: number;
}

/** Volume of an OD pair by corridor label in an assignment result. */
export function corridorSplit(r: AssignmentResult, from: string, to: string, commodity: string): CorridorSplit {
  const od = r.ods.find((o) => o.from === from && o.to === to && o.commodity === commodity);
  if (!od) throw new KeruenError('KERUEN_INVALID_INPUT', `no flow ${from} -> ${to} of ${commodity} in the demand`);
  const ec = edgeCorridors(r.network, r.graph);
  const byCorridor: Record<string, number> = {};
  for (const rt of od.routes) {
    const l = corridorOfEdges(r.graph, ec, rt.edges);
    byCorridor[l] = (byCorridor[l] ?? 0) + rt.flow;
  }
  return { demand: od.demand, byCorridor, unserved: od.unserved };
}

/** Sum of squared differences between the split's shares and the targets (corridors not named: 0). */
export function shareError(split: CorridorSplit, targets: Array<[CorridorLabel, number]>): number {
  const t = new Map<string, number>(targets);
  const keys = new Set<string>([...t.keys(), ...Object.keys(split.byCorridor)]);
  let e = (split.unserved / split.demand) ** 2;
  for (const k of keys) e += ((split.byCorridor[k] ?? 0) / split.demand - (t.get(k) ?? 0)) ** 2;
  return e;
}

export function calibrateLogit(
  net: Network,
  g: CompiledGraph,
  demand: DemandSet,
  spec: CalibrationSpec,
): CalibrationResult | undefined {
  const [target] = spec.targets;
  if (target === undefined) {
    throw new KeruenError('KERUEN_INVALID_INPUT', 'calibration needs at least one observed corridor share', [], {
      field: 'targets',
      value: spec.targets,
    });
  }
  const [first, firstShare] = target;
  const factors = spec.valueOfTimeFactors ?? Array.from({ length: 19 }, (_, i) => 1 + i * 0.5);
  let trials = 0;
  const base = spec.baseValueOfTimeUsdPerUnitH;
  const d: DemandSet =
    base === undefined
      ? demand
      : {
          ...demand,
          commodities: demand.commodities.map((c) =>
            c.id === spec.commodity
              ? { ...c, valueOfTimeUsdPerUnitH: { value: base, estimate: 'calibration base' } }
              : c,
          ),
        };
  const evaluate = (f: number, theta: number) => {
    trials++;
    const r = assignDemand(net, g, d, {
      ...spec.assignment,
      model: 'sue',
      valueOfTimeFactor: f,
      logitDispersionPerUsd: { [spec.commodity]: theta },
    });
    const split = corridorSplit(r, spec.from, spec.to, spec.commodity);
    return { split, share: (split.byCorridor[first] ?? 0) / split.demand };
  };
  let out: CalibrationResult | undefined;
  for (const f of factors) {
    // Bisection on log(theta) between 1e-6 and 1e-1 per USD.
    let lo = Math.log(1e-6);
    let hi = Math.log(1e-1);
    let e = evaluate(f, Math.exp(hi));
    if (e.share < firstShare) continue; // the corridor is not the cheapest at this f: no theta reaches the share
    let theta = Math.exp(hi);
    for (let i = 0; i < 40 && Math.abs(e.share - firstShare) >= 1e-4; i++) {
      const mid = (lo + hi) / 2;
      theta = Math.exp(mid);
      e = evaluate(f, theta);
      if (e.share < firstShare) lo = mid;
      else hi = mid;
    }
    if (Math.abs(e.share - firstShare) >= 1e-3) continue;
    const err = shareError(e.split, spec.targets);
    if (out === undefined || err < out.squaredError)
      out = { valueOfTimeFactor: f, logitDispersionPerUsd: theta, split: e.split, squaredError: err, trials: 0 };
  }
  if (out) out.trials = trials;
  return out;
}
