/**
 * The named steps of `keruen network validate` (src/cli/check-dataset.ts) on small in-memory datasets; the whole
 * command on copies of data/ is validate-dataset.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPartialReferences, countEmissionFactors, type Findings, warnBlank } from '../../src/cli/check-dataset.ts';
import type { EmissionFactors } from '../../src/core/index.ts';
import { parseDatasetFiles } from '../../src/core/network/load.ts';
import { railLink } from '../core/scenarios/helpers.ts';
import { node, TEST_SOURCE } from '../support/synthetic-network.ts';

const findings = (): Findings => ({ issues: [], warnings: [] });
const link = (id: string, from: string, to: string) => railLink({ id, from, to, usdPerTeu: 1 });

describe('checkPartialReferences', () => {
  it('drops a reference to a record that failed its own schema, keeps one to a record that does not exist', () => {
    const { raw, issues: early } = parseDatasetFiles([
      { path: 'sources/t.yaml', text: stringify([TEST_SOURCE]) },
      // kz-b fails its schema (no such kind): the link to it is not reported again
      { path: 'nodes/t.yaml', text: stringify([node('kz-a', 'KZ'), node('kz-b', 'KZ', { kind: 'castle' })]) },
      { path: 'links/t.yaml', text: stringify([link('ab', 'kz-a', 'kz-b'), link('ax', 'kz-a', 'kz-x')]) },
    ]);
    expect(early.map((i) => [i.file, i.id])).toEqual([['nodes/t.yaml', 'kz-b']]);
    const out = findings();
    checkPartialReferences(raw, early, out);
    expect(out.issues.map((i) => [i.code, i.value])).toEqual([['unknown_node', 'kz-x']]);
    expect(out.warnings.filter((w) => w.code === 'not_checked')).toEqual([]);
  });

  it('does not check references into a folder where a whole file failed, and says so once', () => {
    const { raw, issues: early } = parseDatasetFiles([
      { path: 'sources/t.yaml', text: stringify([TEST_SOURCE]) },
      { path: 'nodes/t.yaml', text: stringify([node('kz-a', 'KZ')]) },
      { path: 'nodes/broken.yaml', text: '- id: kz-b\n  name: { broken' },
      { path: 'links/t.yaml', text: stringify([link('ab', 'kz-a', 'kz-b'), link('ac', 'kz-a', 'kz-c')]) },
    ]);
    expect(early.map((i) => [i.file, i.id])).toEqual([['nodes/broken.yaml', undefined]]);
    const out = findings();
    checkPartialReferences(raw, early, out);
    expect(out.issues).toEqual([]);
    expect(out.warnings.filter((w) => w.code === 'not_checked')).toEqual([
      {
        code: 'not_checked',
        file: 'nodes/',
        message: 'references to nodes not checked: a file there could not be parsed',
      },
    ]);
  });
});

describe('warnBlank', () => {
  it('warns about empty and comment-only files, not about files with records', () => {
    const out = findings();
    warnBlank(
      [
        { path: 'nodes/a.yaml', text: '' },
        { path: 'nodes/b.yaml', text: '# next region\n\n' },
        { path: 'nodes/c.yaml', text: '- id: x\n' },
      ],
      out,
    );
    expect(out.warnings.map((w) => [w.code, w.file])).toEqual([
      ['empty_file', 'nodes/a.yaml'],
      ['empty_file', 'nodes/b.yaml'],
    ]);
    expect(out.issues).toEqual([]);
  });
});

describe('countEmissionFactors', () => {
  it('adds up every table of a factor set and the conventions', () => {
    const map = (n: number) => new Map(Array.from({ length: n }, (_, i) => [String(i), {}]));
    const f = {
      sources: map(1),
      tocs: map(2),
      hocs: map(3),
      grid: map(4),
      traction: map(5),
      energy: map(6),
      conventions: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 },
    } as unknown as EmissionFactors;
    expect(countEmissionFactors(f)).toBe(1 + 2 + 3 + 4 + 5 + 6 + 7);
  });
});
