/**
 * Keeps the costs section of docs/validation.md honest: every published price is routed and priced again on the
 * shipped dataset at its date, and the section must read exactly as cost-table.ts renders it (model figure, ratio,
 * verdict, whether the data cites the observation's source, the counts and the parts behind each miss). A change to
 * the data or the cost model that moves a number fails here until the page is refreshed
 * (node --import tsx test/validation/print-cost-table.ts --write).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/core/index.ts';
import { loadContext } from '../../src/io/index.ts';
import {
  BAND,
  COST_CASES,
  departOf,
  loadObservations,
  type PriceObservation,
  publishedInModelUsd,
  verdictOf,
} from './cost-cases.ts';
import { heldOutIds } from './cost-held-out.ts';
import { type CostRow, computeCostRows, END, renderCostSection, START } from './cost-table.ts';

const PAGE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/validation.md'), 'utf8');
const ctx = loadContext();
const observations = loadObservations();
let rows: CostRow[] = [];

beforeAll(() => {
  rows = computeCostRows(ctx.network, ctx.engine);
}, 60_000);

describe('docs/validation.md, costs section', () => {
  it('has one cost case per observation, and every observation names its price, date, basis and a known source', () => {
    expect(COST_CASES.map((c) => c.id).sort()).toEqual(observations.map((o) => o.id).sort());
    expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length);
    for (const o of observations) {
      expect(o.date, o.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(o.quote.length, o.id).toBeGreaterThan(10);
      expect(o.basis.length, o.id).toBeGreaterThan(5);
      for (const s of `${o.source} ${o.related ?? ''}`.split(/[ ,]+/).filter(Boolean))
        expect(ctx.network.sources.has(s), `${o.id} ${s}`).toBe(true);
    }
  });

  it('holds out the observations the stated rule picks, and only those', () => {
    const rule = heldOutIds(observations);
    expect(observations.filter((o) => o.heldOut === true).map((o) => o.id)).toEqual(
      observations.filter((o) => rule.has(o.id)).map((o) => o.id),
    );
    // About 30% of each corridor, and at least one held-out row in every corridor of three or more observations.
    for (const corridor of new Set(observations.map((o) => o.corridor))) {
      const all = observations.filter((o) => o.corridor === corridor);
      const held = all.filter((o) => o.heldOut === true).length;
      expect(held, corridor).toBe(Math.round(0.3 * all.length));
    }
    // The draw is the hash, not a choice: a different id set gives a different split.
    expect(
      heldOutIds([
        { id: 'a', corridor: 'X' },
        { id: 'b', corridor: 'X' },
        { id: 'c', corridor: 'X' },
      ]).size,
    ).toBe(1);
  });

  it('compares at least 15 published prices, containers and bulk', () => {
    const compared = rows.filter((r) => r.ratio !== undefined);
    expect(compared.length).toBeGreaterThanOrEqual(15);
    expect(new Set(compared.map((r) => r.obs.unit === 'tonne'))).toEqual(new Set([true, false]));
  });

  it('gives each verdict from its ratio and the ±25% band', () => {
    expect(BAND).toBe(0.25);
    expect(verdictOf(0.74)).toBe('miss: too cheap');
    expect(verdictOf(1.25)).toBe('within ±25%');
    for (const r of rows) if (r.ratio !== undefined) expect(r.verdict, r.obs.id).toBe(verdictOf(r.ratio));
  });

  it('routes at the observation date and deflates the published price to the model price year', () => {
    expect(departOf('2018')).toBe('2018-07-01T00:00:00Z');
    expect(departOf('2020-10')).toBe('2020-10-15T00:00:00Z');
    expect(departOf('2023-02-07')).toBe('2023-02-07T00:00:00Z');
    // USD 1,000 of 2020 in USD of 2025 with an index of 250 in 2020 and 320 in 2025: 1,000 × 320 / 250 = 1,280.
    const net = {
      prices: [
        {
          kind: 'price_index',
          currency: 'USD',
          points: [
            { date: '2020', value: 250 },
            { date: '2025', value: 320 },
          ],
        },
      ],
    } as unknown as Network;
    const o = { price: [900, 1100], currency: 'USD', date: '2020-10' } as PriceObservation;
    expect(publishedInModelUsd(net, o, 2025)).toBeCloseTo(1280, 6);
    expect(publishedInModelUsd(net, o, undefined)).toBe(1000);
  });

  it('reads on the page exactly as the model computes it now', () => {
    const a = PAGE.indexOf(START);
    const b = PAGE.indexOf(END);
    expect(a, 'costs markers on docs/validation.md').toBeGreaterThanOrEqual(0);
    expect(PAGE.slice(a, b + END.length)).toBe(renderCostSection(ctx.network, rows));
  });
});
