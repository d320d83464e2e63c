/**
 * Estimate-only figures get at least the stated dispersion (reliability/estimate-band.ts): P90/P50 >= 1.4.
 */
import { describe, expect, it } from 'vitest';
import {
  ESTIMATE_MIN_SPREAD,
  medianAndP90,
  provenanceOf,
  widenEstimate,
} from '../../../src/core/reliability/estimate-band.ts';
import { simulateTimeline } from '../../../src/core/reliability/monte-carlo.ts';

describe('widenEstimate', () => {
  it('turns a fixed estimate into a lognormal of the stated spread around it', () => {
    expect(widenEstimate({ dist: 'fixed', value: 24 }, 'estimated')).toEqual({
      dist: 'lognormal',
      p50: 24,
      p90: 24 * ESTIMATE_MIN_SPREAD,
    });
  });
  it('leaves sourced figures, zeros and already wide estimates as they are', () => {
    const fixed = { dist: 'fixed', value: 24 } as const;
    expect(widenEstimate(fixed, 'sourced')).toBe(fixed);
    expect(widenEstimate({ dist: 'fixed', value: 0 }, 'estimated')).toEqual({ dist: 'fixed', value: 0 });
    const wide = { dist: 'lognormal', p50: 10, p90: 30 } as const;
    expect(widenEstimate(wide, 'estimated')).toBe(wide);
  });
  it('widens a narrow uniform estimate keeping its median', () => {
    // uniform 18..22: median 20, P90 21.6 (ratio 1.08) -> lognormal(20, 28)
    expect(widenEstimate({ dist: 'uniform', min: 18, max: 22 }, 'estimated')).toEqual({
      dist: 'lognormal',
      p50: 20,
      p90: 28,
    });
  });
  it('gives an estimate-only step a simulated P90/P50 of at least the stated spread', () => {
    const d = widenEstimate({ dist: 'triangular', min: 40, mode: 48, max: 60 }, 'estimated');
    const r = simulateTimeline(
      { departH: 0, steps: [{ kind: 'border', label: 'x', duration: d }] },
      {
        samples: 40000,
        seed: 5,
      },
    );
    expect(r.p90 / r.p50).toBeGreaterThan(ESTIMATE_MIN_SPREAD - 0.02);
    expect(r.p50).toBeCloseTo(medianAndP90({ dist: 'triangular', min: 40, mode: 48, max: 60 }).p50, 0);
  });
});

describe('provenanceOf', () => {
  it('is sourced with a source, estimated with reasoning only, missing without a figure', () => {
    expect(provenanceOf({ source: 'S1' })).toBe('sourced');
    expect(provenanceOf({ source: ['S1'], estimate: 'derived from S1 by division' })).toBe('sourced');
    expect(provenanceOf({ estimate: 'half the Uzbek figure' })).toBe('estimated');
    expect(provenanceOf(undefined)).toBe('missing');
  });
});
