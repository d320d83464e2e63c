/**
 * The steps of the port simulator (port-queue.ts) one at a time, on runs whose state is set by hand: the setup,
 * the event handlers and the summary. The whole run is port-queue.test.ts, and its agreement with the plain
 * reference port-queue-reference.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type PortModel, PortRun, summarisePort } from '../../../src/core/reliability/port-queue.ts';

/** No open arrivals (a series of zeros): the queue holds only the units a test puts there. */
const quiet = (extra: Partial<PortModel> = {}): PortModel => ({
  sailings: [{ offsetH: 10, capacityTeu: 2.5, cancellationProbability: 0 }],
  arrivals: { kind: 'series', teuPerWeek: [] },
  weeks: 4,
  seed: 1,
  ...extra,
});

/** A run with units waiting since the given hours, the clock at `nowH`. */
function runWith(m: PortModel, arrivalsH: number[], nowH: number): PortRun {
  const run = new PortRun(m);
  for (const t of arrivalsH) {
    run.advanceTo(t);
    run.arrive(-1); // an open-stream arrival; the next one is never (no demand)
  }
  run.advanceTo(nowH);
  return run;
}

/** The calendar's events, earliest first, as [time, payload] (empties it). */
function drain(run: PortRun): number[][] {
  const out: number[][] = [];
  while (run.heap.size > 0) {
    const payload = run.heap.pop();
    out.push([run.heap.lastTimeH, payload]);
  }
  return out;
}

describe('PortRun setup', () => {
  it('sorts the timetable and puts the first sailing (-2) and week end (-3) in the calendar', () => {
    const run = new PortRun(
      quiet({
        sailings: [
          { offsetH: 50, capacityTeu: 5, cancellationProbability: 0.1 },
          { offsetH: 10, capacityTeu: 7, cancellationProbability: 0 },
        ],
      }),
    );
    expect([...run.offsets]).toEqual([10, 50]);
    expect([...run.capacity]).toEqual([7, 5]);
    expect([...run.cancel]).toEqual([0, 0.1]);
    expect(run.nextArrivalH).toBe(Number.POSITIVE_INFINITY); // a series of zeros never arrives
    expect(drain(run)).toEqual([
      [10, -2],
      [168, -3],
    ]);
  });

  it('gives each unit of a fleet its first return, in unit order', () => {
    const run = new PortRun(quiet({ arrivals: { kind: 'fleet', units: 3, cycleH: { dist: 'fixed', value: 30 } } }));
    expect(drain(run)).toEqual([
      [10, -2],
      [30, 0],
      [30, 1],
      [30, 2],
      [168, -3],
    ]);
  });

  it('nextOpenArrival skips the weeks without demand and stops at the horizon', () => {
    // 0 TEU in weeks 0 and 1, then 1,680 TEU/week (10 an hour): the first arrival falls early in week 2
    const run = new PortRun(quiet({ arrivals: { kind: 'series', teuPerWeek: [0, 0, 1680] }, weeks: 3 }));
    expect(run.nextArrivalH).toBeGreaterThanOrEqual(336);
    expect(run.nextArrivalH).toBeLessThan(336 + 5); // P(gap > 5 h) = e^-50
    expect(run.rateAt(400)).toBe(10);
    expect(run.rateAt(600)).toBe(0); // after the series
    expect(run.nextOpenArrival(3 * 168)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('PortRun event handlers', () => {
  it('advanceTo adds the queue length times the elapsed hours to the area', () => {
    // one unit from 0 to 4 h, two from 4 to 10 h: 1 x 4 + 2 x 6 = 16 unit-hours
    const run = runWith(quiet(), [0, 4], 10);
    expect(run.queueArea).toBe(16);
    expect(run.events).toBe(3);
    expect(run.arrived).toBe(2);
    expect(run.wk.arrivedTeu).toBe(2);
  });

  it('arrivePoissonBefore takes the arrivals before the limit, as advanceTo and arrive one at a time would', () => {
    const m = quiet({ arrivals: { kind: 'poisson', teuPerWeek: 168 * 3 }, weeks: 2 });
    const batch = new PortRun(m);
    const single = new PortRun(m);
    const ticks: number[] = [];
    batch.arrivePoissonBefore(50, (f) => ticks.push(f));
    while (single.nextArrivalH < 50) {
      single.advanceTo(single.nextArrivalH);
      single.arrive(-1);
    }
    expect(batch.nextArrivalH).toBeGreaterThanOrEqual(50);
    for (const r of [batch, single]) r.board(1e9); // the waits show every arrival time
    const fields = (r: PortRun) => [r.now, r.queueArea, r.events, r.arrived, r.wk.arrivedTeu, r.nextArrivalH];
    expect(fields(batch)).toEqual(fields(single));
    expect([...batch.waits.view()]).toEqual([...single.waits.view()]);
    expect(batch.arrived).toBeGreaterThan(100); // 3 an hour
    expect(ticks).toEqual([]); // no progress report before event 65,536
    // the horizon (336 h) stops it as well: arrivals after it are never taken, and the next one is never
    batch.arrivePoissonBefore(Number.POSITIVE_INFINITY, undefined);
    expect(batch.now).toBeLessThanOrEqual(336);
    expect(batch.nextArrivalH).toBeGreaterThan(336);
  });

  it('a sailing of 2.5 TEU takes two whole units, oldest first, and schedules the next one', () => {
    const run = runWith(quiet(), [0, 1, 2], 10);
    expect(run.sail()).toBe(false);
    expect(run.shipped).toBe(2);
    expect(run.queue.length).toBe(1);
    expect([...run.waits.view()]).toEqual([10, 9]);
    expect(run.waitSum).toBe(19);
    expect(run.sailedCapacity).toBe(2.5);
    expect(run.wk).toMatchObject({ shippedTeu: 2, queueMaxTeu: 3 });
    // one sailing a week: the next is the same slot of week 1
    expect(run.sailWeek).toBe(1);
    expect(drain(run)).toEqual([
      [10, -2],
      [168, -3],
      [178, -2],
    ]);
  });

  it('a sailing that reaches the shipped-units target ends the run before scheduling the next', () => {
    const run = runWith(quiet({ stopAfterShippedTeu: 2 }), [0, 1, 2], 10);
    expect(run.sail()).toBe(true);
    expect(run.shipped).toBe(2);
    expect(run.heap.size).toBe(2); // the first sailing and week end of the setup, nothing more
  });

  it('a cancelled sailing takes nothing and counts, in the week too', () => {
    const run = runWith(
      quiet({ sailings: [{ offsetH: 10, capacityTeu: 9, cancellationProbability: 0.999999 }] }),
      [0, 1],
      10,
    );
    expect(run.sail()).toBe(false);
    expect(run).toMatchObject({ scheduled: 1, cancelled: 1, shipped: 0, sailedCapacity: 0 });
    expect(run.wk.cancelledSailings).toBe(1);
    expect(run.queue.length).toBe(2);
  });

  it('a fleet unit that sails comes back one cycle later', () => {
    const run = new PortRun(quiet({ arrivals: { kind: 'fleet', units: 1, cycleH: { dist: 'fixed', value: 30 } } }));
    drain(run);
    run.advanceTo(30);
    run.arrive(0);
    run.advanceTo(40);
    run.sail();
    expect(drain(run)).toEqual([
      [70, 0],
      [178, -2],
    ]);
  });

  it('endWeek records the queue and the mean wait of the week, and starts the next week', () => {
    const run = runWith(quiet(), [0, 1, 2], 10);
    run.sail();
    run.advanceTo(168);
    run.endWeek();
    expect(run.weekly).toEqual([
      { week: 0, arrivedTeu: 3, shippedTeu: 2, cancelledSailings: 0, queueEndTeu: 1, queueMaxTeu: 3, meanWaitH: 9.5 },
    ]);
    expect(run.wk.week).toBe(1);
    expect(run.weekWaitSum).toBe(0);
  });

  it('finish: to the horizon without a target; with one, keeps the week in progress', () => {
    const open = runWith(quiet({ weeks: 1 }), [0], 100);
    open.finish(false);
    expect(open.now).toBe(168);
    expect(open.queueArea).toBe(168); // one unit all week
    expect(open.weekly).toEqual([]);
    const stopped = runWith(quiet({ weeks: 1, stopAfterShippedTeu: 1 }), [0], 100);
    stopped.finish(true);
    expect(stopped.now).toBe(100);
    expect(stopped.weekly).toMatchObject([{ week: 0, arrivedTeu: 1, queueEndTeu: 1 }]);
  });
});

describe('summarisePort', () => {
  it('totals, weekly rates and wait quantiles of a finished run', () => {
    const m = quiet({ weeks: 1 });
    const run = runWith(m, [0, 1, 2], 10);
    run.sail(); // waits 10 and 9
    run.finish(false);
    const r = summarisePort(run, m);
    expect(r).toMatchObject({
      simulatedH: 168,
      arrivedTeu: 3,
      shippedTeu: 2,
      scheduledSailings: 1,
      throughputTeuPerWeek: 2,
      sailedCapacityTeuPerWeek: 2.5,
      utilisation: 0.8,
      wait: { meanH: 9.5, p50H: 9.5, maxH: 10 },
      queueEndTeu: 1,
      oldestWaitingH: 166, // the unit of hour 2, at 168 h
    });
    // 1 unit 0-1 h, 2 units 1-2 h, 3 units 2-10 h, 1 unit 10-168 h: (1 + 2 + 24 + 158) / 168
    expect(r.meanQueueTeu).toBeCloseTo(185 / 168, 12);
  });
});
