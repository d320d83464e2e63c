/** `keruen emissions`: output formats, and bad input reported with the field and value (KERUEN_INVALID_INPUT). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emissionsCommand, register } from '../../../src/cli/commands/emissions.ts';

const EXAMPLE = 'docs/examples/chain-xian-duisburg.json';
const dir = mkdtempSync(join(tmpdir(), 'keruen-em-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

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

describe('keruen emissions', () => {
  it('registers the command with its options', () => {
    const p = new Command('keruen');
    register(p);
    const c = p.commands.find((x) => x.name() === 'emissions')!;
    expect(c.options.map((o) => o.long)).toEqual(['--chain', '--format', '--factors']);
  });

  it('prints a table with a total line and the assumptions', () => {
    const out = capture(() => emissionsCommand({ chain: EXAMPLE, format: 'table' }));
    expect(out).toMatch(/total \(9908 km, 99080 tkm\)/);
    expect(out).toContain('assumptions and fallbacks:');
  });

  it('prints JSON whose total equals the sum of elements, and an iLEAP export', () => {
    const json = JSON.parse(capture(() => emissionsCommand({ chain: EXAMPLE, format: 'json' })));
    const sum = json.elements.reduce((a: number, e: { wtwKg: number }) => a + e.wtwKg, 0);
    expect(json.totals.wtwKg).toBeCloseTo(sum, 9);
    const ileap = JSON.parse(capture(() => emissionsCommand({ chain: EXAMPLE, format: 'ileap' })));
    expect(ileap.shipmentFootprint.tces).toHaveLength(9);
  });

  it('rejects malformed JSON, an unknown mode and a negative mass, naming field and value', () => {
    const bad = (text: string) => () =>
      emissionsCommand({ chain: write(`c${Math.random()}.json`, text), format: 'table' });
    expect(bad('{ "shipmentId": ')).toThrow(expect.objectContaining({ code: 'KERUEN_INVALID_INPUT' }));
    const base = { shipmentId: 's', cargo: { kind: 'bulk', tonnes: 5 } };
    expect(
      bad(JSON.stringify({ ...base, elements: [{ type: 'leg', mode: 'air', distanceKm: 1, country: 'KZ' }] })),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'elements.0.mode', value: 'air' })],
      }),
    );
    expect(
      bad(
        JSON.stringify({
          ...base,
          cargo: { kind: 'bulk', tonnes: -3 },
          elements: [{ type: 'hub', operation: 'transshipment' }],
        }),
      ),
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'cargo.tonnes', value: -3 })] }));
  });
});
