import { describe, expect, it } from 'vitest';
import { KeruenError } from '../../../src/core/errors.ts';
import { AppraisalFlagsSchema, AppraisalRequestSchema } from '../../../src/core/requests/appraisal.ts';
import { parseRequest } from '../../../src/core/requests/parse.ts';

function refused(schema: typeof AppraisalRequestSchema | typeof AppraisalFlagsSchema, input: unknown) {
  try {
    parseRequest(schema, input);
  } catch (e) {
    if (e instanceof KeruenError) return e.issues[0];
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('appraisal request', () => {
  it('defaults to the EU pledge on the base path', () => {
    expect(parseRequest(AppraisalRequestSchema, {})).toMatchObject({
      budgetEur: 10e9,
      growth: 'base',
      years: [2024, 2030, 2040],
    });
  });

  it('reads the CLI flags as text with the same bounds', () => {
    expect(parseRequest(AppraisalFlagsSchema, { budgetEur: '10e9', years: '2030,2040', growth: 'high' })).toMatchObject(
      {
        budgetEur: 10e9,
        years: [2030, 2040],
        growth: 'high',
      },
    );
  });

  it('refuses hostile values, naming the field, the value and the bound', () => {
    expect(refused(AppraisalRequestSchema, { budgetEur: -1 })).toMatchObject({ field: 'budgetEur', value: -1 });
    expect(refused(AppraisalRequestSchema, { budgetEur: -1 })?.message).toContain('1000000');
    expect(refused(AppraisalRequestSchema, { budgetEur: 1e13 })).toMatchObject({ field: 'budgetEur' });
    expect(refused(AppraisalRequestSchema, { growth: 'huge' })).toMatchObject({ field: 'growth', value: 'huge' });
    expect(refused(AppraisalRequestSchema, { years: [1999] })).toMatchObject({ field: 'years.0', value: 1999 });
    expect(refused(AppraisalRequestSchema, { years: [2030, 2031, 2032, 2033, 2034, 2035, 2036] })).toMatchObject({
      field: 'years',
    });
    expect(refused(AppraisalRequestSchema, { samples: 1e9 })).toMatchObject({ field: 'samples' });
    expect(refused(AppraisalRequestSchema, { samples: 1.5 })).toMatchObject({ field: 'samples' });
    expect(refused(AppraisalRequestSchema, { budgetEur: '1e9' })).toMatchObject({ field: 'budgetEur' });
    expect(refused(AppraisalRequestSchema, { extra: 1 })).toBeDefined();
    expect(refused(AppraisalFlagsSchema, { budgetEur: '0x10' })).toMatchObject({ field: 'budgetEur' });
    expect(refused(AppraisalFlagsSchema, { budgetEur: 'NaN' })).toMatchObject({ field: 'budgetEur' });
    expect(refused(AppraisalFlagsSchema, { years: '2030;2040' })).toMatchObject({ field: 'years' });
  });
});
