import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../../src/core/network/figure.ts';
import type { TimelineStep } from '../../../src/core/reliability/timeline.ts';
import { pacePosterior } from '../../../src/core/shipments/pace.ts';

const step = (duration: DistributionSpec): TimelineStep => ({ kind: 'travel', label: 'A - B', duration });
const done = (duration: DistributionSpec) => ({ departH: 0, steps: [step(duration)] });

describe('the journey pace given the steps done', () => {
  it('is the observed over the planned time when the steps done have no spread of their own', () => {
    const p = pacePosterior({ done: done({ dist: 'fixed', value: 100 }), observedH: 150 }, 0.3, 2000, 1);
    expect(p?.median).toBeCloseTo(1.5, 12);
    expect(new Set(p?.factors).size).toBe(1);
  });

  it('lies between what the steps allow, drawn towards the prior median', () => {
    // A = F S with S ~ U(90, 110) and A = 130: F within [130/110, 130/90] = [1.18, 1.44]; the lognormal prior
    // (median 1) weighs the lower end, so the median sits below the interval's middle (1.31).
    const p = pacePosterior({ done: done({ dist: 'uniform', min: 90, max: 110 }), observedH: 130 }, 0.3, 20_000, 1);
    expect(p).toBeDefined();
    for (const f of p?.factors ?? []) expect(f >= 130 / 110 - 1e-9 && f <= 130 / 90 + 1e-9).toBe(true);
    expect(p?.median).toBeGreaterThan(1.18);
    expect(p?.median).toBeLessThan(1.31);
    expect(p?.effectiveSamples).toBeGreaterThan(10_000);
  });

  it('on plan, it narrows the prior around 1', () => {
    const p = pacePosterior({ done: done({ dist: 'uniform', min: 95, max: 105 }), observedH: 100 }, 0.3, 20_000, 2);
    const f = [...(p?.factors ?? [])].sort((a, b) => a - b);
    expect(p?.median).toBeCloseTo(1, 1);
    // Prior P10-P90 of exp(0.3 z): 0.68-1.47; what 100 h on a 95-105 h step allows: 0.95-1.05.
    expect((f[Math.floor(0.9 * f.length)] ?? 0) - (f[Math.floor(0.1 * f.length)] ?? 0)).toBeLessThan(0.11);
  });

  it('knows nothing before any step is done, without a journey factor, or with no time taken', () => {
    expect(pacePosterior({ done: { departH: 0, steps: [] }, observedH: 10 }, 0.3, 100, 1)).toBeUndefined();
    expect(pacePosterior({ done: done({ dist: 'fixed', value: 10 }), observedH: 10 }, 0, 100, 1)).toBeUndefined();
    expect(pacePosterior({ done: done({ dist: 'fixed', value: 10 }), observedH: 0 }, 0.3, 100, 1)).toBeUndefined();
  });
});
