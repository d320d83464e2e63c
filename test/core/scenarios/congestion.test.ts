import { describe, expect, it } from 'vitest';
import { batchHoursAt, mD1WaitH, meanTimetableWaitH } from '../../../src/core/scenarios/congestion.ts';

describe('congestion delay', () => {
  it('is the M/D/1 mean wait below rhoMax', () => {
    // rho 0.5, h 4: 0.5 * 4 / (2 * 0.5) = 2 h; rho 0.9, h 10: 9 / 0.2 = 45 h
    expect(mD1WaitH(0.5, 4)).toBeCloseTo(2, 12);
    expect(mD1WaitH(0.9, 10)).toBeCloseTo(45, 12);
    expect(mD1WaitH(0, 10)).toBe(0);
  });
  it('continues along its tangent beyond rhoMax, continuously', () => {
    // at 0.95, h 10: W = 95, slope 10 / (2 * 0.05^2) = 2000
    expect(mD1WaitH(0.95, 10)).toBeCloseTo(95, 9);
    expect(mD1WaitH(0.96, 10)).toBeCloseTo(95 + 20, 9);
    expect(mD1WaitH(0.95 + 1e-9, 10)).toBeCloseTo(95, 5);
    expect(mD1WaitH(2, 10)).toBeGreaterThan(mD1WaitH(1.5, 10));
  });
  it('converts a yearly capacity into the time to clear one train', () => {
    // 112.5 TEU per train at 98,550 TEU/yr = 11.25 TEU/h: 10 h
    expect(batchHoursAt(98550)).toBeCloseTo(10, 12);
    expect(batchHoursAt(Number.POSITIVE_INFINITY)).toBe(0);
  });
  it('gives half the headway as the timetable wait for even departures, more for uneven ones', () => {
    expect(meanTimetableWaitH([0])).toBeCloseTo(84, 12);
    expect(meanTimetableWaitH([0, 84])).toBeCloseTo(42, 12);
    // gaps 24 and 144: (24^2 + 144^2) / 336 = 63.43
    expect(meanTimetableWaitH([0, 24])).toBeCloseTo((24 * 24 + 144 * 144) / 336, 12);
    // one weekly departure cancelled with p = 0.5 adds one headway on average: 84 + 168
    expect(meanTimetableWaitH([0], 0.5)).toBeCloseTo(84 + 168, 9);
  });
});
