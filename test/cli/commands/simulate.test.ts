/**
 * `keruen simulate port`, run in-process through commander with the command's own register(), on the fixture
 * test/fixtures/reliability/port: Aktau has feeder A (Mon and Thu 10:00, 200 TEU, 10% cancelled) and feeder B
 * on a bidirectional link (1 a week, 100 TEU, never cancelled): expected capacity 2 x 200 x 0.9 + 100 = 460
 * TEU/week, at most 500. Kuryk has only a road link.
 */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../../src/cli/commands/simulate.ts';
import { KeruenError } from '../../../src/core/errors.ts';

const FIXTURE = 'test/fixtures/reliability/port';

async function run(...args: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  });
  args.push('--data', FIXTURE);
  try {
    const program = new Command('keruen').exitOverride();
    register(program);
    await program.parseAsync(['node', 'keruen', ...args]);
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('keruen simulate port', () => {
  it('finds the port by name and reports a backlog that grows when demand exceeds sailing capacity', async () => {
    const text = await run(
      'simulate',
      'port',
      '--node',
      'Aktau',
      '--demand-teu-per-week',
      '600',
      '--weeks',
      '30',
      '--json',
    );
    const r = JSON.parse(text);
    expect(r.node.id).toBe('kz-aktau');
    expect(r.expectedCapacityTeuPerWeek).toBeCloseTo(460, 6);
    expect(r.seed).toBe(1);
    // 600 in, at most 500 out per week: the queue at week 30 is far above the one at week 5
    expect(r.weekly[29].queueEndTeu).toBeGreaterThan(r.weekly[4].queueEndTeu + 2000);
    expect(r.services.map((s: { id: string }) => s.id).sort()).toEqual(['feeder-a', 'feeder-b']);
    expect(r.utilisation).toBeGreaterThan(0.97); // the first week starts with an empty quay
  });

  it('gives the same numbers for the same seed and different ones for another seed', async () => {
    const a = await run(
      'simulate',
      'port',
      '--node',
      'kz-aktau',
      '--demand-teu-per-week',
      '300',
      '--weeks',
      '10',
      '--json',
    );
    const b = await run(
      'simulate',
      'port',
      '--node',
      'kz-aktau',
      '--demand-teu-per-week',
      '300',
      '--weeks',
      '10',
      '--json',
    );
    const c = await run(
      'simulate',
      'port',
      '--node',
      'kz-aktau',
      '--demand-teu-per-week',
      '300',
      '--weeks',
      '10',
      '--seed',
      '2',
      '--json',
    );
    expect(a).toBe(b);
    expect(JSON.parse(c).arrivedTeu).not.toBe(JSON.parse(a).arrivedTeu);
  });

  it('prints a readable report with the weekly queue', async () => {
    const text = await run('simulate', 'port', '--node', 'Aktau', '--demand-teu-per-week', '600', '--weeks', '8');
    expect(text).toContain('Aktau port (kz-aktau)');
    expect(text).toContain('backlog grows');
    expect(text.split('\n').filter((l) => /^\s+\d+\s+\d+/.test(l))).toHaveLength(8);
  });

  it('rejects an unknown node with KERUEN_UNKNOWN_NODE', async () => {
    await expect(run('simulate', 'port', '--node', 'Atlantis', '--demand-teu-per-week', '10')).rejects.toSatisfy(
      (e: unknown) => e instanceof KeruenError && e.code === 'KERUEN_UNKNOWN_NODE',
    );
  });

  it('rejects a port without sailings, and a bad number', async () => {
    await expect(run('simulate', 'port', '--node', 'Kuryk', '--demand-teu-per-week', '10')).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof KeruenError && e.code === 'KERUEN_INVALID_INPUT' && /no scheduled sailing/.test(e.message),
    );
    await expect(run('simulate', 'port', '--node', 'Alat', '--demand-teu-per-week', 'ten')).rejects.toSatisfy(
      (e: unknown) => e instanceof KeruenError && e.code === 'KERUEN_INVALID_INPUT',
    );
  });
});
