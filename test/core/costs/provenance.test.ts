import { describe, expect, it } from 'vitest';
import { provenanceOf, sourcedShare, weakerProvenance } from '../../../src/core/costs/provenance.ts';

describe('provenance', () => {
  it('tells sourced, estimated and missing figures apart', () => {
    expect(provenanceOf({ source: 'S1' })).toBe('sourced');
    expect(provenanceOf({ source: 'S1', estimate: 'derived from S1 by arithmetic' })).toBe('estimated');
    expect(provenanceOf(undefined)).toBe('missing');
    expect(weakerProvenance('sourced', 'estimated')).toBe('estimated');
    expect(weakerProvenance('missing', 'sourced')).toBe('missing');
  });
  it('weighs the sourced share by amount', () => {
    expect(
      sourcedShare([
        { amount: 3, provenance: 'sourced' },
        { amount: 1, provenance: 'estimated' },
      ]),
    ).toBe(0.75);
    expect(sourcedShare([{ amount: 0, provenance: 'missing' }])).toBeNull();
  });
});
