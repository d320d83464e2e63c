/**
 * The optimised port simulator (typed-array event heap, open arrival stream beside the calendar, typed-array
 * FIFO, selection quantiles) against the plain reference (port-queue-reference.ts): on random small port models
 * with the same seed both must give identical results, field by field. Integer offsets and fixed or empirical
 * fleet cycles make events coincide often, so the tie rules are exercised too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../../src/core/network/figure.ts';
import { type PortModel, type PortSimulationResult, simulatePort } from '../../../src/core/reliability/index.ts';
import { referenceSimulatePort } from '../../../src/core/reliability/port-queue-reference.ts';

/** Multiples of 1/scale in [min, max] (fc.double would mostly give 0, extremes and subnormals). */
const grid = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((x) => x / scale);

const arbSailing = fc.record({
  // whole hours half of the time, so that sailings coincide with week ends, fleet returns and each other
  offsetH: fc.oneof(fc.integer({ min: 0, max: 167 }), fc.constantFrom(0, 24, 84), grid(0, 167.99, 100)),
  // fractional capacities too: a sailing takes whole units
  capacityTeu: fc.oneof(fc.integer({ min: 0, max: 120 }), grid(0, 60, 10)),
  cancellationProbability: fc.oneof(fc.constant(0), grid(0, 0.9, 100)),
});

const arbCycle: fc.Arbitrary<DistributionSpec> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((value) => ({ dist: 'fixed', value }) as DistributionSpec),
  fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 200 }))
    .map(([min, w]) => ({ dist: 'uniform', min, max: min + w }) as DistributionSpec),
  fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
    .map(([min, a, b]) => ({ dist: 'triangular', min, mode: min + a, max: min + a + b }) as DistributionSpec),
  fc
    .tuple(fc.integer({ min: 10, max: 300 }), grid(1, 3, 100))
    .map(([p50, r]) => ({ dist: 'lognormal', p50, p90: p50 * r }) as DistributionSpec),
  fc
    .array(fc.integer({ min: 1, max: 336 }), { minLength: 1, maxLength: 5 })
    .map((sample) => ({ dist: 'empirical', sample }) as DistributionSpec),
);

const arbArrivals: fc.Arbitrary<PortModel['arrivals']> = fc.oneof(
  fc.oneof(fc.constant(0), grid(0, 400, 10)).map((teuPerWeek) => ({
    kind: 'poisson' as const,
    teuPerWeek,
  })),
  fc
    .array(fc.oneof(fc.constant(0), grid(0, 300, 10)), { maxLength: 14 })
    .map((teuPerWeek) => ({ kind: 'series' as const, teuPerWeek })),
  fc
    .record({ units: fc.integer({ min: 1, max: 60 }), cycleH: arbCycle })
    .map(({ units, cycleH }) => ({ kind: 'fleet' as const, units, cycleH })),
);

const arbModel: fc.Arbitrary<PortModel> = fc.record({
  sailings: fc.array(arbSailing, { minLength: 1, maxLength: 6 }),
  arrivals: arbArrivals,
  weeks: fc.integer({ min: 1, max: 12 }),
  seed: fc.nat({ max: 0xffffffff }),
  stopAfterShippedTeu: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
});

/** Field-by-field equality with NaN equal to NaN and no tolerance: the same draws must give the same numbers. */
function same(a: PortSimulationResult, b: PortSimulationResult): void {
  const norm = (r: PortSimulationResult) =>
    JSON.stringify(r, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  expect(norm(a)).toBe(norm(b));
}

describe('port queue simulator equals the plain reference', () => {
  it('gives identical results on random ports (sailings, capacities, cancellations, arrivals, weeks, seeds)', () => {
    let shipping = 0;
    let cancelling = 0;
    let fleets = 0;
    let stopped = 0;
    let backlog = 0;
    fc.assert(
      fc.property(arbModel, (m) => {
        const fast = simulatePort(m);
        const ref = referenceSimulatePort(m);
        same(fast, ref);
        if (fast.shippedTeu > 0) shipping++;
        if (fast.cancelledSailings > 0) cancelling++;
        if (m.arrivals.kind === 'fleet' && fast.shippedTeu > 0) fleets++;
        if (m.stopAfterShippedTeu !== undefined && fast.shippedTeu >= m.stopAfterShippedTeu) stopped++;
        if (fast.queueEndTeu > 20) backlog++;
      }),
      { numRuns: 1000, seed: 20261206 },
    );
    // not vacuous: units sail, sailings are cancelled, fleets cycle, runs stop early, backlogs build up
    expect(shipping).toBeGreaterThan(500);
    expect(cancelling).toBeGreaterThan(300);
    expect(fleets).toBeGreaterThan(150);
    expect(stopped).toBeGreaterThan(100);
    expect(backlog).toBeGreaterThan(100);
  });

  it('conserves units: arrived = shipped + still waiting, also with fractional capacities', () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const r = simulatePort(m);
        expect(r.arrivedTeu).toBe(r.shippedTeu + r.queueEndTeu);
        expect(Number.isInteger(r.shippedTeu)).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("reports each week's longest queue at least as long as the queue it ends with, and as the one it starts with", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const r = simulatePort(m);
        let carried = 0;
        for (const w of r.weekly) {
          expect(w.queueMaxTeu).toBeGreaterThanOrEqual(w.queueEndTeu);
          expect(w.queueMaxTeu).toBeGreaterThanOrEqual(carried);
          carried = w.queueEndTeu;
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
