/**
 * The growth file's added catchment cells (growth.yaml `addedFlows`) are checked against the network and the base
 * demand set before any assignment runs: every bad node or commodity is reported at once, with its field.
 */
import { describe, expect, it } from 'vitest';
import { checkAddedFlows } from '../../../src/core/appraisal/run-inputs.ts';
import { KeruenError } from '../../../src/core/errors.ts';
import { loadAppraisalContext } from '../../../src/io/appraisal.ts';

const ctx = loadAppraisalContext();

describe('added catchment flows', () => {
  it('accept the shipped cells', () => {
    expect(ctx.data.growth.addedFlows.length).toBeGreaterThan(0);
    expect(() => checkAddedFlows(ctx)).not.toThrow();
  });

  it('refuse unknown nodes and commodities, all at once, naming field and value', () => {
    const bad = {
      ...ctx,
      data: {
        ...ctx.data,
        growth: {
          ...ctx.data.growth,
          addedFlows: [
            {
              from: 'kz-arys',
              to: 'xx-nowhere',
              commodity: 'unobtainium',
              volumePerYear: { value: 1, estimate: 'test' },
            },
          ],
        },
      },
    };
    try {
      checkAddedFlows(bad);
      expect.unreachable('expected a KeruenError');
    } catch (e) {
      expect(e).toBeInstanceOf(KeruenError);
      const k = e as KeruenError;
      expect(k.code).toBe('KERUEN_INVALID_DATASET');
      expect(k.issues.map((i) => [i.field, i.value])).toEqual([
        ['addedFlows[0].to', 'xx-nowhere'],
        ['addedFlows[0].commodity', 'unobtainium'],
      ]);
    }
  });
});
