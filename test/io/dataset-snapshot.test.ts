/**
 * The dataset snapshot cache: what it stores comes back equal (Maps, Sets, undefined, NaN included); a snapshot is
 * read only under its own key; a corrupt one is ignored and rebuilt; the shipped network survives the trip.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmissionFactorsCached, loadNetworkCached } from '../../src/io/cached-dataset.ts';
import { DEFAULT_DATA_DIR, loadNetwork } from '../../src/io/dataset-dir.ts';
import { cached, readSnapshot, writeSnapshot } from '../../src/io/dataset-snapshot.ts';
import { loadEmissionFactorsDir } from '../../src/io/emission-factors.ts';

const dir = mkdtempSync(join(tmpdir(), 'keruen-snapshot-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = { cacheDir: dir, codeKey: 'test' };

const awkward = {
  m: new Map<string, unknown>([
    ['a', 1],
    ['b', { nan: Number.NaN }],
  ]),
  s: new Set([1, 2]),
  u: undefined,
  inf: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, null],
  nested: { deep: { x: 'y' } },
};

describe('dataset snapshot', () => {
  it('gives back what JSON alone would lose', () => {
    expect(writeSnapshot(dir, 'awkward', 'k1', awkward)).toBe(true);
    const back = readSnapshot(dir, 'awkward', 'k1');
    expect(isDeepStrictEqual(back, awkward)).toBe(true);
    expect(Object.hasOwn(back as object, 'u')).toBe(true);
  });

  it('is read only under its own key', () => {
    writeSnapshot(dir, 'keyed', 'k1', { v: 1 });
    expect(readSnapshot(dir, 'keyed', 'k2')).toBeUndefined();
    expect(readSnapshot(dir, 'missing', 'k1')).toBeUndefined();
  });

  it('builds once, then reads; rebuilds when the data key or the code key changes', () => {
    let builds = 0;
    const build = () => {
      builds++;
      return { n: builds };
    };
    expect(cached(opts, 'count', 'data-1', build)).toEqual({ n: 1 });
    expect(cached(opts, 'count', 'data-1', build)).toEqual({ n: 1 });
    expect(builds).toBe(1);
    expect(cached(opts, 'count', 'data-2', build)).toEqual({ n: 2 });
    expect(cached({ ...opts, codeKey: 'other code' }, 'count', 'data-2', build)).toEqual({ n: 3 });
  });

  it('ignores a corrupt snapshot and rebuilds it', () => {
    let builds = 0;
    const build = () => ({ n: ++builds, text: 'a fairly long value to corrupt' });
    cached(opts, 'corrupt', 'd', build);
    const file = join(dir, 'corrupt.snapshot');
    for (const damage of [
      (t: string) => t.replace('fairly', 'FAIRLY'), // body changed: checksum fails
      (t: string) => t.slice(0, t.length - 5), // truncated
      () => 'not a snapshot at all', // garbage
      () => '{"format":1}\n', // a header of nothing
    ]) {
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      const before = builds;
      expect(cached(opts, 'corrupt', 'd', build).n).toBe(before + 1);
    }
  });

  it('does not store a value that would not come back equal', () => {
    expect(writeSnapshot(dir, 'date', 'k', { d: new Date(0) })).toBe(false);
    expect(writeSnapshot(dir, 'fn', 'k', { f: () => 1 })).toBe(false);
  });

  it('gives the shipped network and emission factors equal to a full load, from the second load on', () => {
    const full = loadNetwork(DEFAULT_DATA_DIR);
    const first = loadNetworkCached(DEFAULT_DATA_DIR, opts);
    const second = loadNetworkCached(DEFAULT_DATA_DIR, opts);
    expect(isDeepStrictEqual(first, full)).toBe(true);
    expect(isDeepStrictEqual(second, full)).toBe(true);
    expect(second).not.toBe(first);
    // the second came from the snapshot the first wrote
    expect(readFileSync(join(dir, 'network.snapshot'), 'utf8').length).toBeGreaterThan(100_000);
    const factors = loadEmissionFactorsCached(DEFAULT_DATA_DIR, opts);
    expect(isDeepStrictEqual(loadEmissionFactorsCached(DEFAULT_DATA_DIR, opts), factors)).toBe(true);
    expect(isDeepStrictEqual(factors, loadEmissionFactorsDir())).toBe(true);
  });
});
