/**
 * Parses the emission factor files (data/emissions/*.yaml) into an immutable lookup. Pure: it takes file texts,
 * not paths (src/io/emission-factors.ts reads the disk). Every problem in every file is collected, then the
 * cross-record rules run: each cited source exists, ids are unique, and the conventions the method needs are
 * present.
 */
import type { z } from 'zod';
import { type Issue, KeruenError } from '../errors.ts';
import { parseRecordList } from '../yaml-records.ts';
import {
  CONVENTION_KEYS,
  type Convention,
  type ConventionKey,
  EmissionFileSchemas,
  type EmissionRecordKind,
  type EmissionSource,
  type Energy,
  type Grid,
  type Hoc,
  type Lane,
  type Primary,
  type Toc,
  type Traction,
} from './factor-schema.ts';

export interface EmissionFactorFile {
  /** Path used in messages, e.g. `emissions/tocs.yaml`; the file name's first word names the record kind. */
  path: string;
  text: string;
}

/** The loaded factor set. Read-only after loading; safe to share between workers once structured-cloned. */
export interface EmissionFactors {
  sources: ReadonlyMap<string, EmissionSource>;
  tocs: ReadonlyMap<string, Toc>;
  hocs: ReadonlyMap<string, Hoc>;
  /** Keyed by country code, plus "EU" for the framework's EU average (the fallback). */
  grid: ReadonlyMap<string, Grid>;
  traction: ReadonlyMap<string, Traction>;
  energy: ReadonlyMap<string, Energy>;
  conventions: Readonly<Record<ConventionKey, Convention>>;
  /** Trade lane of each scheduled sea service, by network service id (lanes*.yaml). */
  laneOfService: ReadonlyMap<string, Lane>;
  /** A carrier's own intensity for a network service, by service id (primary*.yaml): it overrides the TOC. */
  primaryOfService: ReadonlyMap<string, Primary>;
}

const KINDS = Object.keys(EmissionFileSchemas) as EmissionRecordKind[];

/** The record kind a file holds, from the first word of its name (`tocs-sea.yaml` holds TOCs). */
export function emissionKindOfPath(path: string): EmissionRecordKind | undefined {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const stem = base.replace(/\.ya?ml$/, '').split(/[-_.]/)[0];
  return KINDS.find((k) => k === stem);
}

type Rec = { file: string };

/** Parses and checks the files; returns the factor set when there is no issue. */
type Records = { [K in EmissionRecordKind]: Array<z.output<(typeof EmissionFileSchemas)[K]> & Rec> };

/** Every file's records by kind (a file's kind comes from its name). */
function readRecords(files: EmissionFactorFile[], issues: Issue[]): Records {
  const recs: Records = {
    sources: [],
    tocs: [],
    hocs: [],
    grid: [],
    traction: [],
    energy: [],
    conventions: [],
    lanes: [],
    primary: [],
  };
  for (const f of files) {
    const kind = emissionKindOfPath(f.path);
    if (kind === undefined) {
      const message = `file name must start with one of ${KINDS.join(', ')}`;
      issues.push({ code: 'unknown_file', file: f.path, message });
      continue;
    }
    (recs[kind] as unknown[]).push(
      ...parseRecordList(f.path, f.text, kind, EmissionFileSchemas[kind] as z.ZodType, issues),
    );
  }
  return recs;
}

/** Ids unique within each kind, and every cited source defined. */
function checkIdsAndSources(recs: Records, issues: Issue[]): void {
  const sourceIds = new Set(recs.sources.map((s) => s.id));
  const seen = new Map<string, string>();
  for (const kind of KINDS) {
    for (const r of recs[kind] as Array<{ id: string; file: string; source?: string | string[] }>) {
      const key = `${kind}:${r.id}`;
      const first = seen.get(key);
      if (first !== undefined)
        issues.push({ code: 'duplicate_id', file: r.file, id: r.id, message: `${kind} id also defined in ${first}` });
      seen.set(key, r.file);
      if (kind === 'sources') continue;
      checkSources(r.source, r, issues, sourceIds, 'source');
      const g = r as unknown as Partial<Grid>;
      if (g.tdLossShare) checkSources(g.tdLossShare.source, r, issues, sourceIds, 'tdLossShare.source');
      for (const [i, a] of (g.alternatives ?? []).entries())
        checkSources(a.source, r, issues, sourceIds, `alternatives.${i}.source`);
    }
  }
}

/** The conventions by key; each required one missing is an issue. */
function conventionsOf(recs: Records, issues: Issue[]): Partial<Record<ConventionKey, Convention>> {
  const conventions: Partial<Record<ConventionKey, Convention>> = {};
  for (const c of recs.conventions) conventions[c.id] = c;
  for (const key of CONVENTION_KEYS) {
    if (conventions[key] === undefined) {
      const message = `the convention ${key} is required (in a conventions*.yaml file)`;
      issues.push({ code: 'missing_convention', file: 'emissions/', id: key, message });
    }
  }
  return conventions;
}

export function parseEmissionFactors(files: EmissionFactorFile[]): { factors?: EmissionFactors; issues: Issue[] } {
  const issues: Issue[] = [];
  const recs = readRecords(files, issues);
  checkIdsAndSources(recs, issues);
  const conventions = conventionsOf(recs, issues);
  const grid = byKey(recs.grid, (g) => g.country, 'grid', issues);
  if (!grid.has('EU')) {
    const message = 'a grid record for "EU" is needed as the fallback';
    issues.push({ code: 'missing_fallback', file: 'emissions/', id: 'EU', message });
  }
  const traction = byKey(recs.traction, (t) => t.country, 'traction', issues);
  const laneOfService = lanesByService(recs, issues);
  const primaryOfService = byKey(recs.primary, (p) => p.service, 'primary', issues);
  if (issues.length > 0) return { issues };
  return {
    issues,
    factors: {
      sources: new Map(recs.sources.map((s) => [s.id, s])),
      tocs: new Map(recs.tocs.map((t) => [t.id, t])),
      hocs: new Map(recs.hocs.map((h) => [h.id, h])),
      grid,
      traction,
      energy: new Map(recs.energy.map((e) => [e.id, e])),
      conventions: conventions as Record<ConventionKey, Convention>,
      laneOfService,
      primaryOfService,
    },
  };
}

/** Parses the files or throws KERUEN_INVALID_DATASET listing every problem. */
export function loadEmissionFactors(files: EmissionFactorFile[]): EmissionFactors {
  const { factors, issues } = parseEmissionFactors(files);
  if (factors === undefined)
    throw new KeruenError('KERUEN_INVALID_DATASET', `emission factors have ${issues.length} problem(s)`, issues);
  return factors;
}

/** Lane per service: each lane's TOC must exist, and a service sails on one lane only. */
function lanesByService(recs: Records, issues: Issue[]): Map<string, Lane> {
  const tocIds = new Set(recs.tocs.map((t) => t.id));
  const m = new Map<string, Lane>();
  for (const lane of recs.lanes) {
    const toc = `sea-container-${lane.id}`;
    if (!tocIds.has(toc))
      issues.push({
        code: 'unknown_factor',
        file: lane.file,
        id: lane.id,
        field: 'id',
        value: toc,
        message: `no TOC ${toc}`,
      });
    for (const s of lane.services) {
      const other = m.get(s);
      if (other !== undefined)
        issues.push({
          code: 'duplicate_key',
          file: lane.file,
          id: lane.id,
          field: 'services',
          value: s,
          message: `service ${s} is already on lane ${other.id}`,
        });
      m.set(s, lane);
    }
  }
  return m;
}

function checkSources(
  ref: string | string[] | undefined,
  r: { id: string; file: string },
  issues: Issue[],
  known: Set<string>,
  field: string,
): void {
  if (ref === undefined) return;
  for (const s of Array.isArray(ref) ? ref : [ref]) {
    if (!known.has(s))
      issues.push({
        code: 'unknown_source',
        file: r.file,
        id: r.id,
        field,
        value: s,
        message: `source ${s} is not in the emission sources`,
      });
  }
}

function byKey<T extends { id: string; file: string }>(
  list: T[],
  key: (t: T) => string,
  kind: string,
  issues: Issue[],
): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of list) {
    const k = key(r);
    if (m.has(k))
      issues.push({ code: 'duplicate_key', file: r.file, id: r.id, message: `a second ${kind} record for ${k}` });
    m.set(k, r);
  }
  return m;
}
