/**
 * `keruen sweep`, in-process through commander, on the shipped dataset: the same KPIs as the API's sweep and as
 * the core's runVariant (one question, one answer), files written with --out-dir, and bad specs refused naming
 * the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { register } from '../../../src/cli/commands/sweep.ts';
import { listVariants, runVariant, SweepSpecSchema } from '../../../src/core/index.ts';
import { loadContext, loadScenarioLibrary } from '../../../src/io/index.ts';
import { runCommand } from '../support/run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'keruen-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCommand(register, ['sweep', ...args]);

const spec = (text: string) => {
  const p = join(dir, `spec-${Math.random()}.yaml`);
  writeFileSync(p, text);
  return p;
};

describe('keruen sweep', () => {
  it('gives every variant the core gives, and writes both tables', async () => {
    const text = 'name: t\nscenarios: [baseline, russia-closed]\ngrowth: [1, 1.25]\nsamplesPerOd: 0\n';
    const out = join(dir, 'out');
    const json = JSON.parse(await run('--spec', spec(text), '--json', '--out-dir', out));
    expect(json.variants).toHaveLength(4);
    const ctx = loadContext();
    const sweepCtx = { network: ctx.network, emissions: ctx.emissions, library: loadScenarioLibrary(ctx.network) };
    const s = SweepSpecSchema.parse({
      name: 't',
      scenarios: ['baseline', 'russia-closed'],
      growth: [1, 1.25],
      samplesPerOd: 0,
    });
    const v3 = listVariants(s)[3];
    const direct = runVariant(sweepCtx, s, v3 as NonNullable<typeof v3>);
    expect(json.variants[3].generalisedCostUsd).toBeCloseTo(direct.generalisedCostUsd, 6);
    expect(json.summary.groups).toHaveLength(4);
    expect(readFileSync(join(out, 'variants.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toMatch(/^scenario,growth,kpi,n,mean/);
  });

  it('refuses a spec naming the field, the value and the bound', async () => {
    await expect(run('--spec', spec('name: t\nscenarios: [baseline]\ngrowth: [11]\n'))).rejects.toThrow(
      /growth.0 = 11: must be above 0 and at most 10/,
    );
    await expect(run('--spec', spec('name: t\nscenarios: [nowhere]\n'))).rejects.toThrow(
      /scenarios\[0\]: no library scenario nowhere/,
    );
    await expect(run('--spec', spec('name: [unclosed\n'))).rejects.toThrow(/spec: .* is not YAML/);
    await expect(run('--spec', join(dir, 'missing.yaml'))).rejects.toThrow(/spec: cannot read/);
    await expect(run('--spec', spec('name: t\nscenarios: [baseline]\n'), '--db', 'mysql://x')).rejects.toThrow(
      /postgres:\/\//,
    );
  });
});
