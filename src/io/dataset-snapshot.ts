/**
 * A snapshot of the validated dataset, so that a command does not parse and check every YAML file again: the
 * network (and the emission factors) as built from data/, stored in a cache folder under a key made of the
 * content hash of every dataset file read and of the code that builds it. Any change to a file of data/ or to the
 * code gives another key, so a stale snapshot is never read; a snapshot whose body does not match its own
 * checksum, or does not decode, is ignored and rebuilt (a full load, as without a cache).
 *
 * The encoding keeps what JSON loses (Map, Set, undefined properties, NaN and infinities) with one-key marker
 * objects, and a snapshot is written only when decoding it gives back a value deep-equal to the one built.
 *
 * Only the compiled CLI uses snapshots by default (its bundle's content is the code key); from the TypeScript
 * sources the code changes between runs, so the full load runs. KERUEN_NO_SNAPSHOT=1 turns them off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const FORMAT = 1;

export interface SnapshotOptions {
  /** Folder of the snapshot files (created when missing). */
  cacheDir: string;
  /** Names the code that builds the value: a different code key never reads this one's snapshots. */
  codeKey: string;
}

/** Content hash of a list of (name, text) pairs, order included. */
export function contentKey(parts: readonly (readonly [string, string])[]): string {
  const h = createHash('sha256');
  for (const [name, text] of parts) h.update(name).update('\u0000').update(text).update('\u0000');
  return h.digest('hex');
}

const MAP = '~map';
const SET = '~set';
const UNDEF = '~undefined';
const NUM = '~number';

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (raw instanceof Map) return { [MAP]: [...raw] };
    if (raw instanceof Set) return { [SET]: [...raw] };
    if (raw instanceof Date) throw new Error('a Date in a snapshot');
    if (v === undefined) return { [UNDEF]: 1 };
    if (typeof v === 'number' && !Number.isFinite(v)) return { [NUM]: String(v) };
    return v;
  });
}

function revive(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const k = keys[0];
    if (k === MAP) return new Map(revive(o[MAP]) as [unknown, unknown][]);
    if (k === SET) return new Set(revive(o[SET]) as unknown[]);
    if (k === UNDEF) return undefined;
    if (k === NUM) return Number(o[NUM]);
  }
  for (const k of keys) o[k] = revive(o[k]);
  return o;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The snapshot stored under `key`, or undefined when there is none, it is corrupt, or it is of another key. */
export function readSnapshot(cacheDir: string, name: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(cacheDir, `${name}.snapshot`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const nl = text.indexOf('\n');
    const head = JSON.parse(text.slice(0, nl)) as { format?: number; key?: string; sha256?: string };
    const body = text.slice(nl + 1);
    if (head.format !== FORMAT || head.key !== key || head.sha256 !== sha(body)) return undefined;
    return revive(JSON.parse(body));
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key` when it survives the round trip; returns whether it was written. Atomic rename. */
export function writeSnapshot(cacheDir: string, name: string, key: string, value: unknown): boolean {
  try {
    const body = encode(value);
    if (!isDeepStrictEqual(revive(JSON.parse(body)), value)) return false;
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${name}.snapshot`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, key, sha256: sha(body) })}\n${body}`);
    renameSync(tmp, file);
    return true;
  } catch {
    // a read-only or full disk: the next run loads in full again
    return false;
  }
}

/**
 * The value stored under (name, key) if a sound snapshot is there; else `build()`, stored for next time.
 * `build` may throw (an invalid dataset): nothing is stored then.
 */
export function cached<T>(o: SnapshotOptions, name: string, dataKey: string, build: () => T): T {
  const key = contentKey([
    ['code', o.codeKey],
    ['data', dataKey],
  ]);
  const hit = readSnapshot(o.cacheDir, name, key);
  if (hit !== undefined) return hit as T;
  const value = build();
  writeSnapshot(o.cacheDir, name, key, value);
  return value;
}

/**
 * Snapshot options of this process: when it runs from a compiled bundle (a .mjs file, as `npm run build` makes),
 * the bundle's size and modification time are the code key and the cache is node_modules/.cache/keruen of the
 * package; from the TypeScript sources, or with KERUEN_NO_SNAPSHOT=1, none (full load).
 */
export function defaultSnapshotOptions(): SnapshotOptions | undefined {
  if (process.env.KERUEN_NO_SNAPSHOT === '1') return undefined;
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.mjs')) return undefined;
  try {
    const s = statSync(self);
    return {
      cacheDir: join(dirname(self), '../../node_modules/.cache/keruen'),
      codeKey: `${self} ${s.size} ${s.mtimeMs}`,
    };
  } catch {
    return undefined;
  }
}
