/**
 * The UNESCAP time/cost–distance series built from a real itinerary of the bundled dataset: it must end at the
 * itinerary's totals, never go back in time or distance, and show each stop as a vertical step.
 */
import { describe, expect, it } from 'vitest';
import { loadContext } from '../../src/io/index.ts';
import type { RouteResult } from '../../web/src/api.ts';
import { distanceSeries } from '../../web/src/charts.ts';

describe('distanceSeries', () => {
  const ctx = loadContext();
  // As the page receives it: the answer through JSON, typed as the API documents it.
  const answer = ctx.engine.route({
    from: 'cn-xian',
    to: 'de-duisburg',
    depart: '2026-03-02T08:00:00Z',
    cargo: { kind: 'containers', teu: 1 },
    avoidCountries: ['RU', 'BY'],
  });
  const r = JSON.parse(JSON.stringify(answer)) as RouteResult;

  it('ends at the totals of every itinerary, and only moves forward', () => {
    expect(r.itineraries.length).toBeGreaterThan(0);
    for (const it of r.itineraries) {
      const pts = distanceSeries(it);
      const last = pts.at(-1)!;
      expect(last.km).toBeCloseTo(it.totals.distanceKm, 6);
      expect(last.days).toBeCloseTo(it.totals.durationH / 24, 4);
      expect(last.usd).toBeCloseTo(it.totals.costUsd, 6);
      for (let i = 1; i < pts.length; i++) {
        expect(pts[i]!.km).toBeGreaterThanOrEqual(pts[i - 1]!.km);
        expect(pts[i]!.days).toBeGreaterThanOrEqual(pts[i - 1]!.days - 1e-9);
        expect(pts[i]!.usd).toBeGreaterThanOrEqual(pts[i - 1]!.usd - 1e-9);
      }
    }
  });

  it('draws stops and border clearance as vertical steps of their own duration', () => {
    const it = r.itineraries.find((x) => x.stops.some((s) => s.kind === 'transfer' && s.durationH > 0))!;
    expect(it).toBeDefined();
    const pts = distanceSeries(it);
    for (const s of it.stops.filter((x) => x.durationH > 0)) {
      const i = pts.findIndex((p) => p.kind === s.kind && p.place === s.name);
      expect(i, s.name).toBeGreaterThan(0);
      expect(pts[i]!.km).toBe(pts[i - 1]!.km);
      expect((pts[i]!.days - pts[i - 1]!.days) * 24).toBeCloseTo(s.durationH, 6);
    }
    const borderH = pts.reduce((sum, p, i) => (p.kind === 'border' ? sum + (p.days - pts[i - 1]!.days) * 24 : sum), 0);
    expect(borderH).toBeCloseTo(it.totals.borderH, 6);
    const waitH = pts.reduce((sum, p, i) => (p.kind === 'wait' ? sum + (p.days - pts[i - 1]!.days) * 24 : sum), 0);
    expect(waitH).toBeCloseTo(it.totals.waitH, 4);
  });
});
