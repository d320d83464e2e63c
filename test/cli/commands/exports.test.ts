/** `keruen exports`: the table and the JSON answer, and bad flags named with their value (KERUEN_INVALID_INPUT). */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportsCommand, register } from '../../../src/cli/commands/exports.ts';
import { DEFAULT_DATA_DIR } from '../../../src/io/index.ts';

function capture(fn: () => void): string {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('keruen exports', () => {
  it('registers the command with its options', () => {
    const p = new Command('keruen');
    register(p);
    const c = p.commands.find((x) => x.name() === 'exports')!;
    expect(c.options.map((o) => o.long)).toEqual(['--commodity', '--scenario', '--json', '--data']);
  });

  it('prints crude under CPC disrupted: the trans-Caspian route and the bottleneck of the rest', () => {
    const text = capture(() =>
      exportsCommand({ data: DEFAULT_DATA_DIR, commodity: 'crude-oil', scenario: 'cpc-disrupted' }),
    );
    expect(text).toMatch(/crude-oil\s+Middle\s+it-trieste\s+2,200 kt/);
    expect(text).toMatch(/bottleneck .*exp-aktau-sangachal-tankers/);
    expect(text).toMatch(/11\.5% \(2024, S68\)/);
  }, 60_000);

  it('prints the same answer as JSON', () => {
    const json = JSON.parse(
      capture(() => exportsCommand({ data: DEFAULT_DATA_DIR, commodity: 'uranium-uoc', json: true })),
    );
    expect(json.commodity).toBe('uranium-uoc');
    expect(json.byCorridor[0]).toMatchObject({ commodity: 'uranium-uoc', to: ['de-hamburg'] });
    expect(json.flows.every((f: { commodity: string }) => f.commodity === 'uranium-uoc')).toBe(true);
  }, 60_000);

  it.each([
    [{ commodity: 'Gold!' }, /--commodity/],
    [{ commodity: 'gold' }, /commodity = "gold"/],
    [{ scenario: 'atlantis' }, /unknown scenario "atlantis"; known: baseline.*cpc-disrupted/],
  ])('refuses %j', (flags, message) => {
    expect(() => exportsCommand({ data: DEFAULT_DATA_DIR, ...flags })).toThrow(message);
  });
});
