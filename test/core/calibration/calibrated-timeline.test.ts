import { describe, expect, it } from 'vitest';
import { applyJourneyFactor, calibrateTimeline, medianOf } from '../../../src/core/calibration/calibrated-timeline.ts';
import { Z90 } from '../../../src/core/reliability/samplers.ts';
import type { Timeline } from '../../../src/core/reliability/timeline.ts';

describe('medianOf', () => {
  it('gives the median of each distribution', () => {
    expect(medianOf({ dist: 'fixed', value: 5 })).toBe(5);
    expect(medianOf({ dist: 'uniform', min: 18, max: 22 })).toBe(20);
    expect(medianOf({ dist: 'lognormal', p50: 48, p90: 168 })).toBe(48);
    expect(medianOf({ dist: 'empirical', sample: [3, 1, 2] })).toBe(2);
    // symmetric triangle: the mode; right-skewed: below the mode's mirror, P(X <= m) = 0.5
    expect(medianOf({ dist: 'triangular', min: 0, mode: 5, max: 10 })).toBeCloseTo(5, 9);
    const m = medianOf({ dist: 'triangular', min: 0, mode: 2, max: 10 });
    expect(1 - (10 - m) ** 2 / (10 * 8)).toBeCloseTo(0.5, 9);
  });
});

describe('calibrateTimeline', () => {
  const t: Timeline = {
    departH: 0,
    steps: [
      { kind: 'dwell', label: 'a', duration: { dist: 'lognormal', p50: 48, p90: 168 } },
      { kind: 'travel', label: 'b', duration: { dist: 'fixed', value: 10 } },
      { kind: 'gauge_change', label: 'c', duration: { dist: 'fixed', value: 0 } },
    ],
  };
  it('rescales the median and sets the spread of typed steps only', () => {
    const out = calibrateTimeline(t, ['caspian-port', undefined, 'gauge-change'], {
      'caspian-port': { medianFactor: 0.5, sigma: 0.4 },
      'gauge-change': { medianFactor: 2, sigma: 0.3 },
    });
    const d = out.steps[0]?.duration;
    expect(d?.dist).toBe('lognormal');
    if (d?.dist === 'lognormal') {
      expect(d.p50).toBe(24);
      expect(Math.log(d.p90 / d.p50) / Z90).toBeCloseTo(0.4, 12);
    }
    expect(out.steps[1]).toBe(t.steps[1]);
    // a zero median stays zero: a factor cannot create a step the data does not have
    expect(out.steps[2]).toBe(t.steps[2]);
  });
  it('shortens the waits of an inaugural train only', () => {
    const params = {
      'caspian-port': { medianFactor: 1, sigma: 0.4 },
      inaugural: { medianFactor: 0.5, sigma: 1 },
    };
    const p50 = (inaugural: boolean) => {
      const d = calibrateTimeline(t, ['caspian-port'], params, inaugural).steps[0]?.duration;
      return d?.dist === 'lognormal' ? d.p50 : Number.NaN;
    };
    expect(p50(false)).toBe(48);
    expect(p50(true)).toBe(24);
  });
  it('names the type and the bad value', () => {
    expect(() => calibrateTimeline(t, ['caspian-port'], { 'caspian-port': { medianFactor: -1, sigma: 0.2 } })).toThrow(
      /caspian-port: medianFactor -1/,
    );
  });
});

describe('applyJourneyFactor', () => {
  it('leaves times alone at sigma 0 and keeps the median at sigma > 0', () => {
    const a = new Float64Array(20_001).fill(100);
    expect(applyJourneyFactor(a, 0, 1)[5]).toBe(100);
    const b = applyJourneyFactor(new Float64Array(20_001).fill(100), 0.3, 1).sort();
    expect(b[10_000]).toBeGreaterThan(98);
    expect(b[10_000]).toBeLessThan(102);
    expect((b[18_000] ?? 0) / 100).toBeCloseTo(Math.exp(0.3 * Z90), 1);
  });
  it('rejects a negative sigma', () => {
    expect(() => applyJourneyFactor(new Float64Array(1), -0.1, 1)).toThrow(/sigma -0.1/);
  });
});
