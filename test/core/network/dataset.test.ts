/** The shipped dataset (data/) must load with no problem. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/errors.ts';
import { loadDatasetDir } from '../../../src/io/index.ts';

describe('shipped dataset', () => {
  it('validates with no issues', () => {
    const r = loadDatasetDir();
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.network).toBeDefined();
    expect(r.network!.nodes.length).toBeGreaterThan(0);
    expect(r.network!.links.length).toBeGreaterThan(0);
  });
});
