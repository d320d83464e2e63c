import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_RISK_EVENTS,
  maskEvents,
  maskRiskLog,
  riskEventIssues,
  riskEventsOf,
} from '../../../src/core/network/risk-events.ts';
import { loadDatasetDir } from '../../../src/io/index.ts';
import { fixedH, networkFrom, node } from '../../support/synthetic-network.ts';

const link = (id: string, value?: number, event?: string) => ({
  id,
  file: 'links/t.yaml',
  ...(value === undefined ? {} : { risk: { value, ...(event ? { event } : {}) } }),
});

describe('risk events', () => {
  it('numbers events in order of first use; a risk without an event is its link own', () => {
    const ev = riskEventsOf([link('a', 0.3, 'war'), link('b'), link('c', 0.2), link('d', 0.3, 'war')]);
    expect(ev.ids).toEqual(['war', 'link:c']);
    expect(maskRiskLog(ev.riskLog, 0b11)).toBeCloseTo(-Math.log(0.7 * 0.8), 14);
    expect(maskEvents(ev.ids, 0b10)).toEqual(['link:c']);
  });

  it('refuses one event with two chances, naming both links', () => {
    const issues = riskEventIssues([link('a', 0.3, 'war'), link('b', 0.2, 'war')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'risk_event_conflict', id: 'b', field: 'risk.value', value: 0.2 });
    expect(issues[0]?.message).toContain('link a');
    expect(() => riskEventsOf([link('a', 0.3, 'war'), link('b', 0.2, 'war')])).toThrow(/one event, one chance/);
  });

  it('stops a dataset that gives one event two chances from loading', () => {
    const road = (id: string, value: number) => ({
      id,
      from: 'a',
      to: 'b',
      mode: 'road',
      status: 'operational',
      duration: fixedH(5),
      distanceKm: { value: 100, source: 'T1' },
      risk: { value, event: 'war', source: 'T1' },
    });
    const load = () =>
      networkFrom({ nodes: [node('a', 'KZ'), node('b', 'KZ')], links: [road('ab', 0.3), road('ab2', 0.2)] });
    expect(load).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'risk_event_conflict', id: 'ab2', value: 0.2 })],
      }),
    );
  });

  it(`refuses more than ${MAX_RISK_EVENTS} events, saying how many`, () => {
    const many = Array.from({ length: MAX_RISK_EVENTS + 1 }, (_, i) => link(`l${i}`, 0.1));
    expect(riskEventIssues(many)).toEqual([
      expect.objectContaining({ code: 'too_many_risk_events', value: MAX_RISK_EVENTS + 1 }),
    ]);
    expect(riskEventIssues(many.slice(1))).toEqual([]);
  });

  it('gives equal masks equal risks, whatever order their events were met in', () => {
    const ev = Float64Array.from([0.1, 0.35, 0.7, 1.2, 0.05], (p) => -Math.log(1 - p / 2));
    fc.assert(
      fc.property(fc.array(fc.nat(4), { maxLength: 8 }), (bits) => {
        const forward = bits.reduce((m, b) => m | (1 << b), 0);
        const backward = [...bits].reverse().reduce((m, b) => m | (1 << b), 0);
        expect(maskRiskLog(ev, forward)).toBe(maskRiskLog(ev, backward));
        // the probability of the union: 1 - product over the distinct events
        const p = [...new Set(bits)].reduce((q, b) => q * Math.exp(-(ev[b] ?? 0)), 1);
        expect(-Math.expm1(-maskRiskLog(ev, forward))).toBeCloseTo(1 - p, 12);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('names the event of every risky link of the shipped dataset', () => {
    const { network } = loadDatasetDir();
    const risky = network?.links.filter((l) => l.risk !== undefined) ?? [];
    expect(risky.length).toBeGreaterThan(10);
    for (const l of risky) expect(l.risk?.event, l.id).toMatch(/^[a-z0-9-]+$/);
  });
});
