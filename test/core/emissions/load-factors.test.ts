/** The factor loader: the shipped files load cleanly; every kind of bad record is reported with its place. */
import { describe, expect, it } from 'vitest';
import { emissionKindOfPath, loadEmissionFactors, parseEmissionFactors } from '../../../src/core/emissions/index.ts';
import { shipped, shippedFiles } from './helpers.ts';

const toc = (extra: string): string =>
  `- { id: t1, mode: rail, category: "Test row", region: EU, energyCarrier: diesel, version: GLEC v3.0, ${extra} }`;
const withFile = (text: string) => parseEmissionFactors([...shippedFiles, { path: 'emissions/tocs-extra.yaml', text }]);

describe('emission factor loader', () => {
  it('loads the shipped data/emissions without an issue', () => {
    const { issues } = parseEmissionFactors(shippedFiles);
    expect(issues).toEqual([]);
    expect(shipped.tocs.size).toBeGreaterThan(15);
    expect(shipped.grid.has('EU')).toBe(true);
  });

  it('reports a source id that is not in sources.yaml', () => {
    const { issues } = withFile(toc('unit: g_per_tkm, wttG: 1, ttwG: 2, wtwG: 3, source: E999'));
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown_source', id: 't1', field: 'source', value: 'E999' }),
    );
  });

  it('reports an unknown unit with its field and value', () => {
    const { issues } = withFile(toc('unit: kg_per_mile, wttG: 1, ttwG: 2, wtwG: 3, source: E1'));
    expect(issues).toContainEqual(expect.objectContaining({ id: 't1', field: 'unit', value: 'kg_per_mile' }));
  });

  it('reports WTT + TTW that do not add up to WTW', () => {
    const { issues } = withFile(toc('unit: g_per_tkm, wttG: 1, ttwG: 2, wtwG: 4, source: E1'));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid_value', id: 't1', field: 'wtwG' }));
  });

  it('reports a duplicate id, a missing convention and a YAML syntax error with its line', () => {
    const dup = withFile(
      toc('unit: g_per_tkm, wttG: 1, ttwG: 2, wtwG: 3, source: E1').replace('t1', 'road-artic-40t-diesel-eu'),
    );
    expect(dup.issues).toContainEqual(
      expect.objectContaining({ code: 'duplicate_id', id: 'road-artic-40t-diesel-eu' }),
    );
    const noConv = parseEmissionFactors(shippedFiles.filter((f) => !f.path.includes('conventions')));
    expect(noConv.issues).toContainEqual(expect.objectContaining({ code: 'missing_convention', id: 'daf_sea' }));
    const bad = withFile('- { id: x\n  - y');
    expect(bad.issues.some((i) => i.code === 'yaml_syntax' && i.file === 'emissions/tocs-extra.yaml')).toBe(true);
  });

  it('throws KERUEN_INVALID_DATASET carrying every issue', () => {
    expect(() =>
      loadEmissionFactors([...shippedFiles, { path: 'emissions/tocs-x.yaml', text: toc('unit: x, source: E0') }]),
    ).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_DATASET' }));
  });

  it('reads the record kind from the file name', () => {
    expect(emissionKindOfPath('emissions/tocs-sea.yaml')).toBe('tocs');
    expect(emissionKindOfPath('grid.yaml')).toBe('grid');
    expect(emissionKindOfPath('emissions/other.yaml')).toBeUndefined();
  });
});
