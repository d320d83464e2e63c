/**
 * Keeps docs/validation.md honest: every predicted P10/P50/P90 in its table is recomputed from the corridor
 * timelines (fixtures/corridors.ts) with the stated seed and sample count, and each verdict is recomputed from
 * the observed time (hit = the observation, or the middle of an observed range, lies within [P10, P90]).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateTimeline } from '../../../src/core/reliability/index.ts';
import { CORRIDOR_CASES, timelineOf } from './fixtures/corridors.ts';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/validation.md');
const SAMPLES = 100_000;
const SEED = 2025;

interface Row {
  observed: [number, number];
  caseId: string;
  p10: number;
  p50: number;
  p90: number;
  verdict: string;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 11 || !/^\d+$/.test(cells[1] ?? '')) continue;
    // | # | corridor | from -> to | observed d | date | source | case | P10 | P50 | P90 | verdict |
    const obs = cells[4]!.split(/[–-]/).map(Number) as number[];
    out.push({
      observed: [obs[0]!, obs[obs.length - 1]!],
      caseId: cells[7]!.replace(/`/g, ''),
      p10: Number(cells[8]),
      p50: Number(cells[9]),
      p90: Number(cells[10]),
      verdict: cells[11]!.split(/[ :,]/)[0]!.toLowerCase(),
    });
  }
  return out;
}

describe('docs/validation.md', () => {
  const table = rows();
  it('compares at least 10 observations', () => {
    expect(table.length).toBeGreaterThanOrEqual(10);
  });

  it('states predictions the simulator reproduces, and verdicts that follow from them', () => {
    const cache = new Map<string, { p10: number; p50: number; p90: number }>();
    for (const r of table) {
      const c = CORRIDOR_CASES.find((x) => x.id === r.caseId);
      expect(c, r.caseId).toBeDefined();
      if (!cache.has(r.caseId)) {
        const d = simulateTimeline(timelineOf(c!), { samples: SAMPLES, seed: SEED });
        cache.set(r.caseId, { p10: d.p10 / 24, p50: d.p50 / 24, p90: d.p90 / 24 });
      }
      const p = cache.get(r.caseId)!;
      expect(r.p10).toBeCloseTo(p.p10, 1);
      expect(r.p50).toBeCloseTo(p.p50, 1);
      expect(r.p90).toBeCloseTo(p.p90, 1);
      const mid = (r.observed[0] + r.observed[1]) / 2;
      expect(r.verdict, `${r.caseId} observed ${mid}`).toBe(mid >= r.p10 && mid <= r.p90 ? 'hit' : 'miss');
    }
  });
});
