/**
 * The discrete-event simulators against queueing theory (closed forms in analytic.ts), with stated tolerances:
 * long runs (10^5 to 10^6 customers) put the relative standard error of a mean wait near 1-2%, so bounds are 5%.
 */
import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import {
  bulkServiceMeanWaitH,
  md1MeanWaitH,
  mm1MeanWaitH,
  mmcMeanWaitH,
  type PortSailing,
  simulatePort,
  simulateServerQueue,
  timetableMeanWaitH,
} from '../../../src/core/reliability/index.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const daily = (capacityTeu: number, p = 0): PortSailing[] =>
  [0, 1, 2, 3, 4, 5, 6].map((d) => ({ offsetH: d * 24 + 6, capacityTeu, cancellationProbability: p }));

describe('server queue (M/G/c) against closed forms', () => {
  it('M/M/1 at rho = 0.8: Wq = rho / (mu - lambda) = 4 h', () => {
    const r = simulateServerQueue({
      arrivalsPerH: 0.8,
      servers: 1,
      serviceH: { dist: 'exponential', mean: 1 },
      seed: 1,
      customers: 1_000_000,
    });
    expect(rel(r.meanWaitH, mm1MeanWaitH(0.8, 1))).toBeLessThan(0.05);
    expect(r.utilisation).toBeCloseTo(0.8, 2);
  });

  it('M/D/1 at rho = 0.8: Wq = rho D / (2 (1 - rho)) = 2 h, half the M/M/1 wait', () => {
    const r = simulateServerQueue({
      arrivalsPerH: 0.8,
      servers: 1,
      serviceH: { dist: 'fixed', value: 1 },
      seed: 2,
      customers: 1_000_000,
    });
    expect(rel(r.meanWaitH, md1MeanWaitH(0.8, 1))).toBeLessThan(0.05);
  });

  it('M/M/3 (three border lanes) matches Erlang C', () => {
    const r = simulateServerQueue({
      arrivalsPerH: 2.4,
      servers: 3,
      serviceH: { dist: 'exponential', mean: 1 },
      seed: 3,
      customers: 1_000_000,
    });
    expect(rel(r.meanWaitH, mmcMeanWaitH(2.4, 1, 3))).toBeLessThan(0.05);
  });
});

describe('port queue (bulk service on a timetable) against closed forms', () => {
  it('with ample capacity the mean wait is sum(gap^2) / (2 x 168), for an irregular timetable too', () => {
    const offsets = [10, 34, 100];
    const r = simulatePort({
      sailings: offsets.map((o) => ({ offsetH: o, capacityTeu: 1e6, cancellationProbability: 0 })),
      arrivals: { kind: 'poisson', teuPerWeek: 100 },
      weeks: 5000,
      seed: 4,
    });
    // gaps 24, 66, 78 h: (576 + 4356 + 6084) / 336 = 32.79 h
    expect(timetableMeanWaitH(offsets)).toBeCloseTo(32.786, 2);
    expect(rel(r.wait.meanH, timetableMeanWaitH(offsets))).toBeLessThan(0.02);
    expect(r.utilisation).toBeLessThan(0.001);
  });

  it('with binding capacity it matches the bulk-service queue, with and without cancellations', () => {
    // daily sailings of 20 TEU, 16 TEU/day arriving: rho = 0.8 (0.89 with 10% cancelled)
    for (const p of [0, 0.1]) {
      const r = simulatePort({
        sailings: daily(20, p),
        arrivals: { kind: 'poisson', teuPerWeek: 16 * 7 },
        weeks: 20_000,
        seed: 5,
      });
      const w = bulkServiceMeanWaitH(16 / 24, 24, 20, p);
      expect(rel(r.wait.meanH, w)).toBeLessThan(0.05);
      // Little's law holds inside the run: mean queue = lambda x mean wait
      expect(rel(r.meanQueueTeu, (16 / 24) * r.wait.meanH)).toBeLessThan(0.02);
      expect(r.cancelledSailings / r.scheduledSailings).toBeCloseTo(p, 2);
    }
  });

  it('shows the 2022-style backlog: demand above sailing capacity makes the queue grow every week', () => {
    // 2 sailings of 225 TEU a week, 8% cancelled: 414 TEU/week sail on average; 500 arrive
    const r = simulatePort({
      sailings: [
        { offsetH: 10, capacityTeu: 225, cancellationProbability: 0.08 },
        { offsetH: 94, capacityTeu: 225, cancellationProbability: 0.08 },
      ],
      arrivals: { kind: 'poisson', teuPerWeek: 500 },
      weeks: 52,
      seed: 6,
    });
    const q = r.weekly.map((w) => w.queueEndTeu);
    // the queue grows by about 500 - 414 = 86 TEU a week
    const slope = (q[51]! - q[11]!) / 40;
    expect(slope).toBeGreaterThan(50);
    expect(slope).toBeLessThan(120);
    expect(r.utilisation).toBeGreaterThan(0.97);
    expect(r.oldestWaitingH).toBeGreaterThan(24 * 14);
    // and with demand below capacity it stays bounded
    const ok = simulatePort({
      ...{ sailings: daily(100) },
      arrivals: { kind: 'poisson', teuPerWeek: 350 },
      weeks: 52,
      seed: 6,
    });
    expect(Math.max(...ok.weekly.map((w) => w.queueEndTeu))).toBeLessThan(200);
  });

  it('a demand series changes the rate week by week', () => {
    const r = simulatePort({
      sailings: daily(1000),
      arrivals: { kind: 'series', teuPerWeek: [0, 1000, 0, 2000] },
      weeks: 4,
      seed: 7,
    });
    const a = r.weekly.map((w) => w.arrivedTeu);
    expect(a[0]).toBe(0);
    expect(a[2]).toBe(0);
    expect(Math.abs(a[1]! - 1000)).toBeLessThan(130); // Poisson sd = 32
    expect(Math.abs(a[3]! - 2000)).toBeLessThan(180);
  });

  it('a closed fleet keeps one pending event per unit and conserves units', () => {
    const r = simulatePort({
      sailings: daily(500),
      arrivals: { kind: 'fleet', units: 1500, cycleH: { dist: 'uniform', min: 100, max: 200 } },
      weeks: 30,
      seed: 8,
    });
    // every unit is either waiting, or shipped and on its way back: arrivals - shipped = queue
    expect(r.arrivedTeu - r.shippedTeu).toBe(r.queueEndTeu);
    // each unit cycles about every 150 h + a wait: 1500 units -> roughly 1500 x 168 / (150 + 12) TEU/week
    expect(r.throughputTeuPerWeek).toBeGreaterThan(1300);
    expect(r.throughputTeuPerWeek).toBeLessThan(1700);
  });

  it('is reproducible by seed and validates its input', () => {
    const m = { sailings: daily(50, 0.1), arrivals: { kind: 'poisson' as const, teuPerWeek: 300 }, weeks: 20, seed: 9 };
    expect(simulatePort(m)).toEqual(simulatePort(m));
    expect(simulatePort({ ...m, seed: 10 }).arrivedTeu).not.toBe(simulatePort(m).arrivedTeu);
    for (const bad of [
      { ...m, sailings: [] },
      { ...m, weeks: 0 },
      { ...m, sailings: [{ offsetH: 200, capacityTeu: 1, cancellationProbability: 0 }] },
      { ...m, sailings: [{ offsetH: 2, capacityTeu: 1, cancellationProbability: 1 }] },
      { ...m, arrivals: { kind: 'poisson' as const, teuPerWeek: -1 } },
    ]) {
      expect(() => simulatePort(bad)).toThrow(KeruenError);
    }
  });
});
