/** The exports request schema: what the API, the CLI and the page all refuse, with the field and the bound. */
import { describe, expect, it } from 'vitest';
import { ExportsRequestSchema, parseRequest } from '../../../src/core/index.ts';

const refused = (input: unknown) => {
  try {
    parseRequest(ExportsRequestSchema, input);
  } catch (e) {
    return (e as { code: string; issues: Array<{ field: string }> }).issues[0];
  }
  return undefined;
};

describe('ExportsRequestSchema', () => {
  it('takes a commodity and a scenario, both optional', () => {
    expect(parseRequest(ExportsRequestSchema, {})).toEqual({});
    expect(parseRequest(ExportsRequestSchema, { commodity: 'crude-oil', scenario: 'cpc-disrupted' })).toEqual({
      commodity: 'crude-oil',
      scenario: 'cpc-disrupted',
    });
  });

  it.each([
    [{ commodity: '' }, 'commodity'],
    [{ commodity: 'Crude Oil' }, 'commodity'],
    [{ commodity: 'x'.repeat(65) }, 'commodity'],
    [{ commodity: '../../etc/passwd' }, 'commodity'],
    [{ scenario: 'y'.repeat(101) }, 'scenario'],
    [{ commodity: ['a', 'b'] }, 'commodity'],
    [{ extra: 1 }, ''],
  ])('refuses %j, naming %s', (input, field) => {
    expect(refused(input)?.field ?? '').toBe(field);
  });
});
