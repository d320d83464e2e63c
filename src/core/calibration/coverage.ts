/**
 * Calibration of a set of predictions against observations: how often the observations fall within the
 * central bands, how wide the bands are, and the PIT histogram. A calibrated P10–P90 band holds 80% of the
 * observations and a P5–P95 band 90%; the PIT of calibrated predictions is uniform.
 */
export interface BandPrediction {
  observedH: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  pit: number;
}

export interface CoverageSummary {
  n: number;
  /** Observations within [P10, P90] and within [P5, P95]. */
  in80: number;
  in90: number;
  /** Shares, 0–1. */
  coverage80: number;
  coverage90: number;
  /** Median widths of the P10–P90 and P5–P95 bands, hours. */
  medianWidth80H: number;
  medianWidth90H: number;
  /** Median of the P10–P90 width over the median, a width that compares short and long journeys. */
  medianRelativeWidth80: number;
  /** Observations below P10 and above P90. */
  below10: number;
  above90: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export function summariseCoverage(preds: readonly BandPrediction[]): CoverageSummary {
  const in80 = preds.filter((p) => p.observedH >= p.p10 && p.observedH <= p.p90).length;
  const in90 = preds.filter((p) => p.observedH >= p.p5 && p.observedH <= p.p95).length;
  const n = preds.length;
  return {
    n,
    in80,
    in90,
    coverage80: n > 0 ? in80 / n : Number.NaN,
    coverage90: n > 0 ? in90 / n : Number.NaN,
    medianWidth80H: median(preds.map((p) => p.p90 - p.p10)),
    medianWidth90H: median(preds.map((p) => p.p95 - p.p5)),
    medianRelativeWidth80: median(preds.map((p) => (p.p90 - p.p10) / p.p50)),
    below10: preds.filter((p) => p.observedH < p.p10).length,
    above90: preds.filter((p) => p.observedH > p.p90).length,
  };
}

/** Counts of PIT values in `bins` equal bins of [0, 1]; a PIT of exactly 1 goes to the last bin. */
export function pitHistogram(pits: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const u of pits) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(u * bins)));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return counts;
}

/**
 * Calibration curve: for each nominal central band (e.g. 0.1 … 0.9), the share of PIT values inside it,
 * i.e. within [(1 - level) / 2, (1 + level) / 2].
 */
export function calibrationCurve(pits: readonly number[], levels: readonly number[]): number[] {
  return levels.map((l) => {
    const lo = (1 - l) / 2;
    const hi = (1 + l) / 2;
    return pits.length === 0 ? Number.NaN : pits.filter((u) => u >= lo && u <= hi).length / pits.length;
  });
}
