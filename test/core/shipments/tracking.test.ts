import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import { toHoursSinceEpoch } from '../../../src/core/routing/timetable.ts';
import { cutAt, positionSteps, type TrackedItinerary } from '../../../src/core/shipments/milestone.ts';
import { checkEvent, lastPosition, remainingTimeline } from '../../../src/core/shipments/tracking.ts';

const fixed = (value: number) => ({ dist: 'fixed', value }) as const;
const T0 = toHoursSinceEpoch('2026-03-02T00:00:00Z'); // a Monday
const NOW = T0 + 24 * 30;

/**
 * The worked itinerary: A (CN) -rail-> B (KZ) -rail-> P (KZ port) =ferry Mon 12:00=> Q (AZ) -rail-> C.
 * Steps: 0 border A out 4 h, 1 travel A-B 50 h, 2 border B in 6 h, 3 travel B-P 30 h, 4 dwell P 10 h,
 * 5 sailing P-Q 22 h (Mondays 12:00), 6 dwell Q 5 h, 7 travel Q-C 15 h.
 */
const itin: TrackedItinerary = {
  legs: [
    { from: 'a', to: 'b', mode: 'rail' },
    { from: 'b', to: 'p', mode: 'rail' },
    { from: 'p', to: 'q', mode: 'ferry' },
    { from: 'q', to: 'c', mode: 'rail' },
  ] as TrackedItinerary['legs'],
  timeline: {
    departH: T0,
    steps: [
      { kind: 'border', label: 'A outbound', duration: fixed(4) },
      { kind: 'travel', label: 'A - B', duration: fixed(50) },
      { kind: 'border', label: 'B inbound', duration: fixed(6) },
      { kind: 'travel', label: 'B - P', duration: fixed(30) },
      { kind: 'dwell', label: 'P handling', duration: fixed(10) },
      { kind: 'sailing', label: 'ferry P - Q', duration: fixed(22), departuresH: [12] },
      { kind: 'dwell', label: 'Q handling', duration: fixed(5) },
      { kind: 'travel', label: 'Q - C', duration: fixed(15) },
    ],
  },
};

describe('positionSteps', () => {
  it('puts every step at its node and every move on its leg', () => {
    const s = positionSteps(itin);
    expect(s.map((x) => `${x.fromNode}>${x.toNode}`)).toEqual(['a>a', 'a>b', 'b>b', 'b>p', 'p>p', 'p>q', 'q>q', 'q>c']);
    expect(s.map((x) => x.leg)).toEqual([-1, 0, -1, 1, -1, 2, -1, 3]);
  });

  it('rejects a timeline whose moves do not match the legs', () => {
    const bad = { ...itin, legs: itin.legs.slice(0, 3) };
    expect(() => positionSteps(bad)).toThrow(KeruenError);
  });
});

describe('cutAt', () => {
  const s = positionSteps(itin);
  it.each([
    ['departed', 'a', 1, true],
    ['arrived', 'b', 2, false],
    ['border_crossed', 'b', 3, false],
    ['arrived', 'p', 4, false],
    ['ferry_loaded', 'p', 5, false],
    ['departed', 'p', 5, true],
    ['arrived', 'c', 8, false],
  ] as const)('%s at %s leaves step %i next', (type, node, next, underway) => {
    expect(cutAt(s, { type, node, atH: T0 })).toMatchObject({ next, underway });
  });

  it('returns undefined for a node off the itinerary', () => {
    expect(cutAt(s, { type: 'arrived', node: 'zz', atH: T0 })).toBeUndefined();
  });

  it('reads a border event where the plan has no border as an arrival, and says so', () => {
    const c = cutAt(s, { type: 'border_crossed', node: 'p', atH: T0 });
    expect(c?.next).toBe(4);
    expect(c?.note).toMatch(/no border/);
  });
});

describe('checkEvent', () => {
  const at = (type: 'departed' | 'arrived' | 'border_crossed' | 'ferry_loaded', node: string, h: number) => ({
    type,
    node,
    atH: T0 + h,
  });

  it('accepts an in-order event on the itinerary without warnings', () => {
    expect(checkEvent(itin, [at('departed', 'a', 4)], at('arrived', 'b', 54), NOW)).toEqual({
      accepted: true,
      warnings: [],
    });
  });

  it('rejects an event in the future, naming the field', () => {
    const v = checkEvent(itin, [], at('arrived', 'b', 24 * 40), NOW);
    expect(v).toMatchObject({ accepted: false, reason: 'in_future', field: 'at' });
  });

  it('keeps an out-of-order event with a warning', () => {
    const v = checkEvent(itin, [at('arrived', 'p', 90)], at('arrived', 'b', 54), NOW);
    expect(v.accepted).toBe(true);
    expect(v.accepted && v.warnings.map((w) => w.code)).toEqual(['out_of_order']);
  });

  it('keeps an event off the itinerary with a warning', () => {
    const v = checkEvent(itin, [], at('arrived', 'zz', 10), NOW);
    expect(v.accepted && v.warnings.map((w) => w.code)).toEqual(['off_itinerary']);
  });

  it('warns when a later event puts the cargo back', () => {
    const v = checkEvent(itin, [at('arrived', 'p', 90)], at('arrived', 'b', 95), NOW);
    expect(v.accepted && v.warnings.map((w) => w.code)).toEqual(['behind_position']);
  });

  it('warns about events after delivery', () => {
    const v = checkEvent(itin, [at('arrived', 'c', 200)], at('arrived', 'q', 210), NOW);
    expect(v.accepted && v.warnings.map((w) => w.code)).toContain('after_delivery');
  });
});

describe('lastPosition and remainingTimeline', () => {
  it('starts from the plan without events', () => {
    const p = lastPosition(itin, []);
    expect(p).toMatchObject({ event: -1, next: 0, node: 'a', atH: T0, delivered: false });
    expect(remainingTimeline(itin, p).steps).toHaveLength(8);
    // The journey's pace factor (a calibrated timeline's) stays with the rest of the journey.
    const paced = { ...itin, timeline: { ...itin.timeline, journeySigma: 0.3 } };
    expect(remainingTimeline(paced, p).journeySigma).toBe(0.3);
    expect(remainingTimeline(itin, p).journeySigma).toBeUndefined();
  });

  it('uses the latest event on the itinerary and ignores one off it', () => {
    const events = [
      { type: 'arrived', node: 'b', atH: T0 + 60 },
      { type: 'arrived', node: 'zz', atH: T0 + 70 },
      { type: 'departed', node: 'a', atH: T0 + 5 },
    ] as const;
    const p = lastPosition(itin, [...events]);
    expect(p).toMatchObject({ event: 0, next: 2, node: 'b', atH: T0 + 60 });
    const t = remainingTimeline(itin, p);
    expect(t.departH).toBe(T0 + 60);
    expect(t.steps.map((s) => s.label)).toEqual([
      'B inbound',
      'B - P',
      'P handling',
      'ferry P - Q',
      'Q handling',
      'Q - C',
    ]);
  });

  it('drops the departure wait of a sailing the cargo is already on', () => {
    const p = lastPosition(itin, [{ type: 'departed', node: 'p', atH: T0 + 180 }]);
    const first = remainingTimeline(itin, p).steps[0]!;
    expect(first.kind).toBe('travel');
    expect(first.departuresH).toBeUndefined();
  });

  it('keeps the wait for the sailing when the cargo is only loaded', () => {
    const p = lastPosition(itin, [{ type: 'ferry_loaded', node: 'p', atH: T0 + 100 }]);
    expect(remainingTimeline(itin, p).steps[0]!.departuresH).toEqual([12]);
  });

  it('is delivered once it arrived at the destination', () => {
    const p = lastPosition(itin, [{ type: 'arrived', node: 'c', atH: T0 + 200 }]);
    expect(p.delivered).toBe(true);
    expect(remainingTimeline(itin, p).steps).toEqual([]);
  });
});
