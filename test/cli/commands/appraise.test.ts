/**
 * `keruen appraise`, run in-process through commander on the shipped data: the acceptance of issue #19
 * (`--budget-eur 10e9 --json`), the table, and flags refused with the flag's name and the bound.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../../src/cli/commands/appraise.ts';
import { KeruenError } from '../../../src/core/errors.ts';
import { runCommand } from '../support/run-command.ts';

const run = (...args: string[]) => runCommand(register, ['appraise', '--no-progress', ...args]);

afterEach(() => vi.restoreAllMocks());

describe('keruen appraise', () => {
  it('returns a portfolio within EUR 10 bn with ENPV, EIRR, B/C, sensitivity, gap and the greedy difference', async () => {
    const a = JSON.parse(await run('--budget-eur', '10e9', '--samples', '50', '--json'));
    expect(a.portfolio.optimal.capexEur).toBeLessThanOrEqual(10e9);
    expect(a.portfolio.optimal.solver.mipGap).toBe(0);
    expect(typeof a.portfolio.difference.enpvEur).toBe('number');
    for (const p of a.projects) {
      expect(p.indicators).toHaveProperty('enpvEur');
      expect(p.indicators).toHaveProperty('eirr');
      expect(p.indicators).toHaveProperty('benefitCostRatio');
    }
    expect(a.sensitivity.length).toBe(a.projects.length);
    expect(a.checks.projectsWithTrafficAndZeroBenefits).toEqual([]);
    // the candidates offered exceed the budget, so that it can bind
    expect(a.projects.reduce((s: number, p: { capexEur: number }) => s + p.capexEur, 0)).toBeGreaterThan(10e9);
  }, 60_000);

  it('prints a table with the optimal and greedy portfolios', async () => {
    const text = await run('--budget-eur', '5e8', '--samples', '0', '--years', '2030');
    expect(text).toContain('optimal (HiGHS');
    expect(text).toContain('greedy by B/C');
    expect(text).toContain('not appraised: anaklia-port-phase-1');
  }, 60_000);

  it('values the projects under a context scenario, and refuses one the library lacks', async () => {
    const text = await run('--context', 'russia-closed', '--samples', '0', '--years', '2030');
    expect(text).toContain('every run under the scenario russia-closed');
    const a = JSON.parse(await run('--context', 'russia-closed', '--samples', '0', '--years', '2030', '--json'));
    expect(a.context).toBe('russia-closed');
    const err = await run('--context', 'no-such-scenario', '--samples', '0').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeruenError);
    expect((err as KeruenError).code).toBe('KERUEN_UNKNOWN_ID');
    expect((err as KeruenError).details).toMatchObject({ field: 'context', value: 'no-such-scenario' });
  }, 60_000);

  it('refuses a bad flag with its name and the bound', async () => {
    const err = await run('--budget-eur', '-3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeruenError);
    expect((err as KeruenError).issues[0]?.field).toBe('--budget-eur');
    expect(String((err as KeruenError).issues[0]?.value)).toBe('-3');
    expect((err as KeruenError).issues[0]?.message).toContain('1000000');
    const err2 = await run('--years', '2030;2040').catch((e: unknown) => e);
    expect((err2 as KeruenError).issues[0]?.field).toBe('--years');
  });
});
