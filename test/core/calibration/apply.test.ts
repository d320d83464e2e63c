import { describe, expect, it } from 'vitest';
import { calibrateItineraryTimeline } from '../../../src/core/calibration/apply.ts';
import { medianOf } from '../../../src/core/calibration/calibrated-timeline.ts';
import { simulateTimeline } from '../../../src/core/reliability/monte-carlo.ts';
import { RoutingEngine } from '../../../src/core/routing/plan.ts';
import { loadContext } from '../../../src/io/index.ts';

const ctx = loadContext();
const raw = new RoutingEngine({ ...ctx.network, calibration: undefined }, ctx.graph);
const request = {
  from: 'kz-altynkol',
  to: 'az-alat',
  depart: '2026-06-15T08:00:00Z',
  cargo: { kind: 'containers' as const, teu: 1 },
  avoidCountries: ['RU', 'IR'],
};

describe('the fitted calibration on itineraries', () => {
  it('rescales the Caspian port dwell by its fitted factor and carries the journey factor', () => {
    const cal = ctx.network.calibration;
    expect(cal).toBeDefined();
    const calibrated = ctx.engine.route(request).itineraries[0]?.timeline;
    const plain = raw.route(request).itineraries[0]?.timeline;
    if (calibrated === undefined || plain === undefined) throw new Error('no route Altynkol -> Alat');
    const dwell = (t: typeof plain) => t.steps.find((s) => s.kind === 'dwell' && /^(Kuryk|Aktau)/.test(s.label));
    const [a, b] = [dwell(calibrated), dwell(plain)];
    expect(a && b && medianOf(a.duration) / medianOf(b.duration)).toBeCloseTo(
      cal?.params['caspian-port']?.medianFactor ?? 0,
      6,
    );
    expect(calibrated.journeySigma).toBe(cal?.params.journey?.sigma);
    expect(plain.journeySigma).toBeUndefined();
  });

  it('widens the simulated band with the journey factor, and leaves a network without calibration alone', () => {
    const t = raw.route(request).itineraries[0]?.timeline;
    if (t === undefined) throw new Error('no route');
    const noCal = { ...ctx.network, calibration: undefined };
    expect(calibrateItineraryTimeline(noCal, t)).toBe(t);
    const o = { samples: 20_000, seed: 3 };
    const narrow = simulateTimeline(t, o);
    const wide = simulateTimeline({ ...t, journeySigma: 0.3 }, o);
    expect(wide.p90 - wide.p10).toBeGreaterThan(narrow.p90 - narrow.p10);
    // The factor is drawn independently of the steps with median 1, so it scales the mean by E[factor] = e^(σ²/2).
    expect(wide.mean / narrow.mean).toBeCloseTo(Math.exp(0.3 ** 2 / 2), 2);
  });
});
