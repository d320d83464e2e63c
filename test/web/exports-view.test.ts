/**
 * The computed parts of the Exports view (no DOM): the links drawn on the map, valued by their share of the
 * largest tonnage, and the bands of the flow diagram origins → corridors → EU ports, on the shipped answer.
 */
import { describe, expect, it } from 'vitest';
import { answerExports, libraryScenario } from '../../src/core/index.ts';
import { loadContext, loadExportsDataset, loadScenarios } from '../../src/io/index.ts';
import { diagramBands } from '../../web/src/exports-diagram.ts';
import { linkTonnes } from '../../web/src/exports-view.ts';

const ctx = loadContext();
const dataset = loadExportsDataset()!;
const scenario = libraryScenario(loadScenarios(ctx.dataDir), 'cpc-disrupted', 'scenario');
const a = answerExports(
  { engine: ctx.engine, emissions: ctx.emissions, dataset, scenario },
  { commodity: 'crude-oil' },
);

describe('Exports view', () => {
  it('values the links used by their share of the busiest, priced-only links as a hairline', () => {
    const v = linkTonnes(a);
    // Under CPC disrupted the busiest crude links carry Aktau–Sangachal's 2.2 Mt plus the 1.2 Mt by Druzhba share
    // Atyrau: the tanker leg is 2.2 / max.
    const max = Math.max(...v.values());
    expect(max).toBe(1);
    expect(v.get('exp-aktau-sangachal-tankers')).toBeGreaterThan(0);
    expect(v.has('pipe-cpc-atyrau-novorossiysk')).toBe(false);
    for (const x of v.values()) expect(x).toBeGreaterThan(0);
  });

  it('draws one band per route, from the field through its corridor to the EU port, weighted by tonnes', () => {
    const bands = diagramBands(a);
    expect(bands.length).toBe(a.flows.reduce((s, f) => s + f.routes.length, 0));
    const middle = bands.filter((b) => b.mid === 'Middle');
    expect(middle.reduce((s, b) => s + b.tonnes, 0)).toBeCloseTo(2_200_000, 0);
    expect(middle.every((b) => b.to === 'Trieste')).toBe(true);
  });
});
